/**
 * A site published under a path (GitHub Pages serves a project at `https://org.github.io/repo/`): every page
 * links as if at the root (`/sprints/2.8/`, the ids of urls.ts), and the finished HTML is moved under the base in
 * one place, so no template, plugin or team link can forget it.
 */

/** "/sprint-docs/", "sprint-docs", "/" → "/sprint-docs" or "" (the root). */
export function normalizeBase(base: string | undefined): string {
	const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}` : '';
}

// Scripts, styles and comments are left as they are; every other tag's URL attributes are looked at.
const PARTS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[a-zA-Z][^>]*>/g;
const URL_ATTRIBUTE = /(\s(?:href|src|action|poster|formaction|data-src)\s*=\s*)(["'])(\/(?!\/)[^"']*)\2/gi;

/**
 * Root-relative URLs in the HTML's tags put under `base`. Astro's own assets already are (`<base>/_astro/…`); a
 * URL to another host (`//cdn…`, `https://…`) or within the page (`#top`) is not root-relative and stays.
 */
export function rebaseHtml(html: string, base: string): string {
	if (!base) return html;
	// Astro's own assets and image endpoint already carry the base.
	const own = [`${base}/_astro/`, `${base}/_image`];
	return html.replace(PARTS, (part, raw: string | undefined) =>
		raw ? part : part.startsWith('<!--') ? part : part.replace(URL_ATTRIBUTE, (m, name: string, quote: string, url: string) => (own.some((o) => url.startsWith(o)) ? m : `${name}${quote}${base}${url}${quote}`)),
	);
}
