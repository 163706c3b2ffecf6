/** `sprintbook import <files or folders…>`: the CLI face of src/lib/import. */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { typeInPlace } from '../../lib/in-place/type-in-place.ts';
import { linkOutOfProject, notReadable, planImport, removeLeftoverTemps, writeImport, type ImportResult } from '../../lib/import/index.ts';
import { printable } from '../../lib/printable.ts';
import { fileSystemProblem, UserError } from '../../lib/user-error.ts';
import { isAsCloned, removeSamples, sampleState } from '../../lib/import/samples.ts';
import { CONTENT_DIR } from '../../lib/layout.ts';
import { teamConfig } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const IMPORT_HELP = `Usage: sprintbook import <files or folders…> [options]

Turns legacy Markdown into typed docs under content/: repairs broken encoding, lifts
bold-label metadata (**Status:** …) into frontmatter, maps statuses and dates, infers
sprint and kind, places each file (files of no sprint become project docs under
content/docs/<section>/), and repairs relative links whose target moved. Prints a
summary, then what it inferred for every file. Never modifies its input files,
never overwrites a file in content/; what it cannot attribute it leaves out and says so.

In your own repository (where sprintbook.config.mjs names the docs), --in-place
writes the typed frontmatter into your files instead: each doc gets the block the
reading worked out for it, its text below left exactly as it was, and the changed
files are staged in git as one change to review (git diff --cached) and commit.

Options:
  --in-place         type the docs where they are, in your repository (--root)
  --replace-samples  start from your own archive: first remove the sample docs
                     Sprintbook ships in content/ (only while unchanged)
  --dry-run          show what would happen; write and remove nothing
  --format <f>       human (default) or json
  --root <dir>       project root to import into (default: current folder)
  -h, --help         show this help`;

