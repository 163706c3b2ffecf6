/**
 * `check` keeps what each unchanged document alone gave last time
 * (node_modules/.cache/sprintbook/check.json). What a user must never see:
 * a different answer with the cache than without it — after a run, after an
 * edit, after a change elsewhere that a cached document's links or figures
 * depend on, after Sprintbook's own rules change, or with a broken cache file.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';
import { ROOT } from './helpers/site.ts';

const CACHE = 'node_modules/.cache/sprintbook/check.json';

/** The check fixture (every rule firing) in a project of its own, with a node_modules folder for the cache. */
function project(): string {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-check-cache-'));
	cpSync(join(ROOT, 'tests/fixtures/check/content'), join(root, 'content'), { recursive: true });
	mkdirSync(join(root, 'node_modules'));
	return root;
}
const run = (root: string, ...args: string[]) => sprintbook(['check', '--format', 'json', ...args], root);
const findings = (root: string, ...args: string[]) => JSON.parse(run(root, ...args).stdout) as Array<{ file: string; line: number; ruleId: string; message: string }>;

describe('check with its cache', () => {
	it('gives the same findings, exit code and human report on a warm run as on a cold one', () => {
		const root = project();
		const cold = run(root, '--no-cache');
		expect(existsSync(join(root, CACHE))).toBe(false);
		const first = run(root);
		expect(existsSync(join(root, CACHE))).toBe(true);
		const warm = run(root);
		expect(JSON.parse(cold.stdout).length).toBeGreaterThan(40);
		expect(first.stdout).toBe(cold.stdout);
		expect(warm.stdout).toBe(cold.stdout);
		expect([first.status, warm.status]).toEqual([cold.status, cold.status]);
		// The human report quotes the source lines: the cache keeps no stale text.
		expect(sprintbook(['check'], root).stdout).toBe(sprintbook(['check', '--no-cache'], root).stdout);
	});

	it('sees an edit to a cached document, and its undoing', () => {
		const root = project();
		run(root);
		const doc = join(root, 'content/sprints/3.1/self-anchor.md');
		const before = readFileSync(doc, 'utf8');
		writeFileSync(doc, before.replace(/^title: .*$/m, 'title: 42\nowner: nobody'));
		const edited = findings(root).filter((f) => f.file.endsWith('self-anchor.md')).map((f) => f.ruleId);
		expect(edited).toContain('unknown-field');
		expect(findings(root)).toEqual(findings(root, '--no-cache'));
		writeFileSync(doc, before);
		expect(findings(root).filter((f) => f.file.endsWith('self-anchor.md')).map((f) => f.ruleId)).not.toContain('unknown-field');
	});

	it('takes a document whose size and time stamps are unchanged from the last run without reading it, and still sees a same-size edit with its old time put back', async () => {
		const root = project();
		// The cache keeps the stamps of files last changed over 2 s ago (one changed just now is always read again).
		const hourAgo = new Date(Date.now() - 3_600_000);
		for (const f of readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })) utimesSync(join(root, 'content', f), hourAgo, hourAgo);
		await new Promise((wait) => setTimeout(wait, 2_100));
		const cold = run(root, '--no-cache');
		run(root);
		const stored = JSON.parse(readFileSync(join(root, CACHE), 'utf8')) as { entries: Record<string, { stamp?: { mtimeMs: number } }> };
		expect(Object.values(stored.entries).map((e) => e.stamp?.mtimeMs)).toEqual(Object.values(stored.entries).map(() => hourAgo.getTime()));
		expect(run(root).stdout).toBe(cold.stdout);
		expect(sprintbook(['check'], root).stdout).toBe(sprintbook(['check', '--no-cache'], root).stdout);

		const doc = join(root, 'content/sprints/3.1/self-anchor.md');
		const before = readFileSync(doc, 'utf8');
		const after = before.replace('kind: notes', 'kind: nopes');
		writeFileSync(doc, after);
		utimesSync(doc, hourAgo, hourAgo); // same size, same modification time: only the change time tells
		expect(statSync(doc).size).toBe(Buffer.byteLength(before));
		const mine = (root: string, ...args: string[]) => findings(root, ...args).filter((f) => f.file.endsWith('self-anchor.md'));
		expect(mine(root).map((f) => f.message).join('\n')).toContain('nopes');
		expect(mine(root)).toEqual(mine(root, '--no-cache'));
	});

	it('re-checks an unchanged document’s links and figures when what they point at changes', () => {
		const root = project();
		// A doc linking to the "Risks" heading of the 3.1 plan; then the plan renames it.
		const plan = join(root, 'content/sprints/3.1/plan.md');
		writeFileSync(join(root, 'content/sprints/3.1/links-to-plan.md'), `---\nsprint: "3.1"\ntitle: Links to the plan\nkind: notes\n---\n\nSee [the risks](plan.md#risks).\n`);
		const broken = () => findings(root).filter((f) => f.file.endsWith('links-to-plan.md') && f.ruleId === 'broken-anchor').map((f) => f.message);
		expect(broken()).toEqual([]);
		writeFileSync(plan, readFileSync(plan, 'utf8').replace('## Risks', '## Open questions'));
		expect(broken()).toEqual(['no heading "#risks" in "plan.md"']);
		expect(findings(root)).toEqual(findings(root, '--no-cache'));
	});

	it('re-checks figures against a plan whose test total changed', () => {
		const root = project();
		const plan = join(root, 'content/sprints/3.1/plan.md');
		// 95% of the plan's 200 tests is 190: right until the plan says 220 (209).
		writeFileSync(join(root, 'content/sprints/3.1/floor.md'), `---\nsprint: "3.1"\ntitle: Floor\nkind: notes\n---\n\nWe need ≥ 95% (190 tests).\n`);
		const mismatches = () => findings(root).filter((f) => f.file.endsWith('floor.md') && f.ruleId === 'rate-count-mismatch').map((f) => f.message);
		expect(mismatches()).toEqual([]);
		writeFileSync(plan, readFileSync(plan, 'utf8').replace('total: 200', 'total: 220'));
		expect(mismatches()).toEqual(['"≥ 95% (190 tests)": 95% of 220 tests is 209, not 190']);
		expect(findings(root)).toEqual(findings(root, '--no-cache'));
	});

	it('reads everything afresh when the cache file is damaged', () => {
		const root = project();
		run(root);
		writeFileSync(join(root, CACHE), '{"rules": "x", "entries": {');
		expect(run(root).stdout).toBe(run(root, '--no-cache').stdout);
		writeFileSync(join(root, CACHE), JSON.stringify({ rules: 'stale', entries: {} }));
		expect(run(root).stdout).toBe(run(root, '--no-cache').stdout);
	});

	it('forgets every document when Sprintbook’s own rules change', () => {
		// A Sprintbook project of its own (its own src/), whose encoding rule (a single-file rule, cached) then says something else.
		const root = mkdtempSync(join(tmpdir(), 'sprintbook-check-rules-'));
		copySprintbook(root);
		cpSync(join(ROOT, 'tests/fixtures/check/content'), join(root, 'content'), { recursive: true });
		const own = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/sprintbook.js'), 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8' }).stdout;
		expect(own([])).toContain('broken encoding');
		expect(own([])).toContain('broken encoding'); // warm
		const rule = join(root, 'src/lib/source.ts');
		writeFileSync(rule, readFileSync(rule, 'utf8').replace('broken encoding', 'garbled encoding'));
		const after = own([]);
		expect(after).toContain('garbled encoding');
		expect(after).not.toContain('broken encoding');
	});
});
