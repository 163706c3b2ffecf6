/** Every document kind, by collection name: the one list the content config, `check` and JSON Schema export share. */
export { planSchema, type Plan, type Track, TIERS, type TierName } from './plan.ts';
export { reportSchema, type Report, OUTCOMES } from './report.ts';
export { sprintDocSchema, type SprintDoc, DOC_KINDS } from './sprint-doc.ts';
export { roadmapSchema, type Roadmap } from './roadmap.ts';
export { handoffSchema, type Handoff } from './handoff.ts';
export { requirementSchema, type Requirement } from './requirements.ts';
export { projectDocSchema, type ProjectDoc } from './project-doc.ts';
export { sprintId, isoDate, PLAN_STATUSES, ITEM_STATUSES, SPRINT_PATTERN } from './common.ts';

import { planSchema } from './plan.ts';
import { reportSchema } from './report.ts';
import { sprintDocSchema } from './sprint-doc.ts';
import { roadmapSchema } from './roadmap.ts';
import { handoffSchema } from './handoff.ts';
import { requirementSchema } from './requirements.ts';
import { projectDocSchema } from './project-doc.ts';

/** The schema of each collection, keyed like `COLLECTION_PATTERNS` in src/lib/layout.ts. */
export const collectionSchemas = {
	plans: planSchema,
	reports: reportSchema,
	sprintDocs: sprintDocSchema,
	roadmap: roadmapSchema,
	handoff: handoffSchema,
	requirements: requirementSchema,
	docs: projectDocSchema,
} as const;
