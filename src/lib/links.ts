/**
 * Where a relative link to a document lands on the site. A link is written
 * between files (`SPRINT_2.8_TEST_FIX_PROMPTS.md`, `../../requirements/x.md`);
 * the site publishes pages at id-based URLs, so the link is rewritten to the
 * target's page URL, whichever folder — live or archive — the target is in.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { splitFrontmatter } from './frontmatter.ts';
import { collectionOf, requirementId, singletonId, sprintDocId, sprintEntryId } from './layout.ts';
import { handoffUrl, planUrl, reportUrl, requirementUrl, roadmapUrl, sprintDocUrl } from './urls.ts';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;

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
		const parsed = fm ? load(fm.yaml, { schema: CORE_SCHEMA }) : undefined;
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
	if (!data) return undefined;
	switch (collection) {
		case 'plans':
			return planUrl(sprintEntryId(contentPath, data));
		case 'reports':
			return reportUrl(sprintEntryId(contentPath, data));
		case 'sprintDocs':
			return sprintDocUrl(sprintDocId(contentPath, data));
		case 'requirements':
			return requirementUrl(requirementId(contentPath, data));
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
	if (EXTERNAL.test(url)) return undefined;
	const hashAt = url.indexOf('#');
	const path = hashAt === -1 ? url : url.slice(0, hashAt);
	if (!/\.mdx?$/i.test(path)) return undefined;
	let decoded = path;
	try {
		decoded = decodeURI(path);
	} catch {
		// Keep it as written.
	}
	const target = posix.normalize(posix.join(posix.dirname(fromContentPath), decoded));
	if (target.startsWith('../')) return undefined;
	const page = pageUrl(target);
	return page && page + (hashAt === -1 ? '' : url.slice(hashAt));
}
