/** The figures the site shows, computed from the real content: current sprint, plan vs actual, countdown, series, backlinks. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlinks } from '../src/lib/backlinks.ts';
import { nearMissSprint } from '../src/lib/graph.ts';
import { contradiction, currentSprint, indexSprints, isOverdue, neighbourMap } from '../src/lib/sprint-index.ts';
import { compareSprints } from '../src/lib/sprints.ts';
import { loadContent } from '../src/lib/load.ts';
import { countdown, passRateSeries, planVsActual, recentPoints } from '../src/lib/metrics.ts';
import type { Plan, Report } from '../src/schemas/index.ts';
import { ROOT } from './helpers/site.ts';

const entries = await loadContent(ROOT);
const plans = entries.filter((e) => e.collection === 'plans').map((e) => e.result.data as Plan);
const reports = entries.filter((e) => e.collection === 'reports').map((e) => e.result.data as Report);
const plan = (s: string) => plans.find((p) => p.sprint === s)!;

describe('current sprint and neighbours', () => {
	it('is 2.8: no sprint is active, and 2.8 is the one ready to start', () => {
		expect(currentSprint(indexSprints(plans.map((data) => ({ data })), [], []))?.sprint).toBe('2.8');
	});
	it('prefers an active sprint, then the earliest ready one, then the latest by number', () => {
		const mk = (sprint: string, status?: string, archived = false) => ({ sprint, status: status as never, archived });
		expect(currentSprint([mk('2.8', 'ready'), mk('2.9', 'ready'), mk('2.7', 'complete')])?.sprint).toBe('2.8');
		expect(currentSprint([mk('2.8', 'ready'), mk('2.10', 'active'), mk('2.9', 'active')])?.sprint).toBe('2.10');
		expect(currentSprint([mk('2.7', 'complete'), mk('2.6', 'complete')])?.sprint).toBe('2.7');
		// An archived plan whose status was never updated is not "next".
		expect(currentSprint([mk('2.7', 'ready', true), mk('2.9', 'ready')])?.sprint).toBe('2.9');
		// Nothing active or ready: the latest sprint any document names, status or not (2.61 after 2.9).
		expect(currentSprint([mk('2.9', 'complete', true), mk('2.61'), mk('2.10', 'complete')])?.sprint).toBe('2.61');
	});
	it('walks sprints in numeric order across the archive: 2.7 (archived) ← 2.8 → 2.9, and 2.9 → 2.10', () => {
		const around = neighbourMap(plans);
		expect(around.get('2.7')?.next?.sprint).toBe('2.8');
		expect(around.get('2.8')?.previous?.sprint).toBe('2.7');
		expect(around.get('2.8')?.next?.sprint).toBe('2.9');
		expect(around.get('2.9')?.next?.sprint).toBe('2.10');
		expect(around.get('2.7')?.previous).toBeUndefined();
		expect(around.get('2.10')?.next).toBeUndefined();
	});
});

describe('sprints as teams number them', () => {
	it('orders dot-separated numbers segment by segment', () => {
		const ids = ['13', '2.10', '12.5', '3', '2.9', '2.61', '12', '2.8', '12.5.1'];
		expect([...ids].sort(compareSprints)).toEqual(['2.8', '2.9', '2.10', '2.61', '3', '12', '12.5', '12.5.1', '13']);
	});
	it('suggests a sprint only for a typo of one that exists', () => {
		const known = ['2.8', '2.10', '2.35', '2.81'];
		expect(nearMissSprint('2.15', known)).toBeUndefined(); // a different sprint, not a typo of 2.35
		expect(nearMissSprint('2.18', known)).toBeUndefined(); // swapped digits may well be a real sprint (2.51 after 2.50 is not 2.15)
		expect(nearMissSprint('2.100', known)).toBe('2.10'); // one digit too many
		expect(nearMissSprint('28', known)).toBe('2.8'); // the dot left out
		expect(nearMissSprint('2.7', known)).toBeUndefined();
		expect(nearMissSprint('14', ['4', '13'])).toBeUndefined(); // 14 is a sprint of its own
	});
});

describe('a sprint exists when any document names it', () => {
	const plan = (sprint: string, status?: string, extra: Record<string, string> = {}) => ({ data: { sprint, status, ...extra } });
	const doc = (sprint: string, archived?: string) => ({ data: { sprint, archived } });
	const index = indexSprints(
		[plan('2.8', 'ready'), plan('2.9', 'active', { end: '2026-02-01' }), plan('2.7', 'ready', { archived: '2026-01-20' })],
		[doc('2.15'), doc('2.7', '2026-01-20')],
		[doc('2.15'), doc('2.16', '2026-03-01'), doc('2.17')],
	);
	const get = (s: string) => index.find((r) => r.sprint === s)!;
	it('lists sprints with a plan, a report only, or docs only, in order', () => {
		expect(index.map((r) => r.sprint)).toEqual(['2.7', '2.8', '2.9', '2.15', '2.16', '2.17']);
		expect(get('2.15').plan).toBeUndefined();
		expect(get('2.15').docs).toHaveLength(1);
	});
	it('takes a stated status, else derives it from a report or the archive, else claims none', () => {
		expect([get('2.8').status, get('2.8').statusSource]).toEqual(['ready', 'stated']);
		expect([get('2.15').status, get('2.15').statusSource]).toEqual(['complete', 'report']);
		expect([get('2.16').status, get('2.16').statusSource, get('2.16').archived]).toEqual(['complete', 'archived', true]);
		expect([get('2.17').status, get('2.17').statusSource]).toEqual([undefined, undefined]);
	});
	it('says when a stated status contradicts the evidence, and flags a live sprint past its end with no report', () => {
		expect(contradiction(get('2.7'))).toBe('it has a completion report');
		expect(contradiction(get('2.8'))).toBeUndefined();
		expect(isOverdue(get('2.9'), '2026-02-02')).toBe(true);
		expect(isOverdue(get('2.9'), '2026-02-01')).toBe(false);
		expect(isOverdue(get('2.7'), '2027-01-01')).toBe(false);
	});
});

describe('plan vs actual for Sprint 2.7', () => {
	const pva = planVsActual(plan('2.7'), reports[0]!);
	it('computes the change in tests and pass rate', () => {
		expect(pva.tests.passingDelta).toBe(27);
		expect(pva.tests.rateDelta).toBeCloseTo(4.08, 2);
	});
	it('compares hours per track with the planned range', () => {
		expect(pva.tracks.map((t) => [t.id, t.planned, t.spent, t.overrun])).toEqual([
			['A', [8, 12], 11, 0],
			['B', [4, 6], 5, 0],
			['C', [10, 14], 13, 0],
		]);
		expect(pva.hoursPlanned).toEqual([22, 32]);
		expect(pva.hoursSpent).toBe(29);
	});
	it('checks each tier floor against the final count', () => {
		expect(pva.tiers.map((t) => [t.tier, t.floorTests, t.rateReached, t.outcome])).toEqual([
			['minimum', 628, true, 'met'],
			['target', 642, true, 'met'],
			['stretch', 655, false, 'missed'],
		]);
	});
	it('reports hours outside the plan as over or under', () => {
		const report = { ...reports[0]!, hours: [{ track: 'A', spent: 15 }, { track: 'B', spent: 2 }] };
		expect(planVsActual(plan('2.7'), report).tracks.map((t) => t.overrun)).toEqual([3, -2, undefined]);
	});
});

describe('countdown', () => {
	const sprint = plan('2.8'); // 2026-01-17 to 2026-01-26
	it('counts down to the start, through the sprint, and since the end', () => {
		expect(countdown(sprint, '2026-01-10')).toEqual({ phase: 'upcoming', days: 7 });
		expect(countdown(sprint, '2026-01-17')).toEqual({ phase: 'running', days: 10 });
		expect(countdown(sprint, '2026-01-26')).toEqual({ phase: 'running', days: 1 });
		expect(countdown(sprint, '2026-02-05')).toEqual({ phase: 'ended', days: 10 });
		expect(countdown(plan('2.9'), '2026-01-20')).toEqual({ phase: 'unscheduled' });
	});
});

describe('pass-rate series', () => {
	it('has each sprint’s baseline and final figures in sprint order', () => {
		expect(passRateSeries(plans, reports).map((p) => [p.sprint, p.at, p.tests.passing, Math.round(p.rate * 10) / 10])).toEqual([
			['2.7', 'start', 618, 93.5],
			['2.7', 'end', 645, 97.6],
			['2.8', 'start', 645, 97.6],
		]);
	});
});

describe('backlinks', () => {
	it('collects body links and sprints named in frontmatter', () => {
		const contentDir = join(ROOT, 'content');
		const links = backlinks(contentDir, [
			{ url: '/sprints/2.8/', contentPath: 'sprints/2.8/plan.md', body: '[p](SPRINT_2.8_TEST_FIX_PROMPTS.md) [self](#top)', sprints: ['2.7'] },
			{ url: '/roadmap/', contentPath: 'roadmap.md', body: '', sprints: ['2.7', '2.8'] },
		]);
		expect(links.get('/sprints/2.8/test-fix-prompts/')).toEqual(['/sprints/2.8/']);
		expect(links.get('/sprints/2.7/')).toEqual(['/roadmap/', '/sprints/2.8/']);
		expect(links.get('/sprints/2.8/')).toEqual(['/roadmap/']);
	});
});

describe('the dashboard charts the recent sprints only', () => {
	it('keeps both points of each of the last N sprints that have figures, in order', () => {
		const point = (sprint: string, at: 'start' | 'end') => ({ sprint, at, tests: { passing: 1, total: 1 }, rate: 100 });
		const all = ['1', '2', '3', '4'].flatMap((s) => [point(s, 'start'), point(s, 'end')]);
		expect(recentPoints(all, 2).map((p) => `${p.sprint} ${p.at}`)).toEqual(['3 start', '3 end', '4 start', '4 end']);
		expect(recentPoints(all, 12)).toHaveLength(8);
	});
});
