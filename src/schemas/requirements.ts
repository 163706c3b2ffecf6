/** A requirements document: `content/requirements/<name>.md`, a set of user stories. */
import { z } from 'astro/zod';
import { isoDate, itemStatus, sprintId, text } from './common.ts';

export const requirementSchema = z.strictObject({
	id: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a lower-case slug such as "byom"' })
		.describe('Stable id used in URLs, e.g. "byom".'),
	title: text,
	updated: isoDate.optional(),
	stories: z
		.array(
			z.strictObject({
				id: text.describe('Story id as the team writes it, e.g. "BYOM-1".'),
				title: text,
				status: itemStatus,
				sprint: sprintId.optional().describe('The sprint that delivers it.'),
			}),
		)
		.default([]),
});

export type Requirement = z.output<typeof requirementSchema>;
