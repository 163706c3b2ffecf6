/**
 * Each page's last change from git, handed from the pages (which read the history) to the sitemap (written by
 * @astrojs/sitemap after the last page, in the same process): a page read from a file is as new as its file.
 */
const KEY = Symbol.for('sprintbook.lastModified');
type Holder = { [KEY]?: ReadonlyMap<string, string> };

/** URL (as urls.ts makes it) → YYYY-MM-DD of the newest commit of the page's file. */
export function shareLastModified(dates: ReadonlyMap<string, string>): void {
	(globalThis as Holder)[KEY] = dates;
}

export function lastModified(url: string): string | undefined {
	return (globalThis as Holder)[KEY]?.get(url);
}
