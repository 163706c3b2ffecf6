/**
 * Unsafe-publishing rules: raw HTML that would run code on the site (a script, a
 * frame, an event handler), links or images to `javascript:`/`data:` URLs, and
 * images from hosts the team has not named. The site drops or changes them
 * (src/integration/safe-html.ts, same definitions); `check` says so, so the writer
 * knows the page will not show what the source says.
 */
import { decodeHTML } from 'entities';
import type { DiagnosticList } from '../diagnostics.ts';
import type { MarkdownOutline } from '../markdown.ts';
import { blockedImage, DROPPED_WITH_CONTENT, isSafeUrl, remoteHost, schemeOf, TABLE_ALIGN, UNSAFE_HTML } from '../unsafe-html.ts';
import { placeholderTag } from '../placeholder-tags.ts';

/** Elements the site drops with their content (src/lib/unsafe-html.ts) that `UNSAFE_HTML` does not already name. */
const DROPPED = new RegExp(`<\\s*(${[...DROPPED_WITH_CONTENT].filter((tag) => !UNSAFE_HTML.test(`<${tag}>`)).join('|')})\\b`, 'i');
const STYLE = /<[a-z][^<>]{0,2000}?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function checkUnsafeHtml(file: string, own: MarkdownOutline, bodyLine: number, diagnostics: DiagnosticList): void {
	for (const h of own.html) {
		const placeholder = placeholderTag(h.value);
		if (placeholder) {
			const at = { line: bodyLine + h.line - 1, column: h.column, endLine: bodyLine + h.line - 1, endColumn: h.column + h.value.trim().length };
			diagnostics.info(file, at, 'html-placeholder', `"${h.value.trim()}" is no HTML element: the site shows it as text`, `to show it as code, write \`${h.value.trim()}\``);
			continue;
		}
		const at = { line: bodyLine + h.line - 1, column: h.column, endLine: bodyLine + h.line - 1, endColumn: h.column + 1 };
		// What the site leaves out that runs nothing: an element with all it holds (an svg, a text area), a style.
		const dropped = DROPPED.exec(h.value)?.[1];
		if (dropped) {
			const tag = dropped.toLowerCase();
			const fix = `to show the tag as text, write it as code: \`<${tag}>\`; ${tag === 'svg' ? 'to show a drawing, keep it as an .svg file in the repository and link it as an image: ![what it shows](diagram.svg)' : 'for what it holds, write Markdown'}`;
			diagnostics.warn(file, at, 'dropped-html', `<${tag}> in raw HTML: the site leaves it out, with all it holds`, fix);
		}
		// (A table cell's text-align is kept: the site makes it a class.)
		if ([...h.value.matchAll(STYLE)].some((m) => !TABLE_ALIGN.test(m[1] ?? m[2] ?? m[3] ?? ''))) diagnostics.info(file, at, 'dropped-style', 'a style attribute in raw HTML: the site shows the element without it (a doc cannot restyle the site)', 'use Markdown for emphasis and layout; a table column aligns with :--- / ---:');
		const m = UNSAFE_HTML.exec(h.value);
		if (!m) {
			// Spelt with entities or tabs (`jav&#x09;ascript:`): found as a browser reads it, reported at the HTML's start.
			const read = UNSAFE_HTML.exec(decodeHTML(h.value).replace(/[\t\n\r]/g, ''));
			if (read) diagnostics.warn(file, at, 'unsafe-html', `raw HTML that would run code on the site, in disguise ("${read[0].trim().replace(/\s+/g, ' ')}…" once its entities are read): the site drops it`, 'remove it; for an example of HTML, put it in a code block');
			continue;
		}
		// Position of the match inside the HTML node: its line and column in the file.
		// Point at the tag or attribute itself, not the space before it.
		const lead = /^\s*/.exec(m[0])![0].length;
		const before = h.value.slice(0, m.index + lead);
		const lineOffset = (before.match(/\n/g) ?? []).length;
		const column = lineOffset ? before.length - before.lastIndexOf('\n') : h.column + before.length;
		const line = bodyLine + h.line - 1 + lineOffset;
		const shown = m[0].trim().replace(/\s+/g, ' ');
		diagnostics.warn(file, { line, column, endLine: line, endColumn: column + m[0].length - lead }, 'unsafe-html', `raw HTML that would run code on the site ("${shown}…"): the site drops it`, 'remove it; for an example of HTML, put it in a code block');
	}
	for (const ref of own.refs) {
		if (isSafeUrl(ref.url)) continue;
		const at = { line: bodyLine + ref.line - 1, column: ref.column, endLine: bodyLine + ref.endLine - 1, endColumn: ref.endColumn };
		const scheme = schemeOf(ref.url)!;
		diagnostics.warn(file, at, 'unsafe-html', `a ${ref.kind} to a ${scheme}: URL, which the site will not publish`, 'link to an https:// page or a document instead');
	}
}

/** Media elements in raw HTML and the attributes that load them, to find a remote image a page would fetch. */
const MEDIA_TAG = /<(img|source|video|audio|input|track)\b([^<>]{0,4000})>/gi;
const MEDIA_ATTRIBUTE = /\b(src|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))/gi;

/**
 * Remote-image rule: an image from a host the config's `imageHosts` does not name is shown as a link, not loaded
 * (an image on a page tells its host who reads it, and when). A warning, so the team can name a host it trusts.
 */
export function checkRemoteImages(file: string, own: MarkdownOutline, bodyLine: number, imageHosts: readonly string[], diagnostics: DiagnosticList): void {
	const policy = { imageHosts };
	const report = (at: { line: number; column: number; endLine: number; endColumn: number }, url: string) => {
		const host = remoteHost(url)!;
		diagnostics.warn(file, at, 'remote-image', `an image from ${host}: the site shows a link to it instead, so that no page loads from a host the team has not named`, `to show it, add "${host}" to imageHosts in sprintbook.config.mjs, or keep a copy of the image in the repository`);
	};
	for (const ref of own.refs) {
		const url = ref.kind === 'image' ? blockedImage('img', { src: ref.url }, policy) : undefined;
		if (url !== undefined) report({ line: bodyLine + ref.line - 1, column: ref.column, endLine: bodyLine + ref.endLine - 1, endColumn: ref.endColumn }, url);
	}
	for (const h of own.html) {
		// Lines counted on from the last tag found, so a block of many images is read once.
		let at = 0;
		let line = bodyLine + h.line - 1;
		let lineStart = -h.column + 1;
		for (const tag of h.value.matchAll(MEDIA_TAG)) {
			for (let nl = h.value.indexOf('\n', at); nl >= 0 && nl < tag.index; nl = h.value.indexOf('\n', nl + 1)) {
				line++;
				lineStart = nl + 1;
			}
			at = tag.index;
			const attributes = Object.fromEntries([...tag[2]!.matchAll(MEDIA_ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), decodeHTML(a[2] ?? a[3] ?? a[4] ?? '')]));
			const url = blockedImage(tag[1]!.toLowerCase(), attributes, policy);
			if (url === undefined) continue;
			const column = tag.index - lineStart + 1;
			report({ line, column, endLine: line, endColumn: column + tag[0].length }, url);
		}
	}
}
