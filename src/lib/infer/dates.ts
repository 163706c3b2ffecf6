/**
 * Days and spans of days as teams write them, in the languages they write: "2026-01-23 to 2026-01-24",
 * "2026-08-16 → 08-21", "Jun 16-27, 2025", "Sept 30 – Oct 18, 2025", "30 sept – 18 oct 2025", "2 de octubre de
 * 2025", "2025年10月2日", "02/10/2025" only where the order is beyond doubt (a part above 12). A day the text
 * does not name is never made up: "Mar 2026" and "2 weeks" give nothing, and so does a value holding dates
 * that are not one day or one span.
 */

// Month names by number, in English, French, Spanish, Portuguese, German, Italian and Dutch (prefixes of 3+ letters match).
const MONTH_NAMES: string[][] = [
	['january', 'janvier', 'enero', 'janeiro', 'januar', 'gennaio', 'januari', 'jänner'],
	['february', 'février', 'fevrier', 'febrero', 'fevereiro', 'februar', 'febbraio', 'februari'],
	['march', 'mars', 'marzo', 'março', 'marco', 'märz', 'maerz', 'maart'],
	['april', 'avril', 'abril', 'aprile'],
	['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
	['june', 'juin', 'junio', 'junho', 'juni', 'giugno'],
	['july', 'juillet', 'julio', 'julho', 'juli', 'luglio'],
	['august', 'août', 'aout', 'agosto', 'augustus'],
	['september', 'septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'sept'],
	['october', 'octobre', 'octubre', 'outubro', 'oktober', 'ottobre'],
	['november', 'novembre', 'noviembre', 'novembro'],
	['december', 'décembre', 'decembre', 'diciembre', 'dezembro', 'dezember', 'dicembre'],
];

/** Stems of month names that change their ending (Russian: "2 октября 2025", "в январе"). */
const MONTH_STEMS = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'].map((s) => new RegExp(`^${s}`));

/** The month a word names (1–12): a whole name, or an abbreviation of at least three letters that fits one month only. */
export function monthOf(word: string): number | undefined {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w.length < 3) return undefined;
	const stem = MONTH_STEMS.findIndex((re) => re.test(w));
	if (stem !== -1) return stem + 1;
	const hits = new Set<number>();
	MONTH_NAMES.forEach((names, i) => {
		if (names.some((n) => n === w || (n.startsWith(w) && w.length >= 3))) hits.add(i + 1);
	});
	return hits.size === 1 ? [...hits][0] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the three make a real day. */
export function isoDay(year: number, month: number, day: number): string | undefined {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (year < 1990 || year > 2100 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
	return `${year}-${pad(month)}-${pad(day)}`;
}

export interface Span {
	start: string;
	end: string;
}

const MONTH = String.raw`(\p{L}{3,10}\.?)`;
const SEP = String.raw`\s*(?:[-–—~〜]|→|->|=>|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\bau\b|\bal\b|\bbis\b|\ba\b|至|到)\s*`;
const YEAR = String.raw`(\d{4})`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|º|\.)?`;

/** Range shapes, each turned into a span by its own reader; tried in order, first hit wins. */
const RANGES: Array<[RegExp, (m: RegExpExecArray) => Span | undefined]> = [
	// 2026-01-23 to 2026-01-24; 2026-08-16 → 08-21
	[new RegExp(String.raw`(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?${SEP}(?:(\d{4})-)?(\d{2})-(\d{2})\b`, 'iu'), (m) => span(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? m[1]!), +m[5]!, +m[6]!)],
	// 2025年10月2日 至 2025年10月18日; 2025年10月2日-18日; 2025年10月2日-11月3日
	[/(\d{4})年(\d{1,2})月(\d{1,2})日?\s*(?:[-–—~〜]|至|到)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/u, (m) => span(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? m[1]!), +(m[5] ?? m[2]!), +m[6]!)],
	// Sept 30 – Oct 18, 2025; Feb 22, 2026 - Mar 6, 2026
	[new RegExp(String.raw`${MONTH}\s+${DAY}(?:,?\s+${YEAR})?${SEP}${MONTH}\s+${DAY},?\s+${YEAR}`, 'iu'), (m) => named(m[1]!, +m[2]!, +(m[3] ?? m[6]!), m[4]!, +m[5]!, +m[6]!)],
	// Jun 16-27, 2025; February 14-15, 2026
	[new RegExp(String.raw`${MONTH}\s+${DAY}${SEP}${DAY},?\s+${YEAR}`, 'iu'), (m) => named(m[1]!, +m[2]!, +m[4]!, m[1]!, +m[3]!, +m[4]!)],
	// 30 sept – 18 oct 2025; 30 September 2025 - 18 October 2025; 2 de octubre al 18 de octubre de 2025
	[new RegExp(String.raw`${DAY}\s+(?:de\s+)?${MONTH}(?:,?\s+(?:de\s+)?${YEAR})?${SEP}${DAY}\s+(?:de\s+)?${MONTH},?\s+(?:de\s+)?${YEAR}`, 'iu'), (m) => named(m[2]!, +m[1]!, +(m[3] ?? m[6]!), m[5]!, +m[4]!, +m[6]!)],
	// 16-27 June 2025; 2 al 18 de octubre de 2025
	[new RegExp(String.raw`${DAY}${SEP}${DAY}\s+(?:de\s+)?${MONTH},?\s+(?:de\s+)?${YEAR}`, 'iu'), (m) => named(m[3]!, +m[1]!, +m[4]!, m[3]!, +m[2]!, +m[4]!)],
];

function span(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): Span | undefined {
	const start = isoDay(y1, m1, d1);
	const end = isoDay(y2, m2, d2);
	return start && end && start <= end ? { start, end } : undefined;
}

function named(month1: string, d1: number, y1: number, month2: string, d2: number, y2: number): Span | undefined {
	const m1 = monthOf(month1);
	const m2 = monthOf(month2);
	return m1 && m2 ? span(y1, m1, d1, y2, m2, d2) : undefined;
}

/** Single days: ISO, CJK, month-name either way round, and day/month/year numbers whose order is beyond doubt. */
const DAYS: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
	[/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (m) => isoDay(+m[1]!, +m[2]!, +m[3]!)],
	[/(\d{4})年(\d{1,2})月(\d{1,2})日/gu, (m) => isoDay(+m[1]!, +m[2]!, +m[3]!)],
	[/(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/gu, (m) => isoDay(+m[1]!, +m[2]!, +m[3]!)],
	[new RegExp(String.raw`(?<![\p{L}\d])${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, 'giu'), (m) => (monthOf(m[1]!) ? isoDay(+m[3]!, monthOf(m[1]!)!, +m[2]!) : undefined)],
	[new RegExp(String.raw`(?<!\d)${DAY}\s+(?:de\s+)?${MONTH},?\s+(?:de\s+)?${YEAR}(?!\d)`, 'giu'), (m) => (monthOf(m[2]!) ? isoDay(+m[3]!, monthOf(m[2]!)!, +m[1]!) : undefined)],
	[/(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])/g, (m) => {
		const a = +m[1]!, b = +m[2]!;
		if (a > 12 && b <= 12) return isoDay(+m[3]!, b, a);
		if (b > 12 && a <= 12) return isoDay(+m[3]!, a, b);
		return undefined; // 02/10/2025: October 2nd or February 10th — not ours to guess
	}],
];

