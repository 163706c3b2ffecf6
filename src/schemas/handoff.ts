/** The project handoff: `content/handoff.md`, where each feature stands. */
import { z } from 'astro/zod';
import { isoDate, itemStatus, sprintId, text } from './common.ts';

export const handoffSchema = z.strictObject({
	title: text.default('Project handoff'),
	updated: isoDate.describe('When the handoff was last revised (YYYY-MM-DD).'),
	features: z
		.array(
			z.strictObject({
				name: text,
				status: itemStatus,
				sprint: sprintId.optional().describe('The sprint that delivered it, or will.'),
			}),
		)
		.default([])
		.describe('Feature status, each tied to the sprint that delivers it.'),
});

export type Handoff = z.output<typeof handoffSchema>;
