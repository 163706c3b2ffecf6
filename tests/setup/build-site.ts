/**
 * Builds the real site from content/ into dist/ once per test run, with the
 * same command a user runs, so the HTML tests never read a stale build.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The date the test build takes as today: day 4 of the 10-day Sprint 2.8. */
export const TODAY = '2026-01-20';

export default function buildSite() {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	// Cold build: Astro's content cache keeps rendered Markdown even when the Markdown plugins change.
	rmSync(`${root}node_modules/.astro`, { recursive: true, force: true });
	try {
		// A fixed "today" keeps days-left figures the same on every run.
		execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, SPRINTBOOK_TODAY: TODAY } });
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string };
		throw new Error(`npm run build failed before the tests could run:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
}
