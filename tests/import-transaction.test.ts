/**
 * Import as a transaction, and the inputs and projects that broke it: a kill
 * mid-write (finished by the next run: no empty doc, no second copy), a link
 * out of the project, bytes in an encoding it cannot read, escape sequences in
 * file names, names that are all dots, a pipe or a huge file as input, a full
 * disk, and a state folder that cannot be written.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, leftBehind } from '../src/lib/import/index.ts';
import { sprintbook } from './helpers/cli.ts';
import { git, hashTree, tempProject } from './helpers/project.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `sprintbook-${name}-`));

/** Every file under content/, with its size: what a user finds on disk. */
function filesIn(root: string): Record<string, number> {
	const dir = join(root, 'content');
	if (!existsSync(dir)) return {};
	const out: Record<string, number> = {};
	for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const stats = statSync(join(dir, f));
		if (stats.isFile()) out[f] = stats.size;
	}
	return out;
}

/** A sprint of 40 docs and a plan: enough writes to be killed in the middle of. */
function sprintArchive(): string {
	const input = temp('tx-input');
	mkdirSync(join(input, 'sprint-7'));
	writeFileSync(join(input, 'sprint-7', 'SPRINT_7_PLAN.md'), '# Sprint 7 Plan: Exports\n\n**Status:** Active\n\n## Scope\n\nCSV exports.\n');
	for (let i = 1; i <= 40; i++) writeFileSync(join(input, 'sprint-7', `notes-${i}.md`), `# Notes ${i}\n\nWhat we said on day ${i}.\n`);
	return input;
}

describe('import killed mid-write, then run again', () => {
	const input = sprintArchive();
	const clean = temp('tx-clean');
	expect(sprintbook(['import', input, '--root', clean]).status).toBe(0);
	const expected = filesIn(clean);

	it('is finished by the next run: every doc once, none empty, no temp file left', () => {
		expect(Object.keys(expected)).toHaveLength(41);
		for (const n of [2, 9, 30, 51]) {
			const root = temp('tx-killed');
			const killed = sprintbook(['import', input, '--root', root], undefined, { SPRINTBOOK_TEST_CRASH_AFTER: String(n) });
			expect(killed.status, `${n}: ${killed.stderr}`).toBe(null);
			expect(killed.stderr).toContain(`killed after write ${n}:`);
			// What the kill left is never a doc a build would publish: no .md is empty or half there.
			for (const [f, size] of Object.entries(filesIn(root))) if (f.endsWith('.md')) expect(readFileSync(join(root, 'content', f), 'utf8'), f).toBe(readFileSync(join(clean, 'content', f), 'utf8')), expect(size).toBeGreaterThan(0);
			const again = sprintbook(['import', input, '--root', root]);
			expect(again.status, again.stderr).toBe(0);
			expect(filesIn(root), String(n)).toEqual(expected);
			expect(hashTree(join(root, 'content'))).toEqual(hashTree(join(clean, 'content')));
		}
	});

	it('a temp file a kill left is removed, and the report says so', () => {
		const root = temp('tx-temp');
		expect(sprintbook(['import', input, '--root', root], undefined, { SPRINTBOOK_TEST_CRASH_AFTER: '5' }).status).toBe(null);
		expect(readdirSync(join(root, 'content/sprints/7'), { encoding: 'utf8' }).filter((f) => f.endsWith('.sprintbook-import-tmp'))).toHaveLength(1);
		const again = sprintbook(['import', input, '--root', root]);
		expect(again.stdout).toMatch(/^Removed a temporary file an interrupted import had left in content\/\.$/m);
		expect(filesIn(root)).toEqual(expected);
	});

	it('an empty or half-written doc an older import left is completed in place, never written a second time beside it', () => {
		const root = temp('tx-leftover');
		mkdirSync(join(root, 'content/sprints/7'), { recursive: true });
		writeFileSync(join(root, 'content/sprints/7/notes-3.md'), '');
		const plan = readFileSync(join(clean, 'content/sprints/7/plan.md'), 'utf8');
		writeFileSync(join(root, 'content/sprints/7/plan.md'), plan.slice(0, 20));
		const run = sprintbook(['import', input, '--root', root]);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^imported +\S+\/sprint-7\/notes-3\.md +content\/sprints\/7\/notes-3\.md +.*completed content\/sprints\/7\/notes-3\.md, which an interrupted import had left empty$/m);
		expect(run.stdout).toMatch(/completed content\/sprints\/7\/plan\.md, which an interrupted import had left half-written$/m);
		expect(filesIn(root)).toEqual(expected);
	});

	it('a doc a person wrote at the same place is never written over', () => {
		const root = temp('tx-theirs');
		mkdirSync(join(root, 'content/sprints/7'), { recursive: true });
		writeFileSync(join(root, 'content/sprints/7/plan.md'), '---\nsprint: "7"\ntitle: Our own plan\nstatus: active\n---\n\nWritten by the team.\n');
		const run = sprintbook(['import', input, '--root', root]);
		expect(run.stdout).toMatch(/^not imported +\S+SPRINT_7_PLAN\.md +.*content\/sprints\/7\/plan\.md already exists; nothing will be written$/m);
		expect(readFileSync(join(root, 'content/sprints/7/plan.md'), 'utf8')).toContain('Written by the team.');
	});
});

