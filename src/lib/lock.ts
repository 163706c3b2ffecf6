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
import { hostname } from 'node:os';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface LockHolder {
	pid: number;
	host: string;
	command: string;
	started: string;
}

export class LockHeld extends Error {
	readonly holder: LockHolder;
	constructor(holder: LockHolder) {
		super(
			`another sprintbook command is changing this project: "sprintbook ${holder.command}" (pid ${holder.pid} on ${holder.host}, started ${holder.started}). ` +
				'Wait for it to finish, then run yours again.',
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

/** Alive on this machine, or on another one (which we cannot ask, so we must assume it is). */
function isAlive(holder: LockHolder): boolean {
	if (holder.host !== hostname()) return true;
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
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
export async function acquireLock(root: string, command: string): Promise<Lock> {
	const dir = stateDir(root);
	await mkdir(dir, { recursive: true });
	const path = join(dir, 'lock');
	const me: LockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
	const mine = `${path}.${process.pid}`;
	await writeFile(mine, JSON.stringify(me));
	let staleFrom: LockHolder | undefined;
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
