/**
 * Titles and goals are one line of the team's Markdown: "Retire the `legacy_sync` job" should show code, not
 * backticks. Parsed with the site's own parser; only inline marks are kept (code, emphasis, strong, strikethrough):
 * a link inside a title would nest in the link to the page, and raw HTML is shown as the text it is. A line the
 * parser reads as a block ("1. Intro", "# Notes") is shown as written.
 */
import { escapeUTF8 as escape } from 'entities';
import { parseMarkdown, type Node } from './markdown.ts';

/** Characters that can start an inline mark; text without any is its own plain and HTML form. */
const MARKS = /[`*_~\\&[<]/;

const TAGS: Record<string, string> = { emphasis: 'em', strong: 'strong', delete: 'del' };

function inlineNodes(text: string): Node[] | undefined {
	const root = parseMarkdown(text) as Node;
	const only = root.children?.length === 1 ? root.children[0]! : undefined;
	return only?.type === 'paragraph' ? (only.children ?? []) : undefined;
}

function toHtml(nodes: readonly Node[]): string {
	return nodes
		.map((n) => {
			if (n.type === 'inlineCode') return `<code>${escape(n.value ?? '')}</code>`;
			const tag = TAGS[n.type];
			if (tag) return `<${tag}>${toHtml(n.children ?? [])}</${tag}>`;
			if (n.children) return toHtml(n.children);
			if (n.type === 'break') return ' ';
			return escape(n.value ?? '');
		})
		.join('');
}

function toText(nodes: readonly Node[]): string {
	return nodes.map((n) => (n.children ? toText(n.children) : n.type === 'break' ? ' ' : (n.value ?? ''))).join('');
}

const htmlMemo = new Map<string, string>();
const textMemo = new Map<string, string>();

/** The line as HTML, every character escaped but the inline marks it uses. */
export function inlineHtml(text: string): string {
	if (!MARKS.test(text)) return escape(text);
	let html = htmlMemo.get(text);
	if (html === undefined) {
		const nodes = inlineNodes(text);
		html = nodes ? toHtml(nodes) : escape(text);
		htmlMemo.set(text, html);
	}
	return html;
}

/** The line as plain text, for a `<title>`, a meta description, a feed or the command line. */
export function inlineText(text: string): string {
	if (!MARKS.test(text)) return text;
	let plain = textMemo.get(text);
	if (plain === undefined) {
		const nodes = inlineNodes(text);
		plain = nodes ? toText(nodes) : text;
		textMemo.set(text, plain);
	}
	return plain;
}