describe('import never writes outside the project', () => {
	it('refuses a folder in content/ that is a symbolic link out of it, naming the link and where it leads; nothing is written', () => {
		const input = sprintArchive();
		const outside = temp('tx-outside');
		const root = temp('tx-linked');
		mkdirSync(join(root, 'content'));
		symlinkSync(outside, join(root, 'content/sprints'));
		for (const args of [[], ['--dry-run']]) {
			const run = sprintbook(['import', input, '--root', root, ...args]);
			expect(run.status).toBe(1);
			expect(run.stderr.trim().split('\n')).toEqual([
				`sprintbook import: content/sprints is a symbolic link to ${outside}, outside the project: import never writes outside the project. Make it a folder inside the project (or remove the link), then import again; nothing was ${args.length ? 'done' : 'written'}.`,
			]);
			expect(readdirSync(outside)).toEqual([]);
		}
		// A link that stays inside the project is only a folder of it.
		rmSync(join(root, 'content/sprints'));
		mkdirSync(join(root, 'shelf'));
		symlinkSync(join(root, 'shelf'), join(root, 'content/sprints'));
		expect(sprintbook(['import', input, '--root', root]).status).toBe(0);
		expect(existsSync(join(root, 'shelf/7/plan.md'))).toBe(true);
	});
});

