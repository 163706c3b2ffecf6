/**
 * Long lists (the sprint timeline, a status, every sprint's figures) are cut
 * into pages so that no page grows with the archive: at 2,000 docs the whole
 * timeline on one page was 297 KB and the figures 719 KB. The first page keeps
 * the list's own URL; the next ones are `<list>page/2/`, which no sprint can
 * take (sprint ids are numbers).
 */

/** Sprints per page: 50 keeps a timeline page near 35 KB and a figures page near 60 KB, and a team's first years on one page. */
export const SPRINTS_PER_PAGE = 50;

/** `items` in runs of `size`; an empty list is one empty page, so a list page always exists. */
export function chunk<T>(items: readonly T[], size = SPRINTS_PER_PAGE): T[][] {
	const pages: T[][] = [];
	for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
	return pages.length ? pages : [[]];
}

/** The page (from 1) that `chunk` puts the item at `index` on. */
export const pageOf = (index: number, size = SPRINTS_PER_PAGE) => Math.floor(index / size) + 1;

/** The URL of page `n` (from 1) of the list at `first`. */
export const pagedUrl = (first: string, n: number) => (n <= 1 ? first : `${first}page/${n}/`);

/** The value of a `[...page]` route parameter for page `n`: none for the first. */
export const pageParam = (n: number) => (n <= 1 ? undefined : `page/${n}`);

/** One link per page, labelled by the sprints it holds (e.g. "3.667–3.618"), so a reader can jump to a sprint by number. */
export function pageLinks<T>(pages: readonly T[][], first: string, sprintOf: (item: T) => string) {
	return pages.map((items, i) => ({
		url: pagedUrl(first, i + 1),
		label: items.length ? `${sprintOf(items[0]!)}–${sprintOf(items.at(-1)!)}` : 'none',
	}));
}
