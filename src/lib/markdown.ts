/**
 * The CLI's Markdown analysis: remark with GFM, as the site renders it. Gives
 * the links, images and heading anchors of a body with their positions.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

export interface MarkdownRef {
	kind: 'link' | 'image';
	url: string;
	/** 1-based, relative to the start of the body. */
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

export interface MarkdownOutline {
	refs: MarkdownRef[];
	/** Heading ids as the site makes them (github-slugger, like Astro's Markdown pipelines). */
	anchors: Set<string>;
}

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(body: string): Root {
	return parser.runSync(parser.parse(body)) as Root;
}

export function outline(body: string): MarkdownOutline {
	const tree = parseMarkdown(body);
	const refs: MarkdownRef[] = [];
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	visit(tree, (node) => {
		if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
		if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
			const { start, end } = node.position;
			refs.push({
				kind: node.type === 'image' ? 'image' : 'link',
				url: node.url,
				line: start.line,
				column: start.column,
				endLine: end.line,
				endColumn: end.column,
			});
		}
		// Raw HTML anchors (<a id="…"> / name="…") are link targets too.
		if (node.type === 'html') for (const m of node.value.matchAll(/\b(?:id|name)=["']([^"']+)["']/g)) anchors.add(m[1]!);
	});
	return { refs, anchors };
}
