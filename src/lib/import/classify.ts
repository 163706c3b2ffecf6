/**
 * What a legacy file is, from its path and its first lines: which sprint it
 * belongs to (as teams write the number), whether it is the sprint's plan, its
 * report or another doc, and — for a file that belongs to no sprint — which
 * section of the project docs it goes in. Pure functions: no file is read here.
 */
import { slugifyFileName as slug } from '../layout.ts';
import { safeDocName, safeFolderName } from './names.ts';

/**
 * A sprint number after the word "sprint" in a file or folder name: `SPRINT_3_PLAN`,
 * `sprint-12.5`, `sprint3`, `Sprint6_archives`, `SPRINT_2_50_CURRENT`,
 * `sprint4-closure-summary`, `SIM_SPRINT_2.41`. An underscore or dash stands for
 * the dot only here, right after "sprint" and between short numbers, so
 * `SPRINT_3_2026_REVIEW` is sprint 3, not 3.2026. `PHASE_1.4` never matches.
 */
const NAME_SPRINT = /(?:^|[^a-zа-я])(?:sprints?|спринт|スプリント|冲刺)[-_ ]?(\d{1,3}(?:[._-]\d{1,3}(?!\d))*)(?![\d])/iu;
/** "Sprint 14", "Sprint 2.61" in a title or a label value. */
const TEXT_SPRINT = /(?<![\p{L}\p{N}])(?:sprint|спринт|スプリント|冲刺)\s*#?\s*(\d{1,3}(?:\.\d{1,3})*)(?![\p{N}])(?!\.\d)/iu;

/** The sprint a file or folder name names, with `_`/`-` read as dots: `SPRINT_2_50_CURRENT.md` → 2.50. */
export function sprintInName(name: string): string | undefined {
	const base = name.replace(/\.mdx?$/i, '');
	const m = NAME_SPRINT.exec(base);
	if (!m) return undefined;
	if (otherNumbering(base.slice(0, m.index + 1))) return undefined;
	let digits = m[1]!;
	// A dash between two numbers is a range or a transition (`sprint6-7-transition`, `sprint-1-4`), never one sprint;
	// a dash followed by words is a separator (`sprint-2-retro` is 2). Only `_` and `.` stand for the dot.
	if (/\d-\d/.test(digits)) return undefined;
	digits = digits.replace(/_/g, '.');
	return normalise(digits);
}

