/**
 * Frontmatter rules: the block exists and closes, its YAML parses, and its
 * data passes the collection's zod schema. Every zod issue is placed on the
 * YAML key or value it is about, using the parser's source ranges.
 */
import type { Node, Pair } from 'yaml';
import type { z } from 'astro/zod';
import { closest } from '../graph.ts';
import { DiagnosticList, offsetToPosition, type Position } from '../diagnostics.ts';
import { frontmatterData, parseFrontmatter, split, type Frontmatter } from '../frontmatter.ts';
import type { SourceText } from '../source.ts';
import { yaml } from '../lazy.ts';
import { expandedValues, expansionExcess } from './limits.ts';

export interface ParsedFrontmatter {
	frontmatter: Frontmatter;
	/** Parsed YAML, for locating values later (references). */
	locate: (path: ReadonlyArray<PropertyKey>, what?: 'key' | 'value') => Position;
	/** Validated data, when the schema accepted it. */
	data?: Record<string, unknown>;
	/** Raw data as parsed, even when invalid: cross-file rules still want the sprint number. */
	raw: Record<string, unknown>;
}

/** Example value per kind of field, used in fixes when the schema's own message has none. */
const REQUIRED_HINT: Record<string, string> = {
	sprint: 'sprint: "2.8"',
	title: 'title: Test Stabilization',
	status: 'status: draft',
	date: 'date: 2026-01-17',
	goal: 'goal: One sentence on what the sprint achieves',
	tests: 'tests: { passing: 645, total: 661 }',
	kind: 'kind: notes',
	updated: 'updated: 2026-01-17',
	milestones: 'milestones: [{ sprint: "2.8", title: …, status: ready }]',
	id: 'id: byom',
};

export function checkFrontmatter(
	file: string,
	source: SourceText,
	schema: z.ZodType,
	diagnostics: DiagnosticList,
	exampleLine: string,
): ParsedFrontmatter | undefined {
	const s = split(source.text);
	if (s.kind === 'none') {
		diagnostics.error(file, { line: 1, column: 1 }, 'frontmatter-missing', 'no frontmatter: the file must start with a `---` line, its YAML fields, and a closing `---` line', `---\n${exampleLine}\n---`);
		return undefined;
	}
	if (s.kind === 'unterminated') {
		diagnostics.error(file, { line: 1, column: 1, endColumn: 4 }, 'frontmatter-unterminated', 'the frontmatter opened on line 1 is never closed, so the whole file would be read as YAML', 'add a line with just `---` after the last frontmatter field');
		return undefined;
	}
	const fm = s.frontmatter;
	// Fast path: js-yaml, the parser Astro itself reads frontmatter with. The slower `yaml`
	// parser, which keeps source positions, runs only when there is something to point at.
	let fast: unknown;
	let fastFailed = false;
	try {
		fast = frontmatterData(fm);
	} catch {
		fastFailed = true;
	}
	// js-yaml gives an alias the same object again, which costs nothing until the data is copied or written out
	// (the cache, the site): a frontmatter whose aliases multiply into more values than any doc holds stops here.
	const expanded = fastFailed ? undefined : expansionExcess(expandedValues(fast));
	if (expanded) {
		diagnostics.error(file, { line: 1, column: 1 }, expanded.rule, expanded.message, expanded.fix);
		return undefined;
	}
	const { positioned, range, walk, locate } = locatorFor(source, fm);

	if (fastFailed && positioned().errors.length > 0) {
		for (const e of positioned().errors) {
			diagnostics.error(file, range(e.pos), 'yaml-syntax', `YAML syntax: ${e.message.split('\n')[0]}`, yamlFix(e.code));
		}
		return undefined;
	}
	// A YAML tag (`!foo`, `!!js/function`) is no text a doc needs, and Astro's reader stops the whole build on one:
	// each is reported where it stands, and the doc goes no further.
	if (/(?:^|[\s:\-[{,])!/.test(fm.yaml)) {
		const tagged: Array<{ tag: string; range: [number, number, number] }> = [];
		const { visit, isScalar, isMap, isSeq } = yaml();
		visit(positioned(), {
			Node(_, node) {
				if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && node.range && /!/.test(fm.yaml.slice(node.range[0] - node.tag.length - 2, node.range[1]))) tagged.push({ tag: node.tag, range: node.range });
			},
		});
		for (const t of tagged) {
			let at = fm.yaml.lastIndexOf('!', t.range[0]);
			while (at > 0 && fm.yaml[at - 1] === '!') at--; // `!!js/function` starts at its first "!".
			diagnostics.error(file, range([at, t.range[1]]), 'yaml-tag', `YAML tag "${fm.yaml.slice(at, t.range[0]).trim() || t.tag}": the site reads frontmatter as plain data and would stop the build on it`, 'remove the tag, and quote the value if it starts with "!", e.g. title: "!important"');
		}
		if (tagged.length) return undefined;
	}
	let raw: unknown = fast;
	if (fastFailed) {
		try {
			raw = positioned().toJS();
		} catch (error) {
			// Parses, but cannot become data: an alias (`*x`) to an anchor that does not exist, say.
			const alias = /\*[\w-]+/.exec(fm.yaml);
			const where = alias ? range([alias.index, alias.index + alias[0].length]) : { line: 2, column: 1 };
			diagnostics.error(file, where, 'yaml-syntax', `YAML syntax: ${(error as Error).message.split('\n')[0]}`, 'quote values that start with `*` or `&`, e.g. title: "*important*"');
			return undefined;
		}
	}
	if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
		diagnostics.error(file, { line: 2, column: 1 }, 'frontmatter-not-a-map', 'the frontmatter must be a list of `field: value` lines', exampleLine);
		return undefined;
	}

	const result = schema.safeParse(raw);
	if (!result.success) {
		for (const issue of result.error.issues) reportIssue(file, issue, raw as Record<string, unknown>, schema, fm, locate, walk, diagnostics);
	}
	return { frontmatter: fm, locate, raw: raw as Record<string, unknown>, data: result.success ? (result.data as Record<string, unknown>) : undefined };
}

