/**
 * A team with 120 sprints (360 docs, the bench's corpus shape): the lists that
 * grow with the archive (timeline, a status, every sprint's figures) come in
 * pages of 50, each page linking every other by the sprints it holds, so no
 * page grows with the archive and none loses a sprint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { generateCorpus, sprintIds } from '../bench/corpus.ts';
import { deadLinks, page as pageIn, textOf } from './helpers/site.ts';

const SPRINTS = 120;
const newestFirst = sprintIds(SPRINTS).reverse();
let dist = '';
const page = (url: string) => pageIn(url, dist);
const listed = (url: string) => page(url).querySelectorAll('ol.sprint-list > li').map((li) => li.getAttribute('data-sprint'));
const pageLinks = (url: string) => page(url).querySelectorAll('nav.list-pages ol a').map((a) => [a.getAttribute('href'), a.text, a.getAttribute('aria-current')]);

beforeAll(() => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-long-archive-'));
	copySprintbook(root);
	generateCorpus(join(root, 'content'), { sprints: SPRINTS });
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, SPRINTBOOK_TODAY: '2026-06-01' } });
	expect(build.status, build.stdout + build.stderr).toBe(0);
	dist = join(root, 'dist');
}, 240_000);

describe('an archive of 120 sprints', () => {
	it('lists the sprints 50 to a page, newest first, every sprint once', () => {
		expect(listed('/sprints/')).toEqual(newestFirst.slice(0, 50));
		expect(listed('/sprints/page/2/')).toEqual(newestFirst.slice(50, 100));
		expect(listed('/sprints/page/3/')).toEqual(newestFirst.slice(100));
		expect(textOf(page('/sprints/page/2/').querySelector('.subtitle'))).toBe(`120 sprints, newest first; ${newestFirst[50]}–${newestFirst[99]} on this page.`);
	});

	it('links every page from every page, labelled by its sprints, with newer and older beside', () => {
		const expected = (current: number) => [
			['/sprints/', `${newestFirst[0]}–${newestFirst[49]}`, current === 1 ? 'page' : undefined],
			['/sprints/page/2/', `${newestFirst[50]}–${newestFirst[99]}`, current === 2 ? 'page' : undefined],
			['/sprints/page/3/', `${newestFirst[100]}–${newestFirst[119]}`, current === 3 ? 'page' : undefined],
		];
		expect(pageLinks('/sprints/')).toEqual(expected(1));
		expect(pageLinks('/sprints/page/3/')).toEqual(expected(3));
		const middle = page('/sprints/page/2/');
		expect(middle.querySelector('nav.list-pages a[rel=prev]')?.getAttribute('href')).toBe('/sprints/');
		expect(middle.querySelector('nav.list-pages a[rel=next]')?.getAttribute('href')).toBe('/sprints/page/3/');
		expect(page('/sprints/').querySelector('nav.list-pages a[rel=prev]')).toBeNull();
		expect(page('/sprints/page/3/').querySelector('nav.list-pages a[rel=next]')).toBeNull();
	});

	it('pages a status the same way', () => {
		// Every plan of the corpus is complete.
		expect(listed('/sprints/status/complete/')).toEqual(newestFirst.slice(0, 50));
		expect(listed('/sprints/status/complete/page/3/')).toEqual(newestFirst.slice(100));
		expect(pageLinks('/sprints/status/complete/page/3/').map(([href]) => href)).toEqual(['/sprints/status/complete/', '/sprints/status/complete/page/2/', '/sprints/status/complete/page/3/']);
		expect(textOf(page('/sprints/status/complete/page/2/').querySelector('h1'))).toBe('Sprints: complete');
	});

	it('gives every sprint’s figures once across the figures pages, each chart oldest to newest', () => {
		const rows = (url: string) => [...new Set(page(url).querySelectorAll('details.chart-figures tbody tr').map((tr) => tr.querySelector('td')!.text))];
		expect(rows('/sprints/figures/')).toEqual(newestFirst.slice(0, 50).reverse());
		expect(rows('/sprints/figures/page/2/')).toEqual(newestFirst.slice(50, 100).reverse());
		expect(rows('/sprints/figures/page/3/')).toEqual(newestFirst.slice(100).reverse());
		expect(pageLinks('/sprints/figures/page/2/')[1]).toEqual(['/sprints/figures/page/2/', `${newestFirst[50]}–${newestFirst[99]}`, 'page']);
	});

	it('leads an old sprint’s “Sprints” breadcrumb to the timeline page that lists it', () => {
		const crumb = (url: string) => page(url).querySelector('nav.breadcrumbs a')?.getAttribute('href');
		expect(crumb(`/sprints/${newestFirst[0]}/`)).toBe('/sprints/');
		expect(crumb(`/sprints/${newestFirst[75]}/`)).toBe('/sprints/page/2/');
		expect(crumb(`/sprints/${newestFirst[119]}/report/`)).toBe('/sprints/page/3/');
	});

	it('keeps every page under 60 KB of HTML and publishes no dead link', () => {
		const sizes = readdirSync(dist, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.html'))
			.map((f) => [f, statSync(join(dist, f)).size] as const)
			.filter(([, size]) => size > 60 * 1024);
		expect(sizes).toEqual([]);
		expect(deadLinks(dist)).toEqual([]);
	});
});
