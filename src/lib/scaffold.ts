/**
 * `new`: pre-filled documents from what is already known. A plan takes the
 * previous sprint's final test count as its baseline and depends on it; a
 * report copies its plan's tracks and success criteria (as task lists to tick),
 * takes its tests from the run's result files when given, and leaves every figure
 * nobody stated as TODO. Nothing here writes a file; the CLI does, refusing to overwrite.
 */
import { stringify } from 'yaml';
import type { Plan, Report } from '../schemas/index.ts';
import { TIERS } from '../schemas/index.ts';
import { TODO } from '../schemas/common.ts';
import type { RunFigures } from './test-results.ts';
import type { Shipped } from './git.ts';
import { allTasks, escapeRegExp, planSections, trackMention, trackTasks } from './plan-progress.ts';
import { liveSprintFolder, slugifyFileName } from './layout.ts';
import { compareSprints, formatHours } from './sprints.ts';

export interface Known {
	plans: Array<{ data: Plan; file: string }>;
	reports: Array<{ data: Report; file: string }>;
	/** Every other sprint doc: where a sprint without a plan keeps its files, and which sprints exist. */
	docs: Array<{ data: { sprint: string }; file: string }>;
}

/** The folder a sprint's files are in (its plan's, else its report's, else a doc's), or the live folder for a new sprint. */
export function sprintFolder(sprint: string, known: Known): string {
	const member = [...known.plans, ...known.reports, ...known.docs].find((m) => m.data.sprint === sprint);
	return member ? folderOf(member.file) : liveSprintFolder(sprint);
}

export interface Scaffold {
	/** Path relative to the content folder. */
	file: string;
	text: string;
	/** What was filled in from other documents, for the CLI to say. */
	inferred: string[];
}

const document = (frontmatter: Record<string, unknown>, body: string) => `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.trimEnd()}\n`;
const folderOf = (file: string) => file.replace(/\/[^/]+$/, '');

export function scaffoldPlan(sprint: string, today: string, known: Known): Scaffold {
	// The sprint before is the one numbered just below, whatever documents it kept (a plan is optional).
	const before = [...known.plans, ...known.reports, ...known.docs]
		.map((m) => m.data.sprint)
		.filter((s) => compareSprints(s, sprint) < 0)
		.sort(compareSprints)
		.at(-1);
	const previous = before === undefined ? undefined : known.plans.find((p) => p.data.sprint === before);
	const previousReport = before === undefined ? undefined : known.reports.find((r) => r.data.sprint === before);
	const inferred: string[] = [];
	const fm: Record<string, unknown> = {
		sprint,
		title: `Sprint ${sprint}`,
		status: 'draft',
		date: today,
		goal: 'One sentence on what this sprint achieves',
	};
	const finalTests = previousReport?.data.tests;
	if (finalTests) {
		fm.baseline = { ...finalTests };
		inferred.push(`baseline ${finalTests.passing}/${finalTests.total} from the Sprint ${before} report`);
	}
	if (previous?.data.tracks.length) {
		fm.tracks = previous.data.tracks.map(({ id, name, owner, hours }) => ({ id, name, owner, hours }));
		inferred.push(`tracks ${previous.data.tracks.map((t) => t.id).join(', ')} and owners from the Sprint ${before} plan`);
	}
	if (before !== undefined) {
		fm.depends_on = [before];
		inferred.push(`depends_on ["${before}"]`);
	}
	const body = `## Goal\n\nWhat this sprint delivers and why now.\n\n## Tracks\n\nWhat each track does and who owns it.\n\n## Success criteria\n\n### Minimum\n\n- [ ] \n\n### Target\n\n- [ ] \n\n### Stretch\n\n- [ ] \n\n## Risks\n\n- \n`;
	return { file: `${sprintFolder(sprint, known)}/plan.md`, text: document(fm, body), inferred };
}

/** A report pre-filled from the sprint's plan when it has one; without a plan, just the frame. */
/** What the report starts from besides the plan: the run's result files and the main line's history in the sprint's days. */
export interface ReportEvidence {
	results?: { figures: RunFigures; files: string[] };
	/** The plan's body, for the tasks it marks done or open. */
	planBody?: string;
	git?: { since: string; until: string; shipped: Shipped[]; contributors: string[]; docs?: Array<{ path: string; commit: string; date: string }> };
}

