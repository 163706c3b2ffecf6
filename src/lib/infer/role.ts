/**
 * What a document of one sprint is about, by its name and title — not by one word in them: a sprint-level
 * plan or a closing document (report, summary, review, retro, closure) speaks for the whole sprint; a story,
 * task, phase, track or audit document speaks for a part of it and states no sprint fact.
 */
export type DocRole = 'plan' | 'closing' | 'overview' | 'part' | 'other';

/** A work item's own id leads the name (`US-098…`, `TD-012…`, `sprint5-US-031`) or the doc names a part of the sprint. */
const PART = /(?:^|[^a-z0-9])(?:[a-z]{1,5}-\d{1,4}[a-z]?)(?:[^a-z0-9]|$)|(?:^|[^a-z])(?:phase|story|task|track|workstream|audit|epic|spike|feature|hotfix|incident|bug|adr)[-_ ]?\d|(?:^|[^a-z])(?:phase|track|workstream|audit|spike|hotfix|incident)(?:[^a-z]|$)/i;
const CLOSING = /summary|report|review|retro|closure|closing|close[-_ ]?out|complete|completion|final|wrap[-_ ]?up|recap|post[-_ ]?mortem|outcome|bilan|rapport|r[ée]sum[ée]|resumen|informe|cierre|abschluss|总结|回顾|复盘|报告|振り返り|完了/i;
const PLAN = /plan|backlog|breakdown|kick[-_ ]?off|initiali[sz]ation|charter|scope|(?:^|[^a-z])sim(?:[^a-z]|$)|objectives|planification|planificaci[óo]n|planejamento|planung|计划|规划|待办|計画/i;
const OVERVIEW = /^(?:readme|index|overview|status|sprint[-_ ]?status)\.mdx?$/i;

/** The role of a sprint's document, from its file name and H1 title. */
export function docRole(fileName: string, title: string): DocRole {
	const name = fileName.replace(/\.mdx?$/i, '');
	// "Sprint 5 Story Breakdown" plans the whole sprint; "US-037 Completion Report" closes one story.
	const sprintWide = /breakdown|backlog/i.test(name);
	if (!sprintWide && (PART.test(name) || /^(?:[A-Z]{1,5}-\d{1,4}|(?:user )?story\b|task\b|phase\s+\d)/i.test(title.trim()))) return 'part';
	if (/template/i.test(name)) return 'other';
	if (OVERVIEW.test(fileName)) return 'overview';
	if (CLOSING.test(name)) return 'closing';
	if (PLAN.test(name)) return 'plan';
	return 'other';
}
