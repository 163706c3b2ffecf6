/** Splits a Markdown file into its YAML frontmatter and body, keeping line numbers so problems can point at the source. */
import { parseDocument, type Document } from 'yaml';

export interface Frontmatter {
	/** The YAML text between the `---` fences. */
	yaml: string;
	/** 1-based line of the first YAML line in the file. */
	line: number;
	/** Everything after the closing fence. */
	body: string;
}

const FENCE = /^---[ \t]*\r?$/;

/** The frontmatter block of `text`, or undefined when the file has none (or never closes it). */
export function splitFrontmatter(text: string): Frontmatter | undefined {
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	if (!FENCE.test(lines[0] ?? '')) return undefined;
	const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
	if (close < 0) return undefined;
	return { yaml: lines.slice(1, close).join('\n'), line: 2, body: lines.slice(close + 1).join('\n') };
}

/** Parses frontmatter YAML into a document that remembers where each key and value stands. */
export function parseFrontmatter(fm: Frontmatter): Document.Parsed {
	return parseDocument(fm.yaml, { prettyErrors: false, uniqueKeys: true });
}
