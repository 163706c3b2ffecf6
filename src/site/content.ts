/**
 * The site's view of the collections, built once per build and shared by every
 * page: entries in sprint order, joined by sprint, with page URLs, titles and
 * backlinks. The arithmetic lives in src/lib; this file only gathers.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { relative, sep } from 'node:path';
import { backlinks } from '../lib/backlinks.ts';
import { folderHistory, gitRoot, type FileHistory } from '../lib/git.ts';
import pkg from '../../package.json' with { type: 'json' };
import { currentSprint, neighbourMap } from '../lib/graph.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import { compareSprints } from '../lib/sprints.ts';
import { handoffUrl, planUrl, reportUrl, requirementUrl, roadmapUrl, sprintDocUrl } from '../lib/urls.ts';

export type PlanEntry = CollectionEntry<'plans'>;
export type ReportEntry = CollectionEntry<'reports'>;
export type SprintDocEntry = CollectionEntry<'sprintDocs'>;
export type RequirementEntry = CollectionEntry<'requirements'>;

export interface PageRef {
	url: string;
	title: string;
}

export interface SiteData {
	/** Every plan, archived or not, in sprint order (2.9 before 2.10). */
	plans: PlanEntry[];
	reports: Map<string, ReportEntry>;
	docs: Map<string, SprintDocEntry[]>;
	requirements: RequirementEntry[];
	roadmap?: CollectionEntry<'roadmap'>;
	handoff?: CollectionEntry<'handoff'>;
	current?: PlanEntry;
	/** Title of every page by URL, for link lists. */
	titles: Map<string, string>;
	/** Pages pointing at each page URL. */
	referencedBy: Map<string, PageRef[]>;
	/** Previous and next plan by sprint number, archived or not. */
	neighbours: (sprint: string) => { previous?: PlanEntry['data']; next?: PlanEntry['data'] };
	/** Git history and repository links of an entry, when the content is in a git checkout. */
	historyOf: (entry: { filePath?: string }) => DocHistory | undefined;
}

export interface DocHistory extends Partial<FileHistory> {
	historyUrl?: string;
	editUrl?: string;
}

/** Set by the sprintbook integration (src/integration), which knows the project root. */
const contentDir: string = import.meta.env.SPRINTBOOK_CONTENT_DIR;
/** Path of an entry relative to content/, from Astro's `filePath` (relative to the project root). */
const contentPathOf = (entry: { filePath?: string }) => (entry.filePath ?? '').replace(new RegExp(`^${CONTENT_DIR}/`), '');

let cached: Promise<SiteData> | undefined;

/** Everything the pages need, gathered once. */
export function siteData(): Promise<SiteData> {
	cached ??= gather();
	return cached;
}

