/** Reading the built site in tests: paths into dist/ and parsed HTML — of this project, or of a throwaway one. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The built page at a site URL such as `/sprints/2.8/`, from `dist` (this project's by default). */
export function page(url: string, dist = DIST): HTMLElement {
	const file = url.endsWith('/') ? `${url}index.html` : url;
	// node-html-parser keeps <pre> as raw text unless told otherwise; code blocks are asserted on, so parse them.
	return parse(readFileSync(join(dist, file.replace(/^\//, '')), 'utf8'), { blockTextElements: { script: true, style: true } });
}

/** Every text file astro wrote, with its path relative to dist/. */
export function builtTextFiles(dist = DIST): Array<[string, string]> {
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(html|xml|txt|json|css|js)$/.test(f))
		.map((f) => [f, readFileSync(join(dist, f), 'utf8')]);
}

/** Internal links in the built HTML that lead to no file: `page → href` for each. */
export function deadLinks(dist = DIST): string[] {
	const broken: string[] = [];
	for (const [file, html] of builtTextFiles(dist).filter(([f]) => f.endsWith('.html'))) {
		for (const [, href] of html.matchAll(/\shref="([^"#?]*)[^"]*"/g)) {
			if (!href || /^[a-z]+:|^\/\//i.test(href)) continue;
			const target = href.startsWith('/') ? href : join('/', file, '..', href);
			const candidates = [target, join(target, 'index.html')].map((t) => join(dist, decodeURI(t)));
			if (!candidates.some((c) => existsSync(c) && statSync(c).isFile())) broken.push(`${file} → ${href}`);
		}
	}
	return broken;
}

/** The links of a page's "related" box under `heading`, as [href, text]. */
export function related(doc: HTMLElement, heading: string): Array<[string | undefined, string]> {
	const section = doc.querySelectorAll('aside.related section').find((sec) => sec.querySelector('h2')?.text === heading);
	return (section?.querySelectorAll('a') ?? []).map((a) => [a.getAttribute('href'), a.text]);
}

/** Visible text of an element, whitespace collapsed. */
export const textOf = (el: HTMLElement | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();
