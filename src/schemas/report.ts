/**
 * A completion report: `report.md` in the sprint's folder. Its id is the sprint it
 * reports on. Only the sprint is required: a report that states no test counts,
 * hours or outcomes is still the sprint's report, and the site shows "not stated".
 */
import { z } from 'astro/zod';
import { evidence, unresolved, isoDate, planStatus, sprintId, testCounts, text, TODO, trackId } from './common.ts';

export const OUTCOMES = ['met', 'partial', 'missed'] as const;
const outcome = z
	.enum(OUTCOMES, {
		error: (issue) =>
			`expected met, partial or missed` + (typeof issue.input === 'string' ? ` (got "${issue.input}")` : ''),
	})
	.describe('met, partial or missed.');

export const reportSchema = z.strictObject({
	sprint: sprintId.describe('The sprint this report closes.'),
	title: text.optional().describe('Defaults to "Sprint <n> completion report".'),
	date: isoDate.optional().describe('Date of the report (YYYY-MM-DD).'),
	status: planStatus.optional().describe("The sprint's status as the report states it, for a sprint without a plan (a plan's status comes first)."),
	start: isoDate.optional().describe('First day the sprint actually ran, when the report says.'),
	end: isoDate.optional().describe('Last day the sprint actually ran, when the report says.'),
	goal: text.optional().describe("The sprint goal, for a sprint without a plan that states it."),
	// "TODO" (what `new report` leaves to fill) reads as not stated; anything else is checked as the figure it should be.
	tests: z
		.preprocess((t) => (t === TODO ? undefined : t), testCounts.optional())
		.describe('Final whole-suite test results at the end of the sprint, when the report states them; TODO while not filled in.'),
	tests_from: z
		.array(z.string().min(1))
		.optional()
		.describe('The test-result files (JUnit XML, vitest/jest JSON) the figure was read from, by `sprintbook new report --results`.'),
	hours: z
		.preprocess(
			(h) => (h === TODO ? undefined : h),
			z
				.array(
					z.strictObject({
						track: trackId.describe('A track id from the plan.'),
						spent: z.number().nonnegative().describe('Hours actually spent.'),
					}),
				)
				.default([]),
		)
		.describe('Hours spent per track, compared with the plan on the report page; TODO while not filled in.'),
	outcome: z
		.strictObject({ minimum: outcome.optional(), target: outcome.optional(), stretch: outcome.optional() })
		.default({})
		.describe('Outcome per success tier of the plan.'),
	delivered: z.array(text).default([]).describe('What shipped.'),
	carried_over: z.array(text).default([]).describe('What moves to a later sprint.'),
	archived: isoDate.optional().describe('Set by `sprintbook archive`.'),
	evidence,
	unresolved,
});

export type Report = z.output<typeof reportSchema>;
