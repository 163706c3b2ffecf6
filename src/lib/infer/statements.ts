/**
 * What each document states about sprints, line by line: the candidates for every fact, before any is chosen.
 * A document of one sprint speaks through its header labels (not its footer: that is the document's own state),
 * its own frontmatter, its goal section, its whole-suite test figure and its dependency statements; a document
 * about many sprints (a roadmap, a status board, a master plan, a log) through a heading per sprint and the lines
 * right under it, and through tables with a Sprint column.
 */
import { PART, readSuiteFigure } from '../import/suite-figures.ts';
import { readGoalSection } from '../import/metadata.ts';
import { otherNumbering } from '../import/classify.ts';
import { compareSprints } from '../sprints.ts';
import { readDay, readPeriod, spanIn } from './dates.ts';
import { labelFact, type LabelFact } from './labels.ts';
import type { DocRole } from './role.ts';
import { readStatus } from './status.ts';

export type FactValue =
	| { fact: 'status'; value: string; weak?: boolean }
	| { fact: 'start' | 'end'; value: string; weak?: boolean; inDoubt?: boolean }
	| { fact: 'goal'; value: string }
	| { fact: 'tests'; value: { passing: number; total: number } }
	| { fact: 'depends_on'; value: string[] }
	/** The day a retrospective or review was held: no fact of its own, but a bound on the end. */
	| { fact: 'heldOn'; value: string }
	/** Tests the sprint's closing documents say were skipped: no fact of its own, but a suite "all passing" leaves them out. */
	| { fact: 'skipped'; value: number }
	/** A section of a document about many sprints is about this one: the sprint exists, whatever else it states. */
	| { fact: 'section'; value: string };

export type Statement = FactValue & {
	sprint: string;
	/** Path of the document as the team keeps it, and the 1-based line. */
	file: string;
	line: number;
	/** What kind of document says it: one of the sprint's own, or one about many sprints. */
	from: DocRole | 'many';
	/** The day the statement was made, when its place says (a log entry's dated heading). */
	date?: string;
};

export interface InferDoc {
	file: string;
	lines: readonly string[];
	/** The sprint the document belongs to; undefined for a document about the project or many sprints. */
	sprint?: string;
	role: DocRole | 'many';
}

const LABEL = /^\s*(?:>\s*)?(?:[-*]\s+)?\*\*([^*:：]{1,40}?)(?:[:：]\*\*|\*\*\s*[:：])\s*(.*?)\s*$|^\s*\|\s*(?:\*\*)?([^|*:]{1,40}?)(?:\*\*)?[:：]?\s*\|\s*([^|]*?)\s*\|\s*$/;

/** `**Key:** value` or a two-cell table row, as key and value. */
function labelOn(line: string): { key: string; value: string } | undefined {
	const m = LABEL.exec(line);
	if (!m) return undefined;
	const key = (m[1] ?? m[3] ?? '').trim();
	const value = (m[2] ?? m[4] ?? '').trim();
	return key && value ? { key, value } : undefined;
}

/**
 * Inline Markdown read as the words it shows: **emphasis** loses its marks, a [link](url) keeps its text, and `code`
 * its marks too unless `keepCode` — a title or goal lifted into frontmatter keeps them, and the site renders them
 * (src/lib/inline-markdown.ts).
 */
