/**
 * Sätteri plugin: the blocks a reader meets in sprint docs, made readable.
 *
 * - A wide table scrolls inside a container that can take keyboard focus and
 *   has a name, so its hidden columns are reachable without a mouse.
 * - A GitHub alert (`> [!WARNING]`) becomes a callout with its kind as a title.
 * - A code block gets its language as a label and a place for the copy button
 *   (the button itself is shown by the page's script: without JS it is absent).
 * - A heading gets a visible link to itself, beside it.
 */
import GithubSlugger from 'github-slugger';
import { defineHastPlugin } from 'satteri';

const ALERTS: Record<string, string> = { NOTE: 'Note', TIP: 'Tip', IMPORTANT: 'Important', WARNING: 'Warning', CAUTION: 'Caution' };
const text = (value: string) => ({ type: 'text' as const, value });

export function readerBlocks() {
	// Heading ids are added after this plugin, by github-slugger over each heading's text in document order
	// (as src/lib/markdown.ts reads them for `check`): the same slugger, fresh per document, gives the same ids.
	let slugger = new GithubSlugger();
	return defineHastPlugin({
		name: 'sprintbook-reader-blocks',
		before() {
			slugger = new GithubSlugger();
		},
		element: {
			filter: ['table', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node, ctx) {
				if (node.tagName === 'table') {
					const head = node.children.find((c) => c.type === 'element' && c.tagName === 'thead');
					const caption = ctx.textContent(head ?? node).trim().split(/\s+/).slice(0, 6).join(' ');
					ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: `Table: ${caption}` }, children: [] });
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
				const title = ctx.textContent(node).trim();
				const id = typeof node.properties?.id === 'string' && node.properties.id ? node.properties.id : slugger.slug(title);
				// The link sits beside the heading, not in it, so the heading's accessible name stays its own text.
				if (/^h[234]$/.test(node.tagName)) {
					const anchor = { type: 'element' as const, tagName: 'a', properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${title}`, dataPagefindIgnore: '' }, children: [text('#')] };
					ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `level-${node.tagName}`] }, children: [anchor] });
				}
			},
		},
	});
}
