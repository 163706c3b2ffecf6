/** A sprint plan: `content/sprints/<id>/plan.md`, or archived under `content/archive/history/sprints/sprint-<id>/`. */
import { z } from 'astro/zod';
import { evidence, unresolved, hoursRange, isoDate, percent, planStatus, sprintId, testCounts, text, trackId } from './common.ts';

export const track = z
	.strictObject({
		id: trackId,
		name: text.describe('What the track is about, e.g. "Test Fixes".'),
		owner: text.describe('Who runs the track: a person or a role.'),
		focus: text.optional().describe('One line on what the track is for.'),
		hours: hoursRange,
	})
	.describe('One line of work in the sprint and who owns it.');

/** One success tier. The pass-rate floor is typed; the test count it implies is computed from the baseline total. */
export const tier = z
	.strictObject({
		pass_rate: percent.optional().describe('Minimum test pass rate (%) for this tier, e.g. 98.'),
		criteria: z.array(text).default([]).describe('What must be true for this tier to be met.'),
	})
	.describe('A success tier: a pass-rate floor and criteria.');

export const planSchema = z
	.strictObject({
		sprint: sprintId,
		title: text.describe('Sprint name, e.g. "Test Stabilization + BYOM Foundation".'),
		status: planStatus
			.optional()
			.describe('draft → ready → active → complete, or cancelled. Leave it out when the plan does not say: the site derives it (archived, or a report exists → complete).'),
		date: isoDate.optional().describe('Date the plan was written (YYYY-MM-DD).'),
		start: isoDate.optional().describe('First day of the sprint (YYYY-MM-DD).'),
		end: isoDate.optional().describe('Last day of the sprint (YYYY-MM-DD).'),
		goal: text.optional().describe('The sprint goal in one sentence.'),
		baseline: testCounts.optional().describe('Test results when the sprint starts.'),
		targets: z
			.strictObject({
				minimum: tier.optional().describe('Must have.'),
				target: tier.optional().describe('Should have.'),
				stretch: tier.optional().describe('Nice to have.'),
			})
			.optional()
			.describe('Success tiers: minimum, target, stretch.'),
		tracks: z.array(track).default([]).describe('Tracks of work with owners and hour estimates.'),
		depends_on: z.array(sprintId).default([]).describe('Sprints that must be complete first, e.g. ["2.7"].'),
		next: sprintId.optional().describe('The sprint this plan hands over to, when the plan names it.'),
		archived: isoDate.optional().describe('Set by `sprintbook archive`: the day the sprint was archived.'),
		evidence,
		unresolved,
	})
	.superRefine((plan, ctx) => {
		if (plan.start && plan.end && plan.end < plan.start) {
			ctx.addIssue({
				code: 'custom',
				path: ['end'],
				params: { rule: 'end-before-start' },
				message: `end (${plan.end}) is before start (${plan.start}); the sprint must end on or after the day it starts`,
			});
		}
		const seen = new Set<string>();
		plan.tracks.forEach((t, i) => {
			if (seen.has(t.id)) {
				ctx.addIssue({ code: 'custom', path: ['tracks', i, 'id'], params: { rule: 'duplicate-track' }, message: `track id "${t.id}" is used twice; give each track its own id` });
			}
			seen.add(t.id);
		});
		if (plan.depends_on.includes(plan.sprint)) {
			ctx.addIssue({ code: 'custom', path: ['depends_on'], params: { rule: 'self-dependency' }, message: `sprint ${plan.sprint} cannot depend on itself` });
		}
	});

export type Plan = z.output<typeof planSchema>;
export type Track = z.output<typeof track>;
export const TIERS = ['minimum', 'target', 'stretch'] as const;
export type TierName = (typeof TIERS)[number];
