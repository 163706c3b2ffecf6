/**
 * Archives laid out and numbered as other teams do it, written for these tests
 * in those shapes (tests/fixtures/import-conventions/<convention>/): each imports
 * into an empty project, checks with no error or warning, and builds — and the
 * docs land where a reader would look for them, with what they state and
 * nothing made up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';
import { page } from './helpers/site.ts';

const FIXTURES = 'tests/fixtures/import-conventions';

/** Imports one convention into a fresh project; returns the project and what the import printed. */
function imported(convention: string) {
	const root = mkdtempSync(join(tmpdir(), `sprintbook-${convention}-`));
	const run = sprintbook(['import', `${FIXTURES}/${convention}`, '--root', root]);
	expect(run.status, run.stdout + run.stderr).toBe(0);
	const fm = (path: string) => parse(readFileSync(join(root, 'content', path), 'utf8').split(/^---$/m)[1]!);
	const checked = JSON.parse(sprintbook(['check', '--root', root, '--format', 'json']).stdout) as Array<{ severity: string; ruleId: string; message: string }>;
	return { root, out: run.stdout, fm, problems: checked.filter((d) => d.severity !== 'info') };
}

/** Builds the project as a user would and returns its dist/ folder. */
function build(root: string): string {
	copySprintbook(root);
	const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, SPRINTBOOK_TODAY: '2026-02-20' } });
	expect(run.status, run.stdout + run.stderr).toBe(0);
	return join(root, 'dist');
}

