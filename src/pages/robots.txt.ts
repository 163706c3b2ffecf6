/** robots.txt: every page may be indexed; the sitemap is named where the site's address is known. */
import type { APIContext } from 'astro';

export function GET(context: APIContext) {
	const sitemap = context.site ? `Sitemap: ${new URL(`${import.meta.env.SPRINTBOOK_BASE}/sitemap-index.xml`, context.site).href}\n` : '';
	return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
