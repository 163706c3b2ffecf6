/**
 * Failures that are the user's to fix, not bugs of ours: a full disk, a folder
 * that may not be written, an input that cannot be read. Each is told in one
 * line naming the path and the fix, and the command exits 1 — never the
 * "internal error" (exit 3) that asks for a bug report.
 */
import { printable } from './printable.ts';

/** A refusal with its reason and fix, already worded for the user. */
export class UserError extends Error {}

type Errno = NodeJS.ErrnoException & { dest?: string };

/** The first error in a chain of causes that carries an errno code. */
function errnoOf(error: unknown): Errno | undefined {
	for (let e = error as Errno | undefined, depth = 0; e && depth < 5; e = e.cause as Errno | undefined, depth++) {
		if (typeof e === 'object' && typeof e.code === 'string') return e;
	}
	return undefined;
}

/**
 * The one-line message for a file-system failure the user can fix, or undefined for anything else.
 * `where` names the project when the error itself names no path.
 */
export function fileSystemProblem(error: unknown, where?: string): string | undefined {
	const e = errnoOf(error);
	if (!e) return undefined;
	const path = e.path ?? e.dest;
	const at = path ? printable(path) : where ? `a file under ${printable(where)}` : 'a file';
	switch (e.code) {
		case 'ENOSPC':
		case 'EDQUOT':
			return `no space left to write ${at} (${e.code === 'EDQUOT' ? 'disk quota exceeded' : 'the disk is full'}): free some space on that disk, then run the command again`;
		case 'EROFS':
			return `cannot write ${at}: it is on a read-only file system: run the command where the project can be written (or remount it read-write)`;
		case 'EACCES':
		case 'EPERM':
			// The same code for a read and a write: said by the call that failed.
			return /^(?:scandir|read|stat|lstat|readlink|opendir)$/.test(e.syscall ?? '')
				? `cannot read ${at}: permission denied: make it readable (chmod u+r) or run as its owner, then run the command again`
				: `cannot write ${at}: permission denied: make it and its folder writable (chmod u+w, or chattr -i if made immutable) or run as their owner, then run the command again`;
		case 'ENOTDIR':
			return `cannot use ${at}: a part of that path is a file where a folder should be: move that file aside, then run the command again`;
		case 'EEXIST':
			return e.syscall === 'mkdir' ? `cannot make the folder ${at}: a file of that name is in the way: move it aside, then run the command again` : undefined;
		case 'EMFILE':
		case 'ENFILE':
			return `too many open files while reading ${at}: raise the limit (ulimit -n), then run the command again`;
		default:
			return undefined;
	}
}
