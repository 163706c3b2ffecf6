/** Splits a Markdown file into its YAML frontmatter and body, keeping offsets and lines so problems can point at the source. */
import type { Document } from 'yaml';
import { jsYaml, yaml } from './lazy.ts';

export interface Frontmatter {
	/** The YAML text between the `---` fences. */
	yaml: string;
	/** Offset of the first YAML character in the file's text. */
	yamlOffset: number;
	/** Everything after the closing fence's line. */
	body: string;
	/** Offset of the body in the file's text. */
	bodyOffset: number;
	/** 1-based line on which the body starts. */
	bodyLine: number;
}

export type Split =
	| { kind: 'frontmatter'; frontmatter: Frontmatter }
	/** The file does not start with a `---` line. */
	| { kind: 'none' }
	/** It starts with `---` but no closing `---` line follows. */
	| { kind: 'unterminated' };

const FENCE = /^---[ \t]*\r?$/;

export function split(text: string): Split {
	const firstEnd = text.indexOf('\n');
	const first = firstEnd === -1 ? text : text.slice(0, firstEnd);
	if (!FENCE.test(first)) return { kind: 'none' };
	let offset = firstEnd + 1;
	let line = 2;
	while (firstEnd !== -1 && offset <= text.length) {
		const end = text.indexOf('\n', offset);
		const current = end === -1 ? text.slice(offset) : text.slice(offset, end);
		if (FENCE.test(current)) {
			const bodyOffset = end === -1 ? text.length : end + 1;
			return {
				kind: 'frontmatter',
				frontmatter: {
					yaml: text.slice(firstEnd + 1, offset),
					yamlOffset: firstEnd + 1,
					body: text.slice(bodyOffset),
					bodyOffset,
					bodyLine: line + 1,
				},
			};
		}
		if (end === -1) break;
		offset = end + 1;
		line++;
	}
	return { kind: 'unterminated' };
}

/** The frontmatter block of `text`, or undefined when the file has none (or never closes it). */
export function splitFrontmatter(text: string): Frontmatter | undefined {
	const s = split(text.replace(/^\uFEFF/, ''));
	return s.kind === 'frontmatter' ? s.frontmatter : undefined;
}

/** Parses frontmatter YAML into a document that remembers where each key and value stands. */
export function parseFrontmatter(fm: Frontmatter): Document.Parsed {
	return yaml().parseDocument(fm.yaml, { prettyErrors: false, uniqueKeys: true, lineCounter: new (yaml().LineCounter)() });
}

/**
 * Frontmatter YAML as plain data, read as Astro reads it (js-yaml), with the core schema so dates stay text
 * (`2026-02-30` is reported, not rolled over to March). Throws on YAML it cannot read.
 */
export function frontmatterData(fm: Frontmatter): unknown {
	return jsYaml().load(fm.yaml, { schema: jsYaml().CORE_SCHEMA });
}
