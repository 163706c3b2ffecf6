/** `sprintbook new` writes pre-filled documents that pass `check`, and never overwrites anything. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sprintbook } from './helpers/cli.ts';
import { userEnv } from '../bench/project.ts';
import { git, hashTree, tempProject } from './helpers/project.ts';
import { ROOT } from './helpers/site.ts';

const env = { SPRINTBOOK_TODAY: '2026-01-27' };
const frontmatter = (file: string) => parse(readFileSync(file, 'utf8').split('---\n')[1]!);

describe('new', () => {
	it('new report copies the plan’s tracks and criteria, states no figure nobody gave (tests and hours TODO), and check lists what to fill', () => {
		const root = tempProject();
		const run = sprintbook(['new', 'report', '2.8'], root, env);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('created content/sprints/2.8/report.md');
		const file = join(root, 'content/sprints/2.8/report.md');
		expect(frontmatter(file)).toEqual({
			sprint: '2.8',
			date: '2026-01-27',
			tests: 'TODO',
			hours: 'TODO',
		});
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('- [ ] Test pass rate ≥ 98%');
		expect(text).toContain('- [ ] PnL calculation tests fixed (2 tests)');
		expect(text).toContain('| A: Test Fixes | OMC-Data-Specialist | 9–15 h | |');
		const checked = sprintbook(['check', 'content/sprints/2.8/report.md', '--format', 'json'], root);
		expect((JSON.parse(checked.stdout) as Array<{ ruleId: string; severity: string; line: number; message: string }>).map((d) => `${d.line} ${d.severity} ${d.ruleId}: ${d.message}`)).toEqual([
			'4 warning to-fill: report 2.8: tests not filled in',
			'5 warning to-fill: report 2.8: hours not filled in',
		]);
		expect(checked.status).toBe(0);
	});

	it('new plan depends on the sprint before it, in numeric order, and refuses a sprint that has one', () => {
		const root = tempProject();
		const run = sprintbook(['new', 'plan', '2.11'], root, env);
		expect(run.status).toBe(0);
		expect(frontmatter(join(root, 'content/sprints/2.11/plan.md'))).toMatchObject({ sprint: '2.11', status: 'draft', date: '2026-01-27', depends_on: ['2.10'] });
		// Quoted, so YAML keeps 2.11 a string.
		expect(readFileSync(join(root, 'content/sprints/2.11/plan.md'), 'utf8')).toContain('sprint: "2.11"');
		expect(sprintbook(['new', 'plan', '3.0'], root, env).status).toBe(0);
		expect(frontmatter(join(root, 'content/sprints/3.0/plan.md')).depends_on).toEqual(['2.11']);
		expect(JSON.parse(sprintbook(['check', 'content/sprints', '--format', 'json'], root).stdout)).toEqual([
			expect.objectContaining({ file: 'content/sprints/2.8/plan.md', ruleId: 'rate-count-mismatch' }),
			expect.objectContaining({ file: 'content/sprints/2.8/plan.md', ruleId: 'rate-count-mismatch' }),
		]);
		const taken = sprintbook(['new', 'plan', '2.9'], root, env);
		expect(taken.status).toBe(1);
		expect(taken.stdout).toContain('Sprint 2.9 already has a plan: content/sprints/2.9/plan.md');
	});

	it('in a project numbered 2, 3, 4, 12, 12.5, 13: new plan 14 follows 13, new plan 5 follows 4 (which kept no plan), new report joins 12.5', () => {
		const root = tempProject(false, join(ROOT, 'tests/fixtures/any-team/content'));
		expect(sprintbook(['new', 'plan', '14'], root, env).status).toBe(0);
		const fourteen = frontmatter(join(root, 'content/sprints/14/plan.md'));
		expect(fourteen).toMatchObject({ sprint: '14', depends_on: ['13'], tracks: [{ id: 'A', owner: 'Dana' }] });
		expect(fourteen.baseline).toBeUndefined(); // 13 has no report, so no figure to start from
		const five = sprintbook(['new', 'plan', '5'], root, env);
		expect(five.status).toBe(0);
		expect(five.stdout).toContain('filled in: depends_on ["4"]');
		expect(frontmatter(join(root, 'content/sprints/5/plan.md')).tracks).toBeUndefined();
		expect(sprintbook(['new', 'report', '12.5'], root, env).status).toBe(0);
		expect(frontmatter(join(root, 'content/sprints/12.5/report.md'))).toEqual({ sprint: '12.5', date: '2026-01-27', tests: 'TODO' });
		// A retro for the archived sprint 4 goes where sprint 4's files are.
		expect(sprintbook(['new', 'doc', '4', 'notes', 'Payment follow-ups'], root, env).stdout).toContain('created content/archive/history/sprints/sprint-4/payment-follow-ups.md');
		const checked = sprintbook(['check', '--root', root, '--format', 'json']);
		expect(checked.status).toBe(0);
		// All that new wrote passes, but for the figures it left to the team.
		expect((JSON.parse(checked.stdout) as Array<{ severity: string; message: string }>).filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual(['report 12.5: tests not filled in']);
	});

	it('new plan takes the previous sprint’s final test count as its baseline', () => {
		const root = tempProject();
		rmSync(join(root, 'content/sprints/2.9'), { recursive: true });
		rmSync(join(root, 'content/sprints/2.10'), { recursive: true });
		expect(sprintbook(['new', 'report', '2.8'], root, env).status).toBe(0);
		// The team fills in the final run.
		const report = join(root, 'content/sprints/2.8/report.md');
		writeFileSync(report, readFileSync(report, 'utf8').replace('tests: TODO', 'tests: { passing: 652, total: 661 }'));
		const run = sprintbook(['new', 'plan', '2.9'], root, env);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('baseline 652/661 from the Sprint 2.8 report');
		expect(frontmatter(join(root, 'content/sprints/2.9/plan.md'))).toMatchObject({
			baseline: { passing: 652, total: 661 },
			depends_on: ['2.8'],
			tracks: [{ id: 'A', owner: 'OMC-Data-Specialist' }, { id: 'B' }, { id: 'C' }],
		});
		expect(JSON.parse(sprintbook(['check', 'content/sprints/2.9', '--format', 'json'], root).stdout)).toEqual([]);
	});

	it('refuses to overwrite, and says so', () => {
		const root = tempProject();
		expect(sprintbook(['new', 'report', '2.8'], root, env).status).toBe(0);
		const file = join(root, 'content/sprints/2.8/report.md');
		const before = readFileSync(file, 'utf8');
		const again = sprintbook(['new', 'report', '2.8'], root, { SPRINTBOOK_TODAY: '2026-02-01' });
		expect(again.status).toBe(1);
		expect(again.stdout).toContain('Sprint 2.8 already has a report: content/sprints/2.8/report.md');
		expect(readFileSync(file, 'utf8')).toBe(before);
		expect(sprintbook(['new', 'doc', '2.8', 'retro', 'Retro'], root).status).toBe(0);
		expect(sprintbook(['new', 'doc', '2.8', 'retro', 'Retro'], root).stdout).toContain('already exists; nothing was written');
	});

	it('refuses, changing nothing, a doc that would fail check, an empty title and a title too long to be a file name', () => {
		const root = tempProject();
		const before = hashTree(join(root, 'content'));
		const clash = sprintbook(['new', 'doc', '2.8', 'notes', 'Test fix prompts'], root, env);
		expect(clash.status).toBe(1);
		expect(clash.stdout).toContain('content/sprints/2.8/test-fix-prompts.md would not pass check, so it was not written');
		expect(clash.stdout).toContain('would publish at /sprints/2.8/test-fix-prompts/, as does');
		expect(sprintbook(['new', 'doc', '2.8', 'notes', '   '], root, env).status).toBe(2);
		const long = sprintbook(['new', 'doc', '2.8', 'notes', 'x'.repeat(300)], root, env);
		expect(long.status).toBe(2);
		expect(long.stderr).toContain('the title is longer than 200 bytes');
		expect(hashTree(join(root, 'content'))).toEqual(before);
	});

	it('dry run prints the file and writes nothing; bad usage exits 2', () => {
		const root = tempProject();
		const run = sprintbook(['new', 'doc', '2.8', 'retro', 'Sprint 2.8 retro', '--dry-run'], root, env);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('would create content/sprints/2.8/sprint-2-8-retro.md');
		expect(run.stdout).toContain('kind: retro');
		expect(() => readFileSync(join(root, 'content/sprints/2.8/sprint-2-8-retro.md'))).toThrow();
		expect(sprintbook(['new', 'plan', '2.1O'], root).status).toBe(2);
		expect(sprintbook(['new', 'doc', '2.8', 'memo', 'X'], root).status).toBe(2);
		// A plan is optional: a report can start a sprint, in a folder of its own, with no figure made up.
		const planless = sprintbook(['new', 'report', '4.4', '--dry-run'], root);
		expect(planless.status).toBe(0);
		expect(planless.stdout).toContain('would create content/sprints/4.4/report.md');
		expect(planless.stdout).toContain('tests: TODO');
		expect(planless.stdout).not.toMatch(/tests: \{|hours:/);
		const clash = sprintbook(['new', 'doc', '2.8', 'notes', 'Report'], root);
		expect(clash.status).toBe(1);
		expect(clash.stdout).toContain('would be named report.md, the sprint\'s own plan or report');
	});
});

describe('input that is wrong is told in one line, never an internal error', () => {
	it('a --root that is not there is refused, and not made, by every command', () => {
		const nowhere = join(tmpdir(), `sprintbook-nowhere-${process.pid}`);
		for (const args of [['new', 'plan', '2.99'], ['check'], ['import', ROOT], ['archive', '2.8'], ['sprints']]) {
			const run = sprintbook([...args, '--root', nowhere]);
			expect(run.status, args.join(' ')).toBe(2);
			expect(run.stderr).toBe(`sprintbook ${args[0]}: no folder at ${nowhere}: check the path given to --root\n`);
			expect(existsSync(nowhere)).toBe(false);
		}
	});

	it('a sprint number of 300 digits is not a sprint number', () => {
		const root = tempProject();
		const run = sprintbook(['new', 'plan', '1'.repeat(300), '--root', root]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^sprintbook new: "1{300}" is not a sprint number like 3, 2\.8 or 12\.5/);
		expect(run.stderr).not.toContain('internal error');
	});
});

describe('new report drafted from the run’s own results', () => {
	/** A real JUnit XML report: this project's vitest run on a small suite with a passing, a failing and a skipped test. */
	function junitOfARun(): string {
		const suite = mkdtempSync(join(tmpdir(), 'sprintbook-suite-'));
		writeFileSync(join(suite, 'sums.test.js'), "import { expect, it } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\nit('subtracts', () => expect(3 - 1).toBe(1));\nit.skip('divides', () => expect(1 / 0).toBe(0));\n");
		writeFileSync(join(suite, 'words.test.js'), "import { expect, it } from 'vitest';\nit('joins', () => expect(['a', 'b'].join('')).toBe('ab'));\n");
		writeFileSync(join(suite, 'vitest.config.js'), 'export default {};\n');
		const out = join(suite, 'junit.xml');
		const run = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--root', suite, '--reporter=junit', `--outputFile=${out}`], { cwd: suite, encoding: 'utf8', env: userEnv() });
		expect(run.status, run.stdout + run.stderr).toBe(1); // one test fails
		return out;
	}

	it('takes the tests from the JUnit XML exactly, says where from, and no figure is anyone else’s', () => {
		const xml = junitOfARun();
		const root = tempProject();
		const run = sprintbook(['new', 'report', '2.8', '--results', xml], root, env);
		expect(run.status, run.stdout + run.stderr).toBe(0);
		const fm = frontmatter(join(root, 'content/sprints/2.8/report.md'));
		// 4 tests: 2 passed, 1 failed, 1 skipped.
		expect(fm.tests).toEqual({ passing: 2, total: 4 });
		expect(fm.tests_from).toEqual([relative(root, xml)]);
		expect(run.stdout).toContain(`tests 2/4 (1 failed, 1 skipped) from ${relative(root, xml)}`);
		// Every number in the frontmatter is in the results file, the plan or the date it was written.
		const stated = readFileSync(xml, 'utf8') + readFileSync(join(root, 'content/sprints/2.8/plan.md'), 'utf8') + env.SPRINTBOOK_TODAY;
		for (const n of JSON.stringify(fm).match(/\b\d+\b/g) ?? []) expect(stated, n).toMatch(new RegExp(`\\b${n}\\b`));
		// The tests are filled; the hours are the team's to give.
		const checked = JSON.parse(sprintbook(['check', 'content/sprints/2.8/report.md', '--format', 'json'], root).stdout) as Array<{ message: string }>;
		expect(checked.map((d) => d.message)).toEqual(['report 2.8: hours not filled in']);
	});

	it('a fixture sprint in its own repository: tests from the run, ticks from the plan, carried over what it left open, shipped what merged in its days', () => {
		const xml = junitOfARun();
		const root = tempProject(true);
		const at = (day: string) => ({ ...process.env, GIT_AUTHOR_DATE: `${day}T10:00:00`, GIT_COMMITTER_DATE: `${day}T10:00:00` });
		const commit = (day: string, author: string, message: string[], file = `work-${Math.random().toString(36).slice(2)}.txt`) => {
			writeFileSync(join(root, file), message.join('\n'));
			execFileSync('git', ['add', '-A'], { cwd: root });
			execFileSync('git', ['-c', `user.name=${author}`, 'commit', '-q', ...message.flatMap((m) => ['-m', m])], { cwd: root, env: at(day) });
		};
		mkdirSync(join(root, 'content/sprints/5'), { recursive: true });
		writeFileSync(
			join(root, 'content/sprints/5/plan.md'),
			[
				'---', 'sprint: "5"', 'title: Checkout and search', 'status: active', 'start: 2026-03-02', 'end: 2026-03-13', 'goal: Take card payments and find products',
				'tracks:', '  - { id: A, name: Checkout, owner: Ann, hours: [10, 14] }', '  - { id: B, name: Search, owner: Bo, hours: [8, 12] }',
				'targets:', '  target: { criteria: [Card form accepts test cards, Typo tolerance in search] }', '---', '',
				'## Track A: Checkout', '', '- [x] Card form accepts test cards', '- [ ] Refunds from the order page', '',
				'## Track B: Search', '', '- [x] Product index', '- [ ] Typo tolerance in search', '',
			].join('\n'),
		);
		commit('2026-02-20', 'Sprint Lead', ['Plan Sprint 5']);
		commit('2026-02-25', 'Cy', ['Old cleanup (#11)']);
		// Inside the sprint's days: a merged pull request, a squash merge, a plain commit (not listed: merges exist).
		execFileSync('git', ['checkout', '-q', '-b', 'ann/card-form'], { cwd: root });
		commit('2026-03-04', 'Ann', ['Card form for Checkout']);
		execFileSync('git', ['checkout', '-q', 'main'], { cwd: root });
		execFileSync('git', ['-c', 'user.name=Ann', 'merge', '-q', '--no-ff', 'ann/card-form', '-m', 'Merge pull request #12 from ann/card-form', '-m', 'Card form for Checkout'], { cwd: root, env: at('2026-03-05') });
		commit('2026-03-09', 'Bo', ['Product index for Search (#13)']);
		commit('2026-03-10', 'Dee', ['Fix a typo in the README']);
		mkdirSync(join(root, 'content/sprints/5'), { recursive: true });
		commit('2026-03-11', 'Ann', ['Checkout notes'], 'content/sprints/5/checkout-notes.md');
		commit('2026-03-20', 'Bo', ['Later work (#14)']);
		const run = sprintbook(['new', 'report', '5', '--results', xml], root, { SPRINTBOOK_TODAY: '2026-03-16' });
		expect(run.status, run.stdout + run.stderr).toBe(0);
		const text = readFileSync(join(root, 'content/sprints/5/report.md'), 'utf8');
		expect(frontmatter(join(root, 'content/sprints/5/report.md'))).toMatchObject({ tests: { passing: 2, total: 4 }, hours: 'TODO' });
		const section = (title: string) => text.split(`## ${title}\n`)[1]!.split(/\n## /)[0]!.trim();
		expect(section('Success criteria')).toBe('### Target\n\n- [x] Card form accepts test cards\n- [ ] Typo tolerance in search');
		expect(section('Carried over')).toBe('- Track A: Refunds from the order page\n- Track B: Typo tolerance in search');
		const head = (ref: string) => execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
		expect(section('Shipped')).toBe(
			[
				'What reached the main line from 2026-03-02 to 2026-03-13, by track where it names one:', '',
				'### Track A: Checkout', '', `- Card form for Checkout (#12), ${head('HEAD~4')}`, '',
				'### Track B: Search', '', `- Product index for Search (#13), ${head('HEAD~3')}`,
			].join('\n'),
		);
		expect(section('Contributors')).toBe('- Ann\n- Bo\n- Dee');
		// The plan was written before the sprint's days; the notes in them.
		expect(section('Docs written')).toBe(`- content/sprints/5/checkout-notes.md (2026-03-11, ${head('HEAD~1')})`);
	});

	it('a results file it cannot read is named, and nothing is written', () => {
		const root = tempProject();
		const bad = join(mkdtempSync(join(tmpdir(), 'sprintbook-bad-')), 'results.xml');
		writeFileSync(bad, '<html><body>not a report</body></html>');
		const run = sprintbook(['new', 'report', '2.8', '--results', bad], root, env);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe(`sprintbook new: ${bad}: no <testsuites> or <testsuite>: not a JUnit XML report; nothing was written\n`);
		expect(existsSync(join(root, 'content/sprints/2.8/report.md'))).toBe(false);
	});

	it('results that are not the whole run are refused: a test file that never ran, a run of no test, a pattern matching nothing', () => {
		const root = tempProject();
		const dir = mkdtempSync(join(tmpdir(), 'sprintbook-results-'));
		writeFileSync(join(dir, 'jest.json'), JSON.stringify({ numTotalTests: 120, numPassedTests: 120, numFailedTests: 0, numFailedTestSuites: 1, success: false }));
		writeFileSync(join(dir, 'empty.xml'), '<testsuites name="vitest tests" tests="0"></testsuites>');
		const ran = (...results: string[]) => sprintbook(['new', 'report', '2.8', ...results.flatMap((r) => ['--results', r])], root, env).stdout;
		expect(ran(join(dir, 'jest.json'))).toContain('1 test file failed without a failing test (it did not load or run): the figures are not the whole run; nothing was written');
		expect(ran(join(dir, 'empty.xml'))).toContain('no test at all');
		expect(ran(join(dir, 'empty.xml'), join(dir, 'e2e-*.xml'))).toBe(`sprintbook new: --results ${join(dir, 'e2e-*.xml')} names no file; nothing was written\n`);
		expect(existsSync(join(root, 'content/sprints/2.8/report.md'))).toBe(false);
	});

	it('archive refuses a report with a TODO left, unless --force', () => {
		const root = tempProject(true);
		const plan = join(root, 'content/sprints/2.8/plan.md');
		writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^status: ready$/m, 'status: complete'));
		expect(sprintbook(['new', 'report', '2.8'], root, env).status).toBe(0);
		git(root, 'add', '-A');
		git(root, 'commit', '-q', '-m', 'report');
		const refused = sprintbook(['archive', '2.8'], root, env);
		expect(refused.status).toBe(1);
		expect(refused.stderr + refused.stdout).toContain('content/sprints/2.8/report.md still has tests and hours as TODO: fill them in (sprintbook check lists them), or pass --force');
		expect(sprintbook(['archive', '2.8', '--force'], root, env).status).toBe(0);
	});
});