export function scaffoldReport(sprint: string, today: string, known: Known, { results, planBody, git }: ReportEvidence = {}): Scaffold {
	const plan = known.plans.find((x) => x.data.sprint === sprint);
	const file = `${sprintFolder(sprint, known)}/report.md`;
	const inferred: string[] = [];
	const fm: Record<string, unknown> = { sprint, date: today };
	// Nothing unstated: the tests are the given run's, or TODO — never the plan's baseline; hours are TODO, never 0.
	if (results) {
		const { passing, failed, skipped, total } = results.figures;
		fm.tests = { passing, total };
		fm.tests_from = results.files;
		inferred.push(`tests ${passing}/${total} (${failed} failed, ${skipped} skipped) from ${results.files.join(', ')}`);
	} else {
		fm.tests = TODO;
		inferred.push('tests: TODO — the final run\'s { passing, total }, or run again with --results <junit.xml>');
	}
	if (!plan) {
		return { file, text: document(fm, `## Summary\n\nHow Sprint ${sprint} went, in two sentences.\n\n## Carried over\n\n- \n`), inferred };
	}
	const p = plan.data;
	if (p.tracks.length) {
		fm.hours = TODO;
		inferred.push(`hours: TODO — the hours spent on tracks ${p.tracks.map((t) => t.id).join(', ')}, as [{ track, spent }]`);
	}
	const lines = [`## Summary\n\nHow Sprint ${p.sprint} went, in two sentences.\n`];
	if (p.tracks.length) {
		lines.push('## Tracks\n\n| Track | Owner | Planned | Spent |\n| --- | --- | --- | --- |');
		lines.push(...p.tracks.map((t) => `| ${t.id}: ${t.name} | ${t.owner} | ${formatHours(t.hours)} | |`), '');
	}
	// What the plan ticks (`- [x]`) is ticked here too; what it leaves unticked (`- [ ]`) under a track is carried
	// over, with the track. A ✅ in front of a plan's line may be its style, not a tick: it decides nothing here.
	const sections = planBody ? planSections(planBody) : [];
	const doneInPlan = new Set(planBody ? allTasks(planBody).filter((t) => t.checkbox && t.done).map((t) => norm(t.text)) : []);
	const tick = (text: string) => `- [${doneInPlan.has(norm(text)) ? 'x' : ' '}] ${text}`;
	const tiers = TIERS.filter((t) => p.targets?.[t]);
	if (tiers.length) {
		lines.push('## Success criteria\n');
		for (const tier of tiers) {
			const t = p.targets![tier]!;
			lines.push(`### ${tier[0]!.toUpperCase()}${tier.slice(1)}\n`);
			if (t.pass_rate !== undefined) lines.push(`- [ ] Test pass rate ≥ ${t.pass_rate}%`);
			lines.push(...t.criteria.map(tick), '');
		}
		inferred.push(`success criteria of ${tiers.join(', ')} as task lists, ticked where the plan ticks them`);
	}
	if (git) {
		lines.push(`## Shipped\n\nWhat reached the main line from ${git.since} to ${git.until}, by track where it names one:\n`);
		// "Track A", the track's name or its owner, as whole words ("UI" is not in "build").
		const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu');
		const trackOf = (title: string) => p.tracks.find((t) => trackMention(t.id).test(title) || word(t.name).test(title) || word(t.owner).test(title));
		const groups = new Map<string, string[]>();
		for (const item of git.shipped) {
			const t = trackOf(item.title);
			const key = t ? `Track ${t.id}: ${t.name}` : 'Other';
			groups.set(key, [...(groups.get(key) ?? []), `- ${item.title}${item.pr ? ` (#${item.pr})` : ''}, ${item.commit}`]);
		}
		const order = [...p.tracks.map((t) => `Track ${t.id}: ${t.name}`), 'Other'].filter((k) => groups.has(k));
		if (!order.length) lines.push('- nothing reached the main line in these days\n');
		for (const k of order) lines.push(`### ${k}\n`, ...groups.get(k)!, '');
		if (git.contributors.length) lines.push(`## Contributors\n\n${git.contributors.map((c) => `- ${c}`).join('\n')}\n`);
		if (git.docs?.length) lines.push(`## Docs written\n\n${git.docs.map((d) => `- ${d.path} (${d.date}, ${d.commit})`).join('\n')}\n`);
		inferred.push(`${git.shipped.length} change${git.shipped.length === 1 ? '' : 's'} shipped from git, ${git.since} to ${git.until}`);
	}
	const open = sections.length ? trackTasks(sections, p.tracks).flatMap(({ id, tasks }) => tasks.filter((t) => t.checkbox && !t.done).map((t) => `- Track ${id}: ${t.text}`)) : [];
	lines.push(`## Carried over\n\n${open.length ? open.join('\n') : '- '}\n`);
	if (open.length) inferred.push(`${open.length} task${open.length === 1 ? '' : 's'} the plan leaves open, carried over`);
	return { file, text: document(fm, lines.join('\n')), inferred };
}

const norm = (s: string) => s.replace(/[`*_~]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

export function scaffoldDoc(sprint: string, kind: string, title: string, today: string, known: Known): Scaffold {
	const fm = { sprint, title, kind, date: today };
	return { file: `${sprintFolder(sprint, known)}/${slugifyFileName(title) || kind}.md`, text: document(fm, `## ${title}\n\n`), inferred: [] };
}
