/** The site's view of the collections: sorted, joined by sprint. Thin on purpose; the arithmetic lives in src/lib. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareSprints } from '../lib/sprints.ts';

export type PlanEntry = CollectionEntry<'plans'>;
export type ReportEntry = CollectionEntry<'reports'>;
export type SprintDocEntry = CollectionEntry<'sprintDocs'>;

/** Every plan, archived or not, in sprint order (2.9 before 2.10). */
export async function plansInOrder(): Promise<PlanEntry[]> {
	const plans = await getCollection('plans');
	return plans.sort((a, b) => compareSprints(a.data.sprint, b.data.sprint));
}

/** Reports keyed by sprint. */
export async function reportsBySprint(): Promise<Map<string, ReportEntry>> {
	const reports = await getCollection('reports');
	return new Map(reports.map((r) => [r.data.sprint, r]));
}

/** Sprint docs grouped by sprint, each group sorted by title. */
export async function docsBySprint(): Promise<Map<string, SprintDocEntry[]>> {
	const groups = new Map<string, SprintDocEntry[]>();
	for (const doc of await getCollection('sprintDocs')) {
		const list = groups.get(doc.data.sprint) ?? [];
		list.push(doc);
		groups.set(doc.data.sprint, list);
	}
	for (const list of groups.values()) list.sort((a, b) => a.data.title.localeCompare(b.data.title));
	return groups;
}

/** True when the entry's file sits in the archive folder. */
export function isArchived(entry: { data: { archived?: string } }): boolean {
	return entry.data.archived !== undefined;
}
