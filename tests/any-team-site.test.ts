/**
 * The site of a team that numbers sprints 2, 3, 4, 12, 12.5, 13, kept plans for
 * only some of them, and has project docs in sections: every sprint has a page,
 * statuses are stated or derived (and say so), figures not stated are shown as
 * such, and project docs with the same file name each keep their own page.
 * Built from tests/fixtures/any-team in a throwaway project, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { deadLinks, page as pageIn, related, ROOT, textOf } from './helpers/site.ts';

let dist = '';
const page = (url: string) => pageIn(url, dist);

beforeAll(() => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-any-team-'));
	cpSync(join(ROOT, 'tests/fixtures/any-team/content'), join(root, 'content'), { recursive: true });
	copySprintbook(root);
	// A history: everything written on 1 February; on 18 February one task ticked and the architecture overview edited.
	const at = (date: string) => ({ ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` });
	const git = (env: NodeJS.ProcessEnv, ...args: string[]) => expect(spawnSync('git', args, { cwd: root, env, encoding: 'utf8' }).status).toBe(0);
	git(process.env, 'init', '-q', '-b', 'main');
	git(at('2026-02-01'), '-c', 'user.name=Dana', '-c', 'user.email=dana@team.test', 'add', 'content');
	git(at('2026-02-01'), '-c', 'user.name=Dana', '-c', 'user.email=dana@team.test', 'commit', '-q', '-m', 'Docs');
	const plan = join(root, 'content/sprints/13/plan.md');
	writeFileSync(plan, readFileSync(plan, 'utf8').replace('- [ ] CSV export', '- [x] CSV export'));
	appendFileSync(join(root, 'content/docs/architecture/overview.md'), '\nThe export runs nightly.\n');
	git(at('2026-02-18'), '-c', 'user.name=Dana', '-c', 'user.email=dana@team.test', 'commit', '-q', '-am', 'CSV export done');
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, SPRINTBOOK_TODAY: '2026-02-20' } });
	expect(build.status, build.stdout + build.stderr).toBe(0);
	// Sprints without a plan are told, not failed, and the build says how many notes there are.
	expect(build.stdout).toContain('4 notes (npm run check lists them)');
	dist = join(root, 'dist');
}, 120_000);

describe('the dashboard on a Monday morning', () => {
	it('shows tasks done per track, from the task list under the heading that names the track; unmarked items do not count', () => {
		const row = page('/').querySelector('tr[data-track="A"]')!;
		expect(textOf(row.querySelector('td.progress'))).toBe('2 of 3');
		expect(row.querySelector('td.progress a')?.getAttribute('href')).toBe('/sprints/13/#report-builder');
	});

	it("lists the plan's blockers, linking to its section", () => {
		const risks = page('/').querySelector('[data-testid="risks"]')!;
		expect(risks.querySelectorAll('li').map(textOf)).toEqual(['Finance has not signed off the column list', 'The staging database is read-only until 16 February']);
		expect(risks.querySelector('p a')?.getAttribute('href')).toBe('/sprints/13/#blockers');
	});

	it('says what changed in the last 7 days, from git: docs touched and tasks ticked', () => {
		const week = page('/').querySelector('[data-testid="this-week"]')!;
		expect(textOf(week.querySelector('p'))).toBe('2 docs changed, 1 task ticked off since 2026-02-14:');
		expect(week.querySelectorAll('li a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
			['/docs/architecture/overview/', 'Architecture overview'],
			['/sprints/13/', 'Sprint 13: Reporting'],
		]);
	});
});

describe('a team with its own numbering', () => {
	it('lists every sprint any document names, newest first by number, with or without a plan', () => {
		const items = page('/sprints/').querySelectorAll('ol.sprint-list > li');
		// 14 is known from the roadmap alone: a roadmap section about a sprint makes it one.
		expect(items.map((li) => li.getAttribute('data-sprint'))).toEqual(['14', '13', '12.5', '12', '4', '3', '2']);
		expect(items[2]!.querySelectorAll('p').map(textOf)).toEqual(['status not stated', 'No plan · 1 document']);
		expect(textOf(items[4])).toContain('complete (no status written; it is archived) · archived');
		expect(textOf(items[6])).toContain('Final: not stated');
	});

	it('gives a sprint without a plan its own page, built from its documents', () => {
		const two = page('/sprints/2/');
		expect(textOf(two.querySelector('h1'))).toBe('Sprint 2');
		const meta = two.querySelectorAll('section.meta dt').map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]);
		expect(meta).toEqual([
			['Status', '✓complete (no status written; it has a completion report)'],
			['Final tests', 'not stated'],
		]);
		expect(two.querySelectorAll('ul.doc-list a').map((a) => [a.getAttribute('href'), a.text])).toEqual([['/sprints/2/report/', 'Sprint 2 wrap-up']]);
		// Previous/next walks through plan-less sprints too: 12 ← 12.5 → 13.
		const pager = page('/sprints/12.5/').querySelectorAll('nav.pager a').map((a) => [a.getAttribute('href'), a.text]);
		expect(pager).toEqual([['/sprints/12/', '← Sprint 12: Search'], ['/sprints/13/', 'Sprint 13: Reporting →']]);
	});

	it('says where a report’s test figure came from when new report read it from the run’s files', () => {
		expect(textOf(page('/sprints/3/report/').querySelector('[data-testid="tests-from"]'))).toBe('Final tests from 3 JUnit files.');
		expect(page('/sprints/2/report/').querySelector('[data-testid="tests-from"]')).toBeNull();
	});

	it('shows a report without figures as "not stated", never as 0', () => {
		const report = page('/sprints/2/report/');
		expect(textOf(report.querySelector('p.subtitle'))).toBe('Completion report for Sprint 2');
		const cells = report.querySelectorAll('#pva + .table-scroll table tbody tr').map((tr) => tr.querySelectorAll('th, td').map(textOf));
		expect(cells).toEqual([
			['Passing', '—', 'not stated', '—'],
			['Pass rate', '—', 'not stated', '—'],
		]);
		expect(textOf(report.querySelector('main'))).not.toMatch(/\b0\/0\b|0\.0%/);
	});

	it('makes the latest active sprint current, and flags it overdue when its end has passed without a report', () => {
		const card = textOf(page('/').querySelector('section.card'));
		expect(card).toContain('Current sprint: Sprint 13: Reporting');
		expect(card).toContain('overdue');
		expect(textOf(page('/').querySelector('[data-testid="overdue"]'))).toBe('This sprint ended on 2026-02-13 and has no completion report yet.');
	});

	it('publishes project docs by section; same-named files in different folders keep their own pages', () => {
		const index = page('/docs/');
		expect(index.querySelectorAll('main h2 a').map((a) => a.text)).toEqual(['Architecture', 'Decisions', 'Guides']);
		expect(page('/docs/guides/').querySelectorAll('ul.doc-list a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
			['/docs/guides/backend/readme/', 'Backend guide'],
			['/docs/guides/frontend/readme/', 'Frontend guide'],
		]);
		const decision = page('/docs/decisions/readme/');
		expect(textOf(decision.querySelector('p.subtitle'))).toBe('2026-02-03 · Accepted · related to Sprint 13');
		expect(decision.querySelector('p.subtitle a')?.getAttribute('href')).toBe('/sprints/13/');
		expect(page('/').querySelector('nav#site-nav a[href="/docs/"]')?.text.trim()).toBe('Project docs');
	});

	it('puts every sprint, section and project page in the navigation rail, the current sprint marked', () => {
		const rail = page('/docs/guides/backend/readme/').querySelector('nav#site-nav')!;
		const sprints = rail.querySelectorAll('.rail-sprints > li > a').map((a) => [a.getAttribute('href'), a.querySelectorAll('span').map(textOf).join(' ')]);
		expect(sprints).toEqual([
			['/sprints/14/', '14 draft'],
			['/sprints/13/', '13 active current'],
			['/sprints/12.5/', '12.5 no status'],
			['/sprints/12/', '12 complete'],
			['/sprints/4/', '4 complete'],
			['/sprints/3/', '3 complete'],
			['/sprints/2/', '2 complete'],
		]);
		expect(rail.querySelectorAll('a[href^="/docs/"]').map((a) => a.text)).toEqual(['Project docs', 'Architecture', 'Decisions', 'Guides']);
		// The page's own section is marked as where the reader is.
		expect(rail.querySelector('a[href="/docs/guides/"]')?.getAttribute('aria-current')).toBe('true');
		expect(rail.querySelectorAll('a').map((a) => a.getAttribute('href')).slice(-3)).toEqual(['/roadmap/', '/handoff/', '/requirements/']);
	});

	it('links plans to project docs and back', () => {
		expect(page('/sprints/3/').querySelector('article a[href="/docs/architecture/overview/"]')?.text).toBe('architecture overview');
		expect(related(page('/docs/architecture/overview/'), 'Referenced by')).toEqual([['/sprints/3/', 'Sprint 3: Payments groundwork']]);
		expect(related(page('/sprints/13/'), 'Referenced by').map(([u]) => u)).toEqual(['/docs/decisions/readme/', '/roadmap/']);
	});

	it('shows a GitHub alert as a callout with its kind, and a plain quote as a quote', () => {
		const quotes = page('/sprints/13/').querySelectorAll('article blockquote');
		expect(quotes.map((q) => [q.getAttribute('class') ?? '', q.querySelectorAll('p').map(textOf)])).toEqual([
			['callout callout--warning', ['Warning', 'Finance needs the first report by 13 February.']],
			['', ['A plain quote from the kickoff stays a quote.']],
		]);
	});

	it('names every task-list checkbox by its item, in a loose list (items apart by blank lines) as in a tight one', () => {
		const boxes = page('/sprints/4/retro/').querySelectorAll('article input[type="checkbox"]');
		expect(boxes.map((b) => [b.getAttribute('aria-label'), b.hasAttribute('checked')])).toEqual([
			['Split the payment pull request in two', true],
			['Review within a day', false],
		]);
		const tight = page('/sprints/13/').querySelectorAll('article input[type="checkbox"]');
		expect(tight.map((b) => b.getAttribute('aria-label'))).toEqual(['Revenue query per month', 'CSV export', 'Charts for the finance deck']);
	});

	it('links every sprint the roadmap lists, one still to come included (it has its page)', () => {
		const cells = page('/roadmap/').querySelectorAll('tbody tr td:first-child');
		expect(cells.map((td) => [td.text, td.querySelector('a')?.getAttribute('href')])).toEqual([
			['12', '/sprints/12/'],
			['13', '/sprints/13/'],
			['14', '/sprints/14/'],
		]);
	});

	it('publishes no internal link that leads nowhere', () => {
		expect(deadLinks(dist)).toEqual([]);
	});
});