/** The sprint a title or a `**Sprint:**` value names: "Sprint 14", "Sprint 2.61: BYOM…", a bare "3". */
export function sprintInText(text: string, bare = false): string | undefined {
	const m = TEXT_SPRINT.exec(text) ?? (bare ? /^\s*#?\s*(\d{1,3}(?:\.\d{1,3})*)\b/.exec(text) : null);
	if (m && otherNumbering(text.slice(0, m.index))) return undefined;
	return m ? normalise(m[1]!) : undefined;
}

/** "Phase 2 Sprint 3", `PHASE_2_SPRINT_3`: a sprint of another numbering (a phase's own sprints), not the team's Sprint 3. */
export function otherNumbering(before: string): boolean {
	return /(?:^|[^a-z])phase[-_ ]?[a-z0-9.]+[-_ :–,]*$/i.test(before);
}

/** Whether a name or title speaks of a sprint of another numbering anywhere ("PHASE_2_SPRINT_3_REPORT"). */
export function namesOtherNumbering(text: string): boolean {
	return [...text.matchAll(/sprint/gi)].some((m) => otherNumbering(text.slice(0, m.index)));
}

/** `02` → `2`, but `2.50` stays `2.50`: only a leading zero of the first number is dropped (teams write 2.05 and mean it). */
function normalise(s: string): string | undefined {
	const parts = s.split('.').filter(Boolean);
	if (!parts.length) return undefined;
	parts[0] = String(Number(parts[0]));
	return parts.join('.');
}

export interface SprintEvidence {
	sprint: string;
	from: 'folder' | 'label' | 'file name' | 'title';
}

/**
 * The sprint of a file, from the strongest evidence: the nearest sprint folder,
 * a `**Sprint:**` label, the file name, the H1 title. Folders above the input
 * say nothing and are not passed in.
 */
export function sprintOf(insidePath: string, label: string | undefined, title: string): SprintEvidence | undefined {
	const parts = insidePath.split('/');
	const file = parts.pop()!;
	for (const folder of parts.reverse()) {
		const s = sprintInName(folder);
		if (s) return { sprint: s, from: 'folder' };
	}
	const fromLabel = label === undefined ? undefined : sprintInText(label, true);
	if (fromLabel) return { sprint: fromLabel, from: 'label' };
	const fromName = sprintInName(file);
	if (fromName) return { sprint: fromName, from: 'file name' };
	const fromTitle = sprintInText(title);
	if (fromTitle) return { sprint: fromTitle, from: 'title' };
	return undefined;
}

// A track's plan or report is a sprint doc: the sprint's own plan and report are sprint-wide.
const TRACK = /(?:^|[_-])TRACK[_-]?[A-Z0-9]\b|(?:^|[_-])TRACK[_-]/i;
/** Names of a sprint's plan, best first. */
const PLAN_NAMES = [/EXECUTION[_-]?PLAN/i, /(?:^|[_-])PLAN\.mdx?$/i, /(?:^|[_-])PLANNING\.mdx?$/i, /INITIALI[SZ]ATION/i, /(?:^|[_-])SIM(?:[_-]|\.mdx?$)/i, /^plan\.mdx?$/i];
/** Names of a sprint's completion report, best first. */
const REPORT_NAMES = [
	/FINAL[_-]?REPORT/i,
	/COMPLETION[_-]?REPORT/i,
	/CLOSURE|CLOSING[_-]?REPORT/i,
	/SPRINT[_-]?\d[\d._-]*[_-]SUMMARY\.mdx?$/i,
	/COMPLETION[_-]?(?:STATUS|SUMMARY)/i,
	/^report\.mdx?$/i,
];

/** Rank of a file name among plan or report names (lower is better), or -1. */
export function rankAs(role: 'plan' | 'report', name: string): number {
	if (TRACK.test(name) || /TEMPLATE/i.test(name)) return -1;
	if (role === 'plan' && /COMPLETE/i.test(name)) return -1; // "BYOM_PLANNING_COMPLETE" reports on planning
	return (role === 'plan' ? PLAN_NAMES : REPORT_NAMES).findIndex((p) => p.test(name));
}

/** The kind of a sprint doc from its name. */
export function docKind(name: string): string {
	const n = name.toUpperCase();
	if (/PROMPT/.test(n)) return 'prompts';
	if (/VALIDATION|VERIFICATION|TEST_REPORT|TESTING|TEST_EXECUTION/.test(n)) return 'validation';
	if (/INVESTIGATION|AUDIT|BASELINE/.test(n)) return 'investigation';
	if (/RETRO/.test(n)) return 'retro';
	if (/CHECKLIST|NEXT_STEPS|FOLLOWUP|ACTION_REQUIRED|BACKLOG|TODO/.test(n)) return 'checklist';
	if (/REFERENCE|README|GUIDE|INSTRUCTIONS/.test(n)) return 'reference';
	if (/REPORT|SUMMARY|STATUS|COMPLETE|COMPLETION|REVIEW/.test(n)) return 'summary';
	return 'notes';
}

/** Folders that only hold other folders' history: they say nothing about what a doc is about. */
const CONTAINERS = new Set(['docs', 'doc', 'documentation', 'archive', 'archives', 'history', 'old', 'legacy']);

/** Sections a file name points to, when its folder does not say. */
const NAME_SECTIONS: Array<[RegExp, string]> = [
	// A template is a form to fill in, whatever it is a template of.
	[/TEMPLATE/i, 'templates'],
	[/ARCHITECT/i, 'architecture'],
	[/DECISION|(?:^|[_-])ADR(?:[_-]|\d)/i, 'decisions'],
	[/DEPLOY|RELEASE/i, 'deployments'],
	[/REQUIREMENT|USER[_-]?STOR|(?:^|[_-])EARS(?:[_-]|\.)|(?:^|[_-])SPEC(?:IFICATION)?S?(?:[_-]|\.)/i, 'requirements'],
	[/RUNBOOK|OPERATIONS|INCIDENT/i, 'runbooks'],
	[/GUIDE|QUICK[_-]?START|PROTOCOL|TESTING|DEVELOPMENT|INSTRUCTIONS|HOW[_-]?TO|SETUP|ONBOARDING|CONTRIBUTING/i, 'guides'],
	[/ROADMAP|STRATEG|(?:^|[_-])PLAN(?:NING)?(?:[_-]|\.)/i, 'planning'],
	[/REPORT|REVIEW|SUMMARY|AUDIT|INVESTIGATION|ANALYSIS|STATUS|LOG(?:BOOK)?(?:[_-]|\.)/i, 'reports'],
];
/** Folder names that mean a known section. */
const FOLDER_SECTIONS: Record<string, string> = {
	adr: 'decisions', adrs: 'decisions', decision: 'decisions', decisions: 'decisions',
	architecture: 'architecture', design: 'architecture',
	deployment: 'deployments', deployments: 'deployments', releases: 'deployments',
	requirements: 'requirements', specs: 'requirements', stories: 'requirements',
	guide: 'guides', guides: 'guides', howto: 'guides',
	runbook: 'runbooks', runbooks: 'runbooks',
};


/** Sections whose docs are about the project, not about one sprint's work: a sprint they name is only related. */
const REFERENCE_SECTIONS = new Set(['architecture', 'decisions', 'deployments', 'requirements', 'runbooks', 'guides']);

export interface ProjectDocPlace {
	section: string;
	/** `docs/<section>/…/<file>`, relative to content/. */
	target: string;
	/** Whether a folder or the file's name says the doc is a reference doc (architecture, a decision, a guide…). */
	reference: boolean;
}

/**
 * Where a file that belongs to no sprint goes among the project docs, as
 * `docs/<section>/<rest>`: a folder that names a known section wins; then the
 * file name; then the first folder that is not a mere container (docs/,
 * archive/, history/); else "general". The rest keeps the folders below, so
 * two same-named files in different folders do not meet. `longer` keeps the
 * whole path instead, for when the short destination is taken.
 */
export function projectDocPlace(insidePath: string, longer = false): ProjectDocPlace {
	const parts = insidePath.split('/');
	const file = parts.pop()!;
	const folders = parts.filter((p) => !CONTAINERS.has(p.toLowerCase()));
	const known = folders.findIndex((f) => FOLDER_SECTIONS[f.toLowerCase()]);
	let section: string;
	let rest: string[];
	let said = true;
	if (known !== -1) {
		section = FOLDER_SECTIONS[folders[known]!.toLowerCase()]!;
		rest = folders.slice(known + 1);
	} else {
		const byName = NAME_SECTIONS.find(([re]) => re.test(file))?.[1];
		// A dated folder (`2026-01/`) says when, not what: the name decides, and the date stays in the path.
		const first = folders.find((f) => !/^\d{4}(?:[-_]\d{2})*$/.test(f) && slug(f));
		section = byName ?? (first ? slug(first) : 'general');
		rest = byName || !first ? folders : folders.slice(folders.indexOf(first) + 1);
		said = !!byName;
	}
	// A hidden folder (`.storybook/`) would hide the doc from the site's globs: keep its name, not its dot.
	// Nor may a name be emptied (`..md` is not a file named `md`) or carry a control character: names.ts.
	const kept = (longer ? parts : rest).map(safeFolderName).filter(Boolean);
	return { section, target: ['docs', section, ...kept, safeDocName(file)].join('/'), reference: said && REFERENCE_SECTIONS.has(section) };
}