/**
 * Source positions in a document's frontmatter, from the `yaml` parser (which keeps ranges), parsed only when
 * first asked: most documents are valid and never need it. Also used by `check` for a document whose analysis
 * came from the cache, when a cross-file rule has something to point at in it.
 */
export function locatorFor(source: SourceText, fm: Frontmatter) {
	let parsedDoc: ReturnType<typeof parseFrontmatter> | undefined;
	const positioned = () => (parsedDoc ??= parseFrontmatter(fm));
	const at = (offset: number): { line: number; column: number } =>
		offsetToPosition(source.lineStarts, fm.yamlOffset + Math.min(offset, fm.yaml.length));
	const range = (r: readonly [number, number, number?] | undefined | null): Position => {
		if (!r) return { line: 1, column: 1 };
		const start = at(r[0]);
		const end = at(r[1]);
		return { ...start, endLine: end.line, endColumn: end.column };
	};

	/** Walks the YAML tree along a zod path, returning the pair and the node at its end. */
	const walk = (path: ReadonlyArray<PropertyKey>) => {
		const doc = positioned();
		const { isMap, isScalar, isSeq } = yaml();
		let node: unknown = doc.contents;
		let pair: Pair | undefined;
		let parent: unknown = undefined;
		for (const seg of path) {
			parent = node;
			if (isMap(node)) {
				pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
				node = pair?.value;
			} else if (isSeq(node)) {
				node = node.items[Number(seg)];
				pair = undefined;
			} else return { node: undefined, pair: undefined, parent, found: false };
			if (node === undefined || node === null) return { node: undefined, pair, parent, found: !!pair };
		}
		return { node: node as Node | undefined, pair, parent, found: true };
	};
	const locate = (path: ReadonlyArray<PropertyKey>, what: 'key' | 'value' = 'value'): Position => {
		const { node, pair, parent, found } = walk(path);
		const { isMap, isScalar, isSeq } = yaml();
		if (found && what === 'key' && pair && isScalar(pair.key)) return range(pair.key.range);
		if (found && node) return range((node as Node).range);
		if (found && pair && isScalar(pair.key)) return range(pair.key.range);
		// Missing: point at the enclosing node, or the opening fence for a top-level field.
		if (parent && (isMap(parent) || isSeq(parent)) && parent !== positioned().contents) return range(parent.range);
		return { line: 1, column: 1, endColumn: 4 };
	};

	return { positioned, range, walk, locate };
}

function yamlFix(code: string): string | undefined {
	switch (code) {
		case 'DUPLICATE_KEY':
			return 'keep one of the two fields with this name';
		case 'BAD_INDENT':
		case 'MISSING_CHAR':
			return 'check the indentation: nested fields use the same number of spaces';
		case 'TAB_AS_INDENT':
			return 'indent with spaces, not tabs';
		default:
			return 'quote values that contain `: ` or start with a special character, e.g. title: "A: B"';
	}
}

type Walk = (path: ReadonlyArray<PropertyKey>) => { node: Node | undefined; pair: Pair | undefined; found: boolean };

