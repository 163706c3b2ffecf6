/**
 * The one place that chooses among candidates. Each fact has its own order of witnesses: for what happened
 * (status, the days it ran, the suite at its end) the sprint's closing and overview documents and the documents
 * about many sprints (kept up as sprints go) outrank its plan, which was written before; for the goal, the plan
 * speaks first. Witnesses of the same rank that disagree leave the fact out, and the disagreement is reported
 * with both lines — never a coin toss.
 */
import type { FactName } from '../../schemas/common.ts';
import type { Statement } from './statements.ts';

export interface WeighedFacts {
	status?: string;
	start?: string;
	end?: string;
	goal?: string;
	tests?: { passing: number; total: number };
	depends_on?: string[];
	/** `file:line` of each fact's witness. */
	evidence: Partial<Record<FactName, string>>;
	/** Facts left out because witnesses of one rank disagree, each with the lines that do. */
	conflicts: string[];
	/** The first heading of a document about many sprints that is about this sprint, when one is: `file:line` and text. */
	section?: { at: string; text: string };
}

/** Rank of a witness for a fact: higher speaks first, 0 is not heard. */
function rank(s: Statement): number {
	const late = s.from === 'closing' || s.from === 'overview' || s.from === 'many';
	switch (s.fact) {
		case 'status':
			return late ? (s.weak ? 1 : 2) : s.from === 'plan' ? 1 : 0;
		case 'start':
		case 'end':
			// A README is kept up as the sprint goes, but its days may be the planned ones: below the closing documents.
			return s.from === 'plan' ? 1 : s.from === 'overview' ? 1.5 : late ? (s.fact === 'end' && s.weak ? 1.5 : 2) : 0;
		case 'goal':
			return s.from === 'plan' ? 2 : s.from === 'overview' ? 1.5 : s.from === 'closing' || s.from === 'many' ? 1 : 0;
		case 'tests':
			return s.from === 'closing' || s.from === 'overview' ? 2 : 0;
		case 'depends_on':
			return s.from === 'plan' || s.from === 'overview' ? 2 : 0;
		case 'heldOn':
		case 'skipped':
		case 'section':
			return 0;
	}
}

const key = (s: Statement) => JSON.stringify(s.value);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** A goal's words; Chinese, Japanese and Korean write without spaces, so their runs count as pairs of characters. */
function words(t: string): Set<string> {
	const lower = t.toLowerCase();
	const out = new Set(lower.replace(CJK, ' ').match(/[\p{L}\p{N}]+/gu) ?? []);
	for (const run of lower.match(CJK) ?? []) for (let i = 0; i < Math.max(1, run.length - 1); i++) out.add(run.slice(i, i + 2));
	return out;
}
/** Two goals are one when most words of the shorter are in the longer (a summary restating the plan's goal). */
function sameGoal(a: string, b: string): boolean {
	const [x, y] = [words(a), words(b)].sort((p, q) => p.size - q.size) as [Set<string>, Set<string>];
	return x.size > 0 && [...x].filter((w) => y.has(w)).length / x.size >= 0.5;
}
const at = (s: Statement) => `${s.file}:${s.line}`;
const FINISHED = new Set(['complete', 'cancelled']);

/**
 * Every sprint's facts from every statement about it. `closed` holds the sprints that have a closing document:
 * for them a plan's or README's "planning" or "in progress" is out of date and is not heard.
 */
