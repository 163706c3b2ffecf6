/**
 * The archive's journal: before its first change, `archive` writes down every
 * file it will move or rewrite (with the hash of its bytes before and after,
 * and a copy of the before bytes) and the git index as a tree. If the process
 * dies part-way, the next `sprintbook` command finds the journal and finishes
 * the job one way or the other:
 *
 *   phase "changing" (files may be half-moved)  → roll back to the journal's "before"
 *   phase "written"  (every file in its final form, checked) → roll forward: stage, commit
 *
 * Every write here is a temp file + rename, so a file is whole before or whole
 * after, never truncated. Rollback never stops at the first failure: it
 * restores what it can and lists what it could not, with the command that
 * finishes the job.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { chmod, mkdir, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileNamed } from './write-file.ts';
import { bootId, isAlive, procStat } from './lock.ts';

const execFileAsync = promisify(execFile);

export interface JournalFile {
	/** Content-relative path before and after the archive (equal for a file that only has links rewritten). */
	before: string;
	after: string;
	beforeHash: string;
	afterHash: string;
	mode: number;
}

export interface Journal {
	version: 1;
	command: string;
	sprint: string;
	pid: number;
	started: string;
	/** Absolute: the repository's top, its git folder and the content folder. */
	top: string;
	gitDir: string;
	contentDir: string;
	fromFolder: string;
	toFolder: string;
	/** Folders the archive creates above toFolder, deepest first. */
	createdDirs: string[];
	indexBefore: string;
	headBefore: string;
	statusBefore: string;
	commit: boolean;
	commitMessage: string[];
	/** Repository-relative: the folder that leaves the index, and the paths staged as they now are. */
	unstagePath: string;
	stagePaths: string[];
	files: JournalFile[];
	phase: 'changing' | 'written';
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const journalDir = (stateDir: string) => join(stateDir, 'archive-journal');
const TMP = '.sprintbook-tmp';

let writes = 0;
/**
 * Test-only crash hook: with SPRINTBOOK_TEST_CRASH_AFTER=N the process kills
 * itself (SIGKILL: no cleanup, no finally) right after its Nth write, so tests
 * can prove that every point is recoverable.
 */
export function crashPoint(what: string): void {
	writes++;
	if (process.env.SPRINTBOOK_TEST_CRASH_AFTER === String(writes)) {
		process.stderr.write(`[test] killed after write ${writes}: ${what}\n`);
		process.kill(process.pid, 'SIGKILL');
	}
}

/** Writes `bytes` beside `path` and renames it into place: a reader sees the old file or the new, never half of one. */
export async function writeWhole(path: string, bytes: Buffer | string, mode?: number): Promise<void> {
	const tmp = `${path}${TMP}`;
	await writeFileNamed(tmp, bytes, { mode });
	crashPoint(`wrote ${tmp}`);
	if (mode !== undefined) await chmod(tmp, mode);
	await rename(tmp, path);
	crashPoint(`renamed it to ${path}`);
}

/**
 * While a journal is open, the git process the archive is running, written down beside the journal: a git that
 * dies with us (or is killed by itself) leaves `.git/index.lock`, and this record is what lets the recovery tell
 * that lock from the live one of someone else's git. No record, no removal.
 */
export interface GitRecord {
	pid: number;
	host: string;
	procStart?: string;
	boot?: string;
	/** When it was started (ms since the epoch): a lock older than that is not its. */
	started: number;
	args: string[];
}
let gitRecordPath: string | undefined;
const gitRecordIn = (stateDir: string) => join(journalDir(stateDir), 'git.json');

/** Runs git; a failure reads as git's own message, not Node's "Command failed: …" with every argument. */
export async function git(cwd: string, args: string[]): Promise<string> {
	const record = gitRecordPath;
	try {
		const running = execFileAsync('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
		const pid = running.child.pid;
		if (record && pid) {
			writeFileSync(record, JSON.stringify({ pid, host: hostname(), procStart: procStat(pid)?.start, boot: bootId(), started: Date.now(), args } satisfies GitRecord));
			// Test-only: the archive and the git it runs both killed mid-command, as a power cut or an OOM kill would.
			if (process.env.SPRINTBOOK_TEST_KILL_IN_GIT === args[0]) {
				process.stderr.write(`[test] killed during git ${args[0]}\n`);
				running.child.kill('SIGKILL');
				process.kill(process.pid, 'SIGKILL');
			}
		}
		const { stdout } = await running;
		return stdout;
	} catch (e) {
		const { stderr, message } = e as { stderr?: string; message: string };
		throw new Error(`git ${args[0]} failed: ${stderr?.trim() || message}`);
	} finally {
		if (record) rmSync(record, { force: true });
	}
}

/** Writes the journal, with a copy of every file's bytes before, ahead of the archive's first change. */
export async function startJournal(stateDir: string, journal: Journal, beforeBytes: Map<string, Buffer>): Promise<void> {
	const dir = journalDir(stateDir);
	await rm(dir, { recursive: true, force: true });
	await mkdir(join(dir, 'before'), { recursive: true });
	for (const [hash, bytes] of beforeBytes) await writeWhole(join(dir, 'before', hash), bytes);
	// The journal file last: without it, the copies above are just leftovers.
	await writeWhole(join(dir, 'journal.json'), JSON.stringify(journal, null, 1));
	gitRecordPath = gitRecordIn(stateDir);
}

export async function setPhase(stateDir: string, journal: Journal, phase: Journal['phase']): Promise<void> {
	journal.phase = phase;
	await writeWhole(join(journalDir(stateDir), 'journal.json'), JSON.stringify(journal, null, 1));
}

export async function endJournal(stateDir: string): Promise<void> {
	gitRecordPath = undefined;
	await rm(journalDir(stateDir), { recursive: true, force: true });
}

/** Whether an archive left (or is writing) a journal: only a hint, read without the lock. */
export const hasJournal = (stateDir: string): boolean => existsSync(journalDir(stateDir));

/** The journal, for a caller that holds the project lock (so its writer is gone). */
async function readJournal(stateDir: string): Promise<Journal | undefined> {
	const dir = journalDir(stateDir);
	if (!existsSync(dir)) return undefined;
	try {
		return JSON.parse(await readFile(join(dir, 'journal.json'), 'utf8')) as Journal;
	} catch {
		// Its writer died before the journal was whole: it had changed nothing yet.
		await rm(dir, { recursive: true, force: true });
		return undefined;
	}
}

async function hashOf(path: string): Promise<string | undefined> {
	try {
		return sha256(await readFile(path));
	} catch {
		return undefined;
	}
}

/** A step that could not be done, and the command that does it by hand. */
export interface Unfinished {
	what: string;
	error: string;
	fix: string;
}

export interface Outcome {
	direction: 'rolled back' | 'rolled forward';
	unfinished: Unfinished[];
	/** Files edited after the interruption, left as they are. */
	kept?: string[];
}

/**
 * Removes `.git/index.lock` only when it is provably the one a git of the interrupted archive left: the journal
 * records that git as running when the archive stopped, it is dead now, the lock is no older than it, and no other
 * git process is at work in the repository. Any other lock may be a live git's (a commit waiting for its editor):
 * it is left alone, and the user is given the command. Called holding the project lock.
 */
async function clearIndexLock(stateDir: string, j: Journal, unfinished: Unfinished[]): Promise<void> {
	const lock = join(j.gitDir, 'index.lock');
	const recordPath = gitRecordIn(stateDir);
	let ours: GitRecord | undefined;
	try {
		ours = JSON.parse(await readFile(recordPath, 'utf8')) as GitRecord;
	} catch {
		ours = undefined;
	}
	let stats;
	try {
		stats = lstatSync(lock);
	} catch {
		await rm(recordPath, { force: true });
		return;
	}
	const leave = (error: string, fix: string): void => {
		unfinished.push({ what: `leave ${lock} alone`, error, fix });
	};
	if (!ours) return leave('no git command of the archive made it: it may be another git’s, at work now', `once no git command is running in ${j.top}, rm ${lock}`);
	if (isAlive(ours)) return leave(`the archive's "git ${ours.args[0]}" (pid ${ours.pid}) still runs`, `wait for it to end (or kill ${ours.pid}), then run the command again`);
	if (stats.mtimeMs < ours.started - 2000) return leave(`it is older than the archive's "git ${ours.args[0]}": not its`, `once no git command is running in ${j.top}, rm ${lock}`);
	const busy = gitAtWorkIn(j.top, j.gitDir);
	if (busy !== false) return leave(busy === undefined ? 'whether another git is at work here cannot be told on this system' : `git (pid ${busy}) is at work in this repository`, `once no git command is running in ${j.top}, rm ${lock}`);
	try {
		await unlink(lock);
		await rm(recordPath, { force: true });
	} catch (e) {
		unfinished.push({ what: 'remove the index lock the archive’s git left', error: (e as Error).message, fix: `rm ${lock}` });
	}
}

/** The PID of a git process whose working folder is in the repository, false when there is none, undefined when /proc cannot tell. */
function gitAtWorkIn(top: string, gitDir: string): number | false | undefined {
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
	} catch {
		return undefined;
	}
	const within = (dir: string, root: string) => dir === root || dir.startsWith(`${root}/`);
	for (const pid of pids) {
		let comm: string;
		try {
			comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
		} catch {
			continue; // gone since the listing
		}
		if (comm !== 'git' && !comm.startsWith('git-')) continue;
		// A zombie (a killed git no one has reaped yet) holds nothing.
		if (procStat(Number(pid))?.state === 'Z') continue;
		try {
			const cwd = readlinkSync(`/proc/${pid}/cwd`);
			if (within(cwd, top) || within(cwd, gitDir)) return Number(pid);
		} catch {
			return Number(pid); // a git whose folder we may not see: it may be at work here
		}
	}
	return false;
}

async function clearTempFiles(j: Journal): Promise<void> {
	for (const f of j.files) {
		for (const p of [f.before, f.after]) await rm(join(j.contentDir, `${p}${TMP}`), { force: true });
	}
}

/** Puts every file and the index back as the journal found them, doing all it can and listing the rest. */
export async function rollBack(stateDir: string, j: Journal, { afterCrash }: { afterCrash: boolean }): Promise<Outcome> {
	const unfinished: Unfinished[] = [];
	const attempt = async (what: string, fix: string, step: () => Promise<void>) => {
		try {
			await step();
		} catch (e) {
			unfinished.push({ what, error: ((e as Error).message ?? String(e)).trim().split('\n')[0]!, fix });
		}
	};
	// A live archive's own git released its lock on failing; one left now may be the user's git, so leave it alone.
	if (afterCrash) await clearIndexLock(stateDir, j, unfinished);
	await attempt('remove temporary files', `find ${j.contentDir} -name '*${TMP}' -delete`, () => clearTempFiles(j));
	const from = join(j.contentDir, j.fromFolder);
	const to = join(j.contentDir, j.toFolder);
	if (existsSync(to)) {
		if (!existsSync(from)) {
			await attempt(`move content/${j.toFolder} back`, `mv ${to} ${from}`, async () => {
				await rename(to, from);
				crashPoint(`moved content/${j.toFolder} back`);
			});
		}
		else if ((await readdir(to)).length === 0) await attempt(`remove the empty content/${j.toFolder}`, `rmdir ${to}`, () => rmdir(to));
		else unfinished.push({ what: `move content/${j.toFolder} back`, error: `content/${j.fromFolder} exists too`, fix: `compare the two folders, keep content/${j.fromFolder}, then rm -r ${to}` });
	}
	// A file that is neither as it was before nor as the archive wrote it was edited since the interruption: the
	// edit is the team's, and stays (its links may still point into the archive; check lists them).
	const kept: string[] = [];
	for (const f of j.files) {
		const path = join(j.contentDir, f.before);
		const now = await hashOf(path);
		if (now === f.beforeHash) continue;
		if (now !== undefined && now !== f.afterHash) {
			kept.push(`content/${f.before}`);
			continue;
		}
		const backup = join(journalDir(stateDir), 'before', f.beforeHash);
		await attempt(`restore content/${f.before}`, `cp ${backup} ${path}`, async () => {
			await mkdir(dirname(path), { recursive: true });
			await writeWhole(path, await readFile(backup), f.mode);
		});
	}
	for (const d of j.createdDirs) {
		const dir = join(j.contentDir, d);
		if (existsSync(dir) && (await readdir(dir)).length === 0) {
			await attempt(`remove the folder content/${d} it created`, `rmdir ${dir}`, async () => {
				await rmdir(dir);
				crashPoint(`removed content/${d}`);
			});
		}
	}
	await attempt('restore the git index', `git -C ${j.top} read-tree ${j.indexBefore}`, async () => {
		await git(j.top, ['read-tree', j.indexBefore]);
		crashPoint('restored the index');
	});
	// With an edit kept, git status differs from before by that edit: the check would only ask to undo it.
	if (!unfinished.length && !kept.length) {
		const status = await git(j.top, ['status', '--porcelain', '--untracked-files=all']);
		if (status !== j.statusBefore) unfinished.push({ what: 'match `git status` from before the archive', error: 'it differs', fix: `compare \`git status\` with:\n${j.statusBefore}` });
	}
	// With something left to do, the journal stays so that `sprintbook archive --recover` can finish after the fixes.
	if (!unfinished.length) await endJournal(stateDir);
	return { direction: 'rolled back', unfinished, kept };
}

/** Finishes an archive whose files were all written: stages them and, if asked, commits. */
async function rollForward(stateDir: string, j: Journal): Promise<Outcome> {
	const unfinished: Unfinished[] = [];
	await clearIndexLock(stateDir, j, unfinished);
	await clearTempFiles(j);
	for (const f of j.files) {
		if ((await hashOf(join(j.contentDir, f.after))) !== f.afterHash) {
			// Changed by someone since: finishing would stage bytes the archive never wrote. A person must decide.
			unfinished.push({ what: `finish the archive of Sprint ${j.sprint}`, error: `content/${f.after} changed after the archive was interrupted`, fix: `review content/${j.toFolder}/, then git rm -r -q --cached --ignore-unmatch -- ${j.unstagePath} && git add -A -- ${j.stagePaths.join(' ')}` });
			return { direction: 'rolled forward', unfinished };
		}
	}
	try {
		await stageArchive(j);
		const head = (await git(j.top, ['rev-parse', 'HEAD'])).trim();
		if (j.commit && head === j.headBefore) {
			await git(j.top, ['commit', '-q', ...j.commitMessage.flatMap((m) => ['-m', m])]);
			crashPoint('committed the archive');
		}
	} catch (e) {
		unfinished.push({ what: 'stage and commit the archive', error: (e as Error).message.trim().split('\n')[0]!, fix: `git rm -r -q --cached --ignore-unmatch -- ${j.unstagePath} && git add -A -- ${j.stagePaths.join(' ')}${j.commit ? ` && git commit -m "${j.commitMessage[0]}"` : ''}` });
		return { direction: 'rolled forward', unfinished };
	}
	await endJournal(stateDir);
	return { direction: 'rolled forward', unfinished };
}

/**
 * Stages the move and the rewrites. Safe to run twice: `git add` of a folder
 * already gone from index and disk fails, so the old folder leaves the index
 * through `rm --cached --ignore-unmatch` instead.
 */
export async function stageArchive(j: Journal): Promise<void> {
	await git(j.top, ['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', j.unstagePath]);
	crashPoint('unstaged the old folder');
	await git(j.top, ['add', '-A', '--', ...j.stagePaths]);
	crashPoint('staged the archive');
}

/** Finishes an interrupted archive found in `stateDir`, if any: forward if all its files were written, back otherwise. Call it holding the lock. */
export async function recoverJournal(stateDir: string): Promise<(Outcome & { journal: Journal }) | undefined> {
	const journal = await readJournal(stateDir);
	if (!journal) return undefined;
	// The recovery's own git calls are recorded as the archive's were: a recovery killed mid-git is recovered the same way.
	gitRecordPath = gitRecordIn(stateDir);
	const outcome = journal.phase === 'written' ? await rollForward(stateDir, journal) : await rollBack(stateDir, journal, { afterCrash: true });
	return { ...outcome, journal };
}

export function describeOutcome({ direction, unfinished, kept = [], journal }: Outcome & { journal: Journal }): string {
	const head = `Found an archive of Sprint ${journal.sprint} that was interrupted (pid ${journal.pid}, started ${journal.started}).`;
	if (!unfinished.length) {
		if (direction === 'rolled back' && kept.length) {
			return [
				`${head}\nRolled it back, but for ${kept.length === 1 ? 'a file' : `${kept.length} files`} edited since, left as ${kept.length === 1 ? 'it is' : 'they are'}:`,
				...kept.map((k) => `  - ${k}`),
				'Its links into the sprint may still point at the archive: `sprintbook check` lists any that lead nowhere. Every other file and the git index are as they were before the archive.',
			].join('\n');
		}
		return direction === 'rolled back'
			? `${head}\nRolled it back: every file and the git index are as they were before it.`
			: `${head}\nRolled it forward: all its files had been written, so it is now ${journal.commit ? 'committed' : 'staged'} as a completed archive.`;
	}
	const lines = [`${head}\nTried to ${direction === 'rolled back' ? 'roll it back' : 'roll it forward'}; these steps are left:`];
	for (const u of unfinished) lines.push(`  - ${u.what}: ${u.error}\n    fix: ${u.fix}`);
	lines.push('Then run `sprintbook archive --recover` to finish.');
	return lines.join('\n');
}
