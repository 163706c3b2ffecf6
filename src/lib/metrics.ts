/**
 * Derived numbers: plan vs actual, days left, the pass-rate series. Always
 * computed from typed fields, never typed by hand.
 */
import type { Plan, Report, TierName } from '../schemas/index.ts';
import { TIERS } from '../schemas/index.ts';
import { compareSprints, passRate, sumHours, testsForRate, type TestCounts } from './sprints.ts';

export interface TestsComparison {
	baseline?: TestCounts;
	/** Undefined when the report states no whole-suite figure: shown as "not stated", never as 0. */
	final?: TestCounts;
	/** Tests passing at the end minus at the start. */
	passingDelta?: number;
	/** Pass rate points gained (final − baseline). */
	rateDelta?: number;
}

export interface TrackComparison {
	id: string;
	name?: string;
	owner?: string;
	planned?: readonly [number, number];
	spent?: number;
	/** Hours over (+) or under (−) the planned range; 0 when inside it. */
	overrun?: number;
}

export interface TierComparison {
	tier: TierName;
	floorRate?: number;
	floorTests?: number;
	outcome?: 'met' | 'partial' | 'missed';
	/** Whether the final pass rate reaches the tier's floor, computed. */
	rateReached?: boolean;
}

export interface PlanVsActual {
	tests: TestsComparison;
	tracks: TrackComparison[];
	tiers: TierComparison[];
	hoursPlanned: [number, number];
	hoursSpent: number;
}

export function planVsActual(plan: Plan | undefined, report: Report): PlanVsActual {
	const baseline = plan?.baseline;
	const final = report.tests;
	const before = baseline && passRate(baseline);
	const after = final && passRate(final);
	const tests: TestsComparison = {
		baseline,
		final,
		passingDelta: baseline && final ? final.passing - baseline.passing : undefined,
		rateDelta: before !== undefined && after !== undefined ? after - before : undefined,
	};

	const ids = [...new Set([...(plan?.tracks ?? []).map((t) => t.id), ...report.hours.map((h) => h.track)])];
	const tracks = ids.map((id): TrackComparison => {
		const planned = plan?.tracks.find((t) => t.id === id);
		const spent = report.hours.find((h) => h.track === id)?.spent;
		let overrun: number | undefined;
		if (planned && spent !== undefined) {
			const [min, max] = planned.hours;
			overrun = spent > max ? spent - max : spent < min ? spent - min : 0;
		}
		return { id, name: planned?.name, owner: planned?.owner, planned: planned?.hours, spent, overrun };
	});

	const tiers = TIERS.filter((t) => plan?.targets?.[t] || report.outcome[t]).map((tier): TierComparison => {
		const floorRate = plan?.targets?.[tier]?.pass_rate;
		return {
			tier,
			floorRate,
			floorTests: floorRate !== undefined && final ? testsForRate(floorRate, final.total) : undefined,
			outcome: report.outcome[tier],
			rateReached: floorRate !== undefined && final ? final.passing >= testsForRate(floorRate, final.total) : undefined,
		};
	});

	return {
		tests,
		tracks,
		tiers,
		hoursPlanned: sumHours((plan?.tracks ?? []).map((t) => t.hours)),
		hoursSpent: report.hours.reduce((sum, h) => sum + h.spent, 0),
	};
}

export type Countdown =
	| { phase: 'unscheduled' }
	| { phase: 'upcoming'; days: number }
	| { phase: 'running'; days: number }
	| { phase: 'ended'; days: number };

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Days to the start, left until the end (the end day counts), or since the end, as of `today` (YYYY-MM-DD). */
export function countdown(plan: Pick<Plan, 'start' | 'end'>, today: string): Countdown {
	if (!plan.start || !plan.end) return { phase: 'unscheduled' };
	const t = dayNumber(today);
	const start = dayNumber(plan.start);
	const end = dayNumber(plan.end);
	if (t < start) return { phase: 'upcoming', days: start - t };
	if (t <= end) return { phase: 'running', days: end - t + 1 };
	return { phase: 'ended', days: t - end };
}

export interface SeriesPoint {
	sprint: string;
	/** `start`: the plan's baseline; `end`: the report's final figures. */
	at: 'start' | 'end';
	tests: TestCounts;
	rate: number;
	/** The sprint's target pass rate (its plan's "target" tier), when it states one. */
	target?: number;
}

/**
 * Pass rate and test count through the sprints: each sprint's baseline, then its
 * final result, in sprint order. A sprint without a plan contributes its report's
 * figure; a figure not stated contributes nothing.
 */
export function passRateSeries(plans: readonly Plan[], reports: readonly Report[]): SeriesPoint[] {
	const bySprint = new Map(reports.map((r) => [r.sprint, r]));
	const planOf = new Map(plans.map((p) => [p.sprint, p]));
	const points: SeriesPoint[] = [];
	const sprints = [...new Set([...planOf.keys(), ...bySprint.keys()])].sort(compareSprints);
	const push = (sprint: string, at: SeriesPoint['at'], tests: TestCounts | undefined) => {
		const rate = tests && passRate(tests);
		const target = planOf.get(sprint)?.targets?.target?.pass_rate;
		if (tests && rate !== undefined) points.push({ sprint, at, tests, rate, ...(target !== undefined ? { target } : {}) });
	};
	for (const sprint of sprints) {
		push(sprint, 'start', planOf.get(sprint)?.baseline);
		push(sprint, 'end', bySprint.get(sprint)?.tests);
	}
	return points;
}

/** The points of the last `count` sprints that have any: what the dashboard charts (the whole series has its own page). */
export function recentPoints(points: readonly SeriesPoint[], count: number): SeriesPoint[] {
	const sprints = [...new Set(points.map((p) => p.sprint))].slice(-count);
	return points.filter((p) => sprints.includes(p.sprint));
}
