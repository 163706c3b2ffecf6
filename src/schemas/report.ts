/** A completion report: `report.md` beside the sprint's plan. Its id is the sprint it reports on. */
import { z } from 'astro/zod';
import { isoDate, sprintId, testCounts, text, trackId } from './common.ts';

export const OUTCOMES = ['met', 'partial', 'missed'] as const;
const outcome = z
	.enum(OUTCOMES, {
		error: (issue) =>
			`expected met, partial or missed` + (typeof issue.input === 'string' ? ` (got "${issue.input}")` : ''),
	})
	.describe('met, partial or missed.');

export const reportSchema = z.strictObject({
	sprint: sprintId.describe('The sprint this report closes; its plan must exist.'),
	title: text.optional().describe('Defaults to "Sprint <n> completion report".'),
	date: isoDate.describe('Date of the report (YYYY-MM-DD).'),
	tests: testCounts.describe('Final test results at the end of the sprint.'),
	hours: z
		.array(
			z.strictObject({
				track: trackId.describe('A track id from the plan.'),
				spent: z.number().nonnegative().describe('Hours actually spent.'),
			}),
		)
		.default([])
		.describe('Hours spent per track, compared with the plan on the report page.'),
	outcome: z
		.strictObject({ minimum: outcome.optional(), target: outcome.optional(), stretch: outcome.optional() })
		.default({})
		.describe('Outcome per success tier of the plan.'),
	delivered: z.array(text).default([]).describe('What shipped.'),
	carried_over: z.array(text).default([]).describe('What moves to a later sprint.'),
	archived: isoDate.optional().describe('Set by `sprintbook archive`.'),
});

export type Report = z.output<typeof reportSchema>;
