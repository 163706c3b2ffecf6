/**
 * Where a relative link to a document lands on the site. A link is written
 * between files (`SPRINT_2.8_TEST_FIX_PROMPTS.md`, `../../requirements/x.md`);
 * the site publishes pages at id-based URLs, so the link is rewritten to the
 * target's page URL, whichever folder — live or archive — the target is in.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { frontmatterData, splitFrontmatter } from './frontmatter.ts';
import { collectionOf, projectDocId, requirementId, singletonId, sprintDocId, sprintEntryId } from './layout.ts';
import { handoffUrl, planUrl, projectDocUrl, reportUrl, requirementUrl, roadmapUrl, sprintDocUrl } from './urls.ts';

/** A URL with a scheme, a protocol-relative or a site-absolute one: not a link between files. */
const NOT_A_FILE_LINK = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i;

export interface FileLink {
	/** The path as written, before any `#` ('' for a link to a heading of the same document). */
	written: string;
	/** The path decoded: `My%20Notes.md` names the file `My Notes.md`. */
	path: string;
	/** The fragment as written, without `#` ('' when there is none). */
	fragment: string;
	/** The fragment decoded, to compare with heading ids. */
	anchor: string;
}

const decoded = (decode: (s: string) => string, s: string) => {
	try {
		return decode(s);
	} catch {
		return s; // malformed %-escapes: keep it as written
	}
};

/**
 * A relative link split and decoded the one way check, the site, archive and
 * import all read it; undefined for links that do not point at a file.
 */
export function parseFileLink(url: string): FileLink | undefined {
	if (NOT_A_FILE_LINK.test(url)) return undefined;
	const at = url.indexOf('#');
	const written = at === -1 ? url : url.slice(0, at);
	const fragment = at === -1 ? '' : url.slice(at + 1);
	return { written, path: decoded(decodeURI, written), fragment, anchor: decoded(decodeURIComponent, fragment) };
}

/** Frontmatter of a file, re-read only when the file changes (the dev server renders the same files again and again). */
const cache = new Map<string, { mtimeMs: number; data: Record<string, unknown> }>();
function frontmatterOf(file: string): Record<string, unknown> | undefined {
	let mtimeMs: number;
	try {
		mtimeMs = statSync(file).mtimeMs;
	} catch {
		return undefined;
	}
	const hit = cache.get(file);
	if (hit?.mtimeMs === mtimeMs) return hit.data;
	const fm = splitFrontmatter(readFileSync(file, 'utf8'));
	let data: Record<string, unknown> = {};
	try {
		const parsed = fm ? frontmatterData(fm) : undefined;
		if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
	} catch {
		// Broken YAML: `check` reports it; here the link simply is not rewritten.
	}
	cache.set(file, { mtimeMs, data });
	return data;
}

/** The page URL of a document, by its path relative to the content folder. */
export function pageUrlOf(contentDir: string, contentPath: string): string | undefined {
	const collection = collectionOf(contentPath);
	if (!collection) return undefined;
	const data = frontmatterOf(join(contentDir, contentPath));
	return data && pageUrlFor(contentPath, data, collection);
}

/** The page URL of a document, by its path relative to the content folder and its frontmatter's data. */
export function pageUrlFor(contentPath: string, data: Record<string, unknown>, collection = collectionOf(contentPath)): string | undefined {
	switch (collection) {
		case 'plans':
			return planUrl(sprintEntryId(contentPath, data));
		case 'reports':
			return reportUrl(sprintEntryId(contentPath, data));
		case 'sprintDocs':
			return sprintDocUrl(sprintDocId(contentPath, data));
		case 'requirements':
			return requirementUrl(requirementId(contentPath, data));
		case 'docs':
			return projectDocUrl(projectDocId(contentPath));
		case 'roadmap':
		case 'handoff':
			return singletonId(contentPath) === 'roadmap' ? roadmapUrl : handoffUrl;
	}
}

/**
 * The site URL for a link written in the document at `fromContentPath`, or
 * undefined when the link is not a relative link to a document (external
 * links, anchors, images and other files are left as written).
 */
export function siteUrlForLink(
	contentDir: string,
	fromContentPath: string,
	url: string,
	pageUrl: (contentPath: string) => string | undefined = (path) => pageUrlOf(contentDir, path),
): string | undefined {
	const link = parseFileLink(url);
	if (!link || !/\.mdx?$/i.test(link.written)) return undefined;
	const target = posix.normalize(posix.join(posix.dirname(fromContentPath), link.path));
	if (target.startsWith('../')) return undefined;
	const page = pageUrl(target);
	return page && page + (link.fragment ? `#${link.fragment}` : '');
}