/** Every whole day a text names, in order, without repeats. */
export function daysIn(raw: string): string[] {
	const text = clean(raw);
	const found: Array<{ at: number; iso: string }> = [];
	for (const [re, read] of DAYS) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			const iso = read(m);
			if (iso && !found.some((f) => Math.abs(f.at - m!.index) < 3)) found.push({ at: m.index, iso });
		}
	}
	return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.iso))];
}

const WEEKDAY = /\s*\((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)/gi;
const clean = (s: string) => s.replace(/\*\*|__|`/g, '').replace(WEEKDAY, '').replace(/\s+/g, ' ');

/** The one span a text states, if it states exactly one. */
export function spanIn(raw: string): Span | undefined {
	const text = clean(raw);
	for (const [re, read] of RANGES) {
		const m = re.exec(text);
		if (m) return read(m);
	}
	return undefined;
}

/**
 * What a value under a "dates"/"duration"/"period" label says of the sprint's days: a span; or one day (a one-day
 * sprint, "January 24, 2026 (single-day sprint)": start and end alike); nothing when it names no day, or several
 * days that are not one span. A span that counts its own days and gets neither its calendar nor its working days
 * ("February 3-14 (10 days)": 12 and 9) is at odds with itself: its start is what the team wrote first and stands,
 * its end is in doubt — stated, so no other line's end may take its place, but not with confidence.
 */
export function readPeriod(raw: string): (Span & { endInDoubt?: boolean }) | undefined {
	const span = readSpanOrDay(raw);
	if (!span || span.start === span.end) return span;
	const counts = dayCounts(raw);
	// "September 15-29 (14 calendar days, 11 working days)": teams count more than one way (here the calendar days
	// without the last); one count that fits is enough.
	const fits = [calendarDays(span), workingDays(span)];
	return !counts.length || counts.some((n) => fits.includes(n)) ? span : { ...span, endInDoubt: true };
}

/** "(10 days)", "8 working days", "5 jours ouvrés", "17 дней", "3天": every count of days a value states. */
function dayCounts(raw: string): number[] {
	const re = /(?<![\d.,])(\d{1,3})\s*(?:(?:working|business|calendar|work)\s+)?(?:days?\b|jours?\b|d[ií]as\b|tage?n?\b|giorni\b|dagen\b|дн(?:я|ей|и)\b|天|日間|일)/giu;
	return [...clean(raw).matchAll(re)].map((m) => Number(m[1]));
}

const dayMs = 86_400_000;
const calendarDays = ({ start, end }: Span) => Math.round((Date.parse(end) - Date.parse(start)) / dayMs) + 1;

/** Monday to Friday from start to end, both counted. */
function workingDays(span: Span): number {
	let n = 0;
	for (let t = Date.parse(span.start); t <= Date.parse(span.end); t += dayMs) {
		const d = new Date(t).getUTCDay();
		if (d !== 0 && d !== 6) n++;
	}
	return n;
}

function readSpanOrDay(raw: string): Span | undefined {
	// "2026-05-25 (single session; warmup merged 2026-05-24)": the brackets comment on the day the value names; read
	// them only when the value names no day outside them ("17 working days (Sept 30 - Oct 18, 2025)").
	const outside = raw.replace(/\([^)]*\)|（[^）]*）/g, ' ');
	if (outside !== raw && daysIn(outside).length) return readSpanOrDay(outside);
	const s = spanIn(raw);
	if (s) return s;
	const days = daysIn(raw);
	return days.length === 1 ? { start: days[0]!, end: days[0]! } : undefined;
}

/** The one day a value names (a start or an end line), or undefined when it names none or several. */
export function readDay(raw: string): string | undefined {
	const days = daysIn(raw);
	return days.length === 1 ? days[0] : undefined;
}