describe('inputs import cannot read as they are', () => {
	const input = temp('tx-odd');
	// "スプリント計画" and a sentence in Shift-JIS, which read as Windows-1252 would be mojibake.
	writeFileSync(join(input, 'sjis.md'), Buffer.concat([Buffer.from('# '), Buffer.from('83588376838a8393836790e88c7689e6', 'hex'), Buffer.from('\n\n'), Buffer.from('8da193fa82cd90b082ea82c582b78142', 'hex'), Buffer.from('\n')]));
	// English with one word of Japanese: still not Windows-1252.
	writeFileSync(join(input, 'one-word.md'), Buffer.concat([Buffer.from('# Retro\n\nThe team says '), Buffer.from('93fa', 'hex'), Buffer.from(' for day.\n')]));
	// Windows-1252 that is: French with accents, read and converted as before.
	writeFileSync(join(input, 'latin.md'), Buffer.from('# Caf\xe9\n\nLe d\xe9veloppement est termin\xe9, d\xe9j\xe0 livr\xe9.\n', 'latin1'));
	// German with umlauts side by side ("Größe": ö and ß decode as Shift-JIS too, to a user-defined character).
	writeFileSync(join(input, 'german.md'), Buffer.from('# Gr\xf6\xdfe\n\nDie Gr\xf6\xdfe ist gro\xdf.\n', 'latin1'));
	const esc = `evil-\x1b]0;pwned\x07\x1b[2J.md`;
	writeFileSync(join(input, esc), '# Escapes\n\nIn the name.\n');
	writeFileSync(join(input, '..md'), '# Dots\n\nA name of dots.\n');
	writeFileSync(join(input, '.md'), '# Just the extension\n\nNo name at all.\n');
	writeFileSync(join(input, 'huge.md'), `# Log\n\n${'x'.repeat(IMPORT_MAX_BYTES)}\n`);
	const root = temp('tx-odd-root');
	const run = sprintbook(['import', input, '--root', root]);
	const line = (name: string) => run.stdout.split('\n').find((l) => l.includes(`/${name} `)) ?? '';

	it('leaves out text in an encoding it cannot read with confidence, saying why and how to convert it; never "repaired"', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(line('sjis.md')).toMatch(/^not imported .*not UTF-8, nor Windows-1252 \(.*\): another encoding, such as Shift-JIS.*: not imported; convert it to UTF-8 \(iconv -f <its encoding> -t UTF-8\), then import it again$/);
		expect(line('one-word.md')).toMatch(/^not imported .*convert it to UTF-8/);
		expect(run.stdout).not.toMatch(/repaired \d+ broken characters/);
		expect(run.stdout).toMatch(/^ {2}not imported, an encoding it cannot read: 2$/m);
		expect(line('latin.md')).toMatch(/^imported .*converted from Windows-1252 to UTF-8/);
		expect(readFileSync(join(root, 'content/docs/general/latin.md'), 'utf8')).toContain('Le développement est terminé, déjà livré.');
		expect(line('german.md')).toMatch(/^imported .*converted from Windows-1252 to UTF-8/);
		expect(readFileSync(join(root, 'content/docs/general/german.md'), 'utf8')).toContain('Die Größe ist groß.');
	});

	it('prints every file name with its control characters escaped, and writes none into a name', () => {
		expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
		expect(line(String.raw`evil-\x1b]0;pwned\x07\x1b[2J.md`)).toMatch(/^imported .*content\/docs\/general\/evil-\]0;pwned\[2J\.md/);
		expect(existsSync(join(root, 'content/docs/general/evil-]0;pwned[2J.md'))).toBe(true);
	});

	it('gives a name of dots a real one: never a file named "md", never a dotfile', () => {
		expect(line('..md')).toMatch(/^imported .*content\/docs\/general\/untitled\.md /);
		expect(line('.md')).toMatch(/^imported .*content\/docs\/general\/untitled-2\.md |^imported .*content\/docs\/general\/untitled\.md /);
		const names = readdirSync(join(root, 'content/docs/general'));
		expect(names.filter((n) => n.startsWith('.') || !n.endsWith('.md'))).toEqual([]);
		expect(names.filter((n) => n.startsWith('untitled'))).toHaveLength(2);
	});

	it('leaves out a file over the size limit with the fix, and refuses a pipe at once', () => {
		expect(line('huge.md')).toMatch(/^not imported .*2\.0 MB, over import's limit of 2\.0 MB for one doc: not imported; split it into smaller docs, then import them$/);
		const fifo = join(temp('tx-fifo'), 'pipe.md');
		execFileSync('mkfifo', [fifo]);
		const piped = sprintbook(['import', fifo, '--root', temp('tx-fifo-root')]);
		expect(piped.status).toBe(1);
		expect(piped.stderr.trim().split('\n')).toEqual([`sprintbook import: ${fifo} is not a regular file (a pipe, a device or a socket): name Markdown files or folders of them; nothing was imported.`]);
	});
});

