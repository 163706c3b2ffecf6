/**
 * Where import puts each doc, and that it never loses or repeats one: reference
 * docs related to the sprint they name, a plan status the roadmap shows out of
 * date left out, files that would meet at one path or one page kept apart, a
 * second import that writes nothing it wrote before, the samples announced when
 * the team's docs sit beside them, and a summary that says why files need
 * attention. Fixtures are written for these tests; the OMC repository is real.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../src/lib/load.ts';
import { currentSprint, indexSprints } from '../src/lib/sprint-index.ts';
import { sprintbook } from './helpers/cli.ts';
import { hashTree, tempProject } from './helpers/project.ts';
import { ROOT } from './helpers/site.ts';

const FIXTURES = 'tests/fixtures/import-conventions';
const REPO = join(ROOT, '..', 'shared', 'omc-repo');
// In CI ../shared is always there; elsewhere a missing copy skips those tests, saying why.
const hasRepo = existsSync(REPO);
if (!hasRepo && !process.env.CI) console.warn(`OMC repository tests skipped: ${REPO} is absent (it sits beside the repository in CI)`);

const temp = (name: string) => mkdtempSync(join(tmpdir(), `sprintbook-${name}-`));
const frontmatter = (root: string, path: string) => parse(readFileSync(join(root, 'content', path), 'utf8').split(/^---$/m)[1]!);
/** Errors and warnings `check` finds in the project (notes are information only). */
const problems = (root: string) =>
	(JSON.parse(sprintbook(['check', '--root', root, '--format', 'json']).stdout) as Array<{ severity: string; ruleId: string; message: string }>).filter((d) => d.severity !== 'info');
/** Every sprint of the project at `root`, as the site indexes them. */
async function sprintIndex(root: string) {
	const entries = await loadContent(root);
	const members = (collection: string) => entries.filter((e) => e.collection === collection && e.result.success).map((e) => ({ data: e.result.data as { sprint: string; status?: string }, filePath: `content/${e.file}` }));
	return indexSprints(members('plans'), members('reports'), members('sprintDocs'));
}
/** The report's line for one input, by the end of its path. */
const lineOf = (out: string, source: string) => out.split('\n').find((l) => /^(?:imported|needs attention|not imported) /.test(l) && l.includes(`${source} `)) ?? '';

describe('project docs that name a sprint', () => {
	const root = temp('related');
	const run = sprintbook(['import', `${FIXTURES}/related-sprints`, '--root', root]);

	it('a decision, an architecture note or a guide naming a sprint is a project doc related to it, not one of the sprint’s docs', () => {
		expect(run.status, run.stderr).toBe(0);
		// "**Sprint:** 7" in the decision's header: lifted into `sprint`, with its status and date.
		expect(frontmatter(root, 'docs/decisions/0004-message-queue.md')).toEqual({ title: 'Send notifications through a queue', date: '2026-03-03', status: 'Accepted', sprint: '7' });
		expect(readFileSync(join(root, 'content/docs/decisions/0004-message-queue.md'), 'utf8')).not.toContain('**Sprint:**');
		// "Onboarding, as of Sprint 7": the sprint from the title.
		expect(frontmatter(root, 'docs/guides/onboarding.md')).toEqual({ title: 'Onboarding, as of Sprint 7', sprint: '7' });
		// No document belongs to Sprint 9: no `sprint` pointing at a page that will not exist, and the report says so.
		expect(frontmatter(root, 'docs/architecture/caching.md')).toEqual({ title: 'Caching, as planned for Sprint 9', date: '2026-03-10' });
		expect(lineOf(run.stdout, 'docs/architecture/caching.md')).toContain('it names Sprint 9, of which no document is imported: `sprint` left out');
		expect(existsSync(join(root, 'content/sprints/9'))).toBe(false);
	});

	it('a doc that is none of those, labelled "**Sprint**: 7", is the sprint’s own; a template goes to templates', () => {
		expect(frontmatter(root, 'sprints/7/demo-notes.md')).toEqual({ sprint: '7', title: 'Demo notes', kind: 'notes' });
		expect(frontmatter(root, 'sprints/7/plan.md')).toEqual({ sprint: '7', title: 'Notifications', status: 'active', date: '2026-03-02', goal: 'Email and push notifications for order updates.', evidence: { status: 'SPRINT_7_PLAN.md:3', goal: 'SPRINT_7_PLAN.md:5' } });
		expect(frontmatter(root, 'docs/templates/RETRO_TEMPLATE.md')).toEqual({ title: 'Retro template' });
		expect(problems(root)).toEqual([]);
	});
});

