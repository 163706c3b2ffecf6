/**
 * Raw HTML a doc may carry that must not run on the published site: scripts,
 * frames, event-handler attributes (`onmouseover=`), `javascript:`/`data:` URLs.
 * One definition serves `check` (which reports it) and the site (which drops it),
 * so the two can never disagree.
 */
import { sanitizeHtml as sanitizer } from './lazy.ts';

/** Elements and attributes that run code or load a document inside the page. */
export const UNSAFE_HTML = /<\s*\/?\s*(?:script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|style)\b|\son[a-z]+\s*=|\b(?:href|src|action|formaction|xlink:href|srcdoc)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i;

/** A URL that runs code or embeds a document when followed. */
export const UNSAFE_URL = /^\s*(?:javascript|vbscript|data)\s*:/i;

/**
 * The raw HTML with what runs code removed and everything else kept: tags and
 * attributes a doc uses for layout (details, summary, kbd, br, img, tables,
 * class, id, width…) stay; scripts and their contents go.
 */
export function sanitizeRawHtml(html: string): string {
	const sanitizeHtml = sanitizer();
	return sanitizeHtml(html, {
		// sanitize-html's safe defaults (text, lists, tables, links…) plus what docs use for layout.
		allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'details', 'summary', 'span', 'kbd', 'sup', 'sub', 'del', 'ins', 'mark', 'figure', 'figcaption', 'picture', 'source', 'video', 'audio', 'input', 'center', 'u', 's', 'small', 'abbr', 'time', 'var', 'samp', 'q', 'cite', 'dfn'],
		disallowedTagsMode: 'discard',
		allowedAttributes: false,
		// Attributes are kept unless they run code; sanitize-html drops every on* handler and unsafe scheme below.
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'srcset', 'xlink:href'],
		allowProtocolRelative: true,
		nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object'],
		transformTags: {
			'*': (tagName, attribs) => ({
				tagName,
				attribs: Object.fromEntries(Object.entries(attribs).filter(([name]) => !/^on/i.test(name) && name.toLowerCase() !== 'srcdoc')),
			}),
		},
	});
}