export async function runImport(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(
		args,
		{ 'dry-run': { type: 'boolean', default: false }, 'replace-samples': { type: 'boolean', default: false }, 'in-place': { type: 'boolean', default: false }, format: { type: 'string', default: 'human' } },
		IMPORT_HELP,
	);
	if (values.help) return { output: IMPORT_HELP, exitCode: 0 };
	if (values['in-place']) return importInPlace(values.root, positionals, values['dry-run']);
	if (positionals.length === 0) throw new UsageError('name the files or folders to import', IMPORT_HELP);
	if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use human or json`, IMPORT_HELP);
	const missing = positionals.filter((p) => !existsSync(p));
	if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, IMPORT_HELP);
	// A pipe or a device named as an input would hang the read or never end it: refused before anything is read.
	for (const p of positionals) {
		const stats = statSync(p);
		if (!stats.isDirectory() && notReadable(stats)?.reason === 'not a regular file') throw new UserError(`${p} is not a regular file (a pipe, a device or a socket): name Markdown files or folders of them; nothing was imported.`);
	}

	const dryRun = values['dry-run'];
	const contentDir = join(values.root, CONTENT_DIR);
	const samples = existsSync(contentDir) ? await sampleState(contentDir) : { unchanged: [], edited: [], others: [] };
	const header: string[] = [];
	if (values['replace-samples']) {
		// Only a project that still holds nothing of the team's own loses anything here, and then only the samples.
		if (samples.edited.length || samples.others.length) {
			const theirs = [...samples.edited.map((f) => `${f} (a sample you edited)`), ...samples.others];
			return {
				output: [`sprintbook import: content/ holds docs that are not the unchanged samples, so nothing was removed or imported:`, ...theirs.map((f) => `  content/${f}`), `Import without --replace-samples to add to them, or move them aside first.`].join('\n'),
				exitCode: 1,
			};
		}
		header.push(samples.unchanged.length ? `${dryRun ? 'Would remove' : 'Removed'} the ${samples.unchanged.length} sample docs Sprintbook ships in content/:` : 'No sample docs to remove.', ...samples.unchanged.map((f) => `  content/${f}`), '');
	} else if (isAsCloned(samples)) {
		return {
			output: `sprintbook import: content/ still holds only Sprintbook's sample docs (OMC's Sprints 2.7–2.10); your archive would be mixed into them.\nTo start from your own archive: sprintbook import ${positionals.join(' ')} --replace-samples\nNothing was written.`,
			exitCode: 1,
		};
	} else if (samples.unchanged.length) {
		// Beside docs of the team's own, the samples are not removed for them: say they are there, and how to remove them.
		header.push(
			`Note: content/ still holds ${samples.unchanged.length} of Sprintbook's sample docs (OMC's Sprints 2.7–2.10), beside docs of your own; your docs ${dryRun ? 'would be' : 'are'} imported beside them.`,
			`To remove them, delete these files (--replace-samples does it only while content/ holds nothing else):`,
			...samples.unchanged.map((f) => `  content/${f}`),
			'',
		);
	}

	const gone = new Set(values['replace-samples'] ? samples.unchanged : []);
	const result = await planImport(positionals, values.root, process.cwd(), { gone });
	// Nothing is written or removed through a link out of the project: refused whole, before the first change.
	for (const path of [...gone, ...result.files.filter((f) => f.target && f.status !== 'skipped').map((f) => f.target!)]) {
		const out = linkOutOfProject(values.root, path);
		if (out) throw new UserError(`${out}: import never writes outside the project. Make it a folder inside the project (or remove the link), then import again; nothing was ${dryRun ? 'done' : 'written'}.`);
	}
	if (!dryRun) {
		// What an import killed mid-write left: its temp files go; its empty or half-written docs are completed below.
		const temps = await removeLeftoverTemps(values.root);
		if (temps.length) header.push(`Removed ${temps.length === 1 ? 'a temporary file' : `${temps.length} temporary files`} an interrupted import had left in content/.`, '');
		if (gone.size) await removeSamples(contentDir, [...gone]);
		try {
			await writeImport(result, values.root);
		} catch (error) {
			// A full disk or a read-only folder part-way: writeImport removed what it had written.
			const problem = fileSystemProblem(error);
			throw problem ? new UserError(`${problem}. Nothing was imported: the docs written before it were removed again.`) : error;
		}
	}
	const exitCode = result.files.some((f) => f.status !== 'skipped') ? 0 : 1;
	if (values.format === 'json') return { output: JSON.stringify({ dryRun, removedSamples: [...gone], ...result, files: result.files.map(({ text: _text, ...f }) => f) }, null, 2), exitCode };
	return { output: [...header, ...report(result, dryRun)].join('\n'), exitCode };
}

/** The summary first (counts, and why files were left out), then a line per file, then the links. */
function report(result: ImportResult, dryRun: boolean): string[] {
	const count = (s: string) => result.files.filter((f) => f.status === s).length;
	/** How many files each reason applies to, most frequent first. */
	const tally = (reasonsOf: (f: ImportResult['files'][number]) => string[]) => {
		const counts = new Map<string, number>();
		for (const f of result.files) for (const r of reasonsOf(f)) counts.set(r, (counts.get(r) ?? 0) + 1);
		return [...counts].sort((a, b) => b[1] - a[1]);
	};
	const attention = tally((f) => (f.status === 'attention' ? (f.attention ?? []) : []));
	const leftOut = tally((f) => (f.status === 'skipped' ? [f.reason ?? 'other'] : []));
	// A file name may hold escape sequences: escaped before the columns are measured, so they line up as printed.
	const rows = result.files.map((f) => [f.status === 'imported' ? 'imported' : f.status === 'attention' ? 'needs attention' : 'not imported', printable(f.source), f.target ? `content/${printable(f.target)}` : '—', printable(f.notes.join('; '))]);
	const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
	const line = (r: string[]) => `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]!.padEnd(width[2]!)}  ${r[3]}`;
	return [
		...(dryRun ? ['Dry run: nothing was written.'] : []),
		`${result.files.length} files: ${count('imported')} imported clean, ${count('attention')} imported needing attention, ${count('skipped')} not imported.`,
		...attention.map(([why, n]) => `  needs attention, ${why}: ${n}`),
		...leftOut.map(([why, n]) => `  not imported, ${why}: ${n}`),
		`Links: ${result.linksRepaired} repaired, ${result.linksKept} already right, ${result.linksUnlinked.length} could not lead to a published doc (kept as text, target in a comment).`,
		'',
		line(['result', 'source', 'destination', 'inferred / why']),
		...rows.map(line),
		...(result.linksUnlinked.length ? ['', 'Links kept as text:', ...result.linksUnlinked.map((l) => `  ${printable(l.file)}: ${printable(l.url)} — ${printable(l.why)}`)] : []),
	];
}

/** `import --in-place`: typed frontmatter written into the team's own files, staged as one change. */
async function importInPlace(root: string, positionals: readonly string[], dryRun: boolean): Promise<CommandResult> {
	if (positionals.length) throw new UsageError('--in-place takes no paths: sprintbook.config.mjs names the docs', IMPORT_HELP);
	const repo = resolve(root);
	const config = await teamConfig(repo);
	if (!config) throw new UsageError(`no sprintbook.config.mjs in ${repo}: run \`sprintbook init\` first, so that import knows where your docs are`, IMPORT_HELP);
	const typed = await typeInPlace(repo, config, { dryRun });
	const lines = [
		`${dryRun ? 'Would write' : 'Wrote'} frontmatter into ${typed.written.length} of your docs${dryRun ? '' : ', their text below it unchanged'}:`,
		...typed.written.map((f) => `  ${f}`),
		...(typed.left.length ? ['Left alone:', ...typed.left.map((l) => `  ${l.file} (${l.why})`)] : []),
		'',
		dryRun ? 'Nothing was written.' : typed.staged ? 'Staged in git as one change: review it with `git diff --cached`, then commit it (or `git restore --staged --worktree` the files to drop it).' : 'Not a git repository: the files are written, nothing staged.',
	];
	return { output: lines.join('\n'), exitCode: typed.written.length ? 0 : 1 };
}
