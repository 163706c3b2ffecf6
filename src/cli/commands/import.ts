/** `sprintbook import <files or folders…>`: the CLI face of src/lib/import. */
import { existsSync } from 'node:fs';
import { planImport, writeImport, type ImportResult } from '../../lib/import/index.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const IMPORT_HELP = `Usage: sprintbook import <files or folders…> [options]

Turns legacy Markdown into typed docs under content/: repairs broken encoding, lifts
bold-label metadata (**Status:** …) into frontmatter, maps statuses and dates, infers
sprint and kind, places each file, and repairs relative links whose target moved.
Prints what it inferred for every file. Never modifies its input files, never
overwrites a file in content/.

Options:
  --dry-run     show the table; write nothing
  --root <dir>  project root to import into (default: current folder)
  -h, --help    show this help`;

export async function runImport(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean', default: false } }, IMPORT_HELP);
	if (values.help) return { output: IMPORT_HELP, exitCode: 0 };
	if (positionals.length === 0) throw new UsageError('name the files or folders to import', IMPORT_HELP);
	const missing = positionals.filter((p) => !existsSync(p));
	if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, IMPORT_HELP);

	const result = await planImport(positionals, values.root);
	if (!values['dry-run']) await writeImport(result, values.root);
	return { output: table(result, values['dry-run']), exitCode: result.files.some((f) => f.status !== 'skipped') ? 0 : 1 };
}

function table(result: ImportResult, dryRun: boolean): string {
	const rows = result.files.map((f) => [f.status === 'imported' ? 'imported' : f.status === 'attention' ? 'needs attention' : 'not imported', f.source, f.target ? `content/${f.target}` : '—', f.notes.join('; ')]);
	const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
	const line = (r: string[]) => `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padEnd(width[1]!)}  ${r[2]!.padEnd(width[2]!)}  ${r[3]}`;
	const count = (s: string) => result.files.filter((f) => f.status === s).length;
	const unlinked = result.linksUnlinked.map((l) => `  ${l.file}: ${l.url} — ${l.why}`);
	return [
		dryRun ? 'Dry run: nothing was written.' : '',
		line(['result', 'source', 'destination', 'inferred / why']),
		...rows.map(line),
		'',
		`${count('imported')} imported clean, ${count('attention')} imported needing attention, ${count('skipped')} not imported.`,
		`Links: ${result.linksRepaired} repaired, ${result.linksKept} already right, ${result.linksUnlinked.length} could not lead to a published doc (kept as text, target in a comment):`,
		...unlinked,
	]
		.filter((l, i) => i > 0 || l)
		.join('\n');
}
