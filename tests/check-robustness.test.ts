/**
 * Whatever lands in content/, `check` answers with diagnostics, never a stack
 * trace; and the build refuses to publish what `check` refuses, printing the
 * same report.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';
import { ROOT } from './helpers/site.ts';

const plan = (sprint: string) => `---\nsprint: "${sprint}"\ntitle: T\nstatus: draft\ndate: 2026-03-02\ngoal: G\n---\n`;

describe('symbolic links out of content/', () => {
	it('are refused by check without reading their target, and never published', () => {
		const root = mkdtempSync(join(tmpdir(), 'sprintbook-symlink-'));
		cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
		const outside = join(mkdtempSync(join(tmpdir(), 'sprintbook-elsewhere-')), 'private.md');
		writeFileSync(outside, '---\nsprint: "2.8"\ntitle: Private\nkind: notes\n---\n\nPRIVATE-LINE-7f3a that must never be printed\n');
		symlinkSync(outside, join(root, 'content/sprints/2.8/private.md'));
		symlinkSync('/etc/passwd', join(root, 'content/sprints/2.8/passwd.md'));
		const run = sprintbook(['check', '--root', root]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/content\/sprints\/2\.8\/private\.md:1:1 {2}error {2}a symbolic link to a file outside content\/: it is not read, and the build will not publish it {2}symlink-outside/);
		expect(run.stdout).toMatch(/passwd\.md:1:1 {2}error .*symlink-outside/);
		expect(run.stdout + run.stderr).not.toContain('PRIVATE-LINE-7f3a');
		expect(run.stdout + run.stderr).not.toMatch(/root:x:0:0/);
		copySprintbook(root);
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
		expect(build.status).toBe(1);
		expect(build.stdout + build.stderr).not.toContain('PRIVATE-LINE-7f3a');
		expect(build.stdout + build.stderr).not.toMatch(/root:x:0:0/);
	});
});

describe('check never crashes', () => {
	it('answers every odd input with diagnostics and no stack trace', () => {
		const root = mkdtempSync(join(tmpdir(), 'sprintbook-odd-'));
		const dir = join(root, 'content/sprints/1.1');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'plan.md'), plan('1.1'));
		writeFileSync(join(dir, 'empty.md'), '');
		writeFileSync(join(dir, 'binary.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)));
		writeFileSync(join(dir, 'frontmatter-only.md'), '---\nsprint: "1.1"\ntitle: Only\nkind: notes\n---');
		writeFileSync(join(dir, 'unterminated.md'), '---\nsprint: "1.1"\ntitle: Open\n');
		writeFileSync(join(dir, 'crlf.md'), '---\r\nsprint: "1.1"\r\ntitle: CRLF\r\nkind: notes\r\n---\r\n\r\n[x](nowhere.md)\r\n');
		writeFileSync(join(dir, 'only-dashes.md'), '---\n---\n');
		writeFileSync(join(dir, 'yaml-scalar.md'), '---\njust a string\n---\n');
		const line = '| a | b | [link](plan.md) | 645/661 tests passing (97.6%) |\n';
		writeFileSync(join(dir, 'big.md'), `---\nsprint: "1.1"\ntitle: Big\nkind: notes\n---\n\n| h | h | h | h |\n| - | - | - | - |\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`);

		const run = sprintbook(['check', '--root', root, '--format', 'json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(1);
		const found = (JSON.parse(run.stdout) as Array<{ file: string; line: number; column: number; ruleId: string }>).map(
			(d) => `${d.file.replace(/^.*content\/sprints\/1\.1\//, '')}:${d.line}:${d.column} ${d.ruleId}`,
		);
		expect(found).toEqual([
			'binary.md:1:1 binary-file',
			'crlf.md:7:1 broken-link',
			'empty.md:1:1 frontmatter-missing',
			'only-dashes.md:2:1 frontmatter-not-a-map',
			'unterminated.md:1:1 frontmatter-unterminated',
			'yaml-scalar.md:2:1 frontmatter-not-a-map',
		]);
		const human = sprintbook(['check', '--root', root]);
		expect(human.stdout).not.toMatch(/^\s+at /m);
		expect(human.stderr).toBe('');
	});
});

/** A copy of this project in a temp folder: content copied, code and packages linked. */
function projectCopy(): string {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-build-'));
	copySprintbook(root);
	cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
	return root;
}

