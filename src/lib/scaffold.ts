/**
 * `new`: pre-filled documents from what is already known. A plan takes the
 * previous sprint's final test count as its baseline and depends on it; a
 * report copies its plan's tracks, baseline and success criteria (as task
 * lists to tick). Nothing here writes a file; the CLI does, refusing to overwrite.
 */
import { stringify } from 'yaml';
import type { Plan, Report } from '../schemas/index.ts';
import { TIERS } from '../schemas/index.ts';
import { liveSprintFolder, slugifyFileName } from './layout.ts';
import { compareSprints, formatHours } from './sprints.ts';

export interface Known {
	plans: Array<{ data: Plan; file: string }>;
	reports: Array<{ data: Report; file: string }>;
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
	const previous = known.plans
		.filter((p) => compareSprints(p.data.sprint, sprint) < 0)
		.sort((a, b) => compareSprints(a.data.sprint, b.data.sprint))
		.at(-1);
	const previousReport = previous && known.reports.find((r) => r.data.sprint === previous.data.sprint);
	const inferred: string[] = [];
	const fm: Record<string, unknown> = {
		sprint,
		title: `Sprint ${sprint}`,
		status: 'draft',
		date: today,
		goal: 'One sentence on what this sprint achieves',
	};
	if (previousReport) {
		fm.baseline = { ...previousReport.data.tests };
		inferred.push(`baseline ${previousReport.data.tests.passing}/${previousReport.data.tests.total} from the Sprint ${previous!.data.sprint} report`);
	}
	if (previous) {
		fm.tracks = previous.data.tracks.map(({ id, name, owner, hours }) => ({ id, name, owner, hours }));
		fm.depends_on = [previous.data.sprint];
		if (previous.data.tracks.length) inferred.push(`tracks ${previous.data.tracks.map((t) => t.id).join(', ')} and owners from the Sprint ${previous.data.sprint} plan`);
		inferred.push(`depends_on ["${previous.data.sprint}"]`);
	}
	const body = `## Goal\n\nWhat this sprint delivers and why now.\n\n## Tracks\n\nWhat each track does and who owns it.\n\n## Success criteria\n\n### Minimum\n\n- [ ] \n\n### Target\n\n- [ ] \n\n### Stretch\n\n- [ ] \n\n## Risks\n\n- \n`;
	return { file: `${liveSprintFolder(sprint)}/plan.md`, text: document(fm, body), inferred };
}

export function scaffoldReport(plan: { data: Plan; file: string }, today: string): Scaffold {
	const p = plan.data;
	const inferred: string[] = [];
	const fm: Record<string, unknown> = { sprint: p.sprint, date: today };
	if (p.baseline) {
		fm.tests = { ...p.baseline };
		inferred.push(`tests start at the plan's baseline ${p.baseline.passing}/${p.baseline.total}: update them to the final run`);
	} else {
		fm.tests = { passing: 0, total: 0 };
	}
	if (p.tracks.length) {
		fm.hours = p.tracks.map((t) => ({ track: t.id, spent: 0 }));
		inferred.push(`tracks ${p.tracks.map((t) => t.id).join(', ')} from the plan, 0 hours spent each`);
	}
	const lines = [`## Summary\n\nHow Sprint ${p.sprint} went, in two sentences.\n`];
	if (p.tracks.length) {
		lines.push('## Tracks\n\n| Track | Owner | Planned | Spent |\n| --- | --- | --- | --- |');
		lines.push(...p.tracks.map((t) => `| ${t.id}: ${t.name} | ${t.owner} | ${formatHours(t.hours)} | |`), '');
	}
	const tiers = TIERS.filter((t) => p.targets?.[t]);
	if (tiers.length) {
		lines.push('## Success criteria\n');
		for (const tier of tiers) {
			const t = p.targets![tier]!;
			lines.push(`### ${tier[0]!.toUpperCase()}${tier.slice(1)}\n`);
			if (t.pass_rate !== undefined) lines.push(`- [ ] Test pass rate ≥ ${t.pass_rate}%`);
			lines.push(...t.criteria.map((c) => `- [ ] ${c}`), '');
		}
		inferred.push(`success criteria of ${tiers.join(', ')} as task lists`);
	}
	lines.push('## Carried over\n\n- \n');
	return { file: `${folderOf(plan.file)}/report.md`, text: document(fm, lines.join('\n')), inferred };
}

export function scaffoldDoc(plan: { data: Plan; file: string }, kind: string, title: string, today: string): Scaffold {
	const fm = { sprint: plan.data.sprint, title, kind, date: today };
	return { file: `${folderOf(plan.file)}/${slugifyFileName(title) || kind}.md`, text: document(fm, `## ${title}\n\n`), inferred: [] };
}
