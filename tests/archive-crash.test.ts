/**
 * `archive` killed at every one of its writes, and two archives started at
 * once. After a kill, the next command finds the journal and finishes the
 * archive or undoes it: the tree and the index are then byte for byte as they
 * were before, or as a completed archive leaves them — never in between.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, finishedSprint, snapshot } from './helpers/archive.ts';
import { sprintbook, type CliRun } from './helpers/cli.ts';
import { git } from './helpers/project.ts';
import { ROOT } from './helpers/site.ts';

const env = { SPRINTBOOK_TODAY: '2026-01-28' };
type Snapshot = ReturnType<typeof snapshot>;

/** Files the archive must never leave behind: its temp files, or a journal once recovered. */
function leftovers(root: string): string[] {
	const temps = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.sprintbook-tmp'));
	const journal = join(root, '.git/sprintbook/archive-journal');
	return existsSync(journal) ? [...temps, journal] : temps;
}

let project: string;
let before: Snapshot;
let archived: Snapshot;
let committed: Snapshot;

beforeAll(() => {
	project = finishedSprint();
	before = snapshot(project);
	const staged = copyProject(project);
	expect(sprintbook(['archive', '2.8'], staged, env).status).toBe(0);
	archived = snapshot(staged);
	const commit = copyProject(project);
	expect(sprintbook(['archive', '2.8', '--commit'], commit, env).status).toBe(0);
	committed = snapshot(commit);
	expect(archived).not.toEqual(before);
}, 60_000);

describe('archive killed after each of its writes', () => {
	it.each([
		['--commit', () => committed],
		['(staged only)', () => archived],
	])('%s: every crash point recovers to before or to the completed archive', (mode, completed) => {
		const args = mode === '--commit' ? ['archive', '2.8', '--commit'] : ['archive', '2.8'];
		const outcomes: string[] = [];
		for (let n = 1; n < 200; n++) {
			const root = copyProject(project);
			const run = sprintbook(args, root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: String(n) });
			if (run.status === 0) break; // n is past the last write: the archive ran to the end
			expect(run.stderr, `write ${n}`).toContain(`killed after write ${n}:`);
			const point = /killed after write \d+: (.*)/.exec(run.stderr)![1]!;
			const recover = sprintbook(['archive', '--recover'], root, env);
			expect(recover.status, `${point}\n${recover.stdout}${recover.stderr}`).toBe(0);
			// Killed before its journal was whole, it had changed nothing: there is nothing to recover.
			const direction = /Rolled it (back|forward)|(Nothing to recover)/.exec(recover.stdout)?.slice(1).find(Boolean);
			expect(direction, recover.stdout).toBeDefined();
			expect(snapshot(root), `after "${point}": ${direction}`).toEqual(direction === 'forward' ? completed() : before);
			expect(leftovers(root), point).toEqual([]);
			expect(existsSync(join(root, '.git/index.lock')), point).toBe(false);
			outcomes.push(`${n} ${direction}: ${point}`);
		}
		// Every write is a crash point: the journal's copies, the journal, the move, each rewritten file (temp file, then rename), the phase, the index, the commit.
		console.log(`archive ${mode}, killed at each write:\n${outcomes.join('\n')}`);
		expect(outcomes.length).toBeGreaterThanOrEqual(20);
		expect(outcomes.some((o) => o.includes(' back: '))).toBe(true);
		expect(outcomes.some((o) => o.includes(' forward: '))).toBe(true);
	}, 300_000);

	it('a killed archive is finished by the next command of any kind, which says so first; running archive again then completes it', () => {
		const root = copyProject(project);
		// Killed while writing the rewritten files: rolled back.
		expect(sprintbook(['archive', '2.8'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: '20' }).status).toBe(null);
		const checked = sprintbook(['check'], root, env);
		expect(checked.stderr).toMatch(/Found an archive of Sprint 2\.8 that was interrupted \(pid \d+, started [^)]+\)\.\nRolled it back/);
		expect(checked.status).toBe(0);
		expect(snapshot(root)).toEqual(before);
		const again = sprintbook(['archive', '2.8'], root, env);
		expect(again.stdout).toContain('Staged');
		expect(again.status).toBe(0);
		expect(snapshot(root)).toEqual(archived);
	});

	it('an edit made after the crash survives the recovery, which says so and undoes only what is still its own', () => {
		for (const [crash, edited] of [
			// Killed after rewriting the roadmap's links; the team then adds a line to the roadmap.
			['14', 'roadmap.md'],
			// Killed after rewriting the moved plan; the team then edits the plan where the archive put it.
			['18', 'archive/history/sprints/sprint-2.8/plan.md'],
		] as const) {
			const root = copyProject(project);
			expect(sprintbook(['archive', '2.8'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: crash }).status).toBe(null);
			const file = join(root, 'content', edited);
			const edit = `${readFileSync(file, 'utf8')}\nA line the team wrote after the crash.\n`;
			writeFileSync(file, edit);
			const checked = sprintbook(['check'], root, env);
			const back = edited === 'roadmap.md' ? 'roadmap.md' : 'sprints/2.8/plan.md';
			expect(checked.stderr, crash).toContain(`Rolled it back, but for a file edited since, left as it is:\n  - content/${back}`);
			expect(readFileSync(join(root, 'content', back), 'utf8'), crash).toBe(edit);
			// Everything else is as before the archive; the journal is gone.
			const now = snapshot(root);
			const { [back]: _mine, ...rest } = now.files;
			const { [back]: _theirs, ...restBefore } = before.files;
			expect(rest, crash).toEqual(restBefore);
			expect(now.index, crash).toBe(before.index);
			expect(leftovers(root), crash).toEqual([]);
			expect(sprintbook(['archive', '--recover'], root, env).stdout).toContain('Nothing to recover');
		}
	});

	it('a recovery killed after any of its own writes is itself recovered', () => {
		let points = 0;
		for (let k = 1; k < 50; k++) {
			const root = copyProject(project);
			// Killed after rewriting the moved plan: the rollback has a folder to move back and files to restore.
			expect(sprintbook(['archive', '2.8'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: '18' }).status).toBe(null);
			const first = sprintbook(['archive', '--recover'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: String(k) });
			if (first.status === 0) break;
			expect(first.stderr).toContain(`killed after write ${k}:`);
			const second = sprintbook(['archive', '--recover'], root, env);
			expect(second.stdout, first.stderr).toContain('Rolled it back');
			expect(snapshot(root)).toEqual(before);
			expect(leftovers(root)).toEqual([]);
			expect(sprintbook(['archive', '--recover'], root, env).stdout).toContain('Nothing to recover');
			points++;
		}
		expect(points).toBeGreaterThanOrEqual(5);
	}, 120_000);
});

