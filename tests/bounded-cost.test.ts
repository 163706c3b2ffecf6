/**
 * Bounded cost: a document shaped to make a parser or a rule take the machine — a megabyte of character
 * references, YAML nested two thousand deep or aliased a billion times over, MDX braces nested thousands deep, a
 * run of digits, tens of thousands of problems on one line — is answered by `check` like any other bad input:
 * findings, or one error at its first line naming the limit, and never a hang, a crash or a stack trace.
 *
 * Each check runs as a user runs it, with Node's heap held to 1 GB and a time bound far above what the document
 * needs once rules are linear (no timing is asserted: a run either finishes or is stopped at the bound and fails).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CHARACTER_REFERENCES, MAX_DOC_BYTES, MAX_MDX_BRACE_DEPTH, MAX_MOJIBAKE_REPORTS, MAX_YAML_DEPTH } from '../src/lib/check/limits.ts';
import { ROOT } from './helpers/site.ts';

const BOUND_MS = 60_000;
/** Each test may run its checks to the bound and a little more. */
const timeout = 3 * BOUND_MS;
const notes = (title: string, extra = '') => `---\nsprint: "1.1"\ntitle: ${title}\nkind: notes\n${extra}---\n\n`;

/** A project of one sprint: its plan and `file` holding `text`, with a node_modules folder so check keeps its cache. */
function project(file: string, text: string): string {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-bounded-'));
	mkdirSync(join(root, 'content/sprints/1.1'), { recursive: true });
	mkdirSync(join(root, 'node_modules'));
	writeFileSync(join(root, 'content/sprints/1.1/plan.md'), '---\nsprint: "1.1"\ntitle: T\nstatus: draft\ndate: 2026-03-02\ngoal: G\n---\n');
	writeFileSync(join(root, 'content/sprints/1.1', file), text);
	return root;
}

/** `sprintbook check` in `root`, with a 1 GB heap, stopped at BOUND_MS. */
function check(root: string, ...args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/sprintbook.js'), 'check', ...args], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '--max-old-space-size=1024' },
		maxBuffer: 256 * 1024 * 1024,
		timeout: BOUND_MS,
		killSignal: 'SIGKILL',
	});
	// Finished on its own (not stopped at the bound, not killed for memory), with nothing on stderr: no stack trace.
	expect({ signal: r.signal, stderr: r.stderr }).toEqual({ signal: null, stderr: '' });
	return { status: r.status, stdout: r.stdout };
}

/** The report's lines that name a problem (the code frames and fixes under them left out). */
const problems = (stdout: string) => stdout.split('\n').filter((l) => /^content\/\S+:\d+:\d+ {2}(?:error|warning|note) {2}/.test(l));