export function plainInline(raw: string, keepCode = false): string {
	// Code spans are the team's words as they are: no mark inside one is touched ("`__init__`").
	return raw
		.split(/(`+[^`]*`+)/)
		.map((part, i) => (i % 2 ? (keepCode ? part : part.replace(/^`+|`+$/g, '')) : stripMarks(part)))
		.join('');
}
const stripMarks = (raw: string) =>
	raw
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
		.replace(/\*\*|__/g, '');

/**
 * Text of a goal as a reader should see it: no emphasis or links, no trailing "✅ **UPDATED Oct 8**" annotations;
 * code spans kept (the site renders them; `sprints` prints the words).
 */
export function cleanGoal(raw: string): string | undefined {
	const t = plainInline(raw.replace(/\s*(?:✅|🔄|⚠️)\s*\**\s*(?:UPDATED|EXTENDED|EXPANDED|REVISED|CHANGED)\b.*$/u, ''), true)
		.replace(/\s+/g, ' ')
		.trim();
	// "…system for Android that:" is the start of a list, not a goal.
	return t.length >= 8 && !/[:：]$/.test(t) ? t : undefined;
}

/**
 * What one labelled value states, by the fact its label names: a status, a span of days or one day, a goal. The one
 * reading every place uses — a doc's header, its own frontmatter, a roadmap's section.
 */
function labelStatements(fact: LabelFact | undefined, value: string): FactValue[] {
	switch (fact) {
		case 'status': {
			const status = readStatus(value);
			return status ? [{ fact: 'status', value: status }] : [];
		}
		case 'period': {
			const p = readPeriod(value);
			return p ? periodStatements(p) : [];
		}
		case 'start':
		case 'end': {
			const day = readDay(value);
			return day ? [{ fact, value: day }] : [];
		}
		case 'goal': {
			const goal = cleanGoal(value);
			return goal ? [{ fact: 'goal', value: goal }] : [];
		}
		default:
			return [];
	}
}

/** A span's start and end; an end in doubt is said as such (weigh hears it, and takes no other end in its place). */
function periodStatements(p: NonNullable<ReturnType<typeof readPeriod>>): FactValue[] {
	return [
		{ fact: 'start', value: p.start },
		{ fact: 'end', value: p.end, ...(p.endInDoubt ? { inDoubt: true } : {}) },
	];
}

/** Lines of the header: up to the second `##` section or 40 lines, whichever comes first (a first "Overview" section still heads the doc). */
function headerEnd(lines: readonly string[]): number {
	let sections = 0;
	for (let i = 1; i < Math.min(lines.length, 40); i++) {
		if (/^#{2,3}\s/.test(lines[i]!) && ++sections === 2) return i;
	}
	return Math.min(lines.length, 40);
}

/** "Sprint 1 & 2", "Sprints 4, 5 and 6", "Sprint 13 (v1.3.0)": the sprints a dependency statement names; none for "None". */
function sprintsNamed(text: string): string[] | undefined {
	if (/^\s*(?:none|n\/a|no(?:ne)?\b|nothing|aucune?|ninguna?|nenhuma|keine|нет|无|なし|없음)/i.test(text.replace(/[*_`]/g, ''))) return [];
	const m = /(?<![\p{L}\p{N}])(?:sprints?|спринт\p{L}*|スプリント|冲刺)\s*(\d+(?:\.\d+)?(?:\s*(?:,|&|and|et|y|und|и|\+|\/)\s*(?:sprint\s+)?\d+(?:\.\d+)?)*)(?!\s*[-–]\s*\d)/iu.exec(text);
	if (!m) return undefined;
	return [...m[1]!.matchAll(/\d+(?:\.\d+)?/g)].map((x) => String(x[0]).replace(/^0+(?=\d)/, ''));
}

/** The statements of one sprint's own document. */
export function sprintDocStatements(doc: InferDoc & { sprint: string }): Statement[] {
	const { file, lines, sprint, role } = doc;
	if (role === 'part' || role === 'other') return [];
	const out: Statement[] = [];
	const say = (s: FactValue, line: number) => out.push({ ...s, sprint, file, line: line + 1, from: role } as Statement);
	const scan = (from: number, to: number) => {
		for (let i = from; i < to; i++) {
			const label = labelOn(lines[i]!);
			if (!label) continue;
			const fact = labelFact(label.key);
			for (const st of labelStatements(fact, label.value)) say(st, i);
			if (fact === 'status' && role === 'closing' && readStatus(label.value) === 'complete') {
				// "COMPLETED (Feb 22, 2026)" in a closing document: the day it finished.
				const day = readDay(label.value);
				if (day) say({ fact: 'end', value: day }, i);
			} else if (fact === 'date' && role === 'closing') {
				// A closing report's date is the day it closed the sprint: an end, but weaker than one stated as such. A
				// retrospective or review is held after the sprint: its date is not the end, but the sprint ran until then
				// at least — a planned end before it is not the day the sprint ended.
				const day = readDay(label.value);
				const held = /retro|review/i.test(file.split('/').pop()!);
				if (day) say(held ? { fact: 'heldOn', value: day } : { fact: 'end', value: day, weak: true }, i);
			}
		}
	};
	const end = headerEnd(lines);
	scan(0, end);
	for (const x of extensions(lines)) if (x.sprint === sprint) say({ fact: 'end', value: x.day }, x.line);
	out.push(...ownFrontmatterStatements(doc));
	// Not the footer: a closing "**Status:** Ready for review" is the document's own state, not the sprint's.
	if (!out.some((s) => s.fact === 'goal')) {
		// A goal section near the top is the sprint's; one deep in the doc is a story's or a phase's.
		const goal = readGoalSection(lines.slice(0, 80));
		if (goal) {
			const at = lines.findIndex((l, i) => i > 0 && plainInline(l).includes(plainInline(goal).slice(0, 30)));
			// "**Primary:** Deliver …" under the heading: the label is not part of the goal.
			const g = cleanGoal(goal.replace(/^(?:primary|main|sprint goal|goal)\s*[:：]\s*/i, ''));
			if (g && at >= 0) say({ fact: 'goal', value: g }, at);
		}
	}
	if (role === 'closing' || role === 'overview') {
		const suite = readSuiteFigure(lines, 'report');
		if (suite.counts && suite.line !== undefined) say({ fact: 'tests', value: suite.counts }, suite.line);
		const skipped = skippedTests(lines);
		if (skipped) say({ fact: 'skipped', value: skipped.count }, skipped.line);
	}
	if (role === 'plan' || role === 'overview') out.push(...dependencyStatements(doc));
	return out;
}

/**
 * "28 tests skipped due to missing permissions", "Skipped: 13 tests": tests a document says were skipped, on a line
 * that is not a part's. A figure that counts them already ("977 passed, 28 skipped") is not troubled by them.
 */
function skippedTests(lines: readonly string[]): { count: number; line: number } | undefined {
	let fenced = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced || !/\btests?\b/i.test(line) || PART.test(line.replace(/\btests? skipped due to\b.*$/i, ''))) continue;
		const m = /\b(\d[\d,]*)\s+(?:tests?\s+)?(?:skipped|skip)\b|\bskipped\s*:?\s*(\d[\d,]*)\s+tests?\b/i.exec(line.replace(/\*\*|__/g, ''));
		const count = m ? Number((m[1] ?? m[2])!.replace(/,/g, '')) : 0;
		if (count > 0) return { count, line: i };
	}
	return undefined;
}

/**
 * "Sprint 5 extended through August 29, 2025", "Sprint 4 prolongé jusqu'au 3 mars 2025": a sentence that moves a
 * sprint's end, wherever it stands in the text (a log of changes, a note under a table). Each yields the sprint it
 * names, the day and the 0-based line.
 */
const EXTENDED =
	/(?<![\p{L}\p{N}])(?:sprint|спринт\p{L}*|スプリント|冲刺)\s*#?\s*(\d+(?:\.\d+)?)\s+(?:(?:was|has been|is|got|been|wurde|fue|a été|è stato)\s+)?(?:extended|prolong[ée]e?|verlängert|extendido|prorrogado|esteso|prorogato|verlengd|продл[её]н)\s+(?:through|to|until|till|up to|jusqu['’]au|bis(?: zum)?|hasta(?: el)?|fino al|tot|до)\s+([^.;]{4,40})/iu;
function extensions(lines: readonly string[]): Array<{ sprint: string; day: string; line: number }> {
	const out: Array<{ sprint: string; day: string; line: number }> = [];
	let fenced = false;
	lines.forEach((raw, i) => {
		if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
		const m = fenced ? null : EXTENDED.exec(raw.replace(/\*\*|__/g, ''));
		const day = m && readDay(m[2]!.replace(/\(.*$/, ''));
		if (m && day) out.push({ sprint: m[1]!.replace(/^0+(?=\d)/, ''), day, line: i });
	});
	return out;
}

/** The marker import puts before a file's own frontmatter, which it keeps word for word in a comment. */
export const OWN_FRONTMATTER = '<!-- sprintbook import: the file\'s own frontmatter';

/**
 * A document's own frontmatter (another tool's, or the team's) is a statement like any other line: read with the
 * same words, weighed with the rest — not trusted blindly.
 */
function ownFrontmatterStatements({ file, lines, sprint, role }: InferDoc & { sprint: string }): Statement[] {
	if (!lines[0]?.startsWith(OWN_FRONTMATTER)) return [];
	const out: Statement[] = [];
	const say = (s: FactValue, i: number) => out.push({ ...s, sprint, file, line: i + 1, from: role } as Statement);
	for (let i = 1; i < lines.length && !lines[i]!.startsWith('-->'); i++) {
		const m = /^([A-Za-z][\w -]{0,30}):\s*["']?(.+?)["']?\s*$/.exec(lines[i]!);
		if (!m) continue;
		const key = m[1]!.replace(/_/g, ' ');
		const value = m[2]!;
		const fact = /^depends on$/i.test(key) ? 'depends' : labelFact(key);
		for (const st of labelStatements(fact, value)) say(st, i);
		if (fact === 'depends' && (role === 'plan' || role === 'overview')) {
			const names = /^\[(.*)\]$/.exec(value)?.[1]!.split(',').map((x) => x.trim().replace(/^["']|["']$/g, '')).filter((x) => /^\d+(?:\.\d+)*$/.test(x));
			if (names) say({ fact: 'depends_on', value: names.filter((n) => n !== sprint && compareSprints(n, sprint) < 0) }, i);
		}
	}
	return out;
}

/** Explicit dependency statements: a "Depends on:"/"Dependencies:" label naming sprints, or list items under a Dependencies heading that start with a sprint. */
function dependencyStatements({ file, lines, sprint, role }: InferDoc & { sprint: string }): Statement[] {
	// A "Dependencies:" line in the header is the sprint's; deeper down it is a story's or a task's.
	const header = headerEnd(lines);
	const out: Statement[] = [];
	const add = (names: string[], i: number) => {
		const earlier = names.filter((s) => s !== sprint && compareSprints(s, sprint) < 0);
		out.push({ fact: 'depends_on', value: earlier, sprint, file, line: i + 1, from: role });
	};
	let inSection = 0; // heading level of the Dependencies section we are in, 0 outside
	let fenced = false;
	lines.forEach((line, i) => {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced) return;
		const h = /^(#{1,6})\s+(.*)$/.exec(line);
		if (h) {
			if (inSection && h[1]!.length <= inSection) inSection = 0;
			if (/\b(?:dependencies|dependency|depends on|prerequisites|blocked by|dépendances|dependencias|abhängigkeiten)\b|依赖/i.test(h[2]!) && !/\b(?:package|library|libraries|npm|pip)\b/i.test(h[2]!)) inSection = h[1]!.length;
			return;
		}
		const label = labelOn(line);
		if (label && labelFact(label.key) === 'depends' && (i < header || inSection)) {
			const names = sprintsNamed(label.value);
			if (names) add(names, i);
			return;
		}
		if (inSection) {
			const item = /^\s*[-*+]\s+(?:\[[ xX]\]\s*|\[OK\]\s*|✅\s*|✓\s*)?(?:\*\*)?(.*)$/.exec(line);
			if (item && /^sprints?\s+\d/i.test(item[1]!.replace(/\*\*/g, ''))) {
				const names = sprintsNamed(item[1]!.replace(/\*\*/g, ''));
				if (names?.length) add(names, i);
			}
		}
	});
	return out;
}

/** "Sprint 8" once in a heading, not "Sprints 1–4", not "Phase 2 Sprint 3": the one sprint a heading is about. */
export function sprintOfHeading(text: string): string | undefined {
	const ids = new Set<string>();
	for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:sprints?|спринт\p{L}*|スプリント|冲刺)\s*#?\s*(\d+(?:\.\d+)?)(?!\.\d)(\s*(?:[-–—]|to|&|and|,|\/)\s*\d|\s*\+)?/giu)) {
		if (m[2]) return undefined; // a range, a list of sprints, or "Sprint 2.53+" (that one and later)
		if (otherNumbering(text.slice(0, m.index))) return undefined; // "Phase 2 Sprint 3": another numbering
		ids.add(m[1]!.replace(/^0+(?=\d)/, ''));
	}
	return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * The status a sprint heading states: in brackets, in capitals, or as the words right after the number; else a
 * mark leading the heading ("✅ Sprint 1 (Jun 16-27, 2025) - Foundation"), which is weaker than any word.
 */
function headingStatus(text: string, rest: string): { status: string; weak?: boolean } | undefined {
	const parts: string[] = [];
	for (const m of rest.matchAll(/[([]([^)\]]{2,40})[)\]]/g)) parts.push(m[1]!);
	for (const m of rest.matchAll(/\b[A-Z][A-Z_]{1,}(?:\s+[A-Z][A-Z_]{1,})*\b/g)) parts.push(m[0]);
	const after = /\bsprint\s*#?\s*\d+(?:\.\d+)?\s+(\p{L}+(?:\s+\p{L}+){0,2})\s*$/iu.exec(text);
	if (after) parts.push(after[1]!);
	const fromWords = parts.map((p) => readStatus(p)).find(Boolean);
	if (fromWords) return { status: fromWords };
	const lead = /^[^\p{L}\p{N}]*/u.exec(text)![0].replace(/[\s\p{P}]/gu, '');
	const fromMark = lead ? readStatus(lead) : undefined;
	return fromMark ? { status: fromMark, weak: true } : undefined;
}

/** The statements of a document about many sprints. */
export function manyDocStatements(doc: InferDoc): Statement[] {
	const { file, lines } = doc;
	const out: Statement[] = [];
	// A log's entry is dated in its heading ("## [2026-03-01] - Sprint 2.36 …"): its statements carry that day.
	const say = (sprint: string, s: FactValue, line: number) => out.push({ ...s, sprint, file, line: line + 1, from: 'many', ...(section?.date ? { date: section.date } : {}) } as Statement);
	let section: { sprint: string; level: number; start: number; date?: string } | undefined;
	let columns: { sprint: number; status: number; dates: number } | undefined;
	let fenced = false;
	let lastHeading = -1;
	lines.forEach((raw, i) => {
		if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
		if (fenced) return;
		const h = /^(#{1,6})\s+(.*)$/.exec(raw);
		if (h) lastHeading = i;
		if (h) {
			const level = h[1]!.length;
			if (section && level <= section.level) section = undefined;
			const sprint = sprintOfHeading(h[2]!);
			if (sprint && level >= 2) {
				const day = readDay(h[2]!.replace(/\([^)]*\)/g, ''));
				section = { sprint, level, start: i, ...(day && !spanIn(h[2]!) ? { date: day } : {}) };
				say(sprint, { fact: 'section', value: h[2]! }, i);
				const status = headingStatus(h[2]!, h[2]!.replace(/(?:sprint|спринт|スプリント|冲刺)\s*#?\s*\d+(?:\.\d+)?/iu, ''));
				if (status) say(sprint, { fact: 'status', value: status.status, ...(status.weak ? { weak: true } : {}) }, i);
				const span = spanIn(h[2]!);
				if (span) {
					say(sprint, { fact: 'start', value: span.start }, i);
					say(sprint, { fact: 'end', value: span.end }, i);
				}
			}
			columns = undefined;
			return;
		}
		const line = raw.trim();
		if (line.startsWith('|')) {
			const cells = line.split('|').slice(1, -1).map((c) => c.replace(/\*\*/g, '').trim());
			if (cells.every((c) => /^:?-*:?$/.test(c))) return;
			const lower = cells.map((c) => c.toLowerCase());
			const sprintCol = lower.findIndex((c) => /^(?:sprint|sprint\s*#|sprint\s*id|#|冲刺|スプリント)$/.test(c));
			if (sprintCol !== -1) {
				columns = {
					sprint: sprintCol,
					status: lower.findIndex((c) => /^(?:status|state|statut|estado|stato|状态|状態|상태)$/.test(c)),
					dates: lower.findIndex((c) => /^(?:dates?|duration|period|timeline|when|durée|période|fechas|duración|periodo|zeitraum|周期|时间|期間|기간)$/.test(c)),
				};
				return;
			}
			if (!columns) return;
			const cell = cells[columns.sprint] ?? '';
			const m = /^\[?\s*(?:sprint\s*)?#?\s*(\d+(?:\.\d+)?)\s*(?:\]|\(|$)/i.exec(cell);
			if (!m || /\d\s*[-–]\s*\d/.test(cell.replace(/\(.*$/, ''))) return;
			const sprint = m[1]!.replace(/^0+(?=\d)/, '');
			if (columns.status !== -1) {
				const status = readStatus(cells[columns.status] ?? '');
				if (status) say(sprint, { fact: 'status', value: status }, i);
			}
			if (columns.dates !== -1) {
				const p = readPeriod(cells[columns.dates] ?? '');
				if (p) for (const st of periodStatements(p)) say(sprint, st, i);
			}
			return;
		}
		columns = undefined;
		// Only the lines right under the sprint's heading speak for the sprint: a sub-heading's are a task's.
		if (!section || section.start !== lastHeading || i - section.start > 15) return;
		const label = labelOn(raw);
		if (label) for (const st of labelStatements(labelFact(label.key), label.value)) say(section.sprint, st, i);
	});
	for (const x of extensions(lines)) out.push({ fact: 'end', value: x.day, sprint: x.sprint, file, line: x.line + 1, from: 'many' });
	return out;
}
