/** Reading the built site in tests: paths into dist/ and parsed HTML. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The built page at a site URL such as `/sprints/2.8/`. */
export function page(url: string): HTMLElement {
	const file = url.endsWith('/') ? `${url}index.html` : url;
	// node-html-parser keeps <pre> as raw text unless told otherwise; code blocks are asserted on, so parse them.
	return parse(readFileSync(DIST + file.replace(/^\//, ''), 'utf8'), { blockTextElements: { script: true, style: true } });
}