describe('.git/index.lock: only the one a git of the archive left is removed', () => {
	const lockOf = (root: string) => join(root, '.git/index.lock');

	it('a git killed with the archive mid-command leaves its lock: the recovery removes it and finishes the archive', () => {
		for (const [gitCommand, args, completed] of [
			['add', ['archive', '2.8'], () => archived],
			['commit', ['archive', '2.8', '--commit'], () => committed],
		] as const) {
			const root = copyProject(project);
			const run = sprintbook([...args], root, { ...env, SPRINTBOOK_TEST_KILL_IN_GIT: gitCommand });
			expect(run.stderr, gitCommand).toContain(`[test] killed during git ${gitCommand}`);
			expect(run.status).toBe(null);
			// What a git killed before it finished leaves: its lock, empty or half-written.
			writeFileSync(lockOf(root), '');
			const recover = sprintbook(['archive', '--recover'], root, env);
			expect(recover.status, `${gitCommand}: ${recover.stdout}${recover.stderr}`).toBe(0);
			expect(recover.stdout).toContain('Rolled it forward');
			expect(existsSync(lockOf(root)), gitCommand).toBe(false);
			expect(snapshot(root), gitCommand).toEqual(completed());
			expect(leftovers(root)).toEqual([]);
		}
	});

	it('after an interrupted archive, the next command leaves another git’s lock alone and gives the command to remove it', () => {
		const root = copyProject(project);
		// Killed while writing the rewritten files, its journal left for the next command; meanwhile another git
		// (a commit waiting for its editor) holds the index.
		expect(sprintbook(['archive', '2.8'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: '20' }).status).toBe(null);
		writeFileSync(lockOf(root), 'a live git’s new index');
		const checked = sprintbook(['check'], root, env);
		expect(checked.stderr).toContain(`leave ${lockOf(root)} alone: no git command of the archive made it: it may be another git’s, at work now`);
		expect(checked.stderr).toContain(`fix: once no git command is running in ${root}, rm ${lockOf(root)}`);
		expect(checked.status).toBe(1);
		expect(readFileSync(lockOf(root), 'utf8')).toBe('a live git’s new index');
		// That git done (its lock gone), the recovery finishes: the tree is as before the archive.
		rmSync(lockOf(root));
		const recover = sprintbook(['archive', '--recover'], root, env);
		expect(recover.status, recover.stdout + recover.stderr).toBe(0);
		expect(snapshot(root)).toEqual(before);
		expect(leftovers(root)).toEqual([]);
	});

	it('a lock planted after the archive’s own git had finished, or while another git is at work in the repository, is left alone', () => {
		// Killed right after staging: its git had ended and let go of the index; a lock there now is someone else's.
		const root = copyProject(project);
		let n = 1;
		for (; n < 200; n++) {
			const probe = copyProject(project);
			const run = sprintbook(['archive', '2.8'], probe, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: String(n) });
			if (/killed after write \d+: staged the archive/.test(run.stderr)) break;
			rmSync(probe, { recursive: true, force: true });
		}
		expect(sprintbook(['archive', '2.8'], root, { ...env, SPRINTBOOK_TEST_CRASH_AFTER: String(n) }).stderr).toContain('staged the archive');
		writeFileSync(lockOf(root), '');
		const recover = sprintbook(['archive', '--recover'], root, env);
		expect(recover.status).toBe(1);
		expect(recover.stdout).toContain(`leave ${lockOf(root)} alone: no git command of the archive made it`);
		expect(existsSync(lockOf(root))).toBe(true);

		// The archive's git killed with it, but another git is at work in the repository: that lock may be the other's.
		const busy = copyProject(project);
		expect(sprintbook(['archive', '2.8'], busy, { ...env, SPRINTBOOK_TEST_KILL_IN_GIT: 'add' }).status).toBe(null);
		writeFileSync(lockOf(busy), '');
		const other = spawn('git', ['cat-file', '--batch'], { cwd: busy, stdio: ['pipe', 'ignore', 'ignore'] });
		try {
			const held = sprintbook(['archive', '--recover'], busy, env);
			expect(held.status).toBe(1);
			expect(held.stdout).toContain(`leave ${lockOf(busy)} alone: git (pid ${other.pid}) is at work in this repository`);
			expect(existsSync(lockOf(busy))).toBe(true);
		} finally {
			other.kill('SIGKILL');
		}
	}, 120_000);
});