describe('a document too pathological to render is one error at its first line, found before any parser runs', { timeout }, () => {
	it('a paragraph of 20,000 character references (the Markdown renderer\'s memory grows with their square); as many in short paragraphs are fine', () => {
		const root = project('notes.md', `${notes('Entities')}${'&#107;'.repeat(20_000)}\n`);
		const run = check(root);
		expect(run.status).toBe(1);
		expect(problems(run.stdout)).toEqual([
			`content/sprints/1.1/notes.md:1:1  error  one paragraph of this document has 20,000 character references (like &#107; or &amp;), over the limit of ${MAX_CHARACTER_REFERENCES.toLocaleString('en-US')}: the Markdown renderer's memory grows with their square, so it is not rendered  too-pathological`,
		]);
		expect(run.stdout).toContain('fix: write the characters themselves instead of their references, or split the paragraph with blank lines');
		// As many in paragraphs of 100 is an ordinary document.
		const fine = check(project('notes.md', `${notes('Entities')}${`${'&#107;'.repeat(100)}\n\n`.repeat(200)}`));
		expect(fine.status).toBe(0);
		expect(problems(fine.stdout)).toEqual([]);
	});

	it('frontmatter YAML nested 2,000 levels deep, in brackets or by indentation (the YAML parsers overflow their stack)', () => {
		for (const [shape, value] of [
			['flow', `${'['.repeat(2000)}${']'.repeat(2000)}`],
			['block', `\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1`],
		]) {
			const root = project('notes.md', `${notes('Deep', `x: ${value}\n`)}Body.\n`);
			const run = check(root);
			expect(run.status, shape).toBe(1);
			expect(problems(run.stdout), shape).toEqual([
				`content/sprints/1.1/notes.md:1:1  error  the frontmatter's YAML is nested 2,001 levels deep, over the limit of ${MAX_YAML_DEPTH}: the YAML parsers would run out of stack, so it is not read  too-pathological`,
			]);
		}
	});

	it('a billion laughs in the frontmatter, with the check cache on, on a cold run and a warm one', () => {
		let yaml = 'a0: &a0 "lol"\n';
		for (let i = 1; i < 10; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
		const root = project('notes.md', `${notes('Laughs', yaml)}Body.\n`);
		const expected = ["content/sprints/1.1/notes.md:1:1  error  the frontmatter's YAML aliases (*name) expand to more than 100,000 values: each copies what it names, so it is not read  too-pathological"];
		const cold = check(root);
		expect(cold.status).toBe(1);
		expect(problems(cold.stdout)).toEqual(expected);
		const warm = check(root);
		expect(warm.status).toBe(1);
		expect(problems(warm.stdout)).toEqual(expected);
	});

	it('an MDX body with 4,000 nested { (the MDX compiler takes the square of the depth)', () => {
		const root = project('notes.mdx', `${notes('Braces')}{${'{a: '.repeat(4000)}1${'}'.repeat(4000)}}\n`);
		const run = check(root);
		expect(run.status).toBe(1);
		expect(problems(run.stdout)).toEqual([
			`content/sprints/1.1/notes.mdx:1:1  error  this MDX document nests { braces 4,001 levels deep, over the limit of ${MAX_MDX_BRACE_DEPTH}: the MDX compiler's time grows with its square, so it is not compiled  too-pathological`,
		]);
	});

	it('a document over the size limit is not read at all', () => {
		const root = project('notes.md', `${notes('Huge')}${'word '.repeat(Math.ceil((MAX_DOC_BYTES + 1024 * 1024) / 5))}\n`);
		const run = check(root);
		expect(run.status).toBe(1);
		expect(problems(run.stdout)).toEqual([
			`content/sprints/1.1/notes.md:1:1  error  this document is 9.0 MB, over the limit of ${MAX_DOC_BYTES / 1024 / 1024} MB for one document, so it is not read or published  too-big`,
		]);
		// No code frame of a text that was never read.
		expect(run.stdout).not.toMatch(/^\s+> 1 \|/m);
	});
});

describe('every rule is linear in the size of the document', { timeout }, () => {
	it('a megabyte of digits is read once by the figure rules, which still find a wrong pass rate after it', () => {
		const root = project('notes.md', `${notes('Digits')}${'1'.repeat(1_000_000)}\n\nPass rate 92.3% (646/704).\n`);
		const run = check(root);
		expect(run.status).toBe(0);
		expect(problems(run.stdout)).toEqual(['content/sprints/1.1/notes.md:9:11  warning  "92.3% (646/704)": 646/704 is 91.8%, not 92.3%  pass-rate-mismatch']);
	});

	it('50,000 broken reference links are 50,000 errors, each with its own short code frame', () => {
		const n = 50_000;
		const text = `${notes('Refs')}${Array.from({ length: n }, (_, i) => `[a${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[a${i}]: missing-${i}.md`).join('\n')}\n`;
		const run = check(project('notes.md', text));
		expect(run.status).toBe(1);
		const found = problems(run.stdout);
		expect(found).toHaveLength(n);
		expect(found[0]).toBe('content/sprints/1.1/notes.md:9:1  error  file "missing-0.md" does not exist  broken-link');
		expect(found.at(-1)).toBe(`content/sprints/1.1/notes.md:${8 + n}:1  error  file "missing-${n - 1}.md" does not exist  broken-link`);
		// The frame under the last one shows its line and the one above, numbered as in the file.
		expect(run.stdout).toContain(`    ${8 + n - 1} | [a${n - 2}]: missing-${n - 2}.md\n  > ${8 + n} | [a${n - 1}]: missing-${n - 1}.md`);
	});

	it('60,000 broken encodings on one line: the first ones listed, each frame cut around its column, the rest counted', () => {
		const root = project('notes.md', `${notes('Mojibake')}${'Ã¢'.repeat(60_000)}\n`);
		const run = check(root);
		expect(run.status).toBe(1);
		const found = problems(run.stdout);
		expect(found).toHaveLength(MAX_MOJIBAKE_REPORTS + 1);
		expect(found[1]).toBe('content/sprints/1.1/notes.md:7:3  error  broken encoding "Ã¢": UTF-8 text that was read as Windows-1252; it was meant to be "â"  mojibake');
		expect(found.at(-1)).toBe(`content/sprints/1.1/notes.md:7:${2 * MAX_MOJIBAKE_REPORTS + 1}  error  ${(60_000 - MAX_MOJIBAKE_REPORTS).toLocaleString('en-US')} more broken encodings from here on, not listed one by one  mojibake`);
		// A frame shows 160 characters of the 120,000 on the line, marked as cut.
		const frames = run.stdout.split('\n').filter((l) => l.startsWith('  > 7 | '));
		expect(frames).toHaveLength(MAX_MOJIBAKE_REPORTS + 1);
		expect(frames.at(-1)).toBe(`  > 7 | …${'Ã¢'.repeat(80)}…`);
	});
});

describe('a repository read in place: the same limits, before import parses a doc', { timeout }, () => {
	/** A team's repository (git, a config, a plan) with `docs/sprints/SPRINT_1_NOTES.md` holding `text`. */
	function team(text: string): string {
		const root = mkdtempSync(join(tmpdir(), 'sprintbook-bounded-team-'));
		mkdirSync(join(root, 'docs/sprints'), { recursive: true });
		writeFileSync(join(root, 'sprintbook.config.mjs'), "export default { docs: ['docs'] };\n");
		writeFileSync(join(root, 'docs/sprints/SPRINT_1_PLAN.md'), '# Sprint 1 plan\n\n**Goal:** ship it\n');
		writeFileSync(join(root, 'docs/sprints/SPRINT_1_NOTES.md'), text);
		spawnSync('git', ['init', '-q'], { cwd: root });
		return root;
	}
	const run = (root: string, ...args: string[]) =>
		spawnSync(process.execPath, [join(ROOT, 'bin/sprintbook.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '--max-old-space-size=1024' }, timeout: BOUND_MS, killSignal: 'SIGKILL' });
	const line = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('docs/sprints/SPRINT_1_NOTES.md:1:1'));

	it('check and build name the team’s file with the error, and the build writes nothing; import leaves it out with the fix', () => {
		// Before, reading it in place crashed in the Markdown renderer ("memory allocation of 1536181248 bytes failed").
		const root = team(`# Notes\n\n${'&#107;'.repeat(20_000)}\n`);
		const checked = run(root, 'check');
		expect({ signal: checked.signal, status: checked.status, stderr: checked.stderr }).toEqual({ signal: null, status: 1, stderr: '' });
		expect(line(checked.stdout)).toMatch(/ {2}error {2}one paragraph of this document has 20,000 character references .*: not read, so it is not on the site {2}too-pathological$/);
		const built = run(root, 'build');
		expect({ signal: built.signal, status: built.status, stderr: built.stderr }).toEqual({ signal: null, status: 1, stderr: '' });
		expect(line(built.stdout)).toContain('too-pathological');
		expect(existsSync(join(root, 'dist'))).toBe(false);
		const target = mkdtempSync(join(tmpdir(), 'sprintbook-bounded-import-'));
		const imported = run(target, 'import', join(root, 'docs'));
		expect(imported.signal).toBe(null);
		expect(imported.stdout).toMatch(/SPRINT_1_NOTES\.md .*character references.*not imported; write the characters themselves/);
		expect(existsSync(join(target, 'content/sprints/1/notes.md'))).toBe(false);
	});
});

describe('`sprints` on a plan it cannot read', { timeout }, () => {
	it('gives no fact from it, says so and where to look, and never a stack trace', () => {
		const root = project('notes.md', `${notes('Fine')}Text.\n`);
		writeFileSync(join(root, 'content/sprints/1.1/plan.md'), `---\nsprint: "1.1"\ntitle: T\nstatus: draft\ndate: 2026-03-02\ngoal: G\nx: ${'['.repeat(2000)}${']'.repeat(2000)}\n---\n`);
		const r = spawnSync(process.execPath, [join(ROOT, 'bin/sprintbook.js'), 'sprints'], { cwd: root, encoding: 'utf8', timeout: BOUND_MS, killSignal: 'SIGKILL' });
		expect({ signal: r.signal, status: r.status, stderr: r.stderr }).toEqual({ signal: null, status: 0, stderr: '' });
		expect(r.stdout).toContain('Sprint 1.1');
		expect(r.stdout).toContain('1 document gives no facts: it does not pass `sprintbook check`, which names it and the fix.');
		expect(problems(check(root).stdout).filter((l) => l.includes('  error  '))).toEqual([expect.stringMatching(/^content\/sprints\/1\.1\/plan\.md:1:1 {2}error {2}the frontmatter's YAML is nested 2,001 levels deep/)]);
	});
});
