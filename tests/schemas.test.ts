/** The schemas accept the team's real docs and refuse bad frontmatter, naming the field and the fix. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/load.ts';
import { collectionSchemas, planSchema, projectDocSchema, reportSchema } from '../src/schemas/index.ts';
import { ROOT } from './helpers/site.ts';

const validPlan = {
	sprint: '2.8',
	title: 'Test Stabilization + BYOM Foundation',
	status: 'ready',
	date: '2026-01-17',
	start: '2026-01-17',
	end: '2026-01-26',
	goal: 'Achieve 99% test pass rate',
	baseline: { passing: 645, total: 661 },
	tracks: [{ id: 'A', name: 'Test Fixes', owner: 'OMC-Data-Specialist', hours: [9, 15] }],
	depends_on: ['2.7'],
};

describe('real content', () => {
	it('every document under content/ passes its schema', async () => {
		const entries = await loadContent(ROOT);
		const failures = entries
			.filter((e) => !e.result.success)
			.map((e) => `${e.file}: ${JSON.stringify(e.result.error?.issues)}`);
		expect(failures).toEqual([]);
		// Each collection holds what the foundation promised.
		const byCollection = Object.groupBy(entries, (e) => e.collection);
		expect(byCollection.plans?.map((e) => e.file).sort()).toEqual([
			'archive/history/sprints/sprint-2.7/plan.md',
			'sprints/2.10/plan.md',
			'sprints/2.8/plan.md',
			'sprints/2.9/plan.md',
		]);
		expect(byCollection.reports?.map((e) => e.file)).toEqual(['archive/history/sprints/sprint-2.7/report.md']);
		expect(byCollection.sprintDocs?.map((e) => e.file)).toEqual(['sprints/2.8/SPRINT_2.8_TEST_FIX_PROMPTS.md']);
		expect(byCollection.roadmap).toHaveLength(1);
		expect(byCollection.handoff).toHaveLength(1);
		expect(byCollection.requirements?.map((e) => e.file)).toEqual(['requirements/BYOM_USER_STORIES.md']);
	});

	it('the 2.8 plan carries the values its header and body state', async () => {
		const entries = await loadContent(ROOT);
		const plan = entries.find((e) => e.file === 'sprints/2.8/plan.md');
		expect(plan?.result.success).toBe(true);
		expect(plan?.result.data).toMatchObject({
			sprint: '2.8',
			status: 'ready',
			date: '2026-01-17',
			start: '2026-01-17',
			end: '2026-01-26',
			goal: 'Achieve 99% test pass rate + Begin BYOM foundation',
			baseline: { passing: 645, total: 661 },
			tracks: [
				{ id: 'A', owner: 'OMC-Data-Specialist', hours: [9, 15] },
				{ id: 'B', owner: 'OMC-ML-Scientist', hours: [8, 12] },
				{ id: 'C', owner: 'OMC-DevOps-Engineer', hours: [0, 0] },
			],
			depends_on: ['2.7'],
			next: '2.9',
		});
	});
});

/** Runs `schema` on `input` and returns its issues as `path: message` lines. */
function problems(schema: (typeof collectionSchemas)[keyof typeof collectionSchemas], input: unknown): string[] {
	const result = schema.safeParse(input);
	expect(result.success, 'the input should have been refused').toBe(false);
	return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('bad frontmatter is refused with the field named', () => {
	const cases: Array<[string, keyof typeof collectionSchemas, unknown, RegExp]> = [
		['numeric sprint (2.10 read as 2.1)', 'plans', { ...validPlan, sprint: 2.1 }, /^sprint: .*quoted.*number 2\.1.*"2\.10"/],
		['missing title', 'plans', { ...validPlan, title: undefined }, /^title: expected text/],
		['empty goal', 'plans', { ...validPlan, goal: '  ' }, /^goal: must not be empty/],
		['sprint not a number', 'plans', { ...validPlan, sprint: 'two' }, /^sprint: expected a sprint number: numbers separated by dots, like "3", "2\.8" or "12\.5"/],
		['sprint with a trailing dot', 'plans', { ...validPlan, sprint: '2.' }, /^sprint: expected a sprint number/],
		['unquoted integer sprint', 'plans', { ...validPlan, sprint: 3 }, /^sprint: sprint numbers must be quoted strings: YAML read this value as the number 3/],
		['unknown status', 'plans', { ...validPlan, status: 'in progress' }, /^status: expected one of draft, ready, active, complete, cancelled \(got "in progress"\)/],
		['date not ISO', 'plans', { ...validPlan, date: 'January 17, 2026' }, /^date: expected a date written YYYY-MM-DD/],
		['impossible date', 'plans', { ...validPlan, start: '2026-02-30' }, /^start: expected a date written YYYY-MM-DD/],
		['end before start', 'plans', { ...validPlan, end: '2026-01-10' }, /^end: end \(2026-01-10\) is before start \(2026-01-17\)/],
		['passing above total', 'plans', { ...validPlan, baseline: { passing: 700, total: 661 } }, /^baseline\.passing: passing cannot exceed total/],
		['hour range reversed', 'plans', { ...validPlan, tracks: [{ ...validPlan.tracks[0], hours: [15, 9] }] }, /^tracks\.0\.hours: the first number \(min\) must not exceed/],
		['unknown field (typo)', 'plans', { ...validPlan, stauts: 'ready' }, /stauts/],
		['numeric depends_on', 'plans', { ...validPlan, depends_on: [2.7] }, /^depends_on\.0: .*quoted/],
		['pass rate above 100', 'plans', { ...validPlan, targets: { target: { pass_rate: 130 } } }, /^targets\.target\.pass_rate: /],
		['duplicate track id', 'plans', { ...validPlan, tracks: [validPlan.tracks[0], validPlan.tracks[0]] }, /^tracks\.1\.id: track id "A" is used twice/],
		['report outcome not a tier outcome', 'reports', { sprint: '2.7', date: '2026-01-16', tests: { passing: 645, total: 661 }, outcome: { target: 'done' } }, /^outcome\.target: expected met, partial or missed \(got "done"\)/],
		['report with half a test figure', 'reports', { sprint: '2.7', tests: { passing: 5 } }, /^tests\.total: /],
		['sprint doc of unknown kind', 'sprintDocs', { sprint: '2.8', title: 'Prompts', kind: 'prompt' }, /^kind: expected one of prompts, .*\(got "prompt"\)/],
		['roadmap without milestones', 'roadmap', { updated: '2026-01-17', milestones: [] }, /^milestones: a roadmap needs at least one milestone/],
		['handoff feature with bad status', 'handoff', { updated: '2026-01-17', features: [{ name: 'BYOM', status: 'finished' }] }, /^features\.0\.status: expected one of planned, in-progress, done, blocked, deferred/],
		['requirement id not a slug', 'requirements', { id: 'BYOM Stories', title: 'BYOM' }, /^id: expected a lower-case slug/],
	];

	it.each(cases)('%s', (_name, collection, input, expected) => {
		const found = problems(collectionSchemas[collection], input);
		expect(found.some((line) => expected.test(line)), found.join('\n')).toBe(true);
	});

	it('a missing sprint says what to write', () => {
		const { sprint: _omit, ...rest } = validPlan;
		expect(problems(planSchema, rest)).toContain('sprint: required: the sprint number as a quoted string, e.g. "2.8" or "3"');
	});

	it('takes sprint numbers as teams write them, and only the sprint is required of a report', () => {
		for (const sprint of ['3', '12', '12.5', '2.61', '1.2.3']) expect(planSchema.safeParse({ ...validPlan, sprint, depends_on: [] }).success, sprint).toBe(true);
		expect(reportSchema.safeParse({ sprint: '2.15' }).success).toBe(true);
		const { status: _s, date: _d, goal: _g, ...bare } = validPlan;
		expect(planSchema.safeParse(bare).success).toBe(true);
	});

	it('a project doc needs a title; date, status, related sprint and tags are optional', () => {
		expect(projectDocSchema.safeParse({ title: 'Deployment log' }).data).toEqual({ title: 'Deployment log', tags: [] });
		expect(problems(projectDocSchema, { title: 'X', sprint: 2.1 })[0]).toMatch(/^sprint: sprint numbers must be quoted strings/);
		expect(problems(projectDocSchema, {})[0]).toMatch(/^title: /);
	});

	it('the valid plan used above really is valid', () => {
		expect(planSchema.safeParse(validPlan).success).toBe(true);
	});
});