describe('a plan status the roadmap shows out of date', () => {
	it('is left out when the roadmap imported with it marks the sprint complete; a status it agrees with stays', async () => {
		const root = temp('roadmap-status');
		const run = sprintbook(['import', `${FIXTURES}/roadmap-status`, '--root', root]);
		expect(run.status, run.stderr).toBe(0);
		// SPRINT_5_PLAN.md still says "**Status:** Planning"; the roadmap says "### Sprint 5 - Search (COMPLETE)".
		// The roadmap, kept up as sprints go, outranks the plan written before: the sprint is complete, and says who says so.
		expect(frontmatter(root, 'sprints/5/plan.md')).toEqual({ sprint: '5', title: 'Search', status: 'complete', goal: 'Find any order by customer, product or note.', evidence: { status: 'ROADMAP.md:5', goal: 'sprint-5/SPRINT_5_PLAN.md:4' } });
		expect(lineOf(run.stdout, 'sprint-5/SPRINT_5_PLAN.md')).toContain('status "complete" from ROADMAP.md:5');
		expect(frontmatter(root, 'sprints/6/plan.md')).toMatchObject({ sprint: '6', status: 'ready' });
		expect(frontmatter(root, 'roadmap.md')).toMatchObject({ title: 'Roadmap', milestones: [{ sprint: '5', title: 'Search', status: 'complete', evidence: { status: 'ROADMAP.md:5' } }, { sprint: '6', title: 'Exports', status: 'ready', evidence: { status: 'ROADMAP.md:11' } }] });
		expect(problems(root)).toEqual([]);
		// Sprint 5 is no longer taken for one still being planned; 6, ready, is the current sprint.
		expect(currentSprint(await sprintIndex(root))?.sprint).toBe('6');
	});
});

describe('files that would meet', () => {
	it('same path from two inputs, or names that make one page, are kept apart by a number — never dropped', () => {
		const inputs = temp('meet-inputs');
		for (const [path, text] of [
			['a/README.md', '# Service A\n\nRuns the queue.\n'],
			['b/README.md', '# Service B\n\nSends the mail.\n'],
			['c/Guide.md', '# Style guide\n\nTabs.\n'],
			['c/guide.md', '# Release guide\n\nTag, then deploy.\n'],
		] as const) {
			mkdirSync(join(inputs, path, '..'), { recursive: true });
			writeFileSync(join(inputs, path), text);
		}
		const root = temp('meet');
		const run = sprintbook(['import', join(inputs, 'a'), join(inputs, 'b'), join(inputs, 'c'), '--root', root]);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^4 files: 4 imported clean, 0 imported needing attention, 0 not imported\.$/m);
		expect(frontmatter(root, 'docs/general/README.md')).toEqual({ title: 'Service A' });
		expect(frontmatter(root, 'docs/general/README-2.md')).toEqual({ title: 'Service B' });
		// Guide.md and guide.md would both publish at /docs/guides/guide/.
		expect(frontmatter(root, 'docs/guides/Guide.md')).toEqual({ title: 'Style guide' });
		expect(frontmatter(root, 'docs/guides/guide-2.md')).toEqual({ title: 'Release guide' });
		expect(problems(root)).toEqual([]);
	});
});

describe('importing again', () => {
	it('writes nothing it wrote before, imports what is new, and links from the new doc lead to the one already there', () => {
		const root = temp('again');
		expect(sprintbook(['import', `${FIXTURES}/sprint-folders`, `${FIXTURES}/project-docs`, '--root', root]).status).toBe(0);
		const before = hashTree(join(root, 'content'));

		// The same archive a week later: one decision more, linking to the runbook from where it sat.
		const later = temp('again-input');
		cpSync(join(ROOT, FIXTURES, 'project-docs'), later, { recursive: true });
		writeFileSync(join(later, 'decisions/0002-read-replicas.md'), '# Read replicas for reports\n\n**Status:** Proposed\n\nSee the [runbook](../RUNBOOK.md) for failover.\n');
		const run = sprintbook(['import', `${FIXTURES}/sprint-folders`, later, '--root', root]);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toMatch(/^9 files: 1 imported clean, 0 imported needing attention, 8 not imported\.$/m);
		expect(run.stdout).toContain('  not imported, already in content/: 8');
		expect(lineOf(run.stdout, 'sprint-12.5/retrospective.md')).toContain('content/sprints/12.5/report.md already exists; nothing will be written');
		expect(lineOf(run.stdout, 'sprint-12/plan.md')).toContain('content/sprints/12/plan.md already exists; nothing will be written');

		const after = hashTree(join(root, 'content'));
		expect(after.filter((f) => !before.includes(f))).toEqual([expect.stringMatching(/^docs\/decisions\/0002-read-replicas\.md:/)]);
		expect(before.filter((f) => !after.includes(f))).toEqual([]);
		expect(readFileSync(join(root, 'content/docs/decisions/0002-read-replicas.md'), 'utf8')).toContain('See the [runbook](../runbooks/RUNBOOK.md) for failover.');
		expect(problems(root)).toEqual([]);
	});
});