export function weigh(statements: readonly Statement[], closed: ReadonlySet<string> = new Set()): Map<string, WeighedFacts> {
	const bySprint = new Map<string, Statement[]>();
	for (const s of statements) {
		const list = bySprint.get(s.sprint);
		if (list) list.push(s);
		else bySprint.set(s.sprint, [s]);
	}
	const out = new Map<string, WeighedFacts>();
	for (const [sprint, all] of bySprint) {
		const facts: WeighedFacts = { evidence: {}, conflicts: [] };
		for (const fact of ['status', 'start', 'end', 'goal', 'tests', 'depends_on'] as const) {
			let heard = all.filter((s) => s.fact === fact && rank(s) > 0);
			// A sprint with a closing document has closed: its plan's or README's "planned" is out of date.
			if (fact === 'status' && closed.has(sprint)) heard = heard.filter((s) => (s.from !== 'plan' && s.from !== 'overview') || FINISHED.has(s.value as string));
			// A sprint does not un-finish: once its own closing or overview document says it finished, an unfinished word
			// elsewhere (a log's "started", a board not updated) is out of date.
			if (fact === 'status' && heard.some((s) => (s.from === 'closing' || s.from === 'overview') && FINISHED.has(s.value as string))) {
				heard = heard.filter((s) => FINISHED.has(s.value as string));
			}
			// "February 3-14 (10 days)": a witness unsure of its own end says nothing of it, but no lesser witness (a plan
			// written before) may speak in its place; one of its rank (a roadmap kept up as sprints close) still may.
			const doubt = heard.filter((s) => s.fact === 'end' && s.inDoubt).sort((a, b) => rank(b) - rank(a));
			if (doubt.length) {
				const floor = Math.max(...doubt.map(rank));
				heard = heard.filter((s) => !(s.fact === 'end' && s.inDoubt) && rank(s) >= floor);
				if (!heard.length) facts.conflicts.push(`end: ${doubt[0]!.value} (${at(doubt[0]!)}) does not agree with the number of days the same line counts`);
			}
			if (!heard.length) continue;
			const top = Math.max(...heard.map(rank));
			let best = heard.filter((s) => rank(s) === top);
			if (fact === 'depends_on') {
				// Every explicit statement counts; "None" alone means none.
				const named = [...new Set(best.flatMap((s) => s.value as string[]))];
				const witness = best.find((s) => (s.value as string[]).length) ?? best[0]!;
				facts.depends_on = named;
				if (named.length) facts.evidence.depends_on = at(witness);
				continue;
			}
			// Dated statements that disagree (a log's entries): an earlier one is outdated by a later one.
			const dated = best.filter((s) => s.date);
			if (dated.length > 1) {
				const latest = dated.reduce((a, b) => (b.date! > a.date! ? b : a));
				best = best.filter((s) => !s.date || key(s) === key(latest) || s.date >= latest.date!);
			}
			// Without the plan's word, a goal others contradict is not the sprint's goal for sure: the one most witnesses
			// share is, and none when they are evenly split.
			if (fact === 'goal' && top < rank({ ...best[0]!, from: 'plan' })) {
				const backing = (g: Statement) => heard.filter((s) => sameGoal(s.value as string, g.value as string)).length;
				const mine = backing(best[0]!);
				const rival = heard.find((s) => !sameGoal(s.value as string, best[0]!.value as string) && backing(s) >= mine);
				if (rival) {
					facts.conflicts.push(`goal: ${JSON.stringify(best[0]!.value)} (${at(best[0]!)}) vs ${JSON.stringify(rival.value)} (${at(rival)})`);
					continue;
				}
			}
			const values = new Set(best.map(key));
			if (values.size > 1 && fact !== 'goal') {
				const seen = new Map<string, Statement>();
				for (const s of best) if (!seen.has(key(s))) seen.set(key(s), s);
				facts.conflicts.push(`${fact}: ${[...seen.values()].map((s) => `${JSON.stringify(s.value)} (${at(s)})`).join(' vs ')}`);
				continue;
			}
			best = best.slice(0, 1);
			(facts as unknown as Record<string, unknown>)[fact] = best[0]!.value;
			facts.evidence[fact] = at(best[0]!);
		}
		// Only the plan says when it ends, and the sprint's retrospective was held days after that day: the sprint ran
		// longer than planned, and no document says until when.
		const heldOn = all.filter((s) => s.fact === 'heldOn').sort((a, b) => (a.value < b.value ? 1 : -1))[0];
		const endFrom = all.find((s) => s.fact === 'end' && at(s) === facts.evidence.end);
		if (facts.end && heldOn && endFrom?.from === 'plan' && (heldOn.value as string) > facts.end) {
			facts.conflicts.push(`end: the plan's ${facts.end} (${facts.evidence.end}), but the sprint was reviewed on ${heldOn.value} (${at(heldOn)})`);
			delete facts.end;
			delete facts.evidence.end;
		}
		// "876 tests, 100% pass" where the closing documents say 28 were skipped: the run had more tests than the figure.
		const skipped = all.find((s) => s.fact === 'skipped');
		if (facts.tests && skipped && facts.tests.total - facts.tests.passing < (skipped.value as number)) {
			facts.conflicts.push(`tests: ${facts.tests.passing}/${facts.tests.total} (${facts.evidence.tests}) leaves out the ${skipped.value} skipped (${at(skipped)})`);
			delete facts.tests;
			delete facts.evidence.tests;
		}
		const section = all.find((s) => s.fact === 'section');
		if (section) facts.section = { at: at(section), text: section.value as string };
		if (facts.start && facts.end && facts.end < facts.start) {
			facts.conflicts.push(`dates: the end ${facts.end} (${facts.evidence.end}) is before the start ${facts.start} (${facts.evidence.start})`);
			delete facts.start;
			delete facts.end;
			delete facts.evidence.start;
			delete facts.evidence.end;
		}
		out.set(sprint, facts);
	}
	return out;
}
