/**
 * Figure rules (warnings): numbers stated in prose that the typed data or
 * plain arithmetic contradicts. "645/661 tests passing (97.6%)" is right;
 * "92.3% (646/704)" is not (91.8%); "≥ 98% (646+ tests)" of 661 is not (648).
 */
import type { DiagnosticList, Position } from '../diagnostics.ts';
import { offsetToPosition } from '../diagnostics.ts';
import { formatHours, formatPercent, testsForRate } from '../sprints.ts';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** "645/661 tests passing (97.6%)", "645/661 passing (97.6%)", "645/661 (97.6%)" */
const COUNT_THEN_RATE = new RegExp(String.raw`\b(\d+)\s*/\s*(\d+)(?:\s+tests?)?(?:\s+passing)?\s*\(\s*${NUM}\s*%\s*\)`, 'g');
/**
 * "92.3% (646/704)". It starts only where a number starts: from every digit of a long run of digits, `\d+` would
 * scan to the run's end before failing at the `%`, and 200 KB of digits took 87 s.
 */
const RATE_THEN_COUNT = new RegExp(String.raw`(?<!\d)${NUM}\s*%\s*\(\s*(\d+)\s*/\s*(\d+)(?:\s+tests?)?\s*\)`, 'g');
/** "≥ 98% (646+ tests)", ">= 95% (629+ tests)" */
const FLOOR_THEN_COUNT = new RegExp(String.raw`(?:≥|>=)\s*${NUM}\s*%\s*\(\s*(\d+)\+?\s*tests?\s*\)`, 'g');
/** "Total Estimated Effort:** 17-27 hours" */
const TOTAL_EFFORT = /\b(?:total\s+(?:estimated\s+)?(?:effort|estimate|hours))\b\W{0,6}(\d+(?:\.\d+)?)\s*(?:[-–]\s*(\d+(?:\.\d+)?))?\s*(?:h\b|hours?)/gi;

export interface FigureContext {
	/** Tests in the suite, when the document's sprint states it. */
	knownTotal?: number;
	/** Sum of the typed track hours, when the document is a plan with tracks. */
	trackHours?: [number, number];
}

/** Whether `stated` (with its own number of decimals) is `actual` rounded. */
function agrees(stated: string, actual: number): boolean {
	const decimals = stated.split('.')[1]?.length ?? 0;
	const step = 10 ** -decimals;
	return Math.abs(Number(stated) - actual) <= step / 2 + 1e-9;
}


export function checkFigures(
	file: string,
	text: string,
	lineStarts: readonly number[],
	from: number,
	ctx: FigureContext,
	diagnostics: DiagnosticList,
): void {
	const body = text.slice(from);
	const place = (index: number, length: number): Position => {
		const start = offsetToPosition(lineStarts, from + index);
		const end = offsetToPosition(lineStarts, from + index + length);
		return { ...start, endLine: end.line, endColumn: end.column };
	};

	// Both spellings of "counts with a rate": "645/661 tests passing (97.6%)" and "92.3% (646/704)".
	const stated = [
		...[...body.matchAll(COUNT_THEN_RATE)].map((m) => ({ m, passing: m[1]!, total: m[2]!, rate: m[3]! })),
		...[...body.matchAll(RATE_THEN_COUNT)].map((m) => ({ m, rate: m[1]!, passing: m[2]!, total: m[3]! })),
	];
	for (const { m, passing, total, rate } of stated) {
		if (Number(total) === 0) continue;
		const actual = (Number(passing) / Number(total)) * 100;
		if (!agrees(rate, actual)) {
			diagnostics.warn(file, place(m.index, m[0].length), 'pass-rate-mismatch', `"${m[0]}": ${passing}/${total} is ${formatPercent(actual)}, not ${rate}%`, m[0].replace(`${rate}%`, formatPercent(actual)));
		}
	}
	if (ctx.knownTotal) {
		for (const m of body.matchAll(FLOOR_THEN_COUNT)) {
			const [all, rate, count] = m as unknown as [string, string, string];
			const needed = testsForRate(Number(rate), ctx.knownTotal);
			if (needed !== Number(count)) {
				diagnostics.warn(
					file,
					place(m.index, all.length),
					'rate-count-mismatch',
					`"${all}": ${rate}% of ${ctx.knownTotal} tests is ${needed}, not ${count}`,
					all.replace(new RegExp(`\\b${count}\\b`), String(needed)),
				);
			}
		}
	}
	if (ctx.trackHours) {
		const [lo, hi] = ctx.trackHours;
		for (const m of body.matchAll(TOTAL_EFFORT)) {
			const min = Number(m[1]);
			const max = Number(m[2] ?? m[1]);
			if (min !== lo || max !== hi) {
				diagnostics.warn(file, place(m.index, m[0].length), 'hours-sum-mismatch', `the stated total ${formatHours([min, max])} differs from the tracks' hours in the frontmatter, which sum to ${formatHours([lo, hi])}`, 'correct the total, or the track estimates in the frontmatter');
			}
		}
	}
}
