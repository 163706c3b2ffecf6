/**
 * Reading legacy docs: bold-label metadata (`**Status:** …`, `**Status**: …`,
 * `- **Status**: …`, footer `**Generated:** …`), the many ways teams spell a
 * status, and the many ways they write a date.
 */
import { PLAN_STATUSES } from '../../schemas/index.ts';
import { readStatus } from '../infer/status.ts';

export type PlanStatus = (typeof PLAN_STATUSES)[number];

// Also inside a blockquote metadata block ("> **Date**: 2026-02-27"), as some teams head their docs.
const LABEL_LINE = /^\s*(?:>\s*)?(?:[-*]\s+)?\*\*([^*:：]{1,40}?)(?:[:：]\*\*|\*\*\s*[:：])\s*(.*?)\s*$/;

/** A two-column key/value table at the top: `| **Status** | Complete |`. */
const TABLE_LABEL = /^\s*\|\s*(?:\*\*)?([^|*:]{1,40}?)(?:\*\*)?:?\s*\|\s*([^|]*?)\s*\|\s*$/;

export interface Label {
	/** Lower-case label, e.g. `status`, `sprint goal`. */
	key: string;
	value: string;
	/** 0-based line index in the document. */
	line: number;
}

/**
 * Bold-label lines of the header (between the H1 and the first `##`) and of
 * the footer (after the last `---` rule). Body lines that merely look alike
 * (inside sections) are left alone.
 */
