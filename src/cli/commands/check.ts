/** `sprintbook check [paths…]`: validate every doc, print every problem, exit 1 on errors. */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { check } from '../../lib/check/index.ts';
import { FORMATS, format, type Format } from '../../lib/reporter.ts';
import { inTeamTerms } from '../../lib/in-place/sources.ts';
import { withLeftOut } from '../../lib/in-place/read-in-place.ts';
import { projectOf, type Project } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const CHECK_HELP = `Usage: sprintbook check [paths…] [options]

Checks every document under content/ and reports every problem at once.
With paths, only problems in those files or folders are shown (all docs are
still read, since links and references cross files).

Options:
  --format <human|json|github>  output format (default: human)
  --strict                      exit 1 on warnings too
  --content <dir>               content folder (default: content, or the docs
                                sprintbook.config.mjs names, read where they are)
  --root <dir>                  project or repository root (default: current folder)
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
	const missing = positionals.filter((p) => !existsSync(p));
	if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`, CHECK_HELP);
	const project = await projectOf(values.root, values.content, CHECK_HELP);
	const { root, contentDir } = project;

	const checked = await check({ root, contentDir, only: project.inPlace ? pagesOf(project, positionals) : positionals, cache: !values['no-cache'], imageHosts: project.inPlace?.config.imageHosts });
	const told = inTeamTerms(checked, root, resolve(root, contentDir));
	// In place, the docs the read left out never reached the project checked: they are told here.
	const result = project.inPlace ? withLeftOut(told, project.inPlace) : told;
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

/** In place, the pages read from the team's files and folders named on the command line. */
function pagesOf(project: Project, paths: readonly string[]): string[] {
	if (!paths.length) return [];
	const place = project.inPlace!;
	const wanted = paths.map((p) => relative(place.repo, resolve(p)).split(sep).join('/'));
	const hit = (source: string) => wanted.some((w) => w === '' || source === w || source.startsWith(`${w}/`));
	const contentAbs = resolve(project.root, project.contentDir);
	const pages = [...place.sources].filter(([, source]) => hit(source)).map(([page]) => relative(process.cwd(), resolve(contentAbs, page)));
	// Named files of which no page was made: nothing of them to show, and an empty list would mean "everything".
	return pages.length ? pages : [resolve(contentAbs, '.none')];
}
