/** Sätteri plugin: relative links between documents become links between their pages (src/lib/links.ts). */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { checkedDocs } from '../lib/checked-docs.ts';
import { pageUrlOf, siteUrlForLink } from '../lib/links.ts';

export function docLinks(contentDir: string) {
	const rewrite = (node: { url: string }, ctx: { fileURL: URL | undefined; setProperty: (n: never, k: 'url', v: string) => void }) => {
		if (!ctx.fileURL) return;
		const from = relative(contentDir, fileURLToPath(ctx.fileURL)).split(sep).join('/');
		if (from.startsWith('..')) return;
		const known = checkedDocs()?.pageUrls;
		const url = siteUrlForLink(contentDir, from, node.url, (path) => known?.get(path) ?? pageUrlOf(contentDir, path));
		if (url) ctx.setProperty(node as never, 'url', url);
	};
	return defineMdastPlugin({
		name: 'sprintbook-doc-links',
		link: (node, ctx) => rewrite(node, ctx as never),
		definition: (node, ctx) => rewrite(node, ctx as never),
	});
}
