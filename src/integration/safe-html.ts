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
	 * What an element that is not allowed leaves: nothing, or its content without it — that content held to the
	 * policy here, since the nodes put in its place are not visited again.
	 */
	function unwrap(tag: string, children: readonly Hast[] = []): Hast[] {
		return DROPPED_WITH_CONTENT.has(tag) ? [] : children.flatMap(clean);
	}
	function clean(node: Hast): Hast[] {
		if (node.type !== 'element' || !node.tagName) return node.type === 'comment' ? [] : [node];
		const tag = node.tagName.toLowerCase();
		if (!ALLOWED_TAGS.has(tag)) return unwrap(tag, node.children);
		const properties = node.properties ?? {};
		const blocked = blockedImage(tag, properties, policy);
		if (blocked !== undefined) return [asLink(blocked, properties.alt)];
		return [{ ...node, properties: safeAttributes(tag, properties), children: (node.children ?? []).flatMap(clean) }];
	}

	function jsx(node: Readonly<Jsx>, ctx: { replaceNode(node: never, next: never): void }) {
		// A component (<Chart />) is MDX's own; only HTML elements are held to the policy.
		if (!node.name || !/^[a-z]/.test(node.name)) return;
		const tag = node.name.toLowerCase();
		if (!ALLOWED_TAGS.has(tag)) return ctx.replaceNode(node as never, unwrap(tag, node.children as Hast[]) as never);
		// An expression as a value is code, which check refuses; what is left are the written strings.
		const written = Object.fromEntries(node.attributes.filter((a) => a.type === 'mdxJsxAttribute' && typeof a.name === 'string' && (typeof a.value === 'string' || a.value == null)).map((a) => [a.name!, a.value as string | null]));
		const blocked = blockedImage(tag, written, policy);
		if (blocked !== undefined) return ctx.replaceNode(node as never, asLink(blocked, written.alt) as never);
		const kept = safeAttributes(tag, written);
		if (Object.keys(kept).length === node.attributes.length) return;
		ctx.replaceNode(node as never, { ...node, attributes: Object.entries(kept).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })) } as never);
	}

	return defineHastPlugin({
		name: 'sprintbook-safe-html',
		element: {
			filter: [],
			visit(node, ctx) {
				const tag = node.tagName.toLowerCase();
				if (!ALLOWED_TAGS.has(tag)) {
					ctx.replaceNode(node, unwrap(tag, node.children as Hast[]) as never);
					return;
				}
				const properties = node.properties;
				// Most elements are Markdown's own, with no attribute at all: nothing to weigh.
				if (!properties || isEmpty(properties)) return;
				const blocked = blockedImage(tag, properties, policy);
				if (blocked !== undefined) {
					ctx.replaceNode(node, asLink(blocked, properties.alt) as never);
					return;
				}
				const kept = safeAttributes(tag, properties);
				for (const key of Object.keys(properties)) if (!(key in kept)) ctx.setProperty(node, key, undefined);
				if (kept.id !== properties.id) ctx.setProperty(node, 'id', kept.id);
			},
		},
		mdxJsxFlowElement: { filter: [], visit: (node, ctx) => jsx(node as Readonly<Jsx>, ctx as never) },
		mdxJsxTextElement: { filter: [], visit: (node, ctx) => jsx(node as Readonly<Jsx>, ctx as never) },
	});
}
