/** Any other Markdown in a sprint folder: prompts, notes, a retro, an investigation. */
import { z } from 'astro/zod';
import { isoDate, sprintId, text } from './common.ts';

export const DOC_KINDS = ['prompts', 'notes', 'retro', 'investigation', 'validation', 'checklist', 'reference', 'summary'] as const;

export const sprintDocSchema = z.strictObject({
	sprint: sprintId.describe('The sprint this document belongs to.'),
	title: text.describe('Document title.'),
	kind: z
		.enum(DOC_KINDS, {
			error: (issue) =>
				`expected one of ${DOC_KINDS.join(', ')}` + (typeof issue.input === 'string' ? ` (got "${issue.input}")` : ''),
		})
		.describe('What sort of document this is.'),
	date: isoDate.optional().describe('Date written (YYYY-MM-DD).'),
	archived: isoDate.optional().describe('Set by `sprintbook archive`.'),
});

export type SprintDoc = z.output<typeof sprintDocSchema>;
