/**
 * Which sprints exist and what is known of each. A sprint exists when any
 * document belongs to it — a plan, a report, a retro, notes — so an archive
 * whose early sprints kept only a summary still shows every sprint. Status is
 * the plan's when it states one, else derived from the evidence, else unknown:
 * never guessed. The site, `check` and `new` all read sprints through here.
 */
import type { PLAN_STATUSES } from '../schemas/index.ts';
import { compareSprints } from './sprints.ts';

type PlanStatus = (typeof PLAN_STATUSES)[number];

interface Member {
	data: { sprint: string; archived?: string };
	/** Where the file lies: a file in the archive folder is archived, whether or not it carries the date. */
	filePath?: string;
}
interface PlanMember extends Member {
	data: { sprint: string; archived?: string; status?: string; end?: string };
}
/** A sprint as the roadmap states it: the roadmap alone may be where a sprint's facts are written. */
export interface MilestoneMember {
	sprint: string;
	status?: string;
	start?: string;
	end?: string;
	goal?: string;
	evidence?: Record<string, string>;
}

const ARCHIVE_FOLDER = /(?:^|\/)archive\/history\/sprints\//;
const isArchived = (m: Member) => !!m.data.archived || ARCHIVE_FOLDER.test(m.filePath ?? '');

/** Where a sprint's status comes from: the plan says so, or the evidence implies it. */
export type StatusSource = 'stated' | 'report' | 'archived';

export interface SprintRecord<P extends PlanMember = PlanMember, R extends Member = Member, D extends Member = Member> {
	sprint: string;
	plan?: P;
	report?: R;
	/** Every other document of the sprint. */
	docs: D[];
	/** What the roadmap states of the sprint, when it lists it. */
	milestone?: MilestoneMember;
	/** In the archive: the plan is archived, or (without a plan) the report, or every doc. */
	archived: boolean;
	/** Stated by the plan, else derived (a report or the archive → complete); undefined when nothing says. */
	status?: PlanStatus;
	statusSource?: StatusSource;
}

/** All sprints named by any document, in sprint order (2.9 before 2.10, 12 before 12.5). */
export function indexSprints<P extends PlanMember, R extends Member, D extends Member>(
	plans: readonly P[],
	reports: readonly R[],
	docs: readonly D[],
	milestones: readonly MilestoneMember[] = [],
): Array<SprintRecord<P, R, D>> {
	const records = new Map<string, SprintRecord<P, R, D>>();
	const record = (sprint: string) => {
		let r = records.get(sprint);
		if (!r) records.set(sprint, (r = { sprint, docs: [], archived: false }));
		return r;
	};
	// First one wins on a duplicate: `check` reports duplicates as errors, so a built site never has them.
	for (const p of plans) record(p.data.sprint).plan ??= p;
	for (const r of reports) record(r.data.sprint).report ??= r;
	for (const d of docs) record(d.data.sprint).docs.push(d);
	// A roadmap section about a sprint is a document about it: a sprint known only there still exists.
	for (const m of milestones) record(m.sprint).milestone ??= m;
	for (const r of records.values()) {
		r.archived = r.plan ? isArchived(r.plan) : r.report ? isArchived(r.report) : r.docs.length > 0 && r.docs.every(isArchived);
		Object.assign(r, deriveStatus(r));
	}
	return [...records.values()].sort((a, b) => compareSprints(a.sprint, b.sprint));
}

/** The stated status wins; a final report or the archive means the sprint is complete; otherwise nothing is claimed. */
export function deriveStatus(r: Pick<SprintRecord, 'plan' | 'report' | 'archived' | 'milestone'>): { status?: PlanStatus; statusSource?: StatusSource } {
	const stated = (r.plan?.data.status ?? (r.report?.data as { status?: string } | undefined)?.status ?? r.milestone?.status) as PlanStatus | undefined;
	if (stated) return { status: stated, statusSource: 'stated' };
	if (r.report) return { status: 'complete', statusSource: 'report' };
	if (r.archived) return { status: 'complete', statusSource: 'archived' };
	return {};
}

/** What the evidence says a sprint's status should be, when it contradicts the stated one; undefined when it agrees. */
export function contradiction(r: Pick<SprintRecord, 'plan' | 'report' | 'archived'>): string | undefined {
	const stated = r.plan?.data.status;
	if (!stated || stated === 'complete' || stated === 'cancelled') return undefined;
	if (r.report) return 'it has a completion report';
	if (r.archived) return 'it is archived';
	return undefined;
}

/** A live sprint past its end date with no report and not finished: the dashboard and timeline flag it. */
export function isOverdue(r: SprintRecord, today: string): boolean {
	const end = overdueAfter(r);
	return !!end && end < today;
}

/**
 * The day after which a live sprint with no report is overdue: its plan's end, when nothing has closed it. A page
 * carries it, so a reader's browser can tell on the day it is read, not the day it was built.
 */
export function overdueAfter(r: SprintRecord): string | undefined {
	const end = r.plan?.data.end;
	return !r.archived && !r.report && r.status !== 'complete' && r.status !== 'cancelled' && end ? end : undefined;
}

/**
 * The sprint a reader means by "current": the latest active one; else the
 * earliest one ready to start; else the latest by number that has any doc.
 * An archived sprint is never active or next, whatever its status still says.
 */
export function currentSprint<S extends Pick<SprintRecord, 'sprint' | 'status' | 'archived'>>(sprints: readonly S[]): S | undefined {
	const ordered = [...sprints].sort((a, b) => compareSprints(a.sprint, b.sprint));
	const live = ordered.filter((s) => !s.archived);
	return live.findLast((s) => s.status === 'active') ?? live.find((s) => s.status === 'ready') ?? ordered.at(-1);
}

/** Previous and next sprint of every sprint, by number, archived or not: computed once, looked up per page. */
export function neighbourMap<S extends { sprint: string }>(sprints: readonly S[]): Map<string, { previous?: S; next?: S }> {
	const ordered = [...sprints].sort((a, b) => compareSprints(a.sprint, b.sprint));
	return new Map(ordered.map((s, i) => [s.sprint, { previous: ordered[i - 1], next: ordered[i + 1] }]));
}
