/**
 * The site's view of the collections, built once per build and shared by every
 * page: entries in sprint order, joined by sprint, with page URLs, titles and
 * backlinks. The arithmetic lives in src/lib; this file only gathers.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { backlinks } from '../lib/backlinks.ts';
import { headingIds } from '../lib/markdown.ts';
import { folderHistory, gitRoot, recentChanges, type FileHistory } from '../lib/git.ts';
import { shareLastModified } from './last-modified.ts';
import pkg from '../../package.json' with { type: 'json' };
import { CONTENT_DIR, sectionOf } from '../lib/layout.ts';
import { manifestOf, type SourcesManifest } from '../lib/in-place/sources.ts';
import { indexSprints, neighbourMap, type SprintRecord } from '../lib/sprint-index.ts';
import { sprintFacts } from '../lib/sprint-facts.ts';
import { compareSprints } from '../lib/sprints.ts';
import { handoffUrl, planUrl, projectDocUrl, reportUrl, requirementUrl, roadmapUrl, sprintDocUrl, sprintsIndexUrl } from '../lib/urls.ts';
import { chunk, pagedUrl, pageOf } from '../lib/paginate.ts';
import { passRateSeries } from '../lib/metrics.ts';

export type PlanEntry = CollectionEntry<'plans'>;
export type ReportEntry = CollectionEntry<'reports'>;
export type SprintDocEntry = CollectionEntry<'sprintDocs'>;
export type RequirementEntry = CollectionEntry<'requirements'>;
export type ProjectDocEntry = CollectionEntry<'docs'>;
/** A sprint with whatever documents it has: the plan and the report are optional. */
export type Sprint = SprintRecord<PlanEntry, ReportEntry, SprintDocEntry>;

export interface PageRef {
	url: string;
	title: string;
}

export interface SiteData {
	/**
	 * Where a fact's evidence (a team's file and line) is on the site: its page, at the heading the line falls under.
	 * Only for a repository read in place, where each page is one of the team's files; else undefined.
	 */
	evidenceHref: (file: string, line: number) => string | undefined;
	/** Every sprint any document names, archived or not, in sprint order (2.9 before 2.10). */
	sprints: Sprint[];
	/** A sprint by number, when any document belongs to it. */
	sprint: (id: string) => Sprint | undefined;
	/** Every plan, archived or not, in sprint order. */
	plans: PlanEntry[];
	reports: Map<string, ReportEntry>;
	requirements: RequirementEntry[];
	/** Project docs by section, sections in alphabetical order, docs by title. */
	sections: Map<string, ProjectDocEntry[]>;
	roadmap?: CollectionEntry<'roadmap'>;
	handoff?: CollectionEntry<'handoff'>;
	current?: Sprint;
	/** Title of every page by URL, for link lists. */
	titles: Map<string, string>;
	/** Pages pointing at each page URL. */
	referencedBy: Map<string, PageRef[]>;
	/** Previous and next sprint by number, archived or not, plan or no plan. */
	neighbours: (sprint: string) => { previous?: Sprint; next?: Sprint };
	/** The timeline page that lists a sprint (newest first, 50 to a page): where its "Sprints" breadcrumb leads. */
	timelineUrl: (sprint: string) => string;
	/** Git history and repository links of an entry, when the content is in a git checkout. */
	historyOf: (entry: { filePath?: string }) => DocHistory | undefined;
	/** Pages changed and tasks ticked in the 7 days up to `asOf`; undefined outside a git checkout. */
	changedThisWeek: (asOf: string) => Promise<WeekChanges | undefined>;
}

export interface WeekChanges {
	since: string;
	pages: Array<PageRef & { date: string }>;
	ticked: number;
	/** The ticks by day ("2026-01-18" → 2): a browser reading the page days later counts only its own week's. */
	tickedOn: Map<string, number>;
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
	const [plans, reports, docs, requirements, [roadmap], [handoff], projectDocs] = await Promise.all([
		getCollection('plans'),
		getCollection('reports'),
		getCollection('sprintDocs'),
		getCollection('requirements'),
		getCollection('roadmap'),
		getCollection('handoff'),
		getCollection('docs'),
	]);
	plans.sort((a, b) => compareSprints(a.data.sprint, b.data.sprint));
	// Each sprint lists its docs by title.
	docs.sort((a, b) => a.data.title.localeCompare(b.data.title));

