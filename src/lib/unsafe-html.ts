/**
 * What of a doc's own HTML reaches the published site, in one place: the elements a doc may use for layout, and
 * for each attribute whether it stays. `check` reports with these rules and the site applies them to every element
 * of every page — Markdown's raw HTML parsed into the tree, the elements Markdown makes, and MDX's
 * (src/integration/safe-html.ts) — so they can never disagree. Nothing that runs code stays (scripts, frames, `on*` handlers, `javascript:` URLs however
 * they are spelt); nor what can pass for the site (a `style`, e.g. a fixed overlay that fakes a login form), what
 * can break its scripts (a `name` or `id` that shadows a DOM property) or what tracks a reader (an image from a host
 * the team has not named).
 */
/** A regex hint for `check`'s report: raw HTML that runs code or loads a document inside the page. */
export const UNSAFE_HTML = /<\s*\/?\s*(?:script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|style)\b|\son[a-z]+\s*=|\b(?:href|src|action|formaction|xlink:href|srcdoc)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i;

/** Elements a doc may use: text, lists, tables, links and media, and what docs use for layout (details, kbd…). */
export const ALLOWED_TAGS = new Set([
	...'address article aside footer header h1 h2 h3 h4 h5 h6 hgroup main nav section blockquote dd div dl dt figcaption figure hr li menu ol p pre ul'.split(' '),
	...'a abbr b bdi bdo br cite code data dfn em i kbd mark q rb rp rt rtc ruby s samp small span strong sub sup time u var wbr'.split(' '),
	...'caption col colgroup table tbody td tfoot th thead tr img details summary del ins picture source video audio track input center'.split(' '),
]);

/** Attributes whose value a browser follows as a URL, by their names lower-cased with "-" and ":" left out (hast's `xLinkHref` and HTML's `xlink:href` alike). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'cite', 'poster', 'action', 'formaction', 'xlinkhref', 'background', 'data', 'longdesc', 'ping']);
/** Schemes that run code or embed a document when followed; any other (https, mailto, s3, slack, ftp…) is a link. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'livescript', 'mocha']);
/** Elements dropped with all they hold: what runs, embeds, or is not text. Other elements not allowed keep their text. */
export const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'textarea', 'title', 'xmp', 'plaintext', 'noembed', 'noframes', 'select', 'svg', 'math', 'base', 'meta', 'link', 'head', 'portal', 'fencedframe']);
/** Properties a JSX runtime may take as the element's markup rather than as an attribute. */
const MARKUP_SETTERS = new Set(['innerhtml', 'outerhtml', 'dangerouslysetinnerhtml', 'sethtml', 'settext', 'srcobject']);
export const TABLE_ALIGN = /^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$/i;
const attributeKey = (name: string) => name.toLowerCase().replace(/[-:]/g, '');

/**
 * A URL's scheme as a browser reads it, lower-cased, or undefined for a relative URL: tabs and newlines anywhere are
 * ignored (`jav&#x09;ascript:`) and so are leading spaces and control characters; entities are already decoded by
 * whichever parser gave the value.
 */
export function schemeOf(url: string): string | undefined {
	const plain = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '');
	return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(plain)?.[1]?.toLowerCase();
}

/** Whether a URL is safe to follow: not one that runs code or embeds a document (javascript:, data:…). */
export function isSafeUrl(url: string): boolean {
	const scheme = schemeOf(url);
	return scheme === undefined || !UNSAFE_SCHEMES.has(scheme);
}

/**
 * The host a browser would fetch an image's URL from, when it is not the site: resolved as the browser resolves it,
 * so `//evil.example/p.png`, `\\evil.example/p.png`, `/\evil.example/p.png` and `http:evil.example/p.png` are all
 * evil.example's.
 */
export function remoteHost(url: string): string | undefined {
	try {
		const resolved = new URL(url.replace(/[\t\n\r]/g, '').trim(), 'https://site.invalid/');
		if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
		return resolved.hostname === 'site.invalid' ? undefined : resolved.hostname.toLowerCase();
	} catch {
		return undefined;
	}
}

/** Whether images may load from `host`: the config's `imageHosts` names it, or a `*.parent` of it. */
export function imageHostAllowed(host: string, imageHosts: readonly string[]): boolean {
	return imageHosts.some((h) => {
		const allowed = h.toLowerCase();
		return allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed;
	});
}

/**
 * Names that, as an element's `id`, would shadow what the site's scripts reach through `window`: the methods every
 * object and event target inherits (`window.addEventListener`, `toString`) sit behind the window's named elements.
 * (The scripts' other globals — document, localStorage… — are the window's own, found first; a heading's id is
 * lower-case and never one of these.)
 */
// (`constructor` is the window's own, so it is found before any element.)
const INHERITED = [...Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== 'constructor'), 'addEventListener', 'removeEventListener', 'dispatchEvent'];

export interface HtmlPolicy {
	/** Hosts images may load from (`img.shields.io`, `*.githubusercontent.com`); others are shown as links. */
	imageHosts: readonly string[];
}

const CLOBBERING = new Set(INHERITED);

/** A remote image's address in an element, when the element is one and its host is not allowed. */
export function blockedImage(tag: string, attributes: Readonly<Record<string, unknown>>, policy: HtmlPolicy): string | undefined {
	if (!['img', 'source', 'video', 'audio', 'input', 'track'].includes(tag)) return undefined;
	for (const [name, value] of Object.entries(attributes)) {
		const key = attributeKey(name);
		if (typeof value !== 'string' || !['src', 'srcset', 'poster'].includes(key)) continue;
		for (const candidate of key === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value]) {
			const host = remoteHost(candidate);
			if (host && !imageHostAllowed(host, policy.imageHosts)) return candidate;
		}
	}
	return undefined;
}

/**
 * The attributes that stay on an allowed element, by name as given (HTML's `onclick` or hast's `onClick`): no
 * handler, no `style`, no `srcdoc`, no URL but a safe one, no `name` (a named image or form shadows
 * `document.getElementById` and the like), no `id` that clobbers. An `<a name="x">`, the old way to make an anchor,
 * keeps its anchor as its id. Values that are not text (a class list, `checked`) stay as they are.
 */
export function safeAttributes<V>(tag: string, attributes: Readonly<Record<string, V>>): Record<string, V> {
	const out: Record<string, V> = {};
	let anchor: V | undefined;
	for (const [name, value] of Object.entries(attributes)) {
		const key = attributeKey(name);
		if (key === 'name') anchor = value;
		// A table cell's alignment is the one style kept: Markdown writes it so, and the site makes it a class.
		if (key === 'style' && (tag === 'th' || tag === 'td') && typeof value === 'string' && TABLE_ALIGN.test(value)) {
			out[name] = value;
			continue;
		}
		// (`background`, an old table attribute, loads an image from anywhere: it goes with `style`.)
		if (key.startsWith('on') || key === 'style' || key === 'background' || key === 'srcdoc' || key === 'name' || key === 'is' || MARKUP_SETTERS.has(key)) continue;
		// A directive of the framework, in MDX (`set:html`, `is:raw`, `client:load`): the doc would be writing the page's code.
		if (name.includes(':') && key !== 'xlinkhref' && key !== 'xmllang') continue;
		if (URL_ATTRIBUTES.has(key) && typeof value === 'string') {
			const urls = key === 'srcset' || key === 'ping' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
			if (!urls.every(isSafeUrl)) continue;
		}
		out[name] = value;
	}
	if (tag === 'a' && out.id === undefined && typeof anchor === 'string') out.id = anchor;
	if (typeof out.id === 'string' && CLOBBERING.has(out.id)) delete out.id;
	return out;
}
