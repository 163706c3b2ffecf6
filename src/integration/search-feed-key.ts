/** Where the build's search index waits for pages: set by the integration at build start, read by the middleware. */
export const SEARCH_FEED = Symbol.for('sprintbook.searchFeed');

/** Takes a rendered page by its URL path (`/sprints/2.8/`). */
export type SearchFeed = (pathname: string, html: string) => void;
