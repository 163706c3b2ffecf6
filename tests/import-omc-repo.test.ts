/**
 * The customer's whole repository (../shared/omc-repo: 278 Markdown files,
 * sprints 2.5–2.61, no frontmatter) brought into a fresh clone the way the
 * README says a team starts from its own archive: import with
 * --replace-samples, check, build. Expected values were read from the
 * documents by hand, not from the importer.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';
import { deadLinks, page as pageIn, ROOT, textOf } from './helpers/site.ts';

const REPO = join(ROOT, '..', 'shared', 'omc-repo');
// In CI ../shared is always there; elsewhere a missing copy skips these tests, saying why.
const hasRepo = existsSync(REPO);
if (!hasRepo && !process.env.CI) console.warn(`OMC repository tests skipped: ${REPO} is absent (it sits beside the repository in CI)`);

/** Every sprint the repository names in a folder, a file name or a document title (read with find and grep, by hand). */
const NAMED_SPRINTS = [
	'2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.15', '2.16', '2.17', '2.18', '2.19', '2.20',
	'2.21', '2.22', '2.23', '2.24', '2.25', '2.26', '2.27', '2.28', '2.29', '2.30', '2.31', '2.32', '2.33', '2.34',
	'2.35', '2.36', '2.41', '2.42', '2.43', '2.50', '2.61',
];

const hashTree = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.sort()
		.map((f) => {
			try {
				return `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`;
			} catch {
				return `${f}/`;
			}
		});

describe.skipIf(!hasRepo && !process.env.CI)('the OMC repository, imported into a fresh clone', () => {
	let root = '';
	let imported = '';
	let dist = '';
	const page = (url: string) => pageIn(url, dist);
	const before = hasRepo ? hashTree(REPO) : [];

	beforeAll(() => {
		// A clone: the code, and content/ with the samples it ships.
		root = mkdtempSync(join(tmpdir(), 'sprintbook-omc-repo-'));
		cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
		copySprintbook(root);
		const run = sprintbook(['import', REPO, '--replace-samples'], root);
		expect(run.status, run.stderr).toBe(0);
		imported = run.stdout;
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, SPRINTBOOK_TODAY: '2026-04-10' } });
		expect(build.status, build.stdout + build.stderr).toBe(0);
		dist = join(root, 'dist');
	}, 240_000);

	it('imports at least 95% of the 278 files and names the reason for each one left out; the inputs are untouched', () => {
		const summary = /^278 files: (\d+) imported clean, (\d+) imported needing attention, (\d+) not imported\.$/m.exec(imported);
		expect(summary, imported.slice(0, 2000)).not.toBeNull();
		const [clean, attention, left] = summary!.slice(1).map(Number) as [number, number, number];
		expect(clean + attention).toBeGreaterThanOrEqual(Math.ceil(278 * 0.95));
		const leftOut = imported.split('\n').filter((l) => l.startsWith('not imported '));
		expect(leftOut).toHaveLength(left);
		for (const l of leftOut) expect(l).toMatch(/(?:the same text as \S+, which is imported: imported once|empty file: nothing to publish)$/);
		expect(hashTree(REPO)).toEqual(before);
	});

	it('replaced the samples: none of them is left, and no sample sprint page survives', () => {
		expect(imported).toContain('Removed the 9 sample docs Sprintbook ships in content/:');
		expect(existsSync(join(root, 'content/requirements/BYOM_USER_STORIES.md'))).toBe(false);
		expect(existsSync(join(root, 'content/sprints/2.8/plan.md'))).toBe(false);
	});

	it('checks with no error', () => {
		const run = sprintbook(['check', '--root', root, '--format', 'json']);
		const problems = (JSON.parse(run.stdout) as Array<{ severity: string; file: string; ruleId: string; message: string }>).filter((d) => d.severity === 'error');
		expect(problems).toEqual([]);
		expect(run.status).toBe(0);
	});

	it('makes 2.61 the current sprint, with the goal its Objective states', () => {
		const card = page('/').querySelector('section.card')!;
		expect(card.querySelector('h2 a')?.getAttribute('href')).toBe('/sprints/2.61/');
		expect(textOf(card)).toContain('Expand BYOM credential management to support multiple models per provider');
	});

	it('lists every sprint the repository names on the timeline, newest first', () => {
		const listed = page('/sprints/').querySelectorAll('ol.sprint-list > li').map((li) => li.getAttribute('data-sprint'));
		expect(listed).toEqual([...NAMED_SPRINTS].reverse());
		for (const sprint of NAMED_SPRINTS) expect(existsSync(join(dist, 'sprints', sprint, 'index.html')), sprint).toBe(true);
	});

	it('gives the docs that belong to no sprint a home: architecture, decisions, requirements…', () => {
		const sections = page('/docs/').querySelectorAll('main h2 a').map((a) => a.text);
		for (const s of ['Architecture', 'Decisions', 'Deployments', 'Guides', 'Requirements']) expect(sections).toContain(s);
		// The two REQUIREMENTS.md of docs/requirements/feature_store and docs/requirements/the_lab are two pages.
		expect(existsSync(join(dist, 'docs/requirements/feature-store/requirements/index.html'))).toBe(true);
		expect(existsSync(join(dist, 'docs/requirements/the-lab/requirements/index.html'))).toBe(true);
	});

	it('publishes no internal link that leads nowhere', () => {
		expect(deadLinks(dist)).toEqual([]);
	});
});
