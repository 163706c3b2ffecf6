/**
 * A team's repository read in place: `init` names where its docs are, `sprints`, `check` and `build` read them where
 * they are, and nothing is written into the team's tree. Every assertion is on what the team sees: the CLI's output
 * and exit code, the built site's HTML, the files on disk and git's view of them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingIdAt } from '../src/lib/markdown.ts';
import { sprintbook } from './helpers/cli.ts';
import { ROOT } from './helpers/site.ts';
import { git, teamRepo, treeOf } from './helpers/team-repo.ts';

const factsOf = (repo: string) => {
	const run = sprintbook(['sprints', '--format', 'json', '--root', repo]);
	expect(run.status, run.stderr).toBe(0);
	return JSON.parse(run.stdout) as { current: string | null; sprints: Array<Record<string, unknown> & { id: string; sources: Record<string, { file: string; line: number }> }> };
};
const page = (repo: string, path: string) => readFileSync(join(repo, 'dist', path, 'index.html'), 'utf8');

describe('a team repository, read in place', () => {
	it('init names the doc folders; sprints, check and build read them where they are and write nothing into them; the next build follows every change', () => {
		const repo = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));
		const before = treeOf(repo, ['dist', '.git']);

		const init = sprintbook(['init', '--root', repo]);
		expect(init.status, init.stderr).toBe(0);
		expect(init.stdout).toContain('  *.md  (2 files)\n  docs  (4 files)');
		expect(init.stdout).toContain('Left out (no sprint docs, not a doc folder; add them to `docs` to read them):\n  app/  (1 file)');
		const config = readFileSync(join(repo, 'sprintbook.config.mjs'), 'utf8');
		expect(config).toContain('title: "Parcel Tracker",');
		expect(config).toContain('docs: ["*.md", "docs"],');
		// init writes that one file, and never over one that is there.
		expect(sprintbook(['init', '--root', repo])).toMatchObject({ status: 1, stdout: expect.stringContaining('is already there; nothing was written') });

		const facts = factsOf(repo);
		expect(facts.current).toBe('2');
		expect(facts.sprints.find((s) => s.id === '1')).toMatchObject({ status: 'complete', start: '2026-03-02', tests: { passing: 120, total: 120 }, sources: { tests: { file: 'docs/sprints/sprint-1/summary.md', line: 8 } } });
		expect(facts.sprints.find((s) => s.id === '2')).toMatchObject({ status: 'active', end: '2026-03-27', depends_on: ['1'], sources: { depends_on: { file: 'docs/sprints/sprint-2/backlog.md', line: 6 } } });

		// check tells the team's own files, never the pages Sprintbook made of them.
		const check = sprintbook(['check', '--root', repo]);
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(check.stdout).toContain('left out, the team\'s documents disagree: end: "2026-03-13" (ROADMAP.md:3) vs "2026-03-12" (docs/sprints/sprint-1/summary.md:3)');
		expect(check.stdout).toContain('make the documents agree: the next build reads them again');
		// At the line of the team's file, though the page Sprintbook read it into has frontmatter and no title line.
		expect(check.stdout).toContain('docs/sprints/sprint-2/standup-notes.md:4:20  warning  "90% (45/48 tests)": 45/48 is 93.8%, not 90%  pass-rate-mismatch');
		expect(check.stdout).not.toContain('.cache');

		const build = sprintbook(['build', '--root', repo]);
		expect(build.status, build.stdout + build.stderr).toBe(0);
		// check and sprints read every doc before; the build parses none of them again.
		expect(build.stdout).toContain('sprintbook build: 6 docs read in place (*.md, docs), 0 of them new or changed since the last run');
		// The build's own check report, too, tells the team's files, lines and text.
		expect(build.stdout).toContain('docs/sprints/sprint-2/standup-notes.md:4:20  warning');
		expect(build.stdout).toContain('  > 4 | - Day 3: pass rate 90% (45/48 tests) on the scan feed.');
		expect(build.stdout).not.toContain('.cache');
		// A team that keeps no handoff doc or requirements is not told so on every build.
		expect(build.stdout + build.stderr).not.toMatch(/does not exist or is empty|No files found matching/);
		expect(page(repo, '')).toContain('<title>Dashboard · Parcel Tracker</title>');
		const sprint2 = page(repo, 'sprints/2');
		// "Says who?" links to the team's file's page, at the heading over the line.
		const evidence = /▶<\/span>active<\/span> <small class="evidence" title="ROADMAP.md, line 7"><a href="\/roadmap\/#([^"]+)">from ROADMAP.md:7<\/a><\/small>/.exec(sprint2);
		expect(evidence?.[1]).toBe('sprint-2-mar-16-27-2026---tracking-page--in-progress');
		expect(page(repo, 'roadmap')).toContain(`id="${evidence![1]}"`);
		expect(page(repo, 'sprints/2/standup-notes')).toContain('<h1>Sprint 2 standup notes</h1>');

		// Nothing in the team's tree changed but the config init wrote; git sees nothing else.
		const after = treeOf(repo, ['dist', '.git']);
		after.delete('sprintbook.config.mjs');
		expect(after).toEqual(before);
		expect(git(repo, 'status', '--porcelain')).toBe('?? sprintbook.config.mjs\n');

		// A week goes by: sprint 2 closes (its status line edited, a summary added), a doc is renamed.
		const backlog2 = join(repo, 'docs/sprints/sprint-2/backlog.md');
		writeFileSync(backlog2, readFileSync(backlog2, 'utf8').replace('**Status:** In progress', '**Status:** Done'));
		const roadmap = join(repo, 'ROADMAP.md');
		writeFileSync(roadmap, readFileSync(roadmap, 'utf8').replace('(Mar 16-27, 2026) - Tracking page 🔄 IN PROGRESS', '(Mar 16-25, 2026) - Tracking page ✅ COMPLETE'));
		writeFileSync(join(repo, 'docs/sprints/sprint-2/summary.md'), '# Sprint 2 Summary\n\n**Duration:** 2026-03-16 to 2026-03-25 (10 days)\n**Status:** ✅ COMPLETE\n\n## Results\n\n- Full suite at close: 150 passed / 2 skipped / 0 failed\n');
		renameSync(join(repo, 'docs/sprints/sprint-2/standup-notes.md'), join(repo, 'docs/sprints/sprint-2/daily-notes.md'));
		git(repo, 'add', '-A', 'docs', 'ROADMAP.md');
		git(repo, 'commit', '-qm', 'Sprint 2 closed');

		const rebuild = sprintbook(['build', '--root', repo]);
		expect(rebuild.status, rebuild.stdout + rebuild.stderr).toBe(0);
		// Only the docs that changed are read anew: the backlog, the roadmap, the new summary, and the renamed notes (the
		// same text, but what a doc states carries its path): four of seven.
		expect(rebuild.stdout).toContain('sprintbook build: 7 docs read in place (*.md, docs), 4 of them new or changed since the last run');
		const later = factsOf(repo);
		expect(later.sprints.find((s) => s.id === '2')).toMatchObject({ status: 'complete', end: '2026-03-25', tests: { passing: 150, total: 152 }, sources: { tests: { file: 'docs/sprints/sprint-2/summary.md', line: 8 } } });
		expect(later.current).toBe('2');
		const closed = page(repo, 'sprints/2');
		expect(closed).toContain('✓</span>complete</span>');
		expect(closed).not.toContain('▶</span>active</span>');
		expect(page(repo, 'sprints/2/daily-notes')).toContain('<h1>Sprint 2 standup notes</h1>');
		// Page history and the week's changes come from the team's own git log, the file each page was read from.
		const today = new Date().toISOString().slice(0, 10);
		expect(page(repo, 'sprints/2/report')).toContain(`Last updated <time datetime="${today}">${today}</time> by Team`);
		const week = page(repo, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
		expect(week).toMatch(/Changed in the last 7 days \d+ docs changed since \S+ ?: .*Sprint 2 Summary/);
		// Nothing the docs no longer say survives: the renamed doc's old page is gone.
		expect(existsSync(join(repo, 'dist/sprints/2/standup-notes/index.html'))).toBe(false);
		expect(git(repo, 'status', '--porcelain')).toBe('?? sprintbook.config.mjs\n');
	});

	it("OMC's repository in place gives the same facts as its import; a week later, 2.61 is complete and 2.62 current", () => {
		const repo = teamRepo(join(ROOT, '..', 'shared', 'omc-repo'));
		expect(sprintbook(['init', '--root', repo]).status).toBe(0);
		const inPlace = factsOf(repo);

		const project = mkdtempSync(join(tmpdir(), 'sprintbook-omc-import-'));
		cpSync(join(ROOT, 'package.json'), join(project, 'package.json'));
		const imported = sprintbook(['import', join(ROOT, '..', 'shared', 'omc-repo'), '--root', project]);
		expect(imported.status, imported.stderr).toBe(0);
		expect(inPlace).toEqual(factsOf(project));
		expect(inPlace.current).toBe('2.61');

		const plan = join(repo, 'SPRINT_PLAN.md');
		writeFileSync(plan, readFileSync(plan, 'utf8').replace('**Status:** PLANNING', '**Status:** COMPLETE'));
		writeFileSync(
			join(repo, 'docs/sprints/SPRINT_2.61_COMPLETION_REPORT.md'),
			'# Sprint 2.61 Completion Report\n\n**Date:** 2026-04-16\n**Status:** COMPLETE\n\n## Results\n\n- Full suite: 812/815 tests passing\n',
		);
		writeFileSync(join(repo, 'docs/sprints/SPRINT_2.62_PLAN.md'), '# Sprint 2.62: Alert Routing\n\n**Date:** 2026-04-17\n**Status:** PLANNING\n\n## Objective\n\nRoute price alerts to each user\'s chosen channel.\n');
		const week = factsOf(repo);
		expect(week.sprints.find((s) => s.id === '2.61')).toMatchObject({ status: 'complete', tests: { passing: 812, total: 815 }, sources: { tests: { file: 'docs/sprints/SPRINT_2.61_COMPLETION_REPORT.md', line: 8 } } });
		expect(week.sprints.find((s) => s.id === '2.62')).toMatchObject({ status: 'draft', goal: "Route price alerts to each user's chosen channel." });
		expect(week.current).toBe('2.62');
	});

	it('a config that is wrong is told field by field, with the fix, and nothing runs', () => {
		const repo = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));
		writeFileSync(join(repo, 'sprintbook.config.mjs'), "export default { titel: 'Parcels', docs: [], site: 'parcels.example' };\n");
		for (const command of ['sprints', 'check', 'build']) {
			const run = sprintbook([command, '--root', repo]);
			expect(run.status).toBe(2);
			expect(run.stderr).toContain(`${join(repo, 'sprintbook.config.mjs')}: 3 problems`);
			expect(run.stderr).toContain('  docs: name at least one folder or Markdown file, e.g. docs: ["docs"]');
			expect(run.stderr).toContain('  site: give the whole address, e.g. "https://docs.example.com"');
			expect(run.stderr).toContain('  titel: not a field of the config (a typo?) — its fields are title, site, base, lang, repository, branch, imageHosts, docs, outDir, cacheDir');
			expect(run.stderr).toContain('`sprintbook init --dry-run` prints one for this repository');
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		expect(existsSync(join(repo, 'dist'))).toBe(false);
		// The build empties its outDir: never a folder of the team's.
		for (const [outDir, why] of [['docs', 'holds docs the site is read from'], ['.', 'is not a folder inside the repository'], ['app', 'holds files git keeps']]) {
			writeFileSync(join(repo, 'sprintbook.config.mjs'), `export default { docs: ['docs'], outDir: '${outDir}' };\n`);
			const run = sprintbook(['build', '--root', repo]);
			expect(run.status, run.stdout).toBe(2);
			expect(run.stderr).toContain(`outDir "${outDir}" ${why}: the build empties it. Name a folder of its own, such as "dist"`);
		}
		expect(readFileSync(join(repo, 'app/src/index.ts'), 'utf8')).toBe('export const hello = 1;\n');
	});

	it("evidence lands on the heading over its line, with the page's own ids: the lifted title not counted, duplicates numbered", () => {
		const doc = ['# Sprint 4 Plan', '', '**Status:** Draft', '', '## Goal', '', 'Ship it.', '', '## Risks', '', '- none', '', '## Goal', '', 'Again.'].join('\n');
		expect(headingIdAt(doc, 3, true)).toBeUndefined();
		expect(headingIdAt(doc, 7, true)).toBe('goal');
		expect(headingIdAt(doc, 11, true)).toBe('risks');
		expect(headingIdAt(doc, 15, true)).toBe('goal-1');
		// A page that keeps its H1 has an id for it.
		expect(headingIdAt(doc, 3, false)).toBe('sprint-4-plan');
	});

	it("the team's name, address and repository from its config; without an address, no feed and no sitemap rather than a made-up host", () => {
		const repo = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));
		git(repo, 'remote', 'add', 'origin', 'git@github.com:parcel/tracker.git');
		expect(sprintbook(['init', '--root', repo, '--site', 'https://docs.parcel.example']).status).toBe(0);
		const config = readFileSync(join(repo, 'sprintbook.config.mjs'), 'utf8');
		expect(config).toContain('repository: "https://github.com/parcel/tracker",');
		writeFileSync(join(repo, 'sprintbook.config.mjs'), config.replace("outDir: 'dist',", "outDir: 'dist',\n\tbranch: 'trunk',\n\tlang: 'fr',"));
		const build = sprintbook(['build', '--root', repo]);
		expect(build.status, build.stdout + build.stderr).toBe(0);
		const plan = page(repo, 'sprints/2');
		expect(plan).toContain('href="https://github.com/parcel/tracker/edit/trunk/docs/sprints/sprint-2/backlog.md"');
		expect(plan).toContain('href="https://github.com/parcel/tracker/commits/trunk/docs/sprints/sprint-2/backlog.md"');
		const feed = readFileSync(join(repo, 'dist/reports.xml'), 'utf8');
		expect(feed).toContain('<link>https://docs.parcel.example/sprints/1/report/</link>');
		expect(page(repo, '')).toContain('href="/reports.xml"');
		expect(page(repo, '')).toMatch(/<html lang="fr" data-base(?:="")?>/);
		// Published under a path (GitHub Pages' project sites): --base moves every link, the feed's too.
		const based = sprintbook(['build', '--root', repo, '--base', '/tracker/']);
		expect(based.status, based.stdout + based.stderr).toBe(0);
		expect(page(repo, 'sprints/2')).toContain('href="/tracker/sprints/1/"');
		expect(page(repo, 'sprints/2')).not.toMatch(/(?:href|src|action)="\/(?!tracker\/)/);
		expect(readFileSync(join(repo, 'dist/reports.xml'), 'utf8')).toContain('<link>https://docs.parcel.example/tracker/sprints/1/report/</link>');

		const bare = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));
		expect(sprintbook(['init', '--root', bare]).status).toBe(0);
		expect(readFileSync(join(bare, 'sprintbook.config.mjs'), 'utf8')).toContain("// repository: 'https://github.com/our-org/our-repo',");
		const anonymous = sprintbook(['build', '--root', bare]);
		expect(anonymous.status, anonymous.stdout + anonymous.stderr).toBe(0);
		expect(anonymous.stdout).toContain('no `site` in sprintbook.config.mjs: the site has no feed and no sitemap, which need its address');
		expect(existsSync(join(bare, 'dist/reports.xml'))).toBe(false);
		expect(existsSync(join(bare, 'dist/sitemap-index.xml'))).toBe(false);
		const home = page(bare, '');
		expect(home).not.toContain('reports.xml');
		expect(home).not.toContain('/edit/');
		// No address, no absolute URL: no canonical link, no preview URL, no sitemap in robots.txt.
		expect(home).not.toMatch(/rel="canonical"|property="og:url"/);
		expect(readFileSync(join(bare, 'dist/robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
		// No page of a team's site names the sample's made-up host.
		for (const site of [repo, bare]) expect(spawnSync('grep', ['-rli', 'ohmycoins', join(site, 'dist')], { encoding: 'utf8' })).toMatchObject({ status: 1, stdout: '' });
	});

	it('import --in-place types the docs in their own files, text unchanged below, staged as one change; the facts stay', () => {
		const repo = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));
		expect(sprintbook(['init', '--root', repo]).status).toBe(0);
		const values = (facts: ReturnType<typeof factsOf>) => ({ ...facts, sprints: facts.sprints.map(({ sources: _sources, ...f }) => f) });
		const before = factsOf(repo);
		const texts = new Map(git(repo, 'ls-files').trim().split('\n').map((f) => [f, readFileSync(join(repo, f), 'utf8')]));

		const typed = sprintbook(['import', '--in-place', '--root', repo]);
		expect(typed.status, typed.stdout + typed.stderr).toBe(0);
		expect(typed.stdout).toContain('Wrote frontmatter into 6 of your docs, their text below it unchanged:');
		expect(typed.stdout).toContain('Staged in git as one change: review it with `git diff --cached`');
		const staged = git(repo, 'diff', '--cached', '--name-only').trim().split('\n');
		expect(staged).toEqual(['README.md', 'ROADMAP.md', 'docs/sprints/sprint-1/backlog.md', 'docs/sprints/sprint-1/summary.md', 'docs/sprints/sprint-2/backlog.md', 'docs/sprints/sprint-2/standup-notes.md']);
		for (const [file, was] of texts) {
			const now = readFileSync(join(repo, file), 'utf8');
			if (!staged.includes(file)) expect(now, file).toBe(was);
			else expect(now.replace(/^---\n[\s\S]*?\n---\n/, ''), file).toBe(was);
		}
		expect(readFileSync(join(repo, 'docs/sprints/sprint-1/summary.md'), 'utf8')).toMatch(/^---\nsprint: "1"\ntitle: Sprint 1 Summary\ntests:\n  passing: 120\n  total: 120\n---\n# Sprint 1 Summary\n/);
		// Read again, the typed docs say what they said: the same facts, now also from their frontmatter.
		expect(values(factsOf(repo))).toEqual(values(before));
		// A second run leaves typed files alone.
		const again = sprintbook(['import', '--in-place', '--root', repo]);
		expect(again).toMatchObject({ status: 1, stdout: expect.stringContaining('docs/sprints/sprint-1/summary.md (has frontmatter of its own)') });
	});
});
