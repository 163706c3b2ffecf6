/**
 * The typed fields a legacy plan states in prose: tracks with owners and hour
 * ranges, success tiers with pass-rate floors, the baseline test count, the
 * next sprint and the sprint it builds on. Each is read from the shapes the
 * OMC plans use; anything not found is simply left out.
 */

export interface ImportedTrack {
	id: string;
	name: string;
	owner: string;
	focus?: string;
	hours: [number, number];
}

export interface ImportedTier {
	pass_rate?: number;
	criteria: string[];
}

const clean = (s: string) => s.replace(/^\s*(?:✅|☑️|✔️|❌|⬜|🔲|-\s*\[[ xX]\])\s*/u, '').replace(/\s+-\s+\*\*[^*]+\*\*\s*$/, '').replace(/\*\*/g, '').trim();

/** Lines of the section under `heading` (a line), up to the next heading of the same or a higher level. */
function sectionAfter(lines: readonly string[], start: number): string[] {
	const level = /^(#+)/.exec(lines[start]!)?.[1]!.length ?? 6;
	const out: string[] = [];
	for (let i = start + 1; i < lines.length; i++) {
		const h = /^(#+)\s/.exec(lines[i]!);
		if (h && h[1]!.length <= level) break;
		out.push(lines[i]!);
	}
	return out;
}

const hoursOf = (s: string): [number, number] | undefined => {
	const m = /(\d+(?:\.\d+)?)\s*(?:[-–]\s*(\d+(?:\.\d+)?))?\s*h(?:ours?)?\b/i.exec(s);
	return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
};

/** "### Developer A: OMC-Data-Specialist (Track A - Test Fixes)" with "**Workload:** 9-15 hours" and "**Focus:** …" under it. */
export function readTracks(lines: readonly string[]): ImportedTrack[] {
	const tracks: ImportedTrack[] = [];
	lines.forEach((line, i) => {
		const m = /^#{2,4}\s+(?:Developer\s+\w+:\s*)?(.+?)\s*\(Track\s+([A-Za-z0-9]+)\s*[-–:]\s*([^)]+)\)\s*$/.exec(line);
		if (!m) return;
		const body = sectionAfter(lines, i);
		const label = (key: string) => body.map((l) => new RegExp(`^\\*\\*${key}:\\*\\*\\s*(.+?)\\s*$`, 'i').exec(l)?.[1]).find(Boolean);
		const hours = hoursOf(label('Workload') ?? label('Estimate') ?? '') ?? [0, 0];
		tracks.push({ id: m[2]!, name: m[3]!.trim(), owner: m[1]!.trim(), ...(label('Focus') ? { focus: clean(label('Focus')!) } : {}), hours });
	});
	return tracks;
}

/** "### Minimum (Must Have):" / "### Target (Should Have):" / "### Stretch (Nice to Have):" lists under a success-criteria heading. */
export function readTiers(lines: readonly string[]): Partial<Record<'minimum' | 'target' | 'stretch', ImportedTier>> {
	const tiers: Partial<Record<'minimum' | 'target' | 'stretch', ImportedTier>> = {};
	lines.forEach((line, i) => {
		const m = /^#{2,5}\s+(Minimum|Target|Stretch)\b/i.exec(line);
		if (!m) return;
		const tier: ImportedTier = { criteria: [] };
		for (const item of sectionAfter(lines, i)) {
			const li = /^\s*[-*]\s+(.*)$/.exec(item);
			if (!li) continue;
			const text = clean(li[1]!);
			const rate = /pass rate\s*(?:≥|>=|=|of)?\s*(\d+(?:\.\d+)?)\s*%/i.exec(text);
			if (rate && tier.pass_rate === undefined) tier.pass_rate = Number(rate[1]);
			else if (text) tier.criteria.push(text);
		}
		tiers[m[1]!.toLowerCase() as 'minimum' | 'target' | 'stretch'] = tier;
	});
	return tiers;
}


/** "## Next Sprint Preview (Sprint 2.9)" → 2.9; "(Sprint 5)" → 5. */
export function readNextSprint(lines: readonly string[]): string | undefined {
	for (const l of lines) {
		const m = /^#{2,4}\s+Next Sprint.*?\bSprint\s+(\d+(?:\.\d+)*)\b/i.exec(l);
		if (m) return m[1];
	}
	return undefined;
}



export interface ImportedMilestone {
	sprint: string;
	title: string;
	status?: string;
}

/**
 * The sprints a roadmap lists, in the shapes roadmaps use: a heading per sprint
 * ("### Sprint 2.36 - Advanced Analytics (COMPLETE)"), a table with a Sprint
 * column, or a list item ("- [x] **Phase 8 (Sprint 2.60):** COMPLETE — title").
 * A status is kept only when `mapStatus` recognises it; the first mention of a sprint wins.
 */
export function readMilestones(lines: readonly string[], mapStatus: (raw: string) => string | undefined): ImportedMilestone[] {
	const out = new Map<string, ImportedMilestone>();
	const add = (sprint: string, title: string, status?: string) => {
		const t = title.replace(/\*\*|__|`/g, '').replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+/g, ' ').trim();
		if (!out.has(sprint) && t) out.set(sprint, { sprint, title: t, ...(status ? { status } : {}) });
	};
	const SPRINT = String.raw`Sprint\s+(\d+(?:\.\d+)*)`;
	let columns: { sprint: number; title: number; status: number } | undefined;
	for (const raw of lines) {
		const line = raw.trim();
		const heading = new RegExp(String.raw`^#{2,4}\s+(?:[^\p{L}\p{N}\s]+\s*)?${SPRINT}\s*(?:\([^)]*\)\s*)?[-–—:]\s*(.+?)\s*(?:\(([^)]*)\))?\s*$`, 'u').exec(line);
		if (heading) {
			add(heading[1]!, heading[2]!, heading[3] ? mapStatus(heading[3]) : undefined);
			continue;
		}
		if (line.startsWith('|')) {
			const cells = line.split('|').slice(1, -1).map((c) => c.trim());
			if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
			const lower = cells.map((c) => c.replace(/\*\*/g, '').toLowerCase());
			if (lower.includes('sprint')) {
				const find = (re: RegExp) => lower.findIndex((c) => re.test(c));
				columns = { sprint: lower.indexOf('sprint'), title: find(/^(?:title|milestone|name|goal|focus|theme|scope)$/), status: find(/^status$/) };
				continue;
			}
			if (columns && columns.title !== -1) {
				const sprint = /(\d+(?:\.\d+)*)/.exec(cells[columns.sprint] ?? '')?.[1];
				if (sprint) add(sprint, cells[columns.title] ?? '', columns.status === -1 ? undefined : mapStatus(cells[columns.status] ?? ''));
			}
			continue;
		}
		columns = undefined;
		// "- [x] **Phase 8 (Sprint 2.60):** COMPLETE — Sentiment Enrichment Pipeline. …"
		const item = new RegExp(String.raw`^[-*+]\s+(\[[ xX]\]\s+)?.*?\(?${SPRINT}(?:[^)\n]*\))?:?\*{0,2}:?\s*(?:([A-Z][A-Z_ ]{2,}?)\s*[—–-]\s*)?(.+)$`).exec(line);
		if (item) {
			const [, box, sprint, statusWord, rest] = item;
			const title = rest!.split(/(?<=[a-z0-9)])\.\s/)[0]!.replace(/\s*[—–-]\s*$/, '');
			const status = (statusWord && mapStatus(statusWord)) ?? (box ? (/x/i.test(box) ? 'complete' : undefined) : undefined);
			if (/^[-*+]\s+(\[[ xX]\]\s+)?\*{0,2}(?:[\w .]+\()?Sprint\s/.test(line)) add(sprint!, title, status);
		}
	}
	return [...out.values()];
}
