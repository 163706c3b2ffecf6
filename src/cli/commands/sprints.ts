/** `sprintbook sprints`: every sprint's facts as the site shows them, with where each was read. */
import { loadContent, type LoadedEntry } from '../../lib/load.ts';
import { indexSprints, type MilestoneMember } from '../../lib/sprint-index.ts';
import { sprintFacts, type SprintFacts } from '../../lib/sprint-facts.ts';
import { projectOf } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const SPRINTS_HELP = `Usage: sprintbook sprints [options]

Prints every sprint the docs name with its status, start, end, goal, the whole
suite's tests at its end, what it depends on, and which sprint is current —
exactly what the site shows, each fact with the file and line it was read from.
A fact no document states is left empty ("—", null in JSON), never guessed.

Options:
  --format <human|json>  output format (default: human)
  --content <dir>        content folder (default: content, or the docs
                         sprintbook.config.mjs names, read where they are)
  --root <dir>           project or repository root (default: current folder)
  -h, --help             show this help`;

export async function runSprints(args: string[]): Promise<CommandResult> {
	const { values } = parseCommandArgs(args, { format: { type: 'string', default: 'human' }, content: { type: 'string' } }, SPRINTS_HELP);
	if (values.help) return { output: SPRINTS_HELP, exitCode: 0 };
	if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use human or json`, SPRINTS_HELP);
	const project = await projectOf(values.root, values.content, SPRINTS_HELP);
	const entries = await loadContent(project.root, project.contentDir);
	const facts = await projectFacts(project.root, project.contentDir, entries);
	if (values.format === 'json') return { output: JSON.stringify(facts, null, 2), exitCode: 0 };
	// A doc that does not pass its schema gives no fact (as on the site): the reader is told how many, and where to look.
	const unread = entries.filter((e) => !e.result.success).length;
	const note = unread ? `\n\n${unread} document${unread === 1 ? ' gives' : 's give'} no facts: ${unread === 1 ? 'it does' : 'they do'} not pass \`sprintbook check\`, which names ${unread === 1 ? 'it' : 'them'} and the fix.` : '';
	return { output: describeFacts(facts) + note, exitCode: 0 };
}

/** Every sprint's facts as the site shows them, read from the project's content folder. */
export async function projectFacts(root: string, contentDir: string, loaded?: LoadedEntry[]): Promise<{ current: string | null; sprints: SprintFacts[] }> {
	const entries = loaded ?? (await loadContent(root, contentDir));
	// As the site: only docs that pass their schema are published (`check` names the others).
	const valid = (c: LoadedEntry['collection']) =>
		entries.filter((e) => e.collection === c && e.result.success).map((e) => ({ data: e.result.data as never, filePath: `${contentDir}/${e.file}` }));
	const roadmap = entries.find((e) => e.collection === 'roadmap' && e.result.success)?.result.data as { milestones: MilestoneMember[] } | undefined;
	return sprintFacts(indexSprints(valid('plans'), valid('reports'), valid('sprintDocs'), roadmap?.milestones));
}

/** The facts for a reader: one block per sprint, each fact with where it was read. */
export function describeFacts({ current, sprints }: { current: string | null; sprints: SprintFacts[] }): string {
	if (!sprints.length) return 'No sprints: no document under content/ belongs to one.';
	const from = (s: SprintFacts, f: keyof SprintFacts['sources']) => (s.sources[f] ? `  (${s.sources[f]!.file}:${s.sources[f]!.line})` : '');
	const lines: string[] = [];
	for (const s of sprints) {
		lines.push(`Sprint ${s.id}${s.id === current ? '  ← current' : ''}`);
		lines.push(`  status   ${s.status ?? '—'}${from(s, 'status')}`);
		lines.push(`  start    ${s.start ?? '—'}${from(s, 'start')}`);
		lines.push(`  end      ${s.end ?? '—'}${from(s, 'end')}`);
		lines.push(`  goal     ${s.goal ?? '—'}${from(s, 'goal')}`);
		lines.push(`  tests    ${s.tests ? `${s.tests.passing}/${s.tests.total}` : '—'}${from(s, 'tests')}`);
		lines.push(`  depends  ${s.depends_on.length ? s.depends_on.join(', ') : '—'}${from(s, 'depends_on')}`);
	}
	lines.push('', `${sprints.length} sprints; current: ${current ?? 'none'}`);
	return lines.join('\n');
}
