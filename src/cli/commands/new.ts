/** `sprintbook new plan|report|doc …`: write a pre-filled document, never over an existing one. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { readResults, ResultsError, type RunFigures } from '../../lib/test-results.ts';
import { check } from '../../lib/check/index.ts';
import { loadContent } from '../../lib/load.ts';
import { formatHuman } from '../../lib/reporter.ts';
import { scaffoldDoc, scaffoldPlan, scaffoldReport, type Known, type ReportEvidence, type Scaffold } from '../../lib/scaffold.ts';
import { addedBetween, firstCommitDay, gitRoot, shippedBetween } from '../../lib/git.ts';
import { DOC_KINDS, sprintId, type Plan, type Report, type SprintDoc } from '../../schemas/index.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';
import { today } from '../../lib/today.ts';

export const NEW_HELP = `Usage:
  sprintbook new plan <sprint>                 next sprint's plan: baseline and depends_on from the sprint before
  sprintbook new report <sprint>               completion report: tracks and criteria from the plan; tests and
                                               hours left as TODO for you (check lists them, archive waits)
  sprintbook new doc <sprint> <kind> <title>   another document of the sprint (kind: ${DOC_KINDS.join(', ')})

Options:
  --results <file|glob>  (report) the run's test results, JUnit XML or vitest/jest JSON; repeat
                   for several files, summed: the report's tests are theirs, and it says so
  --dry-run        print the file instead of writing it
  --root <dir>     project root (default: current folder)
  -h, --help       show this help

Never overwrites: an existing file or an existing plan/report for the sprint is refused (exit 1).`;

export async function runNew(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean', default: false }, results: { type: 'string', multiple: true } }, NEW_HELP);
	if (values.help) return { output: NEW_HELP, exitCode: 0 };
	const [what, sprintArg, ...rest] = positionals;
	if (!what || !['plan', 'report', 'doc'].includes(what)) throw new UsageError(`say what to create: plan, report or doc`, NEW_HELP);
	const sprint = sprintId.safeParse(sprintArg);
	if (!sprint.success) throw new UsageError(`"${sprintArg ?? ''}" is not a sprint number like 3, 2.8 or 12.5`, NEW_HELP);
	if (what === 'doc' && (rest.length < 2 || !DOC_KINDS.includes(rest[0] as never))) {
		throw new UsageError(`new doc needs a kind (${DOC_KINDS.join(', ')}) and a title`, NEW_HELP);
	}
	if (what === 'doc' && !rest.slice(1).join(' ').trim()) throw new UsageError('the title is empty: give the doc a title, e.g. "Sprint 2.8 retro"', NEW_HELP);
	// A file name is at most 255 bytes on every common file system; a title that long is a paste gone wrong.
	if (what === 'doc' && Buffer.byteLength(rest.slice(1).join(' ')) > 200) throw new UsageError('the title is longer than 200 bytes: shorten it (the file is named after it)', NEW_HELP);

	if (values.results && what !== 'report') throw new UsageError('--results is for new report: the test results of the sprint it closes', NEW_HELP);
	const root = values.root;
	// new writes into a project: one that is not there is a mistyped path, not a folder to make.
	if (!existsSync(join(root, 'content'))) throw new UsageError(`no project at ${resolve(root)}: it has no content/ folder. Give --root the folder that holds content/ (run new inside a Sprintbook project)`, NEW_HELP);
	const entries = await loadContent(root);
	const known: Known = {
		plans: entries.filter((e) => e.collection === 'plans' && e.result.success).map((e) => ({ data: e.result.data as Plan, file: e.file })),
		reports: entries.filter((e) => e.collection === 'reports' && e.result.success).map((e) => ({ data: e.result.data as Report, file: e.file })),
		docs: entries.filter((e) => e.collection === 'sprintDocs' && e.result.success).map((e) => ({ data: e.result.data as SprintDoc, file: e.file })),
	};
	const plan = known.plans.find((p) => p.data.sprint === sprint.data);
	const date = today();
	let scaffold: Scaffold;
	if (what === 'plan') {
		if (plan) return refuse(`Sprint ${sprint.data} already has a plan: content/${plan.file}`);
		scaffold = scaffoldPlan(sprint.data, date, known);
	} else {
		// A plan is optional: a report or a doc can start a sprint, or join one that kept no plan.
		if (what === 'report') {
			const report = known.reports.find((r) => r.data.sprint === sprint.data);
			if (report) return refuse(`Sprint ${sprint.data} already has a report: content/${report.file}`);
			let results: { figures: RunFigures; files: string[] } | undefined;
			if (values.results) {
				const each = await Promise.all(values.results.map(async (r) => ({ r, files: isDynamicPattern(r) ? (await glob(r, { cwd: process.cwd(), absolute: true })).sort() : [resolve(r)] })));
				// A pattern that matches nothing is a part of the run missing, not a part to leave out.
				const empty = each.find((e) => !e.files.length);
				if (empty) return refuse(`--results ${empty.r} names no file; nothing was written`);
				const files = [...new Set(each.flatMap((e) => e.files))];
				try {
					results = { figures: readResults(files), files: files.map((f) => relative(resolve(root), f).split(sep).join('/')) };
				} catch (e) {
					if (e instanceof ResultsError) return refuse(`${e.message}; nothing was written`);
					throw e;
				}
			}
			// The sprint's days: its plan's, else from the plan's first commit to today.
			const planEntry = plan && entries.find((e) => e.file === plan.file);
			const top = gitRoot(resolve(root));
			let git: ReportEvidence['git'];
			if (top) {
				const since = plan?.data.start ?? (plan ? await firstCommitDay(top, join(resolve(root), 'content', plan.file)) : undefined);
				const until = plan?.data.end && plan.data.end < date ? plan.data.end : date;
				if (since) {
					// The sprint's own folder, where its docs are written (the report about to be added is not there yet).
					const folder = relative(top, join(resolve(root), 'content', dirname(plan?.file ?? `sprints/${sprint.data}/plan.md`))).split(sep).join('/');
					try {
						git = { since, until, ...(await shippedBetween(top, since, until)), docs: await addedBetween(top, folder, since, until) };
					} catch {
						// No history to read (a repository without a commit yet): the report says nothing of it.
					}
				}
			}
			scaffold = scaffoldReport(sprint.data, date, known, { results, planBody: planEntry?.body, git });
		} else {
			scaffold = scaffoldDoc(sprint.data, rest[0]!, rest.slice(1).join(' '), date, known);
			if (/\/(?:plan|report)\.md$/.test(scaffold.file)) return refuse(`a doc titled "${rest.slice(1).join(' ')}" would be named ${scaffold.file.split('/').pop()}, the sprint's own plan or report; choose another title`);
		}
	}

	const target = join(root, 'content', scaffold.file);
	const shown = `content/${scaffold.file}`;
	if (values['dry-run']) return { output: `would create ${shown}\n\n${scaffold.text}`, exitCode: 0 };
	// The first folder that does not exist yet: taken back with the file if the file is refused.
	let created: string | undefined;
	for (let d = dirname(target); !existsSync(d); d = dirname(d)) created = d;
	await mkdir(dirname(target), { recursive: true });
	try {
		// 'wx' fails if the file exists, even if it appeared since we looked: nothing is ever overwritten.
		await writeFile(target, scaffold.text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuse(`${shown} already exists; nothing was written`);
		throw error;
	}
	// What `new` writes must pass `check` (a title whose URL another doc already has, say): if it does not, the file
	// is taken back and nothing has changed.
	const result = await check({ root, only: [target] });
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) {
		await rm(created ?? target, { recursive: !!created });
		return refuse(`${shown} would not pass check, so it was not written:\n\n${formatHuman({ ...result, diagnostics: errors }, false)}`);
	}
	return { output: [`created ${shown}`, ...scaffold.inferred.map((i) => `  filled in: ${i}`)].join('\n'), exitCode: 0 };
}

function refuse(message: string): CommandResult {
	return { output: `sprintbook new: ${message}`, exitCode: 1 };
}
