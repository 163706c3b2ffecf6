/**
 * One writer at a time: commands that change a project (archive, new, import)
 * hold a lock file while they run, so a second one refuses at once and says who
 * holds it instead of interleaving its writes with the first's.
 *
 * The lock and the archive's journal live in the repository's git folder
 * (`.git/sprintbook/`) when there is one: never committed, never shown by
 * `git status`, shared by every work tree command. Outside git, `.sprintbook/`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { writeFileNamed } from './write-file.ts';
import { join, resolve } from 'node:path';

export interface LockHolder {
	pid: number;
	host: string;
	command: string;
	started: string;
	/** The process's start in the kernel's clock ticks since boot (Linux): a PID reused by another process starts elsewhen. */
	procStart?: string;
	/** The kernel's boot id (Linux): after a reboot no process of before is alive. */
	boot?: string;
}

const readOr = (path: string) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
};
/** A process's state letter and start time from /proc (undefined where there is no /proc, or no such process). */
export function procStat(pid: number): { state: string; start: string } | undefined {
	const stat = readOr(`/proc/${pid}/stat`);
	// "pid (command) S ppid …": the command may hold spaces and parentheses; the fields after its last ")" do not.
	const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
	return fields && fields.length > 19 ? { state: fields[0]!, start: fields[19]! } : undefined;
}
export const bootId = () => readOr('/proc/sys/kernel/random/boot_id')?.trim();
export const BREAK_LOCK = '--break-lock';

export class LockHeld extends Error {
	readonly holder: LockHolder;
	constructor(holder: LockHolder) {
		const elsewhere = holder.host !== hostname();
		super(
			`another sprintbook command is changing this project: "sprintbook ${holder.command}" (pid ${holder.pid} on ${holder.host}, started ${holder.started}). ` +
				(elsewhere
					? `It runs on another machine, which this one cannot ask: wait for it to finish; if it no longer runs there (a container restarted), run yours again with ${BREAK_LOCK} to take the lock over.`
					: `Wait for it to finish, then run yours again; if that process is not running sprintbook, run yours with ${BREAK_LOCK} to take the lock over.`),
		);
		this.holder = holder;
	}
}

/** Sprintbook's folder inside a repository's git folder. */
export const stateDirIn = (gitDir: string) => join(gitDir, 'sprintbook');

/** Where Sprintbook keeps its lock and journal for the project at `root`. */
export function stateDir(root: string): string {
	try {
		return stateDirIn(execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
	} catch {
		return join(resolve(root), '.sprintbook');
	}
}

/**
 * Alive on this machine, or on another one (which we cannot ask, so we must assume it is). On this machine a holder
 * is dead when its PID answers nothing, is a zombie, started at another time than the one it recorded (the PID was
 * reused), or was recorded before the last boot.
 */
export function isAlive(holder: Pick<LockHolder, 'pid' | 'host' | 'procStart' | 'boot'>): boolean {
	if (holder.host !== hostname()) return true;
	if (holder.boot && bootId() && holder.boot !== bootId()) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	const stat = procStat(holder.pid);
	if (stat?.state === 'Z') return false;
	return !(holder.procStart && stat && stat.start !== holder.procStart);
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as LockHolder;
	} catch {
		return undefined; // gone, or half-written by a writer that died: treat as stale
	}
}

export interface Lock {
	/** The previous holder, when it had died without letting go. */
	staleFrom?: LockHolder;
	release(): Promise<void>;
}

/**
 * Takes the project's lock or throws LockHeld. The lock file appears whole or
 * not at all (written aside, then hard-linked into place, which fails if it
 * exists); a lock whose holder is dead is taken over.
 */
export async function acquireLock(root: string, command: string, { breakLock = false } = {}): Promise<Lock> {
	const dir = stateDir(root);
	await mkdir(dir, { recursive: true });
	const path = join(dir, 'lock');
	const me: LockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString(), procStart: procStat(process.pid)?.start, boot: bootId() };
	// Asked to take over a lock whose holder cannot be asked (another machine): it is moved aside as a dead one's is.
	let broken: LockHolder | undefined;
	if (breakLock) {
		broken = await readHolder(path);
		await unlink(path).catch(() => {});
	}
	const mine = `${path}.${process.pid}`;
	await writeFileNamed(mine, JSON.stringify(me));
	let staleFrom: LockHolder | undefined = broken;
	try {
		for (let attempt = 0; attempt < 5; attempt++) {
			try {
				await link(mine, path);
				return {
					staleFrom,
					release: async () => {
						const holder = await readHolder(path);
						if (holder?.pid === me.pid && holder.started === me.started) await unlink(path).catch(() => {});
					},
				};
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			}
			const holder = await readHolder(path);
			if (holder && isAlive(holder)) throw new LockHeld(holder);
			// Dead holder: move its lock aside. Of two takers, only one rename succeeds; the other retries and finds the new lock.
			const aside = `${path}.stale.${process.pid}`;
			try {
				await rename(path, aside);
				const moved = await readHolder(aside);
				// Between reading and moving, another taker may have put a live lock there: put it back.
				if (moved && isAlive(moved)) await link(aside, path).catch(() => {});
				else staleFrom = holder;
				await unlink(aside);
			} catch {
				/* someone else took it over first */
			}
		}
		throw new Error(`could not take the lock ${path}; if no sprintbook command is running, delete that file`);
	} finally {
		await unlink(mine).catch(() => {});
	}
}
