/**
 * The writer's loop in `astro dev`: a saved doc is checked again and the
 * terminal says what is wrong with it (or that nothing is), and names the
 * other docs a save broke — while the server keeps serving the site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySprintbook, userEnv } from '../bench/project.ts';
import { ROOT } from './helpers/site.ts';

let root = '';
let server: ChildProcess | undefined;
let out = '';

/** Waits until the server's output since `from` contains `text`. */
async function printed(text: string, from: number, ms = 90_000): Promise<string> {
	const started = Date.now();
	while (!out.slice(from).includes(text)) {
		if (Date.now() - started > ms) throw new Error(`not printed in ${ms} ms: ${text}\n--- output since the save:\n${out.slice(from)}`);
		await new Promise((r) => setTimeout(r, 50));
	}
	return out.slice(from);
}

/**
 * Saves `file` (content-relative) with `edit` applied, once the server has been quiet for a second (as between a
 * writer's saves: two writes 50 ms apart can reach the file watcher as one), and returns where the output stood.
 */
async function save(file: string, edit: (text: string) => string): Promise<number> {
	const started = Date.now();
	let quietSince = Date.now();
	let seen = out.length;
	while (Date.now() - quietSince < 1_000 && Date.now() - started < 20_000) {
		await new Promise((r) => setTimeout(r, 100));
		if (out.length !== seen) {
			seen = out.length;
			quietSince = Date.now();
		}
	}
	const from = out.length;
	const path = join(root, 'content', file);
	writeFileSync(path, edit(readFileSync(path, 'utf8')));
	return from;
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'sprintbook-dev-loop-'));
	cpSync(join(ROOT, 'tests/fixtures/any-team/content'), join(root, 'content'), { recursive: true });
	copySprintbook(root);
	server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'], {
		cwd: root,
		env: userEnv({ ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	server.stdout!.on('data', (d) => (out += d));
	server.stderr!.on('data', (d) => (out += d));
	await printed('watching for file changes', 0, 120_000);
}, 150_000);

afterAll(() => {
	server?.kill('SIGTERM');
});

// Each wait is generous: beside the other test files on two cores, a dev server can take a while to see a save.
describe('astro dev after a save', { timeout: 300_000 }, () => {
	it('says a clean doc has no problems', async () => {
		const from = await save('sprints/12.5/backlog.md', (t) => `${t}- Faster search\n`);
		await printed('check: content/sprints/12.5/backlog.md: no problems', from);
	});

	it('shows the saved doc’s problem with its place and fix, and its repair', async () => {
		const from = await save('sprints/12.5/backlog.md', (t) => `${t}\nSee [the plan](../12/plan.md#no-such-heading).\n`);
		const report = await printed('broken-anchor', from);
		expect(report).toContain('content/sprints/12.5/backlog.md');
		expect(report).toContain('no heading "#no-such-heading"');
		const fixed = await save('sprints/12.5/backlog.md', (t) => t.replace('\nSee [the plan](../12/plan.md#no-such-heading).\n', ''));
		await printed('check: content/sprints/12.5/backlog.md: no problems', fixed);
	});

	it('names the other doc a save broke: a heading renamed under a link to it', async () => {
		const linked = await save('sprints/12.5/backlog.md', (t) => `${t}\nSee [services](../../docs/architecture/overview.md#services).\n`);
		await printed('check: content/sprints/12.5/backlog.md: no problems', linked);
		const from = await save('docs/architecture/overview.md', (t) => t.replace('## Services', '## Components'));
		const report = await printed('changed what other documents get', from);
		expect(report).toMatch(/content\/sprints\/12\.5\/backlog\.md \(0 → 1 problem\)/);
	});
});

describe('astro dev after a save that makes a doc too pathological to render', { timeout: 300_000 }, () => {
	it('says so with check’s one line and keeps serving the site, its memory and time its own', async () => {
		const from = await save('sprints/12.5/backlog.md', (t) => `${t}\n${'&#107;'.repeat(20_000)}\n`);
		const report = await printed('too-pathological', from);
		expect(report).toContain('content/sprints/12.5/backlog.md');
		// The loader was not given it (before, the renderer took ~660 MB and its square of time for it).
		await printed('not loaded: one paragraph of this document has 20,000 character references', from);
		const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)![0];
		const page = await fetch(`${url}sprints/12/`);
		expect(page.status).toBe(200);
		expect(server!.exitCode).toBe(null);
	});
});
