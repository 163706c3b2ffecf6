/**
 * Builds the real site from content/ into dist/ once per test run, with the
 * same command a user runs, so the HTML tests never read a stale build.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildSite() {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	try {
		execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string };
		throw new Error(`npm run build failed before the tests could run:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
}
