/**
 * Sätteri plugins: nothing in a doc runs on the published site, passes for the site, or tracks its reader. The
 * processor parses a doc's raw HTML into the tree (`rawHtml`), so the policy of src/lib/unsafe-html.ts is applied to
 * every element of every doc — HTML written in Markdown, the elements Markdown makes, and MDX's JSX elements alike —
 * whatever entities or tabs spell it, and whether or not a tag opens in one block and closes in another.
 */
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { ALLOWED_TAGS, blockedImage, DROPPED_WITH_CONTENT, safeAttributes, type HtmlPolicy } from '../lib/unsafe-html.ts';
import { placeholderTag } from '../lib/placeholder-tags.ts';

/**
 * "Open Grafana (<GRAFANA-URL>)": a tag of no element is the writer's placeholder, shown as typed. It is made text
 * before the raw HTML is parsed, where it would become an unknown element holding the rest of the paragraph.
 */
export function placeholdersAsText() {
	return defineMdastPlugin({
		name: 'sprintbook-placeholders',
		html(node, ctx) {
			if (placeholderTag(node.value)) ctx.replaceNode(node, { type: 'text', value: node.value } as never);
		},
	});
}

type Jsx = { name: string | null; attributes: Array<{ type: string; name?: string; value?: unknown }>; children: unknown[] };

function isEmpty(o: object): boolean {
	for (const _ in o) return false;
	return true;
}

type Hast = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Hast[]; value?: string };

export function safeHtml(policy: HtmlPolicy) {
	/** A remote image from a host not allowed: a link to it, in its own words. */
	const asLink = (src: string, alt: unknown): Hast => ({ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: typeof alt === 'string' && alt ? alt : src }] });

	/**
	 * What the policy makes of an element, however it came (raw HTML, Markdown, MDX): nodes in its place — nothing,
	 * its content without it, a link for a remote image — or the attributes it keeps. The content put in an element's
	 * place is held to the policy here, since the nodes a visitor puts in are not visited again.
	 */
	function judge<V>(tag: string, attributes: Readonly<Record<string, V>>, children: () => readonly Hast[] | undefined): { replace: Hast[] } | { keep: Record<string, V> } {
		if (!ALLOWED_TAGS.has(tag)) return { replace: DROPPED_WITH_CONTENT.has(tag) ? [] : (children() ?? []).flatMap(clean) };
		const blocked = blockedImage(tag, attributes, policy);
		if (blocked !== undefined) return { replace: [asLink(blocked, attributes.alt)] };
		return { keep: safeAttributes(tag, attributes) };
	}

	function clean(node: Hast): Hast[] {
		if (node.type !== 'element' || !node.tagName) return node.type === 'comment' ? [] : [node];
		const verdict = judge(node.tagName.toLowerCase(), node.properties ?? {}, () => node.children);
		return 'replace' in verdict ? verdict.replace : [{ ...node, properties: verdict.keep, children: (node.children ?? []).flatMap(clean) }];
	}

	function jsx(node: Readonly<Jsx>, ctx: { replaceNode(node: never, next: never): void }) {
		// A component (<Chart />) is MDX's own; only HTML elements are held to the policy.
		if (!node.name || !/^[a-z]/.test(node.name)) return;
		// An expression as a value is code, which check refuses; what is left are the written strings.
		const written = Object.fromEntries(node.attributes.filter((a) => a.type === 'mdxJsxAttribute' && typeof a.name === 'string' && (typeof a.value === 'string' || a.value == null)).map((a) => [a.name!, a.value as string | null]));
		const verdict = judge(node.name.toLowerCase(), written, () => node.children as Hast[]);
		if ('replace' in verdict) return ctx.replaceNode(node as never, verdict.replace as never);
		if (Object.keys(verdict.keep).length === node.attributes.length) return;
		ctx.replaceNode(node as never, { ...node, attributes: Object.entries(verdict.keep).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })) } as never);
	}

	return defineHastPlugin({
		name: 'sprintbook-safe-html',
		element: {
			filter: [],
			visit(node, ctx) {
				const tag = node.tagName.toLowerCase();
				const properties = node.properties ?? {};
				// Most elements are Markdown's own, with no attribute at all: nothing to weigh.
				if (ALLOWED_TAGS.has(tag) && isEmpty(properties)) return;
				const verdict = judge(tag, properties, () => node.children as Hast[]);
				if ('replace' in verdict) {
					ctx.replaceNode(node, verdict.replace as never);
					return;
				}
				for (const key of Object.keys(properties)) if (!(key in verdict.keep)) ctx.setProperty(node, key, undefined);
				if (verdict.keep.id !== properties.id) ctx.setProperty(node, 'id', verdict.keep.id);
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node, ctx) => jsx(node as Readonly<Jsx>, ctx as never) },
		mdxJsxTextElement: { filter: [], visit: (node, ctx) => jsx(node as Readonly<Jsx>, ctx as never) },
	});
}
