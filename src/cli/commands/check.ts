/** `sprintbook check [paths…]`: validate every doc, print every problem, exit 1 on errors. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../../lib/check/index.ts';
import { FORMATS, format, type Format } from '../../lib/reporter.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const CHECK_HELP = `Usage: sprintbook check [paths…] [options]

Checks every document under content/ and reports every problem at once.
With paths, only problems in those files or folders are shown (all docs are
still read, since links and references cross files).

Options:
  --format <human|json|github>  output format (default: human)
  --strict                      exit 1 on warnings too
  --content <dir>               content folder (default: content)
  --root <dir>                  project root (default: current folder)
  --no-cache                    read every doc afresh (the cache keeps what each unchanged
                                doc alone gave last time, in node_modules/.cache/sprintbook/)
  --verbose                     also list every sprint's facts and the file:line each was read from
  -h, --help                    show this help

Exit: 0 clean, 1 errors (or warnings with --strict), 2 bad usage.`;

export async function runCheck(args: string[], out: NodeJS.WritableStream & { isTTY?: boolean }): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(
		args,
		{ format: { type: 'string', default: 'human' }, strict: { type: 'boolean', default: false }, content: { type: 'string' }, 'no-cache': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
		CHECK_HELP,
	);
	if (values.help) return { output: CHECK_HELP, exitCode: 0 };
	if (!FORMATS.includes(values.format as Format)) {
		throw new UsageError(`unknown format "${values.format}": use human, json or github`, CHECK_HELP);
	}
	const contentDir = values.content ?? 'content';
	const root = values.root;
	if (!existsSync(resolve(root, contentDir))) {
		throw new UsageError(`no content folder at ${root}/${contentDir}: run this in a Sprintbook project, or pass --root / --content`, CHECK_HELP);
	}
	const missing = positionals.filter((p) => !existsSync(p));
	if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, CHECK_HELP);

	const result = await check({ root, contentDir, only: positionals, cache: !values['no-cache'] });
	const color = values.format === 'human' && out.isTTY === true && !process.env.NO_COLOR;
	let output = format(values.format as Format, result, color);
	if (values.verbose && values.format === 'human') {
		// What was inferred and from where, after the problems: the same view as `sprintbook sprints`.
		const { projectFacts, describeFacts } = await import('./sprints.ts');
		output += `\n\nSprint facts, each with the file and line it was read from:\n\n${describeFacts(await projectFacts(root, contentDir))}`;
	}
	const failed = result.errors > 0 || (values.strict && result.warnings > 0);
	return { output, exitCode: failed ? 1 : 0 };
}
