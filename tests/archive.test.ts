/**
 * `sprintbook archive` in real git repositories: it moves, marks and rewrites
 * links both ways, leaves `check` clean and URLs unchanged — and when it
 * refuses or fails part-way, every byte and the index are as they were.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderHistory } from '../src/lib/git.ts';
import { sprintbook } from './helpers/cli.ts';
import { git, tempProject } from './helpers/project.ts';
import { finishedSprint, snapshot } from './helpers/archive.ts';
import { ROOT } from './helpers/site.ts';

const env = { SPRINTBOOK_TODAY: '2026-01-28' };

describe('archive', () => {
	it('archives a sprint that kept no plan: its report is the evidence that it is complete; the URL stays', () => {
		const root = tempProject(true, join(ROOT, 'tests/fixtures/any-team/content'));
		mkdirSync(join(root, 'content/sprints/12.5'), { recursive: true });
		writeFileSync(join(root, 'content/sprints/12.5/report.md'), '---\nsprint: "12.5"\ndate: 2026-01-30\n---\n\nHardening done.\n');
		git(root, 'add', '-A');
		git(root, 'commit', '-q', '-m', 'Sprint 12.5 report');
		const run = sprintbook(['archive', '12.5', '--commit'], root, env);
		expect(run.stdout).toContain('Committed');
		expect(run.status).toBe(0);
		const moved = join(root, 'content/archive/history/sprints/sprint-12.5');
		expect(readdirSync(moved).sort()).toEqual(['backlog.md', 'report.md']);
		for (const f of ['backlog.md', 'report.md']) expect(readFileSync(join(moved, f), 'utf8')).toMatch(/^archived: 2026-01-28$/m);
		// Sprint 13 is still running and has no report: refused, and nothing changes.
		const before = snapshot(root);
		const refused = sprintbook(['archive', '13'], root, env);
		expect(refused.status).toBe(1);
		expect(refused.stdout + refused.stderr).toContain('has no completion report');
		expect(snapshot(root)).toEqual(before);
	});

	it('moves the sprint with git mv, marks it, rewrites links both ways, and commits; check stays clean', async () => {
		const root = finishedSprint();
		const run = sprintbook(['archive', '2.8', '--commit'], root, env);
		expect(run.stdout).toContain('Committed');
		expect(run.status).toBe(0);
		expect(existsSync(join(root, 'content/sprints/2.8'))).toBe(false);
		const moved = join(root, 'content/archive/history/sprints/sprint-2.8');
		expect(readdirSync(moved).sort()).toEqual(['SPRINT_2.8_TEST_FIX_PROMPTS.md', 'plan.md', 'report.md']);
		for (const f of ['plan.md', 'report.md', 'SPRINT_2.8_TEST_FIX_PROMPTS.md']) expect(readFileSync(join(moved, f), 'utf8')).toMatch(/^archived: 2026-01-28$/m);
		// Out of the moved plan, and into it from the roadmap.
		expect(readFileSync(join(moved, 'plan.md'), 'utf8')).toContain('](../../../../requirements/BYOM_USER_STORIES.md)');
		expect(readFileSync(join(moved, 'plan.md'), 'utf8')).toContain('](SPRINT_2.8_TEST_FIX_PROMPTS.md)');
		expect(readFileSync(join(root, 'content/roadmap.md'), 'utf8')).toContain('[2.8 criteria](archive/history/sprints/sprint-2.8/plan.md#success-criteria)');
		// Git sees renames, one commit, nothing left over.
		expect(git(root, 'show', '--name-status', '-M', '--format=%s', 'HEAD').trim().split('\n')).toEqual([
			'Archive Sprint 2.8',
			'',
			expect.stringMatching(/^R\d+\tcontent\/sprints\/2\.8\/SPRINT_2\.8_TEST_FIX_PROMPTS\.md\tcontent\/archive\/history\/sprints\/sprint-2\.8\/SPRINT_2\.8_TEST_FIX_PROMPTS\.md$/),
			expect.stringMatching(/^R\d+\tcontent\/sprints\/2\.8\/plan\.md\tcontent\/archive\/history\/sprints\/sprint-2\.8\/plan\.md$/),
			expect.stringMatching(/^R\d+\tcontent\/sprints\/2\.8\/report\.md\tcontent\/archive\/history\/sprints\/sprint-2\.8\/report\.md$/),
			'M\tcontent/roadmap.md',
		]);
		expect(git(root, 'status', '--porcelain')).toBe('');
		const checked = JSON.parse(sprintbook(['check', '--format', 'json'], root).stdout) as Array<{ severity: string }>;
		expect(checked.filter((d) => d.severity === 'error')).toEqual([]);
		// The plan keeps its id, so its URL: the id is the sprint, wherever the file lies.
		expect(readFileSync(join(moved, 'plan.md'), 'utf8')).toContain('sprint: "2.8"');
		// Git history follows the move: the plan's two earlier commits still count.
		const history = (await folderHistory(root, 'content')).get('content/archive/history/sprints/sprint-2.8/plan.md');
		expect(history?.commits).toBe(3);
		expect(history?.authors).toEqual(['Sprint Lead']);
	});

	it('rewrites percent-encoded links, keeping them encoded', () => {
		const root = finishedSprint();
		writeFileSync(join(root, 'content/sprints/2.8/Retro Notes.md'), '---\nsprint: "2.8"\ntitle: Retro notes\nkind: retro\n---\n\nBack to the [requirements](../../requirements/BYOM_USER_STORIES.md).\n');
		writeFileSync(join(root, 'content/handoff.md'), `${readFileSync(join(root, 'content/handoff.md'), 'utf8')}\nSee the [retro](sprints/2.8/Retro%20Notes.md).\n`);
		git(root, 'add', '-A');
		git(root, 'commit', '-q', '-m', 'retro');
		const run = sprintbook(['archive', '2.8', '--commit'], root, env);
		expect(run.status, run.stdout).toBe(0);
		expect(readFileSync(join(root, 'content/handoff.md'), 'utf8')).toContain('[retro](archive/history/sprints/sprint-2.8/Retro%20Notes.md)');
		expect(readFileSync(join(root, 'content/archive/history/sprints/sprint-2.8/Retro Notes.md'), 'utf8')).toContain('](../../../../requirements/BYOM_USER_STORIES.md)');
	});

	it('stages without --commit', () => {
		const root = finishedSprint();
		const run = sprintbook(['archive', '2.8'], root, env);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/Staged \d+ changes/);
		const staged = git(root, 'diff', '--cached', '--name-status', '-M').trim().split('\n');
		expect(staged.filter((l) => l.startsWith('R')).length).toBe(3);
		expect(git(root, 'status', '--porcelain').split('\n').filter((l) => l && !/^[RM] /.test(l))).toEqual([]);
	});

	it('dry run prints every move, mark and rewrite and changes nothing', () => {
		const root = finishedSprint();
		const before = snapshot(root);
		const run = sprintbook(['archive', '2.8', '--dry-run'], root, env);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('content/sprints/2.8/plan.md → content/archive/history/sprints/sprint-2.8/plan.md');
		expect(run.stdout).toContain('content/roadmap.md:28  sprints/2.8/plan.md#success-criteria → archive/history/sprints/sprint-2.8/plan.md#success-criteria');
		expect(run.stdout).toContain('../../requirements/BYOM_USER_STORIES.md → ../../../../requirements/BYOM_USER_STORIES.md');
		expect(snapshot(root)).toEqual(before);
	});

	describe('refuses, changing nothing', () => {
		it.each([
			['a sprint without a report', (root: string) => {
				git(root, 'rm', '-q', 'content/sprints/2.8/report.md');
				git(root, 'commit', '-q', '-m', 'drop report');
			}, ['2.8'], /has no completion report/],
			['a sprint that is not complete', (root: string) => {
				const plan = join(root, 'content/sprints/2.8/plan.md');
				writeFileSync(plan, readFileSync(plan, 'utf8').replace('status: complete', 'status: active'));
				git(root, 'commit', '-q', '-am', 'active again');
			}, ['2.8'], /is "active", not complete/],
			['uncommitted changes in the sprint folder', (root: string) => writeFileSync(join(root, 'content/sprints/2.8/notes.md'), '---\nsprint: "2.8"\ntitle: Draft\nkind: notes\n---\n'), ['2.8'], /uncommitted changes in files the archive would touch[\s\S]*sprints\/2\.8\/notes\.md/],
			['uncommitted changes in a file whose links it would rewrite', (root: string) => writeFileSync(join(root, 'content/roadmap.md'), `${readFileSync(join(root, 'content/roadmap.md'), 'utf8')}\nWork in progress.\n`), ['2.8'], /uncommitted changes[\s\S]*content\/roadmap\.md/],
			['a target path already taken', (root: string) => {
				symlinkSync('/nonexistent', join(root, 'content/archive/history/sprints/sprint-2.8'));
			}, ['2.8'], /sprint-2\.8 already exists/],
			['a sprint already archived', () => {}, ['2.7'], /Sprint 2\.7 is already archived in content\/archive\/history\/sprints\/sprint-2\.7\//],
		] as const)('%s', (_name, arrange, args, message) => {
			const root = finishedSprint();
			arrange(root);
			const before = snapshot(root);
			const run = sprintbook(['archive', ...args], root, env);
			expect(run.status).toBe(1);
			expect(run.stdout).toMatch(message);
			expect(run.stdout).toContain('Nothing was changed.');
			expect(snapshot(root)).toEqual(before);
		});
	});

	describe('a failure part-way puts every file and the index back', () => {
		/** A `git` that fails on the given subcommands and passes everything else to the real one. */
		function failingGit(...subcommands: string[]): string {
			const dir = join(tempProject(), 'bin');
			mkdirSync(dir);
			const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
			const cases = subcommands.map((s) => `if [ "$a" = "${s}" ]; then echo "fatal: injected failure in git ${s}" >&2; exit 128; fi`).join('; ');
			writeFileSync(join(dir, 'git'), `#!/bin/sh\nfor a in "$@"; do ${cases}; done\nexec ${real} "$@"\n`);
			chmodSync(join(dir, 'git'), 0o755);
			return dir;
		}

		it.each(['add', 'commit'])('git failing at %s', (subcommand) => {
			const root = finishedSprint();
			const before = snapshot(root);
			const run = sprintbook(['archive', '2.8', '--commit'], root, { ...env, PATH: `${failingGit(subcommand)}:${process.env.PATH}` });
			expect(run.status).toBe(1);
			expect(run.stdout).toContain(`injected failure in git ${subcommand}`);
			expect(run.stdout).toContain('Everything was put back as it was.');
			expect(snapshot(root)).toEqual(before);
		});

		it('when putting back fails in part, it still restores every file, then names the step left and its command; --recover finishes', () => {
			const root = finishedSprint();
			const before = snapshot(root);
			const brokenGit = { ...env, PATH: `${failingGit('commit', 'read-tree')}:${process.env.PATH}` };
			const run = sprintbook(['archive', '2.8', '--commit'], root, brokenGit);
			expect(run.status).toBe(1);
			expect(run.stdout).toContain('injected failure in git commit');
			expect(run.stdout).toMatch(/restore the git index: git read-tree failed: fatal: injected failure in git read-tree\n\s+fix: git -C \S+ read-tree [0-9a-f]{40}/);
			// Every file is back where and as it was, though the index still holds the archive.
			expect(snapshot(root).files).toEqual(before.files);
			expect(snapshot(root).index).not.toEqual(before.index);
			// While git still fails, any other command tries again, then refuses to build on the half-restored tree…
			const blocked = sprintbook(['new', 'doc', '2.9', 'notes', 'Kickoff'], root, brokenGit);
			expect(blocked.status).toBe(1);
			expect(blocked.stderr).toContain('Tried to roll it back; these steps are left');
			// …which `archive --recover` does once git works again.
			const recover = sprintbook(['archive', '--recover'], root, env);
			expect(recover.stdout).toContain('Rolled it back: every file and the git index are as they were before it.');
			expect(recover.status).toBe(0);
			expect(snapshot(root)).toEqual(before);
		});
	});
});
