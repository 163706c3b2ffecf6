/**
 * Bounded cost: what a document may be before `check` or the build hands it to a parser whose cost grows faster
 * than its size. Sätteri's memory grows with the square of the character references in one paragraph (1 MB of
 * `&#107;` took 22 GB), the MDX compiler's time with the square of its brace nesting (4,000 levels: 12 s), the YAML
 * parsers recurse once per nesting level (a stack overflow near 800), and each YAML alias copies what it names when
 * the data is written out (ten levels of ten aliases is a billion values). Each limit is measured here with one
 * linear scan, before any parser sees the text, and a document over one is a single error at its first line.
 *
 * The defaults sit far above the largest real documents measured (OMC's repository and the archives in
 * docs/decisions/0010-bounded-cost.md): no team doc comes near them. They are constants so that a project setting can
 * replace them later.
 */

import { split } from '../frontmatter.ts';

/** Bytes in one document: 40 times the largest real doc measured (0.2 MB); an 8 MB table of links checks in ~2 s. */
export const MAX_DOC_BYTES = 8 * 1024 * 1024;
/** Character references (`&#107;`, `&amp;`) in one paragraph: 10,000 cost Sätteri 220 MB, 20,000 cost 660 MB. */
export const MAX_CHARACTER_REFERENCES = 2_000;
/** `{` nesting in an MDX body: the compiler's time grows with its square (1,000 levels ~0.7 s, 4,000 ~11 s). */
export const MAX_MDX_BRACE_DEPTH = 100;
/** Nesting of the frontmatter's YAML (block indentation and `[`/`{`): both YAML parsers overflow the stack near 800. */
export const MAX_YAML_DEPTH = 64;
/** Aliases (`*name`) in one frontmatter. */
export const MAX_YAML_ALIASES = 100;
/** Values the frontmatter holds once every alias is replaced by what it names (the data written to the cache and the site). */
export const MAX_YAML_VALUES = 100_000;

/** Broken encodings listed one by one in a document; the rest are counted in one more error. OMC's Sprint 2.8 plan has 39. */
export const MAX_MOJIBAKE_REPORTS = 100;

export interface Excess {
	/** `too-big` for size, `too-pathological` for a shape no parser should be given. */
	rule: 'too-big' | 'too-pathological';
	message: string;
	fix: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/** A document of `bytes` bytes is too big to read at all. */
export function sizeExcess(bytes: number): Excess | undefined {
	if (bytes <= MAX_DOC_BYTES) return undefined;
	return {
		rule: 'too-big',
		message: `this document is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_DOC_BYTES / 1024 / 1024} MB for one document, so it is not read or published`,
		fix: 'split it into several documents, or move generated data (logs, dumps) out of content/',
	};
}

/** The most character references in one paragraph (text between blank lines) of `text`: one pass. */
export function characterReferences(text: string): number {
	let most = 0;
	let count = 0;
	let lineHasText = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 /* \n */) {
			if (!lineHasText) count = 0; // a blank line ends the paragraph
			lineHasText = false;
		} else if (c !== 32 && c !== 9 && c !== 13) {
			lineHasText = true;
			if (c === 38 /* & */) {
				const next = text.charCodeAt(i + 1);
				// `&#…` or `&name`: what a Markdown parser tries as a reference.
				if (next === 35 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
					count++;
					if (count > most) most = count;
				}
			}
		}
	}
	return most;
}

/** The deepest `{` nesting of `text` (an unmatched `}` is ignored, an unclosed `{` counts): one pass. */
export function braceDepth(text: string): { depth: number; offset: number } {
	let depth = 0;
	let most = 0;
	let offset = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 92 /* \ */) i++; // `\{` is a literal brace in MDX
		else if (c === 123) {
			if (++depth > most) [most, offset] = [depth, i];
		} else if (c === 125 && depth > 0) depth--;
	}
	return { depth: most, offset };
}

/**
 * The nesting depth and the number of aliases of a YAML text, in one pass that knows quotes and comments but
 * builds nothing. Depth counts block levels (each deeper indentation, each `- ` or `? ` that opens a node on the
 * same line) plus open flow collections; an alias is a `*name` where a value may start.
 */
