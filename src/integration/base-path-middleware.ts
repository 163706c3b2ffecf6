/**
 * Pages are written as if at the root; under a base path (Astro's `base`, from the config or `--base`) their HTML
 * is moved under it here, for the build and the dev server alike (src/lib/base-path.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { rebaseHtml } from '../lib/base-path.ts';

const base = import.meta.env.SPRINTBOOK_BASE;

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!base || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	return new Response(rebaseHtml(await response.text(), base), { status: response.status, statusText: response.statusText, headers: response.headers });
});
