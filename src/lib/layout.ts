/**
 * Where each kind of document lives under `content/`, and how its id is made.
 *
 * Ids come from what a document *is* (its sprint number), never from its path,
 * so `archive` can move a sprint folder without changing an id or a URL. The
 * Astro content config and the CLI both read this module, so they always agree
 * on which file belongs to which collection.
 */

import picomatch from 'picomatch';
import { glob } from 'tinyglobby';

/** Folder, relative to the project root, that holds the team's docs. */
export const CONTENT_DIR = 'content';

/** Live sprint folders: `sprints/<id>/`. */
export const LIVE_SPRINTS_GLOB = 'sprints/*';
/** Archived sprint folders: `archive/history/sprints/sprint-<id>/`. */
export const ARCHIVED_SPRINTS_GLOB = 'archive/history/sprints/sprint-*';
export const ARCHIVE_DIR = 'archive/history/sprints';

/** The folder of a live sprint, relative to content/: `sprints/2.8`. */
export const liveSprintFolder = (sprint: string) => LIVE_SPRINTS_GLOB.replace('*', sprint);
/** The folder of an archived sprint, relative to content/: `archive/history/sprints/sprint-2.8`. */
export const archivedSprintFolder = (sprint: string) => `${ARCHIVE_DIR}/sprint-${sprint}`;

const inSprintFolders = (file: string) => [`${LIVE_SPRINTS_GLOB}/${file}`, `${ARCHIVED_SPRINTS_GLOB}/${file}`];

/** Glob patterns per collection, relative to `content/`. */
export const COLLECTION_PATTERNS = {
	plans: inSprintFolders('plan.md'),
	reports: inSprintFolders('report.md'),
	sprintDocs: [...inSprintFolders('*.{md,mdx}'), '!**/plan.md', '!**/report.md'],
	roadmap: ['roadmap.md'],
	handoff: ['handoff.md'],
	requirements: ['requirements/*.{md,mdx}'],
	/** Project docs: `docs/<section>/…`, at any depth below the section folder. */
	docs: ['docs/*/**/*.{md,mdx}'],
} as const;

/** Folder of the project docs, relative to content/. */
export const PROJECT_DOCS_DIR = 'docs';

export type CollectionName = keyof typeof COLLECTION_PATTERNS;

/** Lower-case, dash-separated slug of a file name without its extension. */
export function slugifyFileName(file: string): string {
	const base = file.replace(/^.*\//, '').replace(/\.mdx?$/i, '');
	return base
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** The sprint id a file's frontmatter claims, as written (numbers too, so the schema can reject them with a hint). */
function claimedSprint(data: Record<string, unknown>): string | undefined {
	const s = data.sprint;
	return typeof s === 'string' || typeof s === 'number' ? String(s) : undefined;
}

/** Id of a plan or report: its sprint number. Falls back to the path so a file missing `sprint` still gets reported by the schema, not by an id clash. */
export function sprintEntryId(entry: string, data: Record<string, unknown>): string {
	return claimedSprint(data) ?? entry;
}

/**
 * Id of a sprint doc: `<sprint>/<file slug>`, with a redundant `sprint-2-8-`
 * prefix dropped, so `SPRINT_2.8_TEST_FIX_PROMPTS.md` becomes `2.8/test-fix-prompts`.
 */
export function sprintDocId(entry: string, data: Record<string, unknown>): string {
	const sprint = claimedSprint(data);
	const slug = slugifyFileName(entry);
	if (!sprint) return slug;
	const prefix = `sprint-${sprint.replace(/\./g, '-')}-`;
	const short = slug.startsWith(prefix) && slug.length > prefix.length ? slug.slice(prefix.length) : slug;
	return `${sprint}/${short}`;
}

/** Id of a requirements doc: its `id` field, else its file name. */
export function requirementId(entry: string, data: Record<string, unknown>): string {
	return typeof data.id === 'string' ? data.id : slugifyFileName(entry);
}

/**
 * Id of a project doc: its path below `docs/`, each folder and the file name
 * slugified, so `docs/requirements/the_lab/REQUIREMENTS.md` is
 * `requirements/the-lab/requirements` and two same-named files in different
 * folders never share a page.
 */
export function projectDocId(entry: string): string {
	const inside = entry.replace(/^docs\//, '');
	return inside
		.split('/')
		.map((part) => slugifyFileName(part) || '-')
		.join('/');
}

/** The section of a project doc: its first folder below `docs/`, as it appears in its id. */
export const sectionOf = (projectDocId: string) => projectDocId.split('/')[0]!;

/** Id of a single-file collection (roadmap, handoff). */
export function singletonId(entry: string): string {
	return slugifyFileName(entry);
}

/** Positive patterns only, most specific collection first: plan.md and report.md are not sprint docs. */
const MATCHERS: Array<[CollectionName, (path: string) => boolean]> = (
	['plans', 'reports', 'roadmap', 'handoff', 'requirements', 'docs', 'sprintDocs'] as const
).map((name) => [name, picomatch(COLLECTION_PATTERNS[name].filter((p) => !p.startsWith('!')))]);

/** The collection a content-relative path belongs to, if any. */
export function collectionOf(contentPath: string): CollectionName | undefined {
	return MATCHERS.find(([, matches]) => matches(contentPath))?.[0];
}

const COLLECTION_ORDER = Object.keys(COLLECTION_PATTERNS) as CollectionName[];

/**
 * The documents of each collection under `contentDir`, by collection then path, as the site's loaders find them
 * (same patterns, no dot files). One walk of the folder, each file placed by `collectionOf`; pass `files` (every
 * file, content-relative) when the caller has walked it already.
 */
export async function listCollectionFiles(contentDir: string, files?: readonly string[]): Promise<Array<{ collection: CollectionName; file: string }>> {
	const all = files ?? (await glob(['**/*'], { cwd: contentDir, onlyFiles: true, dot: false }));
	return all
		.flatMap((file) => {
			const collection = collectionOf(file);
			return collection ? [{ collection, file }] : [];
		})
		.sort((a, b) => COLLECTION_ORDER.indexOf(a.collection) - COLLECTION_ORDER.indexOf(b.collection) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
