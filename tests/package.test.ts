/**
 * Sprintbook as a team adds it: the tarball `npm pack` makes, installed into a throwaway repository of the team's
 * own (our fixture, with a git history), then `npx sprintbook init`, `build`, `check` and `dev` there. What is
 * asserted is what the team sees: the commands' output, the site, its tree, and the live page after a save.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { userEnv } from '../bench/project.ts';
import { ROOT } from './helpers/site.ts';
import { teamRepo, treeOf } from './helpers/team-repo.ts';

// The team's Node is the one running the tests (the pinned Node 26): first on PATH for npm, npx and the bin's shebang.
// A user's environment, not the test runner's (VITEST, NODE_ENV=test change how Astro and Vite behave).
const env = userEnv({ PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' });
const run = (cwd: string, command: string, args: string[], options: SpawnSyncOptions = {}) => {
	const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};

/** The tarball of this checkout as committed, packed from a copy so that its prepack never writes into the checkout. */
function pack(): string {
	const copy = mkdtempSync(join(tmpdir(), 'sprintbook-pack-'));
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
	for (const f of files) {
		mkdirSync(dirname(join(copy, f)), { recursive: true });
		cpSync(join(ROOT, f), join(copy, f));
	}
	symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
	const out = run(copy, 'npm', ['pack', '--silent', '--pack-destination', copy]);
	expect(out.status, out.stdout + out.stderr).toBe(0);
	return join(copy, out.stdout.trim().split('\n').at(-1)!);
}


async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

describe('Sprintbook installed in a team repository', () => {
	it('npm install of the packed tarball, then npx sprintbook init, build, check and dev on the docs where they are', async () => {
		const tarball = pack();
		const repo = teamRepo(join(ROOT, 'tests/fixtures/in-place/team-repo'));

		const install = run(repo, 'npm', ['install', '--save-dev', '--prefer-offline', tarball]);
		expect(install.status, install.stderr).toBe(0);
		const before = treeOf(repo, ['node_modules', 'dist', '.git']);
		const npx = (...args: string[]) => run(repo, 'npx', ['--no-install', 'sprintbook', ...args]);

		expect(npx('init')).toMatchObject({ status: 0, stdout: expect.stringContaining('Wrote') });
		const build = npx('build');
		expect(build.status, build.stdout + build.stderr).toBe(0);
		const sprint1 = readFileSync(join(repo, 'dist/sprints/1/index.html'), 'utf8');
		expect(sprint1).toContain('✓</span>complete</span>');
		expect(readFileSync(join(repo, 'dist/index.html'), 'utf8')).toContain('<title>Dashboard · Parcel Tracker</title>');
		const check = npx('check');
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(check.stdout).toContain('docs/sprints/sprint-2/standup-notes.md:4:20  warning');
		// Its cache lives in the team's node_modules, where npm put Sprintbook.
		expect(readdirSync(join(repo, 'node_modules/.cache/sprintbook'))).toContain('site');

		// Nothing of the team's changed but the config init wrote.
		const after = treeOf(repo, ['node_modules', 'dist', '.git']);
		after.delete('sprintbook.config.mjs');
		expect(after).toEqual(before);

		// Publishing on GitHub Pages: the workflow is YAML, uses GitHub's own actions only, checks out the whole history,
		// and its build step, run here as the runner would, builds the site under the path Pages gives the repository.
		expect(npx('deploy-workflow')).toMatchObject({ status: 0, stdout: expect.stringContaining('Wrote') });
		expect(npx('deploy-workflow')).toMatchObject({ status: 1, stdout: expect.stringContaining('is already there; nothing was written') });
		const workflow = parseYaml(readFileSync(join(repo, '.github/workflows/sprintbook-pages.yml'), 'utf8')) as { on: { push: { branches: string[] } }; jobs: Record<string, { steps: Array<{ uses?: string; run?: string; name?: string; with?: Record<string, unknown> }> }> };
		const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
		expect(steps.flatMap((s) => (s.uses ? [s.uses.replace(/@.*$/, '')] : []))).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
		expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toEqual({ 'fetch-depth': 0 });
		expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm' });
		expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
		expect(workflow.on.push.branches).toEqual(['main']);
		const buildStep = steps.find((s) => s.name === 'Build the site')!.run!;
		const pagesGives = buildStep.replace('${{ steps.pages.outputs.base_path }}', '/tracker').replace('${{ steps.pages.outputs.base_url }}', 'https://parcel.github.io/tracker');
		expect(pagesGives).not.toContain('${{');
		const published = run(repo, 'sh', ['-c', pagesGives]);
		expect(published.status, published.stdout + published.stderr).toBe(0);
		const home = readFileSync(join(repo, 'dist/index.html'), 'utf8');
		expect(home).toContain('href="/tracker/sprints/1/"');
		expect(home).not.toMatch(/(?:href|src|action)="\/(?!tracker\/)/);
		expect(readFileSync(join(repo, 'dist/reports.xml'), 'utf8')).toContain('<link>https://parcel.github.io/tracker/sprints/1/report/</link>');

		// dev: the page follows a saved status line.
		const server = spawn('npx', ['--no-install', 'sprintbook', 'dev', '--port', '0', '--host', '127.0.0.1'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let out = '';
		server.stdout.on('data', (d) => (out += d));
		server.stderr.on('data', (d) => (out += d));
		try {
			const base = await until('dev serves', async () => /serving (http:\/\/\S+)/.exec(out)?.[1], 120_000);
			const sprint2 = async () => (await fetch(`${base}sprints/2/`)).text();
			// Vite may still be preparing its dependencies on a first start: the page is there once it answers.
			await until('the page serves', async () => ((await sprint2()).includes('▶</span>active</span>') ? true : undefined)).catch((e: Error) => {
				throw new Error(`${e.message}\n${out}`);
			});
			const backlog = join(repo, 'docs/sprints/sprint-2/backlog.md');
			writeFileSync(backlog, readFileSync(backlog, 'utf8').replace('**Status:** In progress', '**Status:** Done'));
			const roadmap = join(repo, 'ROADMAP.md');
			writeFileSync(roadmap, readFileSync(roadmap, 'utf8').replace('🔄 IN PROGRESS', '✅ COMPLETE'));
			await until('the page shows the saved status', async () => ((await sprint2()).includes('✓</span>complete</span>') ? true : undefined));
			expect(out).toMatch(/sprintbook dev: read .*docs\/sprints\/sprint-2\/backlog\.md.* again/);
			expect(out).toMatch(/check: [^\n]*docs\/sprints\/sprint-2\/backlog\.md[^\n]*: no problems/);
		} finally {
			process.kill(-server.pid!, 'SIGTERM');
		}
	}, 300_000);
});
