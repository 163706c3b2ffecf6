/**
 * Building blocks shared by every document schema. Each one carries a
 * `.describe()` text: it becomes the hover doc in the editor's JSON Schema and
 * the field reference, so the explanation lives next to the rule it explains.
 */
import { z } from 'astro/zod';

/**
 * `3`, `2.8`, `2.61`, `12.5`: one or more dot-separated numbers, as teams number
 * their sprints, always written as a string. Compared segment by segment
 * (src/lib/sprints.ts), so 2.9 < 2.10 and 12 < 12.5 < 13.
 */
export const SPRINT_PATTERN = /^\d+(?:\.\d+)*$/;

/**
 * A sprint number. YAML reads an unquoted `sprint: 2.10` as the number 2.1,
 * which would silently turn Sprint 2.10 into Sprint 2.1, so numbers are refused
 * with the fix spelled out rather than coerced.
 */
export const sprintId = z
	.string({
		error: (issue) =>
			typeof issue.input === 'number'
				? `sprint numbers must be quoted strings: YAML read this value as the number ${issue.input}, ` +
					`so "2.10" would become 2.1. Write it in quotes, e.g. "${issue.input}"` +
					(Number.isInteger(issue.input) ? '' : ` (or "${issue.input}0" if that is what you meant)`)
				: issue.input === undefined
					? 'required: the sprint number as a quoted string, e.g. "2.8" or "3"'
					: `expected a sprint number as a quoted string, e.g. "2.8" or "3"`,
	})
	.regex(SPRINT_PATTERN, { error: 'expected a sprint number: numbers separated by dots, like "3", "2.8" or "12.5"' })
	// It names a folder and a URL: 40 characters is more than any team numbers its sprints with.
	.max(40, { error: 'a sprint number is at most 40 characters, like "3", "2.8" or "12.5"' })
	.describe('Sprint number as a quoted string: "3", "2.8", "12.5". Unquoted 2.10 is read by YAML as 2.1.');

/** Turns what a YAML parser may hand us for a date (a Date or a string) into `YYYY-MM-DD`. */
function dateToIsoString(value: unknown): unknown {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	return value;
}

/**
 * A calendar date, written `YYYY-MM-DD`. Kept as a string after validation so
 * that no time zone can shift it by a day between the YAML and the page.
 */
export const isoDate = z
	.preprocess(
		dateToIsoString,
		z.iso.date({ error: 'expected a date written YYYY-MM-DD, e.g. 2026-01-17' }),
	)
	.describe('A calendar date written YYYY-MM-DD, e.g. 2026-01-17.');

/** Life cycle of a sprint plan, in order. */
export const PLAN_STATUSES = ['draft', 'ready', 'active', 'complete', 'cancelled'] as const;
export const planStatus = z
	.enum(PLAN_STATUSES, {
		error: (issue) =>
			`expected one of ${PLAN_STATUSES.join(', ')}` +
			(typeof issue.input === 'string' ? ` (got "${issue.input}")` : ''),
	})
	.describe('draft → ready → active → complete, or cancelled.');

/** Progress of one item: a milestone, a feature, a user story. */
export const ITEM_STATUSES = ['planned', 'in-progress', 'done', 'blocked', 'deferred'] as const;
export const itemStatus = z
	.enum(ITEM_STATUSES, {
		error: (issue) =>
			`expected one of ${ITEM_STATUSES.join(', ')}` +
			(typeof issue.input === 'string' ? ` (got "${issue.input}")` : ''),
	})
	.describe('planned, in-progress, done, blocked or deferred.');

const count = z.int({ error: 'expected a whole number' }).nonnegative({ error: 'expected 0 or more' });

/** A test-suite result. The pass rate is always computed from these two numbers, never typed. */
export const testCounts = z
	.strictObject({
		passing: count.describe('Tests passing.'),
		total: count.describe('Tests in the suite.'),
	})
	.refine((t) => t.passing <= t.total, {
		error: 'passing cannot exceed total',
		path: ['passing'],
		params: { rule: 'passing-exceeds-total' },
	})
	.describe('Test results as counts, e.g. { passing: 645, total: 661 }.');

/**
 * "TODO": a figure `sprintbook new report` leaves for the team to fill, never one it made up. Read as not stated (the
 * site shows none); `check` warns about each one and `archive` refuses a report that still has any.
 */
export const TODO = 'TODO';

/** An estimate in hours, `[min, max]`. A single figure is written `[4, 4]`. */
export const hoursRange = z
	.tuple([z.number().nonnegative(), z.number().nonnegative()], {
		error: 'expected an hour range [min, max], e.g. [9, 15]',
	})
	.refine(([min, max]) => min <= max, {
		error: 'the first number (min) must not exceed the second (max)',
		params: { rule: 'bad-hour-range' },
	})
	.describe('Estimated hours as [min, max], e.g. [9, 15].');

/** A pass-rate percentage, 0–100. */
export const percent = z
	.number({ error: 'expected a percentage between 0 and 100, e.g. 98' })
	.min(0)
	.max(100)
	.describe('A percentage from 0 to 100.');

/** Short identifier for a track: `A`, `B`, `infra`. */
export const trackId = z
	.string()
	.regex(/^[A-Za-z0-9][\w-]*$/, { error: 'expected a short track id such as "A" or "infra"' })
	.describe('Short track id, e.g. "A".');

/** A non-empty line of text. */
export const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });

/** The sprint facts the site states and `sprintbook sprints` prints, each of which can name where it was read. */
export const FACT_NAMES = ['status', 'start', 'end', 'goal', 'tests', 'depends_on'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/**
 * Where each fact of this doc was read, as `file:line` of the team's own document (set by `import`, which
 * read it there): the site shows it beside the fact, so a reader can ask "says who?" and follow it.
 */
export const evidence = z
	.partialRecord(z.enum(FACT_NAMES), z.string().regex(/^.+:\d+$/, { error: 'expected file:line, e.g. docs/SPRINT_40_SUMMARY.md:10' }))
	.optional()
	.describe('Where each fact was read: { status: "docs/SPRINT_40_SUMMARY.md:10" }. Written by import; leave it out when you type the facts yourself.');

/** Facts import left out because the team's documents disagree on them, each with the lines that do. */
export const unresolved = z
	.array(text)
	.optional()
	.describe('Written by import: each fact it left out because documents disagree, with the lines that do. `check` lists them as notes; delete a line once the docs agree or you have typed the fact.');
