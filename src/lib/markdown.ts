/**
 * The CLI's Markdown analysis, with the parser the site renders with (Sätteri,
 * GFM on, frontmatter off, as in astro.config.mjs), so `check` sees exactly the
 * links and headings a reader gets. It is also ~60× faster than remark on a
 * 5 MB document.
 */
import GithubSlugger from 'github-slugger';
import { markdownToMdast, type MdastNode } from 'satteri';

export interface MarkdownRef {
	kind: 'link' | 'image';
	url: string;
	/** Character offsets of the whole link in the body, end exclusive. */
	offset: number;
	endOffset: number;
	/** 1-based, relative to the start of the body. */
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

export interface MarkdownOutline {
	refs: MarkdownRef[];
	/** Raw HTML in the body (not in code), where it stands: what `check` looks at for scripts and handlers. */
	html: Array<{ value: string; line: number; column: number }>;
	/** Heading ids as the site makes them (github-slugger over the heading's text, like Astro's heading-ids plugin). */
	anchors: Set<string>;
	/** Headings with no text ("# " alone on a line, often a script's comment pasted as Markdown), where they stand. */
	emptyHeadings: Array<{ line: number; column: number }>;
}

/** The options the site's processor uses; see astro.config.mjs. */
export const SITE_MARKDOWN_FEATURES = { gfm: true, frontmatter: false } as const;

export function parseMarkdown(body: string): MdastNode {
	return markdownToMdast(body, { features: SITE_MARKDOWN_FEATURES });
}

type Point = { line: number; column: number; offset?: number };
export type Node = { type: string; url?: string; value?: string; depth?: number; checked?: boolean | null; children?: Node[]; position?: { start: Point; end: Point } };

/** The text of a node and its children, as a heading's id is made from it. */
export function textOf(node: Node): string {
	if (typeof node.value === 'string' && node.type !== 'html') return node.value;
	return (node.children ?? []).map(textOf).join('');
}

export function outline(body: string): MarkdownOutline {
	const refs: MarkdownRef[] = [];
	const html: MarkdownOutline['html'] = [];
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	const emptyHeadings: MarkdownOutline['emptyHeadings'] = [];
	const stack: Node[] = [parseMarkdown(body) as unknown as Node];
	// Depth-first in document order, so duplicate headings get -1, -2 … as on the page.
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'heading') {
			const text = textOf(node);
			anchors.add(slugger.slug(text));
			if (!text.trim() && node.position) emptyHeadings.push({ line: node.position.start.line, column: node.position.start.column });
		}
		if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position && node.url !== undefined) {
			const { start, end } = node.position;
			refs.push({
				kind: node.type === 'image' ? 'image' : 'link',
				url: node.url,
				offset: start.offset ?? 0,
				endOffset: end.offset ?? 0,
				line: start.line,
				column: start.column,
				endLine: end.line,
				endColumn: end.column,
			});
		}
		// Raw HTML anchors (<a id="…"> / name="…") are link targets too.
		if (node.type === 'html' && node.value) {
			for (const m of node.value.matchAll(/\b(?:id|name)=["']([^"']+)["']/g)) anchors.add(m[1]!);
			if (node.position) html.push({ value: node.value, line: node.position.start.line, column: node.position.start.column });
		}
		if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
	}
	return { refs, anchors, html, emptyHeadings };
}

/**
 * Every heading of `text` with its line (1-based) and id, in order, as the page gives heading ids. `withoutTitle`:
 * the page lifted the first H1 into its title, so it has no id there and does not count among the duplicates.
 */
export function headingIds(text: string, withoutTitle: boolean): Array<{ line: number; id: string }> {
	const slugger = new GithubSlugger();
	const stack: Node[] = [parseMarkdown(text) as unknown as Node];
	let titleSkipped = !withoutTitle;
	const out: Array<{ line: number; id: string }> = [];
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'heading') {
			if (!titleSkipped && node.depth === 1) titleSkipped = true;
			else out.push({ line: node.position?.start.line ?? 0, id: slugger.slug(textOf(node)) });
		}
		if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
	}
	return out;
}

/** The id of the heading a line of `text` falls under (1-based); undefined above the first heading. */
export const headingIdAt = (text: string, line: number, withoutTitle: boolean) => headingIds(text, withoutTitle).findLast((h) => h.line <= line)?.id;
