/**
 * Sätteri plugin: the blocks a reader meets in sprint docs, made readable.
 *
 * - A wide table scrolls inside a container that can take keyboard focus and
 *   has a name, so its hidden columns are reachable without a mouse.
 * - A GitHub alert (`> [!WARNING]`) becomes a callout with its kind as a title.
 * - A code block gets its language as a label and a place for the copy button
 *   (the button itself is shown by the page's script: without JS it is absent).
 * (Headings get their "#" link from the page script: a JS callback for every
 * heading of every doc cost more build time than the link is worth.)
 */
import { defineHastPlugin } from 'satteri';
import { TABLE_ALIGN } from '../lib/unsafe-html.ts';

const ALERTS: Record<string, string> = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' };
const text = (value: string) => ({ type: 'text' as const, value });
type Hast = { type: string; value?: string; children?: Hast[] };
const hasText = (node: Hast): boolean => (node.type === 'text' ? !!node.value?.trim() : (node.children ?? []).some(hasText));

export function readerBlocks() {
	return defineHastPlugin({
		name: 'sprintbook-reader-blocks',
		element: {
			filter: ['table', 'blockquote', 'pre', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node, ctx) {
				// A heading with no text ("# " alone, a script's comment pasted as Markdown) shows nothing but would get an
				// empty id: it is left out (check warns about it).
				if (/^h[1-6]$/.test(node.tagName)) {
					if (!hasText(node)) ctx.removeNode(node);
					return;
				}
				if (node.tagName === 'th' || node.tagName === 'td') {
					// `:---:` in the Markdown: a class, not an inline style (html-validate, and a CSP that allows no inline style).
					const style = node.properties?.style;
					const align = typeof style === 'string' ? TABLE_ALIGN.exec(style)?.[1] : undefined;
					if (align) {
						ctx.setProperty(node, 'style', undefined);
						ctx.setProperty(node, 'className', [`align-${align.toLowerCase()}`]);
					}
					return;
				}
				if (node.tagName === 'table') {
					// Named by its place in the page: reading a table's cells from here costs a copy of the whole table
					// per page (measured: +130 MB peak at 2,000 docs).
					const data = ctx.data as Record<string, unknown>;
					const n = (data.sprintbookTables = ((data.sprintbookTables as number | undefined) ?? 0) + 1);
					ctx.wrapNode(node, { type: 'element', tagName: 'section', properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: `Table ${n}` }, children: [] });
					return;
				}
				if (node.tagName === 'blockquote') {
					const first = node.children.find((c) => c.type === 'element');
					if (!first || first.type !== 'element' || first.tagName !== 'p') return;
					const opening = first.children[0];
					const m = opening?.type === 'text' ? /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i.exec(opening.value) : null;
					if (!m || !opening || opening.type !== 'text') return;
					const kind = m[1]!.toUpperCase();
					ctx.setProperty(node, 'className', ['callout', `callout--${kind.toLowerCase()}`]);
					ctx.setProperty(node, 'role', 'note');
					ctx.replaceNode(opening, text(opening.value.slice(m[0].length)));
					ctx.insertBefore(first, { type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [text(ALERTS[kind]!)] });
					return;
				}
				if (node.tagName === 'pre') {
					const lang = String(node.properties?.dataLanguage ?? node.properties?.['data-language'] ?? '');
					ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['code-block'], dataLanguage: lang || undefined }, children: [] });
					return;
				}
			},
		},
	});
}
