/**
 * Search indexing while the build renders, instead of a pass over dist/
 * afterwards: this middleware hands each HTML page, as Astro renders it, to the
 * Pagefind index the integration opened at build start (Pagefind indexes in its
 * own process, so on the machine's other core). Outside a build nothing is
 * waiting for pages and the middleware passes them through untouched.
 */
import { defineMiddleware } from 'astro:middleware';
import { SEARCH_FEED, type SearchFeed } from './search-feed-key.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	const feed = (globalThis as Record<symbol, unknown>)[SEARCH_FEED] as SearchFeed | undefined;
	if (!feed || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = await response.text();
	feed(context.url.pathname, html);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