/** The CLI as a child process that runs alongside others. */
function start(args: string[], cwd: string): Promise<CliRun> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [join(ROOT, 'bin/sprintbook.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (status) => resolve({ stdout, stderr, status }));
	});
}

describe('two archives started together', () => {
	const LOCKED = /another sprintbook command is changing this project: "sprintbook archive 2\.[89] --commit" \(pid \d+ on [^,]+, started [^)]+\)\. Wait for it to finish/;

	it('2.8 and 2.9 at once, 6 trials: one archives, the other refuses at once naming the holder; the tree is a completed archive', async () => {
		// 2.9 finished too, so that either may win.
		const both = copyProject(project);
		const plan = join(both, 'content/sprints/2.9/plan.md');
		writeFileSync(plan, git(both, 'show', 'HEAD:content/sprints/2.9/plan.md').replace(/^status: draft$/m, 'status: complete'));
		expect(sprintbook(['new', 'report', '2.9'], both, env).status).toBe(0);
		const report = join(both, 'content/sprints/2.9/report.md');
		writeFileSync(report, readFileSync(report, 'utf8').replace('tests: TODO', 'tests: { passing: 700, total: 704 }').replace('hours: TODO', 'hours: [{ track: B, spent: 18 }]'));
		git(both, 'add', '-A');
		git(both, 'commit', '-q', '-m', 'Sprint 2.9 report');
		const expected: Record<string, Snapshot> = {};
		for (const sprint of ['2.8', '2.9']) {
			const alone = copyProject(both);
			expect(sprintbook(['archive', sprint, '--commit'], alone, env).status).toBe(0);
			expected[sprint] = snapshot(alone);
		}
		for (let trial = 0; trial < 6; trial++) {
			const root = copyProject(both);
			const runs = await Promise.all(['2.8', '2.9'].map((s) => start(['archive', s, '--commit'], root)));
			const won = runs.filter((r) => r.status === 0);
			const refused = runs.filter((r) => r.status === 1);
			expect(won, `trial ${trial}: ${runs.map((r) => r.stdout + r.stderr).join('\n---\n')}`).toHaveLength(1);
			expect(refused).toHaveLength(1);
			expect(refused[0]!.stderr).toMatch(LOCKED);
			expect(refused[0]!.stderr).toContain('Nothing was changed.');
			const winner = /Archive Sprint (2\.[89])/.exec(won[0]!.stdout)![1]!;
			expect(snapshot(root)).toEqual(expected[winner]);
			expect(sprintbook(['check'], root, env).status).toBe(0);
		}
	}, 120_000);

	it('2.8 twice at once, 5 trials: one archives, the other refuses and undoes nothing', async () => {
		for (let trial = 0; trial < 5; trial++) {
			const root = copyProject(project);
			const runs = await Promise.all([0, 1].map(() => start(['archive', '2.8', '--commit'], root)));
			expect(runs.map((r) => r.status).sort(), runs.map((r) => r.stdout + r.stderr).join('\n---\n')).toEqual([0, 1]);
			expect(runs.find((r) => r.status === 1)!.stderr).toMatch(LOCKED);
			expect(snapshot(root)).toEqual(committed);
		}
	}, 120_000);

	it('new and import refuse while another command holds the lock, changing nothing; a lock left by a dead process is taken over', () => {
		const root = copyProject(project);
		const lock = join(root, '.git/sprintbook/lock');
		mkdirSync(dirname(lock), { recursive: true });
		const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), command: 'archive 2.8', started: '2026-01-28T09:00:00.000Z' });
		writeFileSync(lock, holder(process.pid)); // this test's own process: alive
		const state = snapshot(root);
		for (const args of [['new', 'doc', '2.9', 'notes', 'Kickoff'], ['import', join(ROOT, 'tests/fixtures/import-conventions')]]) {
			const run = sprintbook(args, root, env);
			expect(run.status, run.stdout).toBe(1);
			expect(run.stderr).toContain(`another sprintbook command is changing this project: "sprintbook archive 2.8" (pid ${process.pid} on ${hostname()}, started 2026-01-28T09:00:00.000Z)`);
			expect(snapshot(root)).toEqual(state);
		}
		// Reading is never blocked, not even while the archive holding the lock is still writing its journal,
		// which the reader leaves alone.
		const journal = join(root, '.git/sprintbook/archive-journal');
		mkdirSync(join(journal, 'before'), { recursive: true });
		const reading = sprintbook(['check'], root, env);
		expect(reading.status).toBe(0);
		expect(reading.stderr).toContain('"sprintbook archive 2.8" (pid ' + process.pid + ') is changing the project; reading it as it stands.');
		expect(existsSync(journal)).toBe(true);
		// Its holder dead, the next writer takes the lock over and clears the journal it never finished.
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		writeFileSync(lock, holder(dead));
		const run = sprintbook(['new', 'doc', '2.9', 'notes', 'Kickoff'], root, env);
		expect(run.status, run.stderr).toBe(0);
		expect(existsSync(journal)).toBe(false);
		expect(existsSync(lock)).toBe(false); // released when done
	});

	it('a lock whose holder is gone is known as such: a reused PID is taken over; one held on another machine is named with the command that takes it over', () => {
		const root = copyProject(project);
		const lock = join(root, '.git/sprintbook/lock');
		mkdirSync(dirname(lock), { recursive: true });
		// This test's own PID, alive, but recorded with another start: the PID was reused, the holder is gone.
		writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'archive 2.8', started: '2026-01-28T09:00:00.000Z', procStart: '1' }));
		expect(sprintbook(['new', 'doc', '2.9', 'notes', 'Kickoff'], root, env).status).toBe(0);
		// Held on another machine (a container that was restarted): never taken silently, never blocking for good.
		const foreign = JSON.stringify({ pid: 4242, host: 'ci-runner-7f3a', command: 'archive 2.9', started: '2026-01-28T09:00:00.000Z' });
		writeFileSync(lock, foreign);
		const refused = sprintbook(['new', 'doc', '2.9', 'notes', 'Standup'], root, env);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('(pid 4242 on ci-runner-7f3a, started 2026-01-28T09:00:00.000Z). It runs on another machine, which this one cannot ask: wait for it to finish; if it no longer runs there (a container restarted), run yours again with --break-lock to take the lock over.');
		const taken = sprintbook(['new', 'doc', '2.9', 'notes', 'Standup', '--break-lock'], root, env);
		expect(taken.status, taken.stderr).toBe(0);
		expect(taken.stderr).toContain('sprintbook new: took over the lock of "sprintbook archive 2.9" (pid 4242 on ci-runner-7f3a, started 2026-01-28T09:00:00.000Z).');
		expect(existsSync(join(root, 'content/sprints/2.9/standup.md'))).toBe(true);
		expect(existsSync(lock)).toBe(false);
	});
});