async function gather(): Promise<SiteData> {
	const [plans, reports, docs, requirements, [roadmap], [handoff]] = await Promise.all([
		getCollection('plans'),
		getCollection('reports'),
		getCollection('sprintDocs'),
		getCollection('requirements'),
		getCollection('roadmap'),
		getCollection('handoff'),
	]);
	plans.sort((a, b) => compareSprints(a.data.sprint, b.data.sprint));
	const docsBySprint = new Map<string, SprintDocEntry[]>();
	for (const doc of docs.sort((a, b) => a.data.title.localeCompare(b.data.title))) {
		docsBySprint.set(doc.data.sprint, [...(docsBySprint.get(doc.data.sprint) ?? []), doc]);
	}

	const titles = new Map<string, string>();
	const sources = [];
	for (const p of plans) {
		titles.set(planUrl(p.data.sprint), `Sprint ${p.data.sprint}: ${p.data.title}`);
		sources.push({ url: planUrl(p.data.sprint), contentPath: contentPathOf(p), body: p.body ?? '', sprints: [...p.data.depends_on, ...(p.data.next ? [p.data.next] : [])] });
	}
	for (const r of reports) {
		titles.set(reportUrl(r.data.sprint), reportTitle(r));
		sources.push({ url: reportUrl(r.data.sprint), contentPath: contentPathOf(r), body: r.body ?? '', sprints: [] });
	}
	for (const d of docs) {
		titles.set(sprintDocUrl(d.id), d.data.title);
		sources.push({ url: sprintDocUrl(d.id), contentPath: contentPathOf(d), body: d.body ?? '', sprints: [] });
	}
	for (const q of requirements) {
		titles.set(requirementUrl(q.id), q.data.title);
		sources.push({ url: requirementUrl(q.id), contentPath: contentPathOf(q), body: q.body ?? '', sprints: q.data.stories.flatMap((s) => (s.sprint ? [s.sprint] : [])) });
	}
	if (roadmap) {
		titles.set(roadmapUrl, roadmap.data.title);
		sources.push({ url: roadmapUrl, contentPath: contentPathOf(roadmap), body: roadmap.body ?? '', sprints: roadmap.data.milestones.map((m) => m.sprint) });
	}
	if (handoff) {
		titles.set(handoffUrl, handoff.data.title);
		sources.push({ url: handoffUrl, contentPath: contentPathOf(handoff), body: handoff.body ?? '', sprints: handoff.data.features.flatMap((f) => (f.sprint ? [f.sprint] : [])) });
	}
	// Page URLs of every entry by its path, so backlinks resolve links without reading files again.
	const urlByPath = new Map(sources.map((s) => [s.contentPath, s.url]));
	const links = backlinks(contentDir, sources, (path) => urlByPath.get(path));
	const neighbours = neighbourMap(plans.map((p) => p.data));
	const history = await readHistory();
	const referencedBy = new Map([...links].map(([url, from]) => [url, from.filter((f) => titles.has(f)).map((f) => ({ url: f, title: titles.get(f)! }))]));

	return {
		plans,
		reports: new Map(reports.map((r) => [r.data.sprint, r])),
		docs: docsBySprint,
		requirements,
		roadmap,
		handoff,
		current: plans.find((p) => p.data.sprint === currentSprint(plans.map((x) => x.data))?.sprint),
		titles,
		referencedBy,
		neighbours: (sprint) => neighbours.get(sprint) ?? {},
		historyOf: (entry) => {
			const path = entry.filePath;
			if (!path) return undefined;
			const fromRoot = history.prefix + path;
			const h = history.files.get(fromRoot);
			const repo = pkg.sprintbook?.repository?.replace(/\/$/, '');
			const branch = pkg.sprintbook?.branch ?? 'main';
			return {
				...h,
				historyUrl: repo ? `${repo}/commits/${branch}/${fromRoot}` : undefined,
				editUrl: repo ? `${repo}/edit/${branch}/${fromRoot}` : undefined,
			};
		},
	};
}

/**
 * Git history of the whole content folder in one `git log` pass. Outside a git
 * checkout the site still builds, without dates, and says so once.
 */
async function readHistory(): Promise<{ files: Map<string, FileHistory>; prefix: string }> {
	const root = gitRoot(contentDir);
	if (!root) {
		console.warn('[sprintbook] content/ is not in a git checkout: pages show no "last updated" dates or authors.');
		return { files: new Map(), prefix: '' };
	}
	// Keys are relative to the repository root; entries' paths are relative to the project root.
	const projectRoot = contentDir.replace(new RegExp(`${CONTENT_DIR}/?$`), '');
	const prefix = relative(root, projectRoot).split(sep).filter(Boolean).map((p) => `${p}/`).join('');
	try {
		return { files: await folderHistory(root, `${prefix}${CONTENT_DIR}`), prefix };
	} catch (error) {
		console.warn(`[sprintbook] could not read git history: ${(error as Error).message.split('\n')[0]}`);
		return { files: new Map(), prefix };
	}
}

export const reportTitle = (r: ReportEntry) => r.data.title ?? `Sprint ${r.data.sprint} completion report`;

/** "Today" for days-left figures: the build date, or SPRINTBOOK_TODAY (YYYY-MM-DD). */
export { today } from '../lib/today.ts';