describe('the build outside a git checkout', () => {
	it('still builds, and says once that there is no history', () => {
		const root = projectCopy();
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
		expect(build.status).toBe(0);
		const said = (build.stdout + build.stderr).match(/not in a git checkout/g) ?? [];
		expect(said).toHaveLength(1);
		const html = readFileSync(join(root, 'dist/sprints/2.8/index.html'), 'utf8');
		expect(html).toContain('<h1>Sprint 2.8: Test Stabilization + BYOM Foundation</h1>');
		expect(html).not.toContain('Last updated');
	});
});

describe('the build runs check first', () => {
	it('stops on a broken link with the same report as check, and writes no dist/', () => {
		// A copy of this project whose content has one broken link.
		const root = projectCopy();
		writeFileSync(join(root, 'content/sprints/2.9/plan.md'), `${plan('2.9')}\nSee [the retro](RETRO.md).\n`);

		const expected = sprintbook(['check'], root);
		expect(expected.status).toBe(1);
		const reportLine = 'content/sprints/2.9/plan.md:9:5  error  file "RETRO.md" does not exist  broken-link';
		expect(expected.stdout).toContain(reportLine);

		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
		expect(build.status).toBe(1);
		// The build prints the very report check prints.
		expect(build.stdout).toContain(expected.stdout.trimEnd());
		expect(build.stdout + build.stderr).toContain('the build stopped');
		expect(spawnSync('ls', [join(root, 'dist')]).status).not.toBe(0);
	});
});