describe('import of archives numbered and laid out as teams do it', () => {
	it('integer sprints: SPRINT_3_PLAN.md, SPRINT_3_COMPLETION_REPORT.md, SPRINT_4_PLAN.md', () => {
		const { root, fm, problems } = imported('integer-sprints');
		expect(problems).toEqual([]);
		// Each fact names the line it was read from; the sprint ended the day its completion report closed it.
		expect(fm('sprints/3/plan.md')).toEqual({ sprint: '3', title: 'Checkout', status: 'complete', date: '2025-11-03', end: '2025-11-17', goal: 'Customers can pay for a basket with a card.', evidence: { status: 'SPRINT_3_PLAN.md:3', end: 'SPRINT_3_COMPLETION_REPORT.md:3', goal: 'SPRINT_3_PLAN.md:5' } });
		expect(fm('sprints/3/report.md')).toEqual({ sprint: '3', title: 'Sprint 3 Completion Report', date: '2025-11-17', tests: { passing: 212, total: 220 }, evidence: { tests: 'SPRINT_3_COMPLETION_REPORT.md:7' } });
		// Mentioning Sprint 3 is not depending on it: only an explicit statement makes a dependency.
		expect(fm('sprints/4/plan.md')).toEqual({ sprint: '4', title: 'Refunds', status: 'active', date: '2025-11-18', goal: 'Support full and partial refunds.', evidence: { status: 'SPRINT_4_PLAN.md:3', goal: 'SPRINT_4_PLAN.md:5' } });
		expect(fm('docs/architecture/ARCHITECTURE.md')).toEqual({ title: 'Architecture', date: '2025-10-30' });
		const dist = build(root);
		expect(page('/sprints/', dist).querySelectorAll('ol.sprint-list > li').map((li) => li.getAttribute('data-sprint'))).toEqual(['4', '3']);
		// The plan's link to ARCHITECTURE.md now leads to the project doc's page.
		expect(page('/sprints/3/', dist).querySelector('article a[href="/docs/architecture/architecture/"]')?.text).toBe('architecture notes');
	});

	it('sprint folders: sprint-12/, sprint-12.5/ with backlog and retrospective only, sprint-13/', () => {
		const { root, fm, problems } = imported('sprint-folders');
		expect(problems).toEqual([]);
		expect(fm('sprints/12/plan.md')).toEqual({ sprint: '12', title: 'Search', status: 'complete', start: '2026-01-05', end: '2026-01-16', goal: 'Full-text search across orders.', evidence: { status: 'sprint-12/plan.md:3', start: 'sprint-12/plan.md:4', end: 'sprint-12/plan.md:4', goal: 'sprint-12/plan.md:8' } });
		// A folder-per-sprint layout keeps the plan as backlog.md and the close as retrospective.md: they are the sprint's
		// plan and report. A retrospective is held after the sprint: its date is not the day the sprint ended.
		expect(fm('sprints/12.5/plan.md')).toEqual({ sprint: '12.5', title: 'Hardening backlog' });
		expect(fm('sprints/12.5/report.md')).toEqual({ sprint: '12.5', title: 'Retrospective', date: '2026-01-30' });
		expect(fm('sprints/13/plan.md')).toMatchObject({ sprint: '13', status: 'active', start: '2026-02-02', end: '2026-02-13', goal: 'A monthly revenue report for finance.' });
		expect(existsSync(join(root, 'content/sprints/12.5/backlog.md'))).toBe(false); // imported once, as the plan
		const dist = build(root);
		expect(page('/sprints/', dist).querySelectorAll('ol.sprint-list > li').map((li) => li.getAttribute('data-sprint'))).toEqual(['13', '12.5', '12']);
		expect(page('/sprints/12.5/', dist).querySelector('h1')?.text).toContain('Hardening backlog');
		expect(existsSync(join(dist, 'sprints/12.5/report/index.html'))).toBe(true);
		// Says who: each fact in the sprint's panel names the file and line it was read from, the full path on hover.
		const meta = page('/sprints/12/', dist).querySelector('section.meta')!;
		const evidence = meta.querySelectorAll('small.evidence').map((e) => [e.text, e.getAttribute('title')]);
		expect(evidence).toEqual([
			['from plan.md:3', 'sprint-12/plan.md, line 3'],
			['from plan.md:8', 'sprint-12/plan.md, line 8'],
			['from plan.md:4', 'sprint-12/plan.md, line 4'],
		]);
		expect(meta.text.replace(/\s+/g, ' ')).toContain('2026-01-05 from plan.md:4 to 2026-01-16');
	});

	it('roadmap/sprint4/… folders with user stories, a closure summary with no figures, Sprint6_archives/', () => {
		const { root, fm, problems } = imported('roadmap-folders');
		expect(problems).toEqual([]);
		expect(fm('sprints/3/user-stories.md')).toEqual({ sprint: '3', title: 'User stories', kind: 'notes' });
		expect(fm('sprints/4/user-stories.md')).toEqual({ sprint: '4', title: 'User stories', kind: 'notes' });
		// A closure summary is the sprint's report, though it states no figure and no date.
		expect(fm('sprints/4/report.md')).toEqual({ sprint: '4', title: 'Closure summary' });
		expect(fm('sprints/6/notes.md')).toEqual({ sprint: '6', title: 'Notes from the sixth sprint', kind: 'notes' });
		const dist = build(root);
		const report = page('/sprints/4/report/', dist);
		expect(report.querySelectorAll('#pva + .table-scroll table td').map((td) => td.text)).toContain('not stated');
	});

	it('label lines with the colon outside the bold (**Status**: ✅ COMPLETE, - **Date**:, **Sprint Number**: Sprint 14) and key/value tables', () => {
		const { root, fm, problems, out } = imported('colon-outside-bold');
		expect(problems).toEqual([]);
		expect(fm('sprints/14/iteration-notes.md')).toEqual({ sprint: '14', title: 'Iteration notes', kind: 'notes', date: '2026-01-25' });
		expect(fm('sprints/15/plan.md')).toEqual({ sprint: '15', title: 'Sprint 15 Plan', status: 'ready', date: '2026-01-26', goal: 'Ship the mobile checkout.', evidence: { status: 'SPRINT_15_PLAN.md:3', goal: 'SPRINT_15_PLAN.md:5' } });
		expect(out).toContain('sprint 14 from its **Sprint:** line');
		// A key/value table at the top is metadata too; "6 Feb 2026" is a whole date.
		expect(fm('sprints/16/report.md')).toEqual({ sprint: '16', title: 'Sprint 16 Final Report', date: '2026-02-06', end: '2026-02-06', tests: { passing: 301, total: 310 }, evidence: { end: 'SPRINT_16_FINAL_REPORT.md:5', tests: 'SPRINT_16_FINAL_REPORT.md:10' } });
		// A status line the importer reads stays in the body as the team wrote it.
		const body = readFileSync(join(root, 'content/sprints/15/plan.md'), 'utf8');
		expect(body).toContain('**Status**');
		expect(body).toContain('Mobile web only.');
		build(root);
	});

	it('architecture, decision and deployment docs, and a runbook at the top, become project docs by section', () => {
		const { root, fm, problems } = imported('project-docs');
		expect(problems).toEqual([]);
		expect(fm('docs/architecture/overview.md')).toEqual({ title: 'System overview' });
		expect(fm('docs/decisions/0001-use-postgres.md')).toEqual({ title: 'Use Postgres', date: '2025-09-01', status: 'Accepted' });
		expect(fm('docs/deployments/2026-01-20-production.md')).toEqual({ title: 'Production deployment, 20 January', date: '2026-01-20' });
		expect(fm('docs/runbooks/RUNBOOK.md')).toEqual({ title: 'On-call runbook' });
		const dist = build(root);
		expect(page('/docs/', dist).querySelectorAll('main h2 a').map((a) => a.text)).toEqual(['Architecture', 'Decisions', 'Deployments', 'Runbooks']);
		expect(page('/docs/decisions/0001-use-postgres/', dist).querySelector('h1')?.text).toBe('Use Postgres');
	});

	it('two same-named files in different folders never collide', () => {
		const { root, fm, problems } = imported('same-names');
		expect(problems).toEqual([]);
		expect(fm('docs/requirements/payments/REQUIREMENTS.md')).toEqual({ title: 'Payment requirements' });
		expect(fm('docs/requirements/search/REQUIREMENTS.md')).toEqual({ title: 'Search requirements' });
		expect(fm('docs/services/api/README.md')).toEqual({ title: 'API service' });
		expect(fm('docs/services/web/README.md')).toEqual({ title: 'Web app' });
		const dist = build(root);
		expect(page('/docs/requirements/payments/requirements/', dist).querySelector('h1')?.text).toBe('Payment requirements');
		expect(page('/docs/requirements/search/requirements/', dist).querySelector('h1')?.text).toBe('Search requirements');
		// Requirement specs in prose are listed on the requirements page too.
		expect(page('/requirements/', dist).querySelectorAll('main a').map((a) => a.text)).toEqual(['Payment requirements', 'Search requirements']);
		expect(page('/docs/services/api/readme/', dist).querySelector('article a[href="/docs/services/web/readme/"]')?.text).toBe('web service');
	});
});
