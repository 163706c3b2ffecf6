/**
 * Unsafe-publishing rule: raw HTML that would run code on the site (a script, a
 * frame, an event handler) and links or images to `javascript:`/`data:` URLs.
 * The site drops them (src/integration/safe-html.ts, same definitions); `check`
 * says so, so the writer knows the page will not show what the source says.
 */
import type { DiagnosticList } from '../diagnostics.ts';
import type { MarkdownOutline } from '../markdown.ts';
import { UNSAFE_HTML, UNSAFE_URL } from '../unsafe-html.ts';
import { placeholderTag } from '../placeholder-tags.ts';

export function checkUnsafeHtml(file: string, own: MarkdownOutline, bodyLine: number, diagnostics: DiagnosticList): void {
	for (const h of own.html) {
		const placeholder = placeholderTag(h.value);
		if (placeholder) {
			const at = { line: bodyLine + h.line - 1, column: h.column, endLine: bodyLine + h.line - 1, endColumn: h.column + h.value.trim().length };
			diagnostics.info(file, at, 'html-placeholder', `"${h.value.trim()}" is no HTML element: the site shows it as text`, `to show it as code, write \`${h.value.trim()}\``);
			continue;
		}
		const m = UNSAFE_HTML.exec(h.value);
		if (!m) continue;
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
		if (!UNSAFE_URL.test(ref.url)) continue;
		const at = { line: bodyLine + ref.line - 1, column: ref.column, endLine: bodyLine + ref.endLine - 1, endColumn: ref.endColumn };
		const scheme = /^\s*([a-z]+):/i.exec(ref.url)![1]!.toLowerCase();
		diagnostics.warn(file, at, 'unsafe-html', `a ${ref.kind} to a ${scheme}: URL, which the site will not publish`, 'link to an https:// page or a document instead');
	}
}
