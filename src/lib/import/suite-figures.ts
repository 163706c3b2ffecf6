/**
 * The whole test suite's figure, as a document presents it — and only that.
 * Sprint docs are full of counts: a track's tests (318/318), a module's (13/13),
 * security tests (60/64), before and after. Taking the largest or the first put
 * subsets on the dashboard and made the pass-rate chart meaningless. A count is
 * taken here only when the document presents it as the suite's:
 *
 * - a "Total Tests: 661" line with a "Passing: 645" line beside it;
 * - "N/M" under a whole-suite label ("Test Pass Rate", "Total", "Overall",
 *   "Final results", "Full suite") or in a sentence that names no part of the
 *   suite ("645/661 tests passing (97.6%)").
 *
 * A line that names a part (a track, unit or integration tests, a module, a
 * feature) never counts. When the document gives two different whole-suite
 * figures, none is taken and both are reported: a wrong figure is worse than none.
 */
import type { TestCounts } from '../sprints.ts';

export interface SuiteFigure {
	counts?: TestCounts;
	/** Different whole-suite figures found, when they disagree (then `counts` is undefined). */
	conflicting?: Array<TestCounts & { line: number }>;
	/** 0-based line the figure was read from. */
	line?: number;
}

/** Words that name a part of the suite, not the whole. */
export const PART = /\b(?:track|tracks|developer|security|unit|integration|module|modules|subset|seed|agent|agents|agentic|api|rate[ -]limit\w*|fixed|fix|e2e|end-to-end|performance|phase|workflows?|pnl|tasks?|core|features?|frontend|backend|catalyst|smoke|regression|components?|services?|collectors?|byom|file|files|new|added|suite[s]? of|before|baseline comparison|playwright|storybook|lint|checks?|coverage|covered|lines|statements|branches|uat|scenarios?|hooks?|acceptance|manual|ui|widgets?|screens?|excluding|stories|story|items|points|rating|score)\b/i;
/** Labels under which a count is the whole suite's. */
const WHOLE = /\b(?:test pass rate|pass rate|total|overall|full suite|whole suite|entire suite|all tests|test suite|test results?|final results?|results?|tests? passing|tests?|passing|final)\b/i;
/** In a plan, the figure to start from, not the one to reach. */
const TARGET = /\b(?:target|goal|stretch|minimum|must|should|aim|expected|success criteria|achieve|reach)\b|→|->|≥|>=/i;
/** In a report, a figure still to reach is no result. */
const REPORT_TARGET = /\b(?:target|goal|stretch|aim|expected)\b/i;
/** Sections whose figures are not this sprint's result: what comes next, what was aimed at. */
const ELSEWHERE = /\b(?:next sprint|success criteria|success metrics|targets?|goals?|recommendations?|next steps|plan for|preview|roadmap|validation command)\b/i;
/** A plan states where it starts near its top: a figure deep in a task's section is that task's. */
const PLAN_INTRO = /\b(?:current|status|baseline|summary|background|context|starting|overview|achievements?|objectives?|state|situation)\b/i;
/** "~91.8%", "minus pre-existing", "approx.": a figure the document itself does not stand behind. */
const HEDGED = /~|\bminus\b|\bapprox|\babout\b|\broughly\b|\bestimated\b/i;