describe('the samples beside the team’s own docs', () => {
	it('are named, with how to remove them, and stay as they are', () => {
		const root = tempProject();
		mkdirSync(join(root, 'content/docs/guides'), { recursive: true });
		writeFileSync(join(root, 'content/docs/guides/ours.md'), '---\ntitle: Our guide\n---\n\nOurs.\n');
		const samples = hashTree(join(root, 'content'));

		const dry = sprintbook(['import', 'tests/fixtures/import', '--root', root, '--dry-run']);
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain('Note: content/ still holds 9 of Sprintbook\'s sample docs (OMC\'s Sprints 2.7–2.10), beside docs of your own; your docs would be imported beside them.');
		expect(hashTree(join(root, 'content'))).toEqual(samples);

		const run = sprintbook(['import', 'tests/fixtures/import', '--root', root]);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('your docs are imported beside them.\nTo remove them, delete these files (--replace-samples does it only while content/ holds nothing else):\n  content/archive/history/sprints/sprint-2.7/plan.md\n');
		expect(run.stdout).toContain('  content/sprints/2.8/plan.md\n');
		expect(hashTree(join(root, 'content')).filter((f) => samples.includes(f))).toEqual(samples);
		expect(existsSync(join(root, 'content/sprints/2.41/plan.md'))).toBe(true);
	});
});

describe('the summary', () => {
	it('counts why imported files need attention, as it counts why files are left out', () => {
		const run = sprintbook(['import', 'tests/fixtures/import', '--root', temp('summary'), '--dry-run']);
		// sprint-2.36-alerting-service.md is dated "Mar 2026": no day, so no date.
		expect(run.stdout).toMatch(/^3 files: 2 imported clean, 1 imported needing attention, 0 not imported\.\n {2}needs attention, a date without a day left out: 1\nLinks:/m);
		const json = JSON.parse(sprintbook(['import', 'tests/fixtures/import', '--root', temp('summary-json'), '--dry-run', '--format', 'json']).stdout) as { files: Array<{ source: string; status: string; attention?: string[] }> };
		expect(json.files.find((f) => f.source.endsWith('sprint-2.36-alerting-service.md'))).toMatchObject({ status: 'attention', attention: ['a date without a day left out'] });
	});
});

describe.skipIf(!hasRepo && !process.env.CI)('the OMC repository, imported twice into an empty project', () => {
	const root = temp('omc-again');
	const first = sprintbook(['import', REPO, '--root', root]);

	it('imports at least 95% of the 278 files, checks with no error, and makes 2.61 the current sprint', async () => {
		expect(first.status, first.stderr).toBe(0);
		const [, clean, attention] = /^278 files: (\d+) imported clean, (\d+) imported needing attention, (\d+) not imported\.$/m.exec(first.stdout)!.map(Number) as number[];
		expect(clean! + attention!).toBeGreaterThanOrEqual(Math.ceil(278 * 0.95));
		// Left out: CLAUDE.md, CURRENT_SPRINT.md, WORKER_MISSION.md and docs/sprints/SPRINT_2_50_CURRENT.md hold the same
		// one line as AGENT_INSTRUCTIONS.md; three archived sprint docs sit in two folders; frontend/LOGBOOK.md is empty.
		expect(first.stdout).toContain('  not imported, a duplicate of another input: 7\n  not imported, empty: 1\n');
		expect(problems(root).filter((d) => d.severity === 'error')).toEqual([]);

		const sprints = await sprintIndex(root);
		// No live plan is active or ready (2.61 says PLANNING; 2.36 and 2.50 have no plan): the latest by number.
		expect(sprints.filter((s) => !s.archived && (s.status === 'active' || s.status === 'ready'))).toEqual([]);
		expect(currentSprint(sprints)?.sprint).toBe('2.61');
		expect(sprints.find((s) => s.sprint === '2.61')?.status).toBe('draft');
	});

	it('shows the 2.41–2.43 sprints complete, as ROADMAP.md says, not the "PLANNING" of their SIMs', () => {
		// docs/sprints/SIM_SPRINT_2.41.md ends with "**Sprint Status**: 🟡 PLANNING" (a footer: the doc's own state);
		// ROADMAP.md has "### Sprint 2.41 - News Collector Foundation Fix (COMPLETE)", and so for 2.42 and 2.43.
		for (const sprint of ['2.41', '2.42', '2.43']) {
			const fm = frontmatter(root, `sprints/${sprint}/plan.md`);
			expect(fm.status, sprint).toBe('complete');
			// Where it was read: the roadmap, or the log that also records the sprint closing.
			expect((fm.evidence as Record<string, string>).status, sprint).toMatch(/^(?:ROADMAP|LOGBOOK)\.md:\d+$/);
		}
	});

	it('files a deployment guide that names Sprint 2.7 in its footer among the deployment docs, related to 2.7', () => {
		// infrastructure/terraform/STEP_BY_STEP_DEPLOYMENT_GUIDE.md ends with "**Last Updated:** January 10, 2026" and "**Sprint:** 2.7".
		expect(frontmatter(root, 'docs/deployments/infrastructure/terraform/STEP_BY_STEP_DEPLOYMENT_GUIDE.md')).toEqual({ title: 'Step-by-Step AWS Deployment Guide for Oh My Coins', date: '2026-01-10', sprint: '2.7' });
	});

	it('a second import writes nothing and says each doc is already there', () => {
		const before = hashTree(join(root, 'content'));
		const again = sprintbook(['import', REPO, '--root', root]);
		expect(again.stdout).toMatch(/^278 files: 0 imported clean, 0 imported needing attention, 278 not imported\.\n {2}not imported, already in content\/: 270\n/m);
		expect(hashTree(join(root, 'content'))).toEqual(before);
	});
});
