/** `sprintbook archive <sprint>`: the CLI face of src/lib/archive.ts. */
import { ArchiveRefusal, RestoreFailed, applyArchive, planArchive, type ArchivePlan } from '../../lib/archive.ts';
import { sprintId } from '../../schemas/index.ts';
import { today } from '../../lib/today.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const ARCHIVE_HELP = `Usage: sprintbook archive <sprint> [options]

Moves content/sprints/<sprint>/ to content/archive/history/sprints/sprint-<sprint>/ with
git mv, sets archived: <today> in its docs, rewrites every relative link into and out of
the moved files, runs check, and stages the result. Page URLs do not change.
Refuses, changing nothing, when the sprint has no report, is not complete, or has
uncommitted changes in the files it would touch. Any failure restores the tree and index.
One writing command at a time: a second archive, new or import refuses while one runs.
If an archive is killed part-way, the next sprintbook command finishes it (every file
written: staged or committed) or undoes it (otherwise), and says which.

Options:
  --commit      commit the result ("Archive Sprint <n>")
  --recover     only finish or undo an interrupted archive, if there is one
  --force       archive even if the plan's status is not complete
  --dry-run     print every move, mark and rewrite; change nothing
  --root <dir>  project root (default: current folder)
  -h, --help    show this help`;

export async function runArchive(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(
		args,
		{ commit: { type: 'boolean', default: false }, recover: { type: 'boolean', default: false }, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
		ARCHIVE_HELP,
	);
	if (values.help) return { output: ARCHIVE_HELP, exitCode: 0 };
	const sprint = sprintId.safeParse(positionals[0]);
	if (!sprint.success || positionals.length !== 1) throw new UsageError('give one sprint number, e.g. sprintbook archive 2.8', ARCHIVE_HELP);

	let plan: ArchivePlan;
	try {
		plan = await planArchive({ root: values.root, sprint: sprint.data, date: today(), force: values.force });
		const summary = describe(plan);
		if (values['dry-run']) return { output: `Dry run: nothing was changed.\n${summary}`, exitCode: 0 };
		const result = await applyArchive(plan, { root: values.root, commit: values.commit });
		const done = result.commit ? `Committed ${result.commit}: Archive Sprint ${plan.sprint}.` : `Staged ${result.staged.length} changes; review with git status, then git commit.`;
		return { output: `${summary}\n${done}`, exitCode: 0 };
	} catch (error) {
		if (error instanceof ArchiveRefusal) return { output: `sprintbook archive: ${error.message}\nNothing was changed.`, exitCode: 1 };
		if (error instanceof RestoreFailed) {
			const left = error.unfinished.map((u) => `  - ${u.what}: ${u.error}\n    fix: ${u.fix}`).join('\n');
			return { output: `sprintbook archive: ${error.message}\nPutting things back was done in part; these steps are left:\n${left}\nThen run \`sprintbook archive --recover\` to finish.`, exitCode: 1 };
		}
		return { output: `sprintbook archive: ${(error as Error).message.trim()}\nEverything was put back as it was.`, exitCode: 1 };
	}
}

function describe(plan: ArchivePlan): string {
	const lines = [`Archive Sprint ${plan.sprint}: content/${plan.fromFolder}/ → content/${plan.toFolder}/`, '', 'Moves:'];
	for (const [from, to] of plan.moves) lines.push(`  content/${from} → content/${to}`);
	lines.push('', `Marked archived: ${plan.date}:`, ...plan.marked.map((m) => `  content/${m}`));
	lines.push('', plan.rewrites.length ? 'Link rewrites:' : 'Link rewrites: none');
	for (const r of plan.rewrites) lines.push(`  content/${r.file}:${r.line}  ${r.from} → ${r.to}`);
	return lines.join('\n');
}