	const titles = new Map<string, string>();
	const sources = [];
	const sprints = indexSprints(plans, reports, docs, roadmap?.data.milestones);
	for (const s of sprints) titles.set(planUrl(s.sprint), sprintTitle(s));
	for (const p of plans) {
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
	const sections = new Map<string, ProjectDocEntry[]>();
	for (const d of projectDocs.sort((a, b) => a.data.title.localeCompare(b.data.title))) {
		const section = sectionOf(d.id);
		sections.set(section, [...(sections.get(section) ?? []), d]);
		titles.set(projectDocUrl(d.id), d.data.title);
		sources.push({ url: projectDocUrl(d.id), contentPath: contentPathOf(d), body: d.body ?? '', sprints: d.data.sprint ? [d.data.sprint] : [] });
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
	const neighbours = neighbourMap(sprints);
	// The timeline lists sprints newest first.
	const timelinePage = new Map(sprints.map((s, i) => [s.sprint, pageOf(sprints.length - 1 - i)]));
	const bySprint = new Map(sprints.map((s) => [s.sprint, s]));
	const history = await readHistory();
	shareLastModified(new Map(sources.flatMap((s) => {
		const key = history.keyOf(s.contentPath);
		const updated = key === undefined ? undefined : history.files.get(key)?.updated;
		return updated ? [[s.url, updated] as const] : [];
	})));
	const referencedBy = new Map([...links].map(([url, from]) => [url, from.filter((f) => titles.has(f)).map((f) => ({ url: f, title: titles.get(f)! }))]));

	const pageOfSource = new Map(Object.entries(history.manifest?.pages ?? {}).map(([page, source]) => [source, page]));
	/** Each evidence file's headings (line and id), worked out once per file. */
	const headingsIn = new Map<string, ReturnType<typeof headingIds>>();
	return {
		evidenceHref: (file, line) => {
			const page = pageOfSource.get(file);
			const url = page === undefined ? undefined : urlByPath.get(page);
			if (!url || !history.manifest) return undefined;
			if (!headingsIn.has(file)) {
				let text = '';
				try {
					text = readFileSync(join(history.manifest.repo, file), 'utf8');
				} catch {
					// Gone since it was read: the page alone.
				}
				headingsIn.set(file, headingIds(text, /^#\s+\S/m.test(text)));
			}
			const id = headingsIn.get(file)!.findLast((h) => h.line <= line)?.id;
			return id ? `${url}#${id}` : url;
		},
		sprints,
		sprint: (id) => bySprint.get(id),
		sections: new Map([...sections].sort(([a], [b]) => a.localeCompare(b))),
		plans,
		reports: new Map(reports.map((r) => [r.data.sprint, r])),
		requirements,
		roadmap,
		handoff,
		// The same current sprint `sprintbook sprints` names: one computation over the same index.
		current: bySprint.get(sprintFacts(sprints).current ?? ''),
		titles,
		referencedBy,
		neighbours: (sprint) => neighbours.get(sprint) ?? {},
		timelineUrl: (sprint) => pagedUrl(sprintsIndexUrl, timelinePage.get(sprint) ?? 1),
		changedThisWeek: async (asOf) => {
			const root = history.root;
			if (!root) return undefined;
			const since = new Date(Date.parse(`${asOf}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
			try {
				const changes = await recentChanges(root, history.folder, since, asOf);
				const pages = changes.files.flatMap(({ path, date }) => {
					const page = history.pageOf(path);
					const url = page === undefined ? undefined : urlByPath.get(page);
					return url && titles.has(url) ? [{ url, title: titles.get(url)!, date }] : [];
				});
				return { since, pages, ticked: changes.ticked, tickedOn: changes.tickedOn };
			} catch (error) {
				console.warn(`[sprintbook] could not read this week's changes from git: ${(error as Error).message.split('\n')[0]}`);
				return undefined;
			}
		},
		historyOf: (entry) => {
			if (!entry.filePath) return undefined;
			const fromRoot = history.keyOf(contentPathOf(entry));
			if (fromRoot === undefined) return undefined;
			const h = history.files.get(fromRoot);
			// The sample's repository links are this repository's; a team's repository read in place names its own.
			const repo = (history.inPlace ? import.meta.env.SPRINTBOOK_REPOSITORY || undefined : pkg.sprintbook?.repository)?.replace(/\/$/, '');
			const branch = (history.inPlace ? import.meta.env.SPRINTBOOK_BRANCH : pkg.sprintbook?.branch) || 'main';
			return {
				...h,
				historyUrl: repo ? `${repo}/commits/${branch}/${fromRoot}` : undefined,
				editUrl: repo ? `${repo}/edit/${branch}/${fromRoot}` : undefined,
			};
		},
	};
}

interface History {
	/** Each file's history, keyed by its path relative to the repository root. */
	files: Map<string, FileHistory>;
	root?: string;
	/** The folder `git log` reads, relative to the repository root. */
	folder: string;
	/** The repository path of a page's file (its path under content/). */
	keyOf: (contentPath: string) => string | undefined;
	/** The page (its path under content/) of a repository path, if one was made of it. */
	pageOf: (repoPath: string) => string | undefined;
	/** Read in place from a team's repository: the history is the team's own files'. */
	inPlace: boolean;
	/** For a repository read in place, which of the team's files each page is. */
	manifest?: SourcesManifest;
}

/**
 * Git history in one `git log` pass: of the content folder, or — for a repository read in place — of the team's
 * own files, each page's history being that of the file it was read from. Outside a git checkout the site still
 * builds, without dates, and says so once.
 */
async function readHistory(): Promise<History> {
	const projectRoot = contentDir.replace(new RegExp(`${CONTENT_DIR}/?$`), '');
	const manifest = manifestOf(projectRoot);
	const inPlace = manifest !== undefined;
	const where = manifest?.repo ?? contentDir;
	const root = gitRoot(where);
	const none = { files: new Map(), folder: '', keyOf: () => undefined, pageOf: () => undefined, inPlace, manifest };
	if (!root) {
		console.warn(`[sprintbook] ${inPlace ? 'the repository' : 'content/'} is not in a git checkout: pages show no "last updated" dates or authors.`);
		return none;
	}
	// Keys are relative to the repository root; entries' paths are relative to the project root (or the team's repository).
	const prefix = relative(root, manifest?.repo ?? projectRoot).split(sep).filter(Boolean).map((p) => `${p}/`).join('');
	let history: Omit<History, 'files'>;
	if (manifest) {
		const pageBySource = new Map(Object.entries(manifest.pages).map(([page, source]) => [prefix + source, page]));
		history = { root, folder: prefix || '.', keyOf: (page) => (manifest.pages[page] === undefined ? undefined : prefix + manifest.pages[page]), pageOf: (path) => pageBySource.get(path), inPlace, manifest };
	} else {
		const folder = `${prefix}${CONTENT_DIR}`;
		history = { root, folder, keyOf: (page) => `${folder}/${page}`, pageOf: (path) => (path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined), inPlace };
	}
	try {
		return { ...history, files: await folderHistory(root, history.folder) };
	} catch (error) {
		console.warn(`[sprintbook] could not read git history: ${(error as Error).message.split('\n')[0]}`);
		return { ...history, files: new Map() };
	}
}

/** Every sprint's pass-rate figures, and the sprints that state any, newest first, 50 to a page: the figures pages. */
export async function figurePages() {
	const site = await siteData();
	const points = passRateSeries(site.plans.map((p) => p.data), [...site.reports.values()].map((r) => r.data));
	return { points, pages: chunk([...new Set(points.map((p) => p.sprint))].reverse()) };
}

export const reportTitle = (r: ReportEntry) => r.data.title ?? `Sprint ${r.data.sprint} completion report`;

/** "Sprint 2.8: Test Stabilization", or just "Sprint 2.15" for a sprint that kept no plan. */
export const sprintTitle = (s: Pick<Sprint, 'sprint' | 'plan'>) => (s.plan ? `Sprint ${s.sprint}: ${s.plan.data.title}` : `Sprint ${s.sprint}`);

/** "Today" for days-left figures: the build date, or SPRINTBOOK_TODAY (YYYY-MM-DD). */
export { today } from '../lib/today.ts';