export function yamlShape(yaml: string): { depth: number; aliases: number } {
	const indents: number[] = []; // indentation of each open block level
	let flow = 0;
	let most = 0;
	let aliases = 0;
	let quote = 0; // the open quote's char code, or 0
	let blockScalarIndent = -1; // inside a `|` or `>` scalar: the indentation of its parent line
	let lineStart = 0;
	while (lineStart <= yaml.length) {
		let end = yaml.indexOf('\n', lineStart);
		if (end === -1) end = yaml.length;
		let i = lineStart;
		while (i < end && yaml.charCodeAt(i) === 32) i++;
		const indent = i - lineStart;
		const blank = i >= end || yaml.charCodeAt(i) === 13 || yaml.charCodeAt(i) === 35; /* # */
		if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
			lineStart = end + 1; // text of a block scalar: no structure in it
			continue;
		}
		blockScalarIndent = -1;
		if (!quote && !flow && !blank) {
			while (indents.length && indents.at(-1)! >= indent) indents.pop();
			indents.push(indent);
		}
		// Compact nodes on one line: `- - - x`, `? - x`.
		let extra = 0;
		let valueStart = true; // a value may start here: after the indentation, `- `, `: `, `[`, `{`, `,`
		for (; i < end; i++) {
			const c = yaml.charCodeAt(i);
			if (quote) {
				if (quote === 34 && c === 92) i++; // an escape inside "…"
				else if (c === quote) {
					if (quote === 39 && yaml.charCodeAt(i + 1) === 39) i++; // '' inside '…'
					else quote = 0;
				}
				continue;
			}
			if (c === 32 || c === 9 || c === 13) continue;
			const next = yaml.charCodeAt(i + 1);
			const spaceAfter = i + 1 >= end || next === 32 || next === 9 || next === 13;
			if (c === 35 && (i === lineStart || yaml.charCodeAt(i - 1) === 32 || yaml.charCodeAt(i - 1) === 9)) break; // a comment
			if (valueStart && (c === 34 || c === 39)) {
				quote = c;
				valueStart = false;
			} else if (valueStart && (c === 91 || c === 123)) {
				if (indents.length + flow++ >= most) most = indents.length + flow; // [ { (a value may start right after)
			}
			else if (flow && (c === 93 || c === 125)) {
				flow--;
				valueStart = false;
			} else if (valueStart && c === 42 /* * */) {
				aliases++;
				valueStart = false;
			} else if ((c === 45 || c === 63) && spaceAfter && valueStart) {
				if (!flow) extra++; // - ? open a node, and its value may follow
			} else if (c === 58 && (spaceAfter || flow)) valueStart = true; // :
			else if (c === 44 && flow) valueStart = true; // ,
			else if ((c === 124 || c === 62) && valueStart && !flow) {
				blockScalarIndent = indent; // | >: the lines below, indented more, are text
				break;
			} else valueStart = false;
		}
		const depth = indents.length + Math.max(0, extra - 1) + flow;
		if (depth > most) most = depth;
		lineStart = end + 1;
	}
	return { depth: most, aliases };
}

/**
 * How many values `data` (as js-yaml returns it: an alias is the same object again) holds once every alias is
 * written out in full, counted without writing anything: each object's count is worked out once. Stops counting
 * past `limit`.
 */
export function expandedValues(data: unknown, limit = MAX_YAML_VALUES): number {
	const counted = new Map<object, number>();
	const count = (value: unknown, depth: number): number => {
		if (value === null || typeof value !== 'object' || value instanceof Date) return 1;
		const known = counted.get(value);
		if (known !== undefined) return known;
		if (depth > MAX_YAML_DEPTH * 4) return limit + 1; // a cycle, or nesting no frontmatter has
		let total = 1;
		for (const child of Array.isArray(value) ? value : Object.values(value)) {
			total += count(child, depth + 1);
			if (total > limit) break;
		}
		counted.set(value, total);
		return total;
	};
	return count(data, 0);
}

/**
 * The first limit a document's text is over, or nothing: its frontmatter's YAML and, for MDX (`isMdx`), its body
 * are found here, so check, import and the loaders all measure the same parts.
 */
export function shapeExcess(text: string, isMdx: boolean): Excess | undefined {
	const fm = split(text);
	const yaml = fm.kind === 'frontmatter' ? fm.frontmatter.yaml : undefined;
	const mdxBody = isMdx ? (fm.kind === 'frontmatter' ? fm.frontmatter.body : text) : undefined;
	const refs = characterReferences(text);
	if (refs > MAX_CHARACTER_REFERENCES) {
		return {
			rule: 'too-pathological',
			message: `one paragraph of this document has ${n(refs)} character references (like &#107; or &amp;), over the limit of ${n(MAX_CHARACTER_REFERENCES)}: the Markdown renderer's memory grows with their square, so it is not rendered`,
			fix: 'write the characters themselves instead of their references, or split the paragraph with blank lines',
		};
	}
	if (yaml !== undefined) {
		const { depth, aliases } = yamlShape(yaml);
		if (depth > MAX_YAML_DEPTH) {
			return {
				rule: 'too-pathological',
				message: `the frontmatter's YAML is nested ${n(depth)} levels deep, over the limit of ${MAX_YAML_DEPTH}: the YAML parsers would run out of stack, so it is not read`,
				fix: 'flatten the frontmatter: fields hold text, dates, numbers and short lists',
			};
		}
		if (aliases > MAX_YAML_ALIASES) {
			return {
				rule: 'too-pathological',
				message: `the frontmatter has ${n(aliases)} YAML aliases (*name), over the limit of ${MAX_YAML_ALIASES}: each copies what it names, so it is not read`,
				fix: 'write the values out instead of using anchors (&name) and aliases (*name)',
			};
		}
	}
	if (mdxBody !== undefined) {
		const { depth } = braceDepth(mdxBody);
		if (depth > MAX_MDX_BRACE_DEPTH) {
			return {
				rule: 'too-pathological',
				message: `this MDX document nests { braces ${n(depth)} levels deep, over the limit of ${MAX_MDX_BRACE_DEPTH}: the MDX compiler's time grows with its square, so it is not compiled`,
				fix: 'write a literal brace as \\{, or close each { with a }',
			};
		}
	}
	return undefined;
}

/** The error for frontmatter whose aliases expand to more than MAX_YAML_VALUES values. */
export function expansionExcess(values: number): Excess | undefined {
	if (values <= MAX_YAML_VALUES) return undefined;
	return {
		rule: 'too-pathological',
		message: `the frontmatter's YAML aliases (*name) expand to more than ${n(MAX_YAML_VALUES)} values: each copies what it names, so it is not read`,
		fix: 'write the values out instead of using anchors (&name) and aliases (*name)',
	};
}
