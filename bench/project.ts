/**
 * Throwaway Astro projects for the benchmark and the build tests. Each gets its
 * own node_modules folder of symlinks to this repository's packages, so each has
 * its own Astro cache (node_modules/.astro) and never reads another's.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Links every installed package into `root/node_modules`, one symlink each. */
export function linkNodeModules(root: string): void {
	const target = join(root, 'node_modules');
	mkdirSync(target, { recursive: true });
	for (const entry of readdirSync(join(REPO, 'node_modules'))) {
		if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue; // caches are per project
		symlinkSync(join(REPO, 'node_modules', entry), join(target, entry));
	}
}

/**
 * Makes `root` a Sprintbook project: this repository's code and config copied (a symlinked
 * src/ resolves outside the project root and Vite then leaves the CSS out), packages linked;
 * the content is the caller's.
 */
export function copySprintbook(root: string): void {
	linkNodeModules(root);
	for (const entry of ['bin', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
}

/**
 * The environment a user's shell would give a build or a dev server: a test runner's own variables are left out.
 * Under Vitest, process.env carries NODE_ENV=test and Vite's MODE, BASE_URL, DEV, PROD and SSR, with which an
 * `astro dev` started from a test answers 404 to every page.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:VITEST\w*|TEST|NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR)$/.test(k)));
	return { ...env, ...extra };
}
