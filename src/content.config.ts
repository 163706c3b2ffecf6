/** Collections: Sprintbook's layout (src/lib/layout.ts) joined to its schemas (src/schemas). Nothing is defined here twice. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { afterCheck } from './integration/check-gate.ts';
import {
	handoffSchema,
	planSchema,
	projectDocSchema,
	reportSchema,
	requirementSchema,
	roadmapSchema,
	sprintDocSchema,
} from './schemas/index.ts';
import {
	COLLECTION_PATTERNS,
	CONTENT_DIR,
	projectDocId,
	requirementId,
	singletonId,
	sprintDocId,
	sprintEntryId,
} from './lib/layout.ts';

const base = `./${CONTENT_DIR}`;
const pattern = (name: keyof typeof COLLECTION_PATTERNS) => [...COLLECTION_PATTERNS[name]];

export const collections = {
	plans: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('plans'), generateId: ({ entry, data }) => sprintEntryId(entry, data) })),
		schema: planSchema,
	}),
	reports: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('reports'), generateId: ({ entry, data }) => sprintEntryId(entry, data) })),
		schema: reportSchema,
	}),
	sprintDocs: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('sprintDocs'), generateId: ({ entry, data }) => sprintDocId(entry, data) })),
		schema: sprintDocSchema,
	}),
	roadmap: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('roadmap'), generateId: ({ entry }) => singletonId(entry) })),
		schema: roadmapSchema,
	}),
	handoff: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('handoff'), generateId: ({ entry }) => singletonId(entry) })),
		schema: handoffSchema,
	}),
	requirements: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('requirements'), generateId: ({ entry, data }) => requirementId(entry, data) })),
		schema: requirementSchema,
	}),
	docs: defineCollection({
		loader: afterCheck(glob({ base, pattern: pattern('docs'), generateId: ({ entry }) => projectDocId(entry) })),
		schema: projectDocSchema,
	}),
};
