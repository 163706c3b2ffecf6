/**
 * What the build's `check` learned of every doc that the site would otherwise work out a second time: the page
 * each doc publishes at (from its frontmatter) and the links in its body. check reads every doc on its worker
 * before any content loads; the link-rewriting Markdown plugin and the backlinks take these instead of reading
 * and parsing each doc again (0.45 s and 0.25 s of a build at 2,004 docs). Set for a build only: in dev the docs
 * change under it. Shared through globalThis, because Astro loads the integration, the Markdown plugins and the
 * pages as separate module graphs.
 */
export interface CheckedDocs {
	/** Page URL by content path. */
	pageUrls: ReadonlyMap<string, string>;
	/** Link URLs (as written, images left out) in each doc's body, by content path. */
	bodyLinks: ReadonlyMap<string, readonly string[]>;
}

const KEY = Symbol.for('sprintbook.checkedDocs');
const store = globalThis as Record<symbol, CheckedDocs | undefined>;

export const checkedDocs = (): CheckedDocs | undefined => store[KEY];

/** Shares what a build's check found (it ran with `forBuild`); nothing when it has none. */
export function shareCheckedDocs(found: { pageUrls?: Record<string, string>; bodyLinks?: Record<string, string[]> }): void {
	if (found.pageUrls && found.bodyLinks) store[KEY] = { pageUrls: new Map(Object.entries(found.pageUrls)), bodyLinks: new Map(Object.entries(found.bodyLinks)) };
}
