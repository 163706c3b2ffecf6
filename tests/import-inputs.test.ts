/**
 * Inputs a real archive holds besides clean UTF-8: binary files named .md,
 * UTF-16 and UTF-32 text, symbolic links (to the same file, in a loop, out of
 * the input), empty files and files with frontmatter of their own. Each gets a
 * line in the report saying what was done; nothing is half-written, and nothing
 * outside the input is read.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sprintbook } from './helpers/cli.ts';

function utf16le(text: string, bom: boolean): Buffer {
	const body = Buffer.from(text, 'utf16le');
	return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function utf32be(text: string): Buffer {
	const points = [...text].map((c) => c.codePointAt(0)!);
	const out = Buffer.alloc(4 + points.length * 4);
	out.writeUInt32BE(0x0000feff, 0);
	points.forEach((p, i) => out.writeUInt32BE(p, 4 + i * 4));
	return out;
}

describe('import of awkward inputs', () => {
	const input = mkdtempSync(join(tmpdir(), 'sprintbook-inputs-'));
	const secret = join(mkdtempSync(join(tmpdir(), 'sprintbook-outside-')), 'private.md');
	writeFileSync(secret, '# Outside\n\nTOP-SECRET-LINE that must never be read\n');
	mkdirSync(join(input, 'sprint-7'));
	writeFileSync(join(input, 'sprint-7', 'SPRINT_7_PLAN.md'), '# Sprint 7 Plan: Exports\n\n**Status:** Active\n\n## Scope\n\nCSV exports.\n');
	// The same plan again through a link, and a loop back up to the input.
	symlinkSync(join(input, 'sprint-7', 'SPRINT_7_PLAN.md'), join(input, 'sprint-7', 'PLAN_LINK.md'));
	symlinkSync('..', join(input, 'sprint-7', 'up'));
	symlinkSync(secret, join(input, 'outside.md'));
	writeFileSync(join(input, 'picture.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]));
	writeFileSync(join(input, 'sprint-7', 'notes-utf16.md'), utf16le('# Notes in UTF-16\n\nCafé crème — 100 % done.\n', true));
	writeFileSync(join(input, 'sprint-7', 'retro-utf16-nobom.md'), utf16le('# Retro without a BOM\n\nWent well: pairing.\n', false));
	writeFileSync(join(input, 'sprint-7', 'review-utf32.md'), utf32be('# Review in UTF-32\n\nShipped ✅\n'));
	writeFileSync(join(input, 'empty.md'), '');
	writeFileSync(join(input, 'only-frontmatter.md'), '---\ntitle: Nothing else\n---\n');
	writeFileSync(join(input, 'GUIDE.md'), '---\nlayout: page\nnav_order: 3\n---\n# Contributor guide\n\nRun the tests before a pull request.\n');

	const root = mkdtempSync(join(tmpdir(), 'sprintbook-inputs-project-'));
	const run = sprintbook(['import', input, '--root', root]);
	// The line of an input by its path inside the input folder (the loop reaches each file a second time under up/).
	const line = (name: string) => {
		const source = `${basename(input)}/${name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return run.stdout.split('\n').find((l) => new RegExp(`^(?:imported|needs attention|not imported) +\\S*/${source} `).test(l)) ?? '';
	};
	const fm = (path: string) => parse(readFileSync(join(root, 'content', path), 'utf8').split(/^---$/m)[1]!);

	it('imports what is text, in whatever encoding, and lists every input once', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toBe('');
		expect(line('sprint-7/notes-utf16.md')).toMatch(/^imported .*converted from UTF-16 LE to UTF-8/);
		expect(readFileSync(join(root, 'content/sprints/7/notes-utf16.md'), 'utf8')).toContain('Café crème — 100 % done.');
		expect(line('sprint-7/retro-utf16-nobom.md')).toMatch(/converted from UTF-16 LE \(no byte-order mark\) to UTF-8/);
		expect(fm('sprints/7/retro-utf16-nobom.md')).toMatchObject({ sprint: '7', title: 'Retro without a BOM', kind: 'retro' });
		expect(line('sprint-7/review-utf32.md')).toMatch(/converted from UTF-32 BE to UTF-8/);
		expect(readFileSync(join(root, 'content/sprints/7/review-utf32.md'), 'utf8')).toContain('Shipped ✅');
		expect(fm('sprints/7/plan.md')).toMatchObject({ sprint: '7', title: 'Exports', status: 'active' });
	});

	it('leaves out binary, empty and frontmatter-only files and second paths to one file, each with its reason', () => {
		expect(line('picture.md')).toMatch(/^not imported .*NUL bytes: a binary file, not text: not imported$/);
		expect(line('empty.md')).toMatch(/^not imported .*empty file: nothing to publish$/);
		expect(line('only-frontmatter.md')).toMatch(/^not imported .*only frontmatter, no text to publish: not imported$/);
		expect(line('sprint-7/PLAN_LINK.md')).toMatch(/^not imported .*the same file as .*SPRINT_7_PLAN\.md \(reached through a symbolic link\): imported once$/);
		// The loop leads back into the input: the files it reaches again are not imported twice.
		expect(run.stdout).not.toMatch(/^imported .*\/up\//m);
		expect(run.stdout.split('\n').filter((l) => /^not imported .*\/up\//.test(l)).every((l) => /reached through a symbolic link|outside the input/.test(l))).toBe(true);
		expect(run.stdout).toMatch(/^\d+ files: \d+ imported clean, \d+ imported needing attention, \d+ not imported\.$/m);
	});

	it('never reads a file outside the input, and never prints it', () => {
		expect(line('outside.md')).toMatch(/^not imported .*a symbolic link to a file outside the input: not read$/);
		expect(run.stdout).not.toContain('TOP-SECRET-LINE');
		const written = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).map((f) => join(root, 'content', f));
		for (const f of written) {
			try {
				expect(readFileSync(f, 'utf8')).not.toContain('TOP-SECRET-LINE');
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
			}
		}
	});

	it('keeps a file’s own frontmatter word for word in a comment, and writes nothing for what it left out', () => {
		const guide = readFileSync(join(root, 'content/docs/guides/GUIDE.md'), 'utf8');
		expect(guide).toContain('<!-- sprintbook import: the file\'s own frontmatter, kept as it was:\nlayout: page\nnav_order: 3\n-->');
		expect(fm('docs/guides/GUIDE.md')).toEqual({ title: 'Contributor guide' });
		const files = readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
		expect(files).toEqual(['docs/guides/GUIDE.md', 'sprints/7/notes-utf16.md', 'sprints/7/plan.md', 'sprints/7/retro-utf16-nobom.md', 'sprints/7/review-utf32.md']);
		const checked = JSON.parse(sprintbook(['check', '--root', root, '--format', 'json']).stdout) as Array<{ severity: string }>;
		expect(checked.filter((d) => d.severity === 'error')).toEqual([]);
	});
});