const clean = (s: string) => s.replace(/\*\*|__|`/g, '').replace(/\([^)]*\)/g, '').trim();

export function readSuiteFigure(lines: readonly string[], role: 'plan' | 'report'): SuiteFigure {
	const found: Array<TestCounts & { line: number }> = [];
	const counted: Array<TestCounts & { line: number }> = [];
	let fenced = false;
	// The headings the line sits under: a figure under "Phase 2: Encryption Service" or "Next sprint" is not the suite's result.
	const headings: string[] = [];
	// A paragraph label ("**Success Criteria:**") governs the list under it, up to the next label or heading.
	let block = '';
	lines.forEach((raw, i) => {
		if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
		if (fenced) return;
		const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
		if (heading) {
			headings.length = heading[1]!.length - 1;
			headings[heading[1]!.length - 1] = heading[2]!;
			block = '';
			return;
		}
		const blockLabel = /^\s*(?:\*\*|__)?([^*:|]{2,60}):(?:\*\*|__)?\s*$/.exec(raw);
		if (blockLabel) {
			block = blockLabel[1]!;
			return;
		}
		const under = [...headings.slice(1), block].filter(Boolean).join(' / ');
		if (PART.test(under)) return;
		// The section (##) decides: "Objectives" inside "Developer A: …" is that developer's.
		if (role === 'plan' && headings[1] && !PLAN_INTRO.test(headings[1])) return;
		const elsewhere = ELSEWHERE.test(under);
		if (/^\s*[-*+]\s+\[ \]/.test(raw)) return; // an unticked criterion is a wish, not a result
		const line = raw.replace(/\*\*|__/g, '');
		// "(currently: 84.7% - 581/686 passing)" states where things stand, even among the criteria.
		const statedNow = (at: number) => /\b(?:currently|current|now|baseline|starting point)\b[^/\n]{0,24}$/i.test(line.slice(0, at));
		// "Total Tests: 661 …" with "Passing: 645 …" within the next few lines.
		const total = /^\s*[-*]?\s*Total(?: Tests?)?\s*:\s*(\d[\d,]*)\b/i.exec(line);
		if (total && !elsewhere) {
			for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
				const passing = /^\s*[-*]?\s*(?:Passing|Passed|Tests Passing)\s*:\s*(\d[\d,]*)\b/i.exec(lines[j]!.replace(/\*\*|__/g, ''));
				if (passing) {
					const t = { passing: Number(passing[1]!.replace(/,/g, '')), total: Number(total[1]!.replace(/,/g, '')), line: i };
					if (t.passing <= t.total) found.push(t);
					break;
				}
			}
		}
		// "9.5/10" is a rating, not 5 of 10 tests: the count must start the number.
		for (const m of line.matchAll(/(?<![\d.])\b(\d[\d,]*)\s*\/\s*(\d[\d,]*)\b(?!\.\d)/g)) {
			const counts = { passing: Number(m[1]!.replace(/,/g, '')), total: Number(m[2]!.replace(/,/g, '')), line: i };
			if (counts.total === 0 || counts.passing > counts.total) continue;
			// "341/341 (95.8% overall pass rate)": the line's own rate says the figure is not the whole suite.
			const rates = [...line.matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((r) => Number(r[1]));
			if (rates.length === 1 && Math.abs(rates[0]! - (counts.passing / counts.total) * 100) > 1) continue;
			const now = statedNow(m.index!);
			if (now ? !PART.test(line) && !HEDGED.test(line) : !elsewhere && isWholeSuite(line, m.index!, role)) found.push(counts);
		}
		if (role === 'report' && !elsewhere) {
			const c = outcomeCounts(line);
			if (c) counted.push({ ...c, line: i });
		}
	});
	// Without an N/M figure, a closing doc's "1,891 passed / 29 skipped / 0 failed" is the suite: every test run,
	// passed or not (a count the doc gives only as passing is all of them).
	if (!found.length) found.push(...counted);
	// "Tests Created: 142 new tests" beside "142/142": the new tests passing, not the suite.
	const added = new Set(
		lines.flatMap((l) => [...l.replace(/\*\*|__|\|/g, ' ').matchAll(/\b(\d[\d,]*)\s+(?:new|added)\s+tests?\b|\btests?\s+(?:added|created)\s*:?\s*(\d[\d,]*)\b(?!\s+total)/gi)].map((m) => Number((m[1] ?? m[2])!.replace(/,/g, '')))),
	);
	const kept = found.filter((f) => !(f.passing === f.total && added.has(f.total)));
	found.length = 0;
	found.push(...kept);
	const distinct = found.filter((f, i) => found.findIndex((g) => g.passing === f.passing && g.total === f.total) === i);
	if (distinct.length === 1) return { counts: { passing: distinct[0]!.passing, total: distinct[0]!.total }, line: distinct[0]!.line };
	return distinct.length > 1 ? { conflicting: distinct } : {};
}

/** Whether the count at `at` in `line` is presented as the whole suite's. */
function isWholeSuite(line: string, at: number, role: 'plan' | 'report'): boolean {
	// Words inside brackets qualify without naming a part ("(777/785 non-error tests)"), except the figure's own.
	const context = line.replace(/\(excluding[^)]*\)/gi, '');
	if (PART.test(context) || HEDGED.test(context)) return false;
	if (role === 'plan' ? TARGET.test(context) : REPORT_TARGET.test(context)) return false;
	const label = labelOf(line, at);
	if (label !== undefined) return WHOLE.test(label);
	// A sentence or list item with no label: the figure must be about tests.
	return /\btests?\b|\bpassing\b|\bpass rate\b|\bsuite\b/i.test(context);
}

/** The label a figure sits under: the first cell of its table row, or the words before a colon. */
function labelOf(line: string, at: number): string | undefined {
	if (/^\s*\|/.test(line)) {
		const cells = line.split('|').slice(1, -1);
		return clean(cells[0] ?? '');
	}
	const before = line.slice(0, at);
	const colon = before.lastIndexOf(':');
	if (colon === -1) return undefined;
	const label = clean(before.slice(0, colon).replace(/^\s*(?:[-*+]|\d+[.)])\s*/, '').replace(/^[^\p{L}\p{N}]+/u, ''));
	return label.length > 0 && label.length <= 60 ? label : undefined;
}

/**
 * A result written as counts of outcomes: "977 tests passing, 28 skipped", "| Tests | 1223 passing, 28 skipped, 0
 * failures |", "1,891 passed / 29 skipped / 0 failed", "27 tests: 100% pass rate". The total is every test the run
 * counted. A line that names a part of the suite, hedges, or aims at a target is not the suite's.
 */
export function outcomeCounts(raw: string): TestCounts | undefined {
	const whole = raw.replace(/\*\*|__|`/g, '').replace(/(\d),(\d{3})\b/g, '$1$2');
	// A long line says several things: only the clause that counts the run speaks for it ("Full suite at close: 1,859
	// passed / 26 skipped / 0 failed; on-device integration 32/32").
	const line = whole.split(/;|\s--\s|\.\s/).find((c) => /\d+\s*(?:tests?\s+)?(?:passing|passed|pass)\b|\b100\s*%/i.test(c)) ?? whole;
	// A breakdown or a change in brackets ("(532 backend + 397 frontend)", "(+~70 from sprint scope)") qualifies the
	// figure without making it a part; other brackets ("(100% of core tests)") say what it counts. "262 -> 264
	// passing" is a change, not a result.
	const outside = line.replace(/\([^)]*\+[^)]*\)/g, ' ');
	if (/->|→/.test(line)) return undefined;
	if (PART.test(outside) || HEDGED.test(outside) || REPORT_TARGET.test(outside) || /\/\s*\d/.test(outside.replace(/\d+\s*(?:passed|passing|pass|skipped|skip|failed|failing)\s*\//gi, ''))) return undefined;
	// "| Tests passing | 961 (28 skipped) |": the label names the outcome, the cell gives the count.
	const cells = line.trim().startsWith('|') ? line.split('|').slice(1, -1).map((c) => c.trim()) : [];
	if (cells.length === 2 && /^tests?\s+(?:passing|passed)$/i.test(cells[0]!)) {
		const p = /^(\d+)\b/.exec(cells[1]!);
		const skip = /\b(\d+)\s+skipped\b/i.exec(cells[1]!);
		const fail = /\b(\d+)\s+failed\b/i.exec(cells[1]!);
		// Without the skipped or failed count, the run's total is not stated.
		return p && (skip || fail) ? { passing: Number(p[1]), total: Number(p[1]) + Number(skip?.[1] ?? 0) + Number(fail?.[1] ?? 0) } : undefined;
	}
	const num = (re: RegExp) => {
		const all = [...line.matchAll(re)];
		return all.length === 1 ? Number(all[0]![1]) : all.length ? NaN : undefined;
	};
	const passed = num(/\b(\d+)\s*(?:tests?\s+)?(?:passing|passed|pass)\b/gi);
	if (passed !== undefined && !Number.isNaN(passed)) {
		const skipped = num(/\b(\d+)\s*(?:tests?\s+)?skip(?:ped|s)?\b/gi);
		const failed = num(/\b(\d+)\s*(?:tests?\s+)?(?:fail(?:ed|ing|ures?|s)?|errors?)\b/gi);
		// "1642 passing at last run" says nothing of what did not pass: only a line that counts the rest states the run.
		if (Number.isNaN(skipped) || Number.isNaN(failed) || (skipped === undefined && failed === undefined)) return undefined;
		return passed > 0 ? { passing: passed, total: passed + (skipped ?? 0) + (failed ?? 0) } : undefined;
	}
	// "27 tests: 100% pass rate": one count of tests, all passing.
	const all = /\b100\s*%\s*(?:pass(?:ing)?(?:\s+rate)?)\b/i.test(outside) ? [...outside.matchAll(/\b(\d{2,})\s*(?:\)\s*)?tests?\b|\btests?\s*:?\s*(\d{2,})\b/gi)] : [];
	if (all.length === 1) {
		const n = Number(all[0]![1] ?? all[0]![2]);
		return { passing: n, total: n };
	}
	return undefined;
}
