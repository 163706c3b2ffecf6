/**
 * A page's description, for search engines and link previews: the first paragraph of the team's prose, as plain
 * text, cut at a word to about 160 characters. Header label lines ("**Status:** Draft"), headings, lists, tables,
 * quotes, code and HTML are not the prose.
 */
import { inlineText } from './inline-markdown.ts';

const NOT_PROSE = /^(?:#|[-*+]\s|\d+[.)]\s|\||>|<|!\[|(?:-{3,}|\*{3,}|_{3,})$|(?:\*\*|__)[^*_]{1,40}?(?::(?:\*\*|__)|(?:\*\*|__)\s*:))/;

export function summaryOf(body: string | undefined, max = 160): string | undefined {
	if (!body) return undefined;
	const paragraph: string[] = [];
	let fenced = false;
	let comment = false;
	for (const raw of body.split('\n')) {
		const line = raw.trim();
		// An HTML comment over several lines (import keeps a file's own frontmatter in one) is not prose.
		if (comment || (line.startsWith('<!--') && !line.includes('-->'))) {
			comment = !line.includes('-->');
			if (paragraph.length) break;
			continue;
		}
		if (/^(?:```|~~~)/.test(line)) fenced = !fenced;
		else if (!fenced && line && !NOT_PROSE.test(line)) {
			paragraph.push(line);
			continue;
		}
		if (paragraph.length) break;
	}
	const text = inlineText(paragraph.join(' ')).replace(/\s+/g, ' ').trim();
	// A line or two of words is a description; a lone "TBD" or a link is not.
	if (text.split(' ').length < 4) return undefined;
	if (text.length <= max) return text;
	const cut = text.lastIndexOf(' ', max - 1);
	return `${text.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:.–—-]+$/, '')}…`;
}
