/** Throwaway copies of this project's content/ in temp folders, optionally as a real git repository. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './site.ts';

export function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A temp folder holding a copy of content/ (or of another content folder, e.g. a
 * fixture's); with `withGit`, committed as the first commit of a new repository.
 */
export function tempProject(withGit = false, content = join(ROOT, 'content')): string {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-project-'));
	cpSync(content, join(root, 'content'), { recursive: true });
	if (withGit) {
		git(root, 'init', '-q', '-b', 'main');
		git(root, 'config', 'user.email', 'lead@omc.test');
		git(root, 'config', 'user.name', 'Sprint Lead');
		git(root, 'add', '-A');
		git(root, 'commit', '-q', '-m', 'Sprint docs');
	}
	return root;
}

/** Every file under `dir` with the hash of its bytes (folders marked), sorted: equal lists mean an untouched tree. */
export function hashTree(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.sort()
		.map((f) => {
			try {
				return `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`;
			} catch {
				return `${f}/`;
			}
		});
}