function reportIssue(
	file: string,
	issue: z.core.$ZodIssue,
	raw: Record<string, unknown>,
	schema: z.ZodType,
	fm: Frontmatter,
	locate: ParsedFrontmatter['locate'],
	walk: Walk,
	diagnostics: DiagnosticList,
): void {
	const field = issue.path.map(String).join('.') || '(frontmatter)';
	const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);

	if (issue.code === 'unrecognized_keys') {
		const known = knownKeys(schema, issue.path);
		for (const key of issue.keys) {
			const guess = known ? closest(key, known, 3) : undefined;
			diagnostics.error(
				file,
				locate([...issue.path, key], 'key'),
				'unknown-field',
				`unknown field "${[...issue.path.map(String), key].join('.')}"${guess ? `: did you mean "${guess}"?` : ''}`,
				guess ? `rename it to ${guess}` : `remove it${known ? ` (allowed here: ${known.join(', ')})` : ''}`,
			);
		}
		return;
	}
	const missing = issue.code === 'invalid_type' && value === undefined && !walk(issue.path).found;
	if (missing) {
		const name = String(issue.path.at(-1) ?? '');
		diagnostics.error(file, locate(issue.path), 'missing-field', `missing required field "${field}": ${issue.message.replace(/^required: /, '')}`, REQUIRED_HINT[name] ? `add ${REQUIRED_HINT[name]}` : `add ${name}: …`);
		return;
	}
	const at = locate(issue.path);
	const literal = sourceLiteral(fm, walk(issue.path).node);
	if (issue.code === 'invalid_type' && typeof value === 'number' && /sprint|depends_on|next/.test(field)) {
		const written = literal ?? String(value);
		diagnostics.error(
			file,
			at,
			'numeric-sprint',
			written !== String(value)
				? `${field}: sprint numbers must be quoted strings; YAML reads ${written} as the number ${value}, so "${written}" would become ${value}`
				: `${field}: sprint numbers must be quoted strings; YAML reads ${written} as a number, and "2.10" would become 2.1`,
			`"${written}"`,
		);
		return;
	}
	diagnostics.error(file, at, ruleFor(issue), `${field}: ${issue.message}${literal !== undefined && issue.code !== 'custom' && !issue.message.includes('got') ? ` (got ${literal})` : ''}`, fixFor(issue, value));
}

/** The literal text of a YAML scalar as written in the file. */
function sourceLiteral(fm: Frontmatter, node: Node | undefined): string | undefined {
	if (!node || !yaml().isScalar(node) || !node.range) return undefined;
	return fm.yaml.slice(node.range[0], node.range[1]).trim();
}

function ruleFor(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return 'wrong-type';
		case 'invalid_value':
			return 'unknown-value';
		case 'invalid_format':
			return issue.format === 'date' ? 'bad-date' : 'bad-format';
		case 'too_small':
		case 'too_big':
			return 'out-of-range';
		default: {
			// Refinements name their own rule through zod's `params`.
			const rule = (issue as { params?: { rule?: unknown } }).params?.rule;
			return typeof rule === 'string' ? rule : 'invalid-field';
		}
	}
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** For YYYY-MM-DD that names no day ("2026-02-30"): what is wrong, instead of a guess at what was meant. */
function impossibleDay(value: string): string | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12) return `there is no month ${m[2]}: write the date that was meant as YYYY-MM-DD`;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days, so there is no day ${m[3]}: write the date that was meant`;
	return undefined;
}

function fixFor(issue: z.core.$ZodIssue, value: unknown): string | undefined {
	if (issue.code === 'invalid_format' && issue.format === 'date' && typeof value === 'string') {
		const impossible = impossibleDay(value);
		if (impossible) return impossible;
		const parsed = new Date(`${value} UTC`);
		// JavaScript rolls "February 30" over into March; a day that does not exist gets no invented replacement.
		const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(value.replace(/\b\d{4}\b/, ''))?.[1];
		if (!Number.isNaN(parsed.getTime()) && (!day || Number(day) === parsed.getUTCDate())) return parsed.toISOString().slice(0, 10);
		return 'write the date as YYYY-MM-DD, e.g. 2026-01-17';
	}
	if (issue.code === 'invalid_value' && 'values' in issue && typeof value === 'string') {
		const guess = closest(value, issue.values.map(String), 4);
		return guess ? guess : `one of: ${issue.values.join(', ')}`;
	}
	return undefined;
}

/** Field names a strict object accepts at `path`, read from the schema itself. */
function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] | undefined {
	let current: unknown = schema;
	for (const seg of path) {
		current = unwrap(current);
		const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; items?: unknown[] } }).def;
		if (def?.type === 'object') current = def.shape?.[String(seg)];
		else if (def?.type === 'array') current = def.element;
		else if (def?.type === 'tuple') current = def.items?.[Number(seg)];
		else return undefined;
	}
	const def = (unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
	return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** Looks through optional/default/pipe wrappers to the schema underneath. */
function unwrap(schema: unknown): unknown {
	let s = schema as { def?: { type?: string; innerType?: unknown; in?: unknown; out?: unknown } } | undefined;
	for (let i = 0; i < 10 && s?.def; i++) {
		const { type } = s.def;
		if (type === 'optional' || type === 'default' || type === 'nullable' || type === 'prefault') s = s.def.innerType as typeof s;
		else if (type === 'pipe') s = (s.def.in as { def?: { type?: string } })?.def?.type === 'transform' ? (s.def.out as typeof s) : (s.def.in as typeof s);
		else break;
	}
	return s;
}