describe('check sees everything the build would stop on', () => {
	it('a corrupt, empty or mislabelled image and broken MDX are positioned errors in check, and the build stops with that report, never a stack trace', () => {
		const root = projectCopy();
		const guides = join(root, 'content/docs/guides');
		mkdirSync(join(guides, 'img'), { recursive: true });
		writeFileSync(join(guides, 'img/corrupt.png'), Buffer.from('\x89PNG\r\n\x1a\nthis is not a png', 'latin1'));
		writeFileSync(join(guides, 'img/empty.png'), '');
		writeFileSync(join(guides, 'img/notes.jpg'), 'a text file named like a photo\n');
		writeFileSync(join(guides, 'img/ok.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>\n');
		writeFileSync(join(guides, 'pictures.md'), '---\ntitle: Pictures\n---\n\n![fine](img/ok.svg)\n\n![corrupt](img/corrupt.png)\n\n![empty](img/empty.png)\n\n![photo](img/notes.jpg)\n');
		writeFileSync(join(guides, 'callouts.mdx'), '---\ntitle: Callouts\n---\n\n# Callouts\n\n<Note>\nNever closed.\n');
		writeFileSync(join(guides, 'sums.mdx'), '---\ntitle: Sums\n---\n\nTotal: {1 +} tests\n');

		const checked = sprintbook(['check'], root, { NO_COLOR: '1' });
		expect(checked.status).toBe(1);
		const lines = checked.stdout.split('\n').filter((l) => /^content\/.*  error  /.test(l));
		expect(lines).toEqual([
			'content/docs/guides/callouts.mdx:7:1  error  MDX cannot compile this document: Expected a closing tag for `<Note>`  mdx-syntax',
			'content/docs/guides/pictures.md:7:1  error  image "img/corrupt.png" is damaged (Invalid PNG), so the build cannot read its size and stops  unreadable-image',
			'content/docs/guides/pictures.md:9:1  error  image "img/empty.png" is an empty file, so the build cannot read its size and stops  unreadable-image',
			'content/docs/guides/pictures.md:11:1  error  image "img/notes.jpg" is not an image format the build can read (its first bytes match no known format), so the build cannot read its size and stops  unreadable-image',
			'content/docs/guides/sums.mdx:5:12  error  MDX cannot compile this document: Could not parse expression with acorn  mdx-syntax',
		]);

		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
		expect(build.status).toBe(1);
		expect(build.stdout).toContain(checked.stdout.trimEnd());
		expect(build.stdout + build.stderr).not.toMatch(/\n\s+at .*\.(m?js|ts):\d+/);
		expect(build.stdout + build.stderr).not.toContain('NoImageMetadata');
	});
});

describe('one error, one message', () => {
	/** check --format json on a copy of content/ after `edit`. */
	function checkAfter(edit: (content: string) => void) {
		const root = mkdtempSync(join(tmpdir(), 'sprintbook-one-error-'));
		cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
		edit(join(root, 'content'));
		const run = sprintbook(['check', '--root', root, '--format', 'json']);
		return JSON.parse(run.stdout) as Array<{ file: string; line: number; severity: string; ruleId: string; message: string; fix?: string }>;
	}
	const replaceIn = (file: string, from: RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
	const notes = (ds: ReturnType<typeof checkAfter>) => ds.filter((d) => d.severity !== 'warning').map((d) => `${d.file.replace(/^.*content\//, '')}:${d.line} ${d.severity} ${d.ruleId}`);

	it('a plan whose YAML is broken is one error, not one more in every doc naming its sprint', () => {
		const found = checkAfter((c) => replaceIn(join(c, 'sprints/2.9/plan.md'), /^title: .*$/m, 'title: [broken'));
		expect(notes(found)).toEqual(['sprints/2.9/plan.md:1 info references-unchecked', 'sprints/2.9/plan.md:4 error yaml-syntax']);
		expect(found.find((d) => d.ruleId === 'references-unchecked')!.message).toBe('sprint 2.9 is known only from this file, whose sprint field could not be read (see the error here); 6 references to it in other docs are not checked until it is fixed');
	});

	it('an unquoted sprint: 2.10 is one error, and nobody is told to create the file that has it', () => {
		const found = checkAfter((c) => replaceIn(join(c, 'sprints/2.10/plan.md'), /^sprint: "2\.10"$/m, 'sprint: 2.10'));
		expect(notes(found)).toEqual(['sprints/2.10/plan.md:1 info references-unchecked', 'sprints/2.10/plan.md:2 error numeric-sprint']);
		expect(JSON.stringify(found)).not.toContain('new plan 2.10');
	});

	it.each([
		['2026-02-30', 'February 2026 has 28 days, so there is no day 30: write the date that was meant'],
		['2028-02-30', 'February 2028 has 29 days, so there is no day 30: write the date that was meant'],
		['2026-13-01', 'there is no month 13: write the date that was meant as YYYY-MM-DD'],
		['"February 30, 2026"', 'write the date as YYYY-MM-DD, e.g. 2026-01-17'],
		['"January 17, 2026"', '2026-01-17'],
	])('a date of %s gets the fix "%s", never a neighbouring day', (date, fix) => {
		const found = checkAfter((c) => replaceIn(join(c, 'sprints/2.9/plan.md'), /^date: .*$/m, `date: ${date}`));
		expect(found.filter((d) => d.ruleId === 'bad-date').map((d) => d.fix)).toEqual([fix]);
	});
});

describe('a doc’s own escape sequences in the report', () => {
	it('reach the terminal as pictures, never as commands, even in the coloured report; columns stay', async () => {
		const { formatHuman } = await import('../src/lib/reporter.ts');
		const text = 'token \u001b[8mhidden from the reader\u001b[0m here\n';
		const report = formatHuman({ files: 1, sources: new Map([['a.md', text]]), diagnostics: [{ file: 'a.md', line: 1, column: 7, endLine: 1, endColumn: 11, severity: 'error', ruleId: 'r', message: 'quoted "\u001b[8m"', fix: 'remove \u001b]0;title\u0007' }] }, true);
		// The doc's conceal (SGR 8) and window title (OSC) are not among the escapes: only our colours are.
		expect(report).not.toContain('\u001b[8m');
		expect(report).not.toContain('\u001b]');
		expect(report).toContain('\u241b[8m');
		// The marker still stands under column 7 of the line as written.
		const frame = report.split('\n').find((l) => l.includes('token'))!;
		const marker = report.split('\n')[report.split('\n').indexOf(frame) + 1]!;
		expect(marker.replace(/\u001b\[[0-9;]*m/g, '').indexOf('^') - frame.replace(/\u001b\[[0-9;]*m/g, '').indexOf('token')).toBe(6);
	});
});
