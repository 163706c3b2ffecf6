/** The roadmap: `content/roadmap.md`, one milestone per sprint. */
import { z } from 'astro/zod';
import { evidence, isoDate, planStatus, sprintId, text } from './common.ts';

export const roadmapSchema = z.strictObject({
	title: text.default('Roadmap'),
	updated: isoDate.optional().describe('When the roadmap was last revised (YYYY-MM-DD).'),
	milestones: z
		.array(
			z.strictObject({
				sprint: sprintId,
				title: text,
				status: planStatus.optional().describe('Where the milestone stands, when the roadmap says.'),
				start: isoDate.optional().describe('First day of the sprint, when the roadmap says.'),
				end: isoDate.optional().describe('Last day of the sprint, when the roadmap says.'),
				goal: text.optional().describe('The sprint goal, when the roadmap states one.'),
				evidence,
			}),
		)
		.min(1, { error: 'a roadmap needs at least one milestone' })
		.describe('One milestone per sprint, in any order: the site sorts them by sprint number.'),
});

export type Roadmap = z.output<typeof roadmapSchema>;
