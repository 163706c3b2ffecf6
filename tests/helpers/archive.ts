/** Projects with a sprint ready to archive, and the state tests compare before and after an archive. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sprintbook } from './cli.ts';
import { git, tempProject } from './project.ts';

/** Sprint 2.8 finished: complete, with a report, and the roadmap linking into its folder. */
export function finishedSprint(): string {
	const root = tempProject(true);
	const plan = join(root, 'content/sprints/2.8/plan.md');
	writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^status: ready$/m, 'status: complete'));
	const roadmap = join(root, 'content/roadmap.md');
	writeFileSync(roadmap, `${readFileSync(roadmap, 'utf8')}\nSee the [2.8 criteria](sprints/2.8/plan.md#success-criteria).\n`);
	expect(sprintbook(['new', 'report', '2.8'], root, { SPRINTBOOK_TODAY: '2026-01-26' }).status).toBe(0);
	// The team fills in what new report left to it: the final run and the hours.
	const report = join(root, 'content/sprints/2.8/report.md');
	writeFileSync(report, readFileSync(report, 'utf8').replace('tests: TODO', 'tests: { passing: 652, total: 661 }').replace('hours: TODO', 'hours: [{ track: A, spent: 12 }, { track: B, spent: 10 }]'));
	git(root, 'add', '-A');
	git(root, 'commit', '-q', '-m', 'Sprint 2.8 report');
	return root;
}

/** A copy of a whole project folder, .git included: cheaper than building it again for every trial. */
export function copyProject(root: string): string {
	const copy = mkdtempSync(join(tmpdir(), 'sprintbook-copy-'));
	cpSync(root, copy, { recursive: true });
	return copy;
}

/**
 * The hash of every file's bytes under content/, plus git's view of index and work tree.
 * HEAD is its tree and its depth, not its hash: two copies that commit the same
 * archive a second apart make different hashes of the same result.
 */
export function snapshot(root: string) {
	const files: Record<string, string> = {};
	for (const f of readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })) {
		const p = join(root, 'content', f);
		try {
			files[f] = createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16);
		} catch {
			files[f] = '(folder)';
		}
	}
	return {
		files,
		status: git(root, 'status', '--porcelain', '--untracked-files=all'),
		index: git(root, 'write-tree'),
		head: git(root, 'rev-parse', 'HEAD^{tree}'),
		commits: git(root, 'rev-list', '--count', 'HEAD'),
	};
}
