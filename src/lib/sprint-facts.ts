/**
 * The facts of each sprint as the site shows them and `sprintbook sprints` prints them: status, the days it ran,
 * its goal, the whole suite's tests at its end, what it depends on — each with the `file:line` it was read from.
 * One computation over the sprint index, so the CLI and the site can never disagree. A fact with nothing behind
 * it is null: the index derives "complete" for a sprint with a report (the site says so, as derived), but no
 * document *states* that, so it is not a fact here.
 */
import type { FactName } from '../schemas/common.ts';
import { inlineText } from './inline-markdown.ts';
import type { SprintRecord } from './sprint-index.ts';
import type { TestCounts } from './sprints.ts';

type Evidence = Partial<Record<FactName, string>>;
interface FactData {
	sprint: string;
	status?: string;
	start?: string;
	end?: string;
	goal?: string;
	tests?: TestCounts;
	depends_on?: string[];
	evidence?: Evidence;
}
interface Holder {
	data: FactData;
}
export interface Milestone {
	sprint: string;
	status?: string;
	start?: string;
	end?: string;
	goal?: string;
	evidence?: Evidence;
}

export interface Source {
	file: string;
	line: number;
}

export interface SprintFacts {
	id: string;
	status: string | null;
	start: string | null;
	end: string | null;
	goal: string | null;
	tests: TestCounts | null;
	depends_on: string[];
	sources: Partial<Record<FactName, Source>>;
}

/** `docs/x.md:12` → { file, line }. */
export function parseSource(s: string | undefined): Source | undefined {
	const m = s ? /^(.+):(\d+)$/.exec(s) : null;
	return m ? { file: m[1]!, line: Number(m[2]) } : undefined;
}

/**
 * The facts of one sprint. Import has already weighed every document's statements and written the winner into
 * the sprint's plan (or, without a plan, its report; the whole-suite tests into the report); the roadmap's
 * milestone fills in only what neither states.
 */
export function factsOf(r: { sprint: string; plan?: Holder; report?: Holder }, milestone?: Milestone): SprintFacts {
	const plan = r.plan?.data;
	const report = r.report?.data;
	const sources: SprintFacts['sources'] = {};
	const pick = <K extends FactName>(name: K, ...holders: Array<FactData | Milestone | undefined>) => {
		for (const h of holders) {
			const v = (h as Record<string, unknown> | undefined)?.[name];
			if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
			const at = parseSource(h!.evidence?.[name]);
			if (at) sources[name] = at;
			return v;
		}
		return undefined;
	};
	const status = pick('status', plan, report, milestone) as string | undefined;
	const start = pick('start', plan, report, milestone) as string | undefined;
	const end = pick('end', plan, report, milestone) as string | undefined;
	const goal = pick('goal', plan, report, milestone) as string | undefined;
	const tests = pick('tests', report) as TestCounts | undefined;
	const depends = (pick('depends_on', plan) as string[] | undefined) ?? [];
	return { id: r.sprint, status: status ?? null, start: start ?? null, end: end ?? null, goal: goal === undefined ? null : inlineText(goal), tests: tests ?? null, depends_on: depends, sources };
}

/** Every sprint's facts, in sprint order, and which one is current. */
export function sprintFacts(index: readonly SprintRecord[]): { current: string | null; sprints: SprintFacts[] } {
	const sprints = index.map((r) => factsOf(r as { sprint: string; plan?: Holder; report?: Holder }, r.milestone));
	return { current: currentOf(sprints), sprints };
}

/**
 * The sprint a reader means by "current", from the stated facts: the latest in progress after the last one
 * finished; else the first planned after it (a plan left "upcoming" behind later finished sprints is not next);
 * else the latest.
 */
export function currentOf(sprints: readonly Pick<SprintFacts, 'id' | 'status'>[]): string | null {
	// Sprints before the last finished one are over, whatever an old page of theirs still says.
	const lastDone = sprints.findLastIndex((s) => s.status === 'complete' || s.status === 'cancelled');
	const open = sprints.slice(lastDone + 1);
	const next = open.findLast((s) => s.status === 'active') ?? open.find((s) => s.status === 'ready' || s.status === 'draft');
	return (next ?? sprints.at(-1))?.id ?? null;
}
