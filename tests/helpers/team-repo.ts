/** A team's repository for the tests that read one in place: made from a fixture with its own git history, and hashed. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** git as the team, in `cwd`. */
export const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=team@example.com', '-c', 'user.name=Team', ...args], { cwd, encoding: 'utf8' });

/** A throwaway team repository outside the checkout, from one of our fixtures (or an archive), with a first commit. */
export function teamRepo(from: string): string {
	const repo = mkdtempSync(join(tmpdir(), 'sprintbook-team-'));
	cpSync(from, repo, { recursive: true });
	git(repo, 'init', '-q');
	git(repo, 'add', '-A');
	git(repo, 'commit', '-qm', 'our docs');
	return repo;
}

/** A folder's files with a hash of each, to show a tree is byte-for-byte what it was. */
/** Every file under `root` (not the top-level folders in `skip`), by its `/`-separated path, with its SHA-256. */
export function treeOf(root: string, skip: readonly string[]): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (dir: string, rel: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			if (!rel && skip.includes(e.name)) continue;
			const path = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(join(dir, e.name), path);
			else out.set(path, createHash('sha256').update(readFileSync(join(dir, e.name))).digest('hex'));
		}
	};
	walk(root, '');
	return out;
}
