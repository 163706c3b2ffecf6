/**
 * What a document of one sprint is about, by what its name says — not by one word in it. A sprint-level plan or
 * closing document (report, summary, review, retro, closure) is named for the sprint ("SPRINT_40_SUMMARY",
 * "sprint4-closure-summary") or for its kind alone in the sprint's folder ("summary.md", "backlog.md"); a name
 * that says more ("QA-VALIDATION-REPORT", "Plan-Change-Risk-Assessment") is about something else. Story, task,
 * phase, track and audit documents speak for a part of the sprint. Only plans, closing and overview documents
 * state sprint facts.
 */
import { sprintInName } from '../import/classify.ts';

export type DocRole = 'plan' | 'closing' | 'overview' | 'part' | 'other';

/** A work item's own id in the name (`US-098…`, `TD-012…`, `sprint5-US-031`) or a part of the sprint named. */
const PART = /(?:^|[^a-z0-9])(?:[a-z]{1,5}-\d{1,4}[a-z]?)(?:[^a-z0-9]|$)|(?:^|[^a-z])(?:phase|story|task|track|workstream|audit|epic|spike|feature|hotfix|incident|bug|adr)[-_ ]?\d|(?:^|[^a-z])(?:phase|track|workstream|audit|spike|hotfix|incident)(?:[^a-z]|$)/i;

const PLAN_WORDS = /^(?:plan|plans|planning|backlog|breakdown|kickoff|kick|off|initiali[sz]ation|charter|scope|sim|objectives|planification|planificacion|planejamento|planung|план|планирование|бэклог|计划|规划|待办|計画)$/i;
const CLOSING_WORDS = /^(?:summary|report|review|retro|retrospective|checkpoint|closure|closing|closeout|close|out|complete|completed|completion|final|wrapup|wrap|up|recap|postmortem|outcome|outcomes|results|bilan|rapport|resume|résumé|resumen|informe|cierre|abschluss|итоги|отчёт|отчет|ретроспектива|总结|回顾|复盘|报告|振り返り|完了|報告)$/i;
const OVERVIEW_WORDS = /^(?:readme|index|overview|status)$/i;
/** Words that name one subject of the sprint's work. */
const SUBJECT = /^(?:test|tests|testing|validation|verification|qa|uat|security|performance|deployment|migration|investigation|analysis|handoff|prompts?|instructions|guide|refactoring|debugging|checklist)$/i;
/** Words that say nothing of what the doc is about. */
const NEUTRAL = /^(?:sprint|sprints|executive|comprehensive|official|team|the|of|and|for|archived|updated|story|stories|execution|v\d+|md)$/i;

/**
 * The role a title gives, when the kind follows the sprint right away: "Sprint 2.24 Retrospective - Operational
 * Consolidation" is a retrospective, whatever its file is called.
 */
export function titleRole(title: string): DocRole | undefined {
	// The first word only: "Sprint 11 Evaluation Report" is an evaluation, reported.
	const kind = /^sprint\s*#?\s*\d+(?:\.\d+)*\s*[-–—:]?\s*(\p{L}+)/iu.exec(title.trim());
	if (!kind) return undefined;
	const words = [kind[1]!];
	if (words.some((w) => /^(?:summary|report|review|retro|retrospective|closure|completion|recap)$/i.test(w))) return 'closing';
	if (words.some((w) => /^(?:plan|planning|backlog|breakdown|kickoff)$/i.test(w))) return 'plan';
	return undefined;
}

/** The role of a sprint's document, from its file name and H1 title. */
export function docRole(fileName: string, title: string): DocRole {
	const name = fileName.replace(/\.mdx?$/i, '');
	const sprintWide = /breakdown|backlog/i.test(name);
	// The title says so too: "Sprint 2.9 - Track A Complete", "US-098 Phase 5B Completion Report".
	// A project phase named later in the title ("Sprint 1 Summary: Database Foundation - Phase 3.5") is not one.
	const lead = title.trim().replace(/^sprint\s*#?\s*\d+(?:\.\d+)*\s*[-–—:]?\s*/i, '');
	const partTitle = /^(?:[A-Z]{1,5}-\d{1,4}|(?:user )?story\b|task\b|(?:track|phase|workstream)\s+[A-Z0-9]{1,3}\b)/i.test(lead);
	if (!sprintWide && (PART.test(name) || partTitle)) return 'part';
	if (/template/i.test(name)) return 'other';
	const namesSprint = /(?:sprint|спринт)[-_ ]?\d/iu.test(name);
	// Words of the name, without the sprint's number, dates and ids.
	const words = name
		.replace(/(?:sprint|спринт)[-_ ]?\d+(?:[._]\d+)*/giu, ' sprint ')
		.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u)
		.filter((w) => w && !/^\d+$/.test(w));
	const kinds = { plan: 0, closing: 0, overview: 0 };
	let other = 0;
	for (const w of words) {
		if (PLAN_WORDS.test(w)) kinds.plan++;
		else if (CLOSING_WORDS.test(w)) kinds.closing++;
		else if (OVERVIEW_WORDS.test(w)) kinds.overview++;
		else if (!NEUTRAL.test(w)) other++;
	}
	// A doc about one subject of the sprint — its tests, a validation, a deployment — is not the sprint's own.
	if (words.some((w) => SUBJECT.test(w))) return 'other';
	// Named for the sprint, a word or two more may qualify the kind ("ACTION_REQUIRED_SPRINT_2.7_COMPLETE"); named for
	// its kind alone ("summary.md", "CHECKPOINT_REPORT.md"), nothing more.
	if (other > (namesSprint ? 2 : 0)) return 'other';
	// "PLANNING-SUMMARY", "BYOM_PLANNING_COMPLETE": a summary of the planning is a plan; a review or retro is not.
	if (kinds.plan && !words.some((w) => /^(?:report|review|retro|retrospective|closure|closeout|postmortem|recap)$/i.test(w))) return 'plan';
	if (kinds.closing) return 'closing';
	if (kinds.overview) return 'overview';
	return 'other';
}

/**
 * The role of a doc where it lies in the team's archive (`inside`: its path there). A file named for its sprint and
 * its subject ("sprint_2_24_operational_consolidation") is what its title says right after the sprint; a doc named
 * only for its kind ("README", "summary") speaks for the sprint only in the sprint's own folder — a README of an
 * `archive/` subfolder is about that folder.
 */
export function roleInArchive(inside: string, title: string, sprint: string | undefined, sprintFrom: string | undefined): DocRole {
	const name = inside.split('/').at(-1)!;
	let role = docRole(name, title);
	if (role === 'other' && (sprintFrom === 'file name' || sprintFrom === 'folder')) role = titleRole(title) ?? role;
	const parent = inside.split('/').slice(-2, -1)[0] ?? '';
	const generic = !sprintInName(name);
	return generic && sprintFrom === 'folder' && sprintInName(parent) !== sprint && role !== 'part' ? 'other' : role;
}