describe('a full disk or a folder that cannot be written is the user’s to fix: one line, exit 1, never exit 3', () => {
	it('disk full part-way through an import: the path, the fix, and nothing of it left in content/', () => {
		const input = sprintArchive();
		const root = temp('tx-full');
		// Write 1 is the project lock; 6 is the third doc's temp file.
		for (const at of ['1', '6']) {
			const run = sprintbook(['import', input, '--root', root], undefined, { SPRINTBOOK_TEST_DISK_FULL_AT: at });
			expect(run.status, run.stderr).toBe(1);
			const lines = run.stderr.trim().split('\n');
			expect(lines, at).toHaveLength(1);
			expect(lines[0]).toMatch(/^sprintbook import: no space left to write \S+ \(the disk is full\): free some space on that disk, then run the command again/);
			expect(filesIn(root)).toEqual({});
		}
		expect(sprintbook(['import', input, '--root', root]).status).toBe(0);
	});

	it('disk full in archive and new: the same one line', () => {
		const root = tempProject(true);
		for (const args of [['new', 'doc', '2.9', 'notes', 'Kickoff'], ['archive', '2.8']]) {
			const run = sprintbook(args, root, { SPRINTBOOK_TEST_DISK_FULL_AT: '1' });
			expect(run.status, run.stderr).toBe(1);
			expect(run.stderr.trim().split('\n')).toHaveLength(1);
			expect(run.stderr).toMatch(/^sprintbook (new|archive): no space left to write \S+\/\.git\/sprintbook\/lock\.\d+ \(the disk is full\)/);
		}
		expect(git(root, 'status', '--porcelain')).toBe('');
	});

	it('.git/sprintbook that cannot be written: named, with the fix', () => {
		const root = tempProject(true);
		const state = join(root, '.git/sprintbook');
		mkdirSync(state);
		// As root, permissions stop nothing: the folder is made immutable instead (chattr), or else a file takes its place.
		let how: 'chmod' | 'chattr' | 'file' = process.getuid?.() === 0 ? 'chattr' : 'chmod';
		if (how === 'chmod') chmodSync(state, 0o555);
		else {
			try {
				execFileSync('chattr', ['+i', state], { stdio: 'ignore' });
			} catch {
				how = 'file';
				rmSync(state, { recursive: true });
				writeFileSync(state, '');
			}
		}
		try {
			const run = sprintbook(['new', 'doc', '2.9', 'notes', 'Kickoff'], root);
			expect(run.status, run.stderr).toBe(1);
			expect(run.stderr.trim().split('\n')).toHaveLength(1);
			expect(run.stderr).toMatch(
				how === 'file'
					? /^sprintbook new: cannot make the folder \S+\/\.git\/sprintbook: a file of that name is in the way: move it aside, then run the command again$/m
					: /^sprintbook new: cannot write \S+\/\.git\/sprintbook\/lock\.\d+: permission denied: make it and its folder writable/m,
			);
			expect(existsSync(join(root, 'content/sprints/2.9/notes.md'))).toBe(false);
		} finally {
			if (how === 'chattr') execFileSync('chattr', ['-i', state]);
			if (how === 'chmod') chmodSync(state, 0o755);
		}
	});
});

describe('what counts as a doc an interrupted import left', () => {
	it('an empty file or frontmatter cut before it closed; never a team’s doc of frontmatter alone, nor one opening with a rule', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sprintbook-left-'));
		const shapes: Array<[string, string, boolean]> = [
			['empty', '', true],
			['cut in a field', '---\nsprint: "7"\ntitle: Sprint 7 pl', true],
			['cut after a list', '---\nsprint: "7"\ntags:\n  - a\n', true],
			['frontmatter alone, no last newline', '---\ntitle: Roadmap\nstatus: draft\n---', false],
			['a rule, then prose', '---\n\n# Title\n\nText here\n', false],
			['a whole doc', '---\nsprint: "7"\n---\n\nBody', false],
		];
		for (const [name, text, left] of shapes) {
			writeFileSync(join(dir, 'doc.md'), text);
			expect(leftBehind(join(dir, 'doc.md')), name).toBe(left);
		}
	});
});
