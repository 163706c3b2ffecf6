/**
 * Sätteri plugin: nothing in a doc runs on the published site. Raw HTML that
 * carries a script, a frame, an event handler or a `javascript:`/`data:` URL is
 * passed through the sanitiser (src/lib/unsafe-html.ts, the same rules `check`
 * reports); a Markdown link or image to such a URL loses the URL and keeps its words. A tag of no element
 * ("<GRAFANA-URL>") is the writer's placeholder, shown as text.
 */
import { defineHastPlugin } from 'satteri';
import { sanitizeRawHtml, UNSAFE_HTML, UNSAFE_URL } from '../lib/unsafe-html.ts';
import { placeholderTag } from '../lib/placeholder-tags.ts';

export function safeHtml() {
	return defineHastPlugin({
		name: 'sprintbook-safe-html',
		raw(node, ctx) {
			// "<GRAFANA-URL>": a placeholder the writer typed, shown as the text it is.
			if (placeholderTag(node.value)) ctx.replaceNode(node, { type: 'text', value: node.value } as never);
			else if (UNSAFE_HTML.test(node.value)) ctx.replaceNode(node, { type: 'raw', value: sanitizeRawHtml(node.value) } as never);
		},
		element: {
			filter: ['a', 'img', 'area', 'iframe', 'script'],
			visit(node, ctx) {
				if (node.tagName === 'iframe' || node.tagName === 'script') {
					ctx.removeNode(node);
					return;
				}
				for (const key of ['href', 'src']) {
					const value = node.properties?.[key];
					if (typeof value === 'string' && UNSAFE_URL.test(value)) ctx.setProperty(node, key, undefined);
				}
			},
		},
	});
}
