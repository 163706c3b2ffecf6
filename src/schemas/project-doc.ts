/**
 * A project document: anything that belongs to no one sprint — architecture
 * notes, decisions, deployment logs, guides, runbooks, requirement specs.
 * Lives at `content/docs/<section>/…`; the section is its first folder.
 */
import { z } from 'astro/zod';
import { isoDate, sprintId, text } from './common.ts';

export const projectDocSchema = z.strictObject({
	title: text.describe('Document title.'),
	date: isoDate.optional().describe('Date written or last revised (YYYY-MM-DD).'),
	status: text
		.optional()
		.describe('The document\'s own status as the team writes it, e.g. "Accepted", "Superseded", "Draft".'),
	sprint: sprintId.optional().describe('A related sprint, e.g. the one whose work it describes.'),
	tags: z.array(text).default([]).describe('Free keywords, e.g. ["aws", "ecs"].'),
});

export type ProjectDoc = z.output<typeof projectDocSchema>;