export function readLabels(lines: readonly string[]): Label[] {
	const sectionStart = firstSection(lines);
	const headerEnd = sectionStart === lines.length ? Math.min(lines.length, 30) : sectionStart;
	let footerStart = lines.length;
	for (let i = lines.length - 1; i > headerEnd; i--) {
		if (/^---\s*$/.test(lines[i]!)) {
			footerStart = i;
			break;
		}
		if (/^#{1,6}\s/.test(lines[i]!)) break;
	}
	const labels: Label[] = [];
	const scan = (from: number, to: number) => {
		for (let i = from; i < to; i++) {
			const m = LABEL_LINE.exec(lines[i]!) ?? TABLE_LABEL.exec(lines[i]!);
			if (!m || !m[2] || /^(?:field|key|property|attribute)$/i.test(m[1]!.trim()) || /^:?-+:?$/.test(m[1]!.trim())) continue;
			labels.push({ key: m[1]!.trim().toLowerCase(), value: m[2].replace(/\s{2,}$/, '').trim(), line: i });
		}
	};
	scan(0, headerEnd);
	scan(footerStart, lines.length);
	return labels;
}

/** Index of the first `##` heading (where the header block ends), or the line count when there is none. */
export function firstSection(lines: readonly string[]): number {
	const i = lines.findIndex((l, n) => n > 0 && /^##\s/.test(l));
	return i === -1 ? lines.length : i;
}

/** The first label whose key is one of `keys`, in that order of preference. */
export function pick(labels: readonly Label[], ...keys: string[]): Label | undefined {
	for (const k of keys) {
		const hit = labels.find((l) => l.key === k);
		if (hit) return hit;
	}
	return undefined;
}

/**
 * "✅ COMPLETE", "COMPLETED", "IN_PROGRESS", "🔜 NOT STARTED", "Ready to Execute" → a schema status: the one reading of
 * a status statement, src/lib/infer/status.ts (the word the statement leads with, in many languages).
 */
export const mapStatus = (raw: string): PlanStatus | undefined => readStatus(raw);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

export interface LooseDate {
	iso: string;
	/** True when the day (or month) was not written and the first was assumed. */
	approximate: boolean;
}

/** "January 17, 2026", "Feb 22, 2026", "17 January 2026", "Mar 2026", "2026-01-17", "2026-01-17T10:00Z" → ISO. */
export function parseLooseDate(raw: string): LooseDate | undefined {
	const s = raw.replace(/\*+/g, '').trim();
	let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
	if (m) return valid(+m[1]!, +m[2]!, +m[3]!, false);
	m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?,?\s+(\d{4})\b/.exec(s);
	if (m) return monthDay(m[1]!, +m[2]!, +m[3]!, false);
	m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
	if (m) return monthDay(m[2]!, +m[1]!, +m[3]!, false);
	m = /\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(s);
	if (m) return monthDay(m[1]!, 1, +m[2]!, true);
	return undefined;
}

function monthDay(name: string, day: number, year: number, approximate: boolean): LooseDate | undefined {
	const month = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return month === -1 ? undefined : valid(year, month + 1, day, approximate);
}

function valid(year: number, month: number, day: number, approximate: boolean): LooseDate | undefined {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
	return { iso: `${year}-${pad(month)}-${pad(day)}`, approximate };
}

/**
 * The goal a plan states in a section rather than a label: the first paragraph
 * under `## Objective`, `## Goal`, `### Primary Goal` (lists and tables are not
 * a one-sentence goal, so they are not taken).
 */
export function readGoalSection(lines: readonly string[]): string | undefined {
	// In the languages teams write: "## Sprint Goal", "## Objectif du sprint", "## Sprint目标", "## Цель спринта".
	const heading = /^#{2,4}\s+(?:[^\p{L}\p{N}\s]+\s*)?(?:(?:sprint\s+|primary\s+|main\s+)?(?:objective|goal)s?|(?:objectif|objetivo|obiettivo|ziel|цель)(?:\s+(?:du|del|de|des)?\s*sprints?|\s+спринта)?|(?:sprint\s*)?(?:目标|目標|목표))\s*[:：]?\s*$/iu;
	// "## Sprint Objectives" may hold "### Primary Goal" and its paragraph: try each such heading in turn.
	for (let start = 0; start < lines.length; start++) {
		if (!heading.test(lines[start]!.trim())) continue;
		const paragraph: string[] = [];
		for (let i = start + 1; i < lines.length; i++) {
			const line = lines[i]!.trim();
			if (!line) {
				if (paragraph.length) break;
				continue;
			}
			if (/^(?:#|[-*+]\s|\d+[.)]\s|\||>|```|---)/.test(line)) break;
			paragraph.push(line);
		}
		const text = paragraph.join(' ').replace(/\*\*|__/g, '').trim();
		if (text) return text;
	}
	return undefined;
}

/**
 * A date range as teams write it: "Feb 22, 2026 - Mar 6, 2026", "January 17-26, 2026",
 * "Sep 15 – 29, 2025", "2026-01-17 to 2026-01-26". The year or month written once
 * serves both ends. Undefined unless both ends are whole days.
 */
export function parseDateRange(raw: string): { start: LooseDate; end: LooseDate } | undefined {
	const s = raw.replace(/\*+/g, '').trim();
	// "January 17-26, 2026": one month, two days, one year.
	const m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*[-–—]\s*(\d{1,2}),?\s+(\d{4})\b/.exec(s);
	if (m) {
		const start = monthDay(m[1]!, +m[2]!, +m[4]!, false);
		const end = monthDay(m[1]!, +m[3]!, +m[4]!, false);
		return start && end && end.iso >= start.iso ? { start, end } : undefined;
	}
	const parts = s.split(/\s+(?:[-–—]|to)\s+/);
	if (parts.length !== 2) return undefined;
	const end = parseLooseDate(parts[1]!);
	// "Jan 17 - Feb 2, 2026": the start borrows the end's year.
	const start = parseLooseDate(parts[0]!) ?? (end && /\d{4}/.test(parts[0]!) ? undefined : end && parseLooseDate(`${parts[0]} ${end.iso.slice(0, 4)}`));
	if (!start || !end || start.approximate || end.approximate || end.iso < start.iso) return undefined;
	return { start, end };
}
