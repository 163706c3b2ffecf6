/**
 * The yardstick: four real archives (../shared/omc-repo and ../shared/archives/*), each imported into an empty
 * project, and what `sprintbook sprints --format json` says scored by ../shared/tools/score-truth.mjs against the
 * hand-labelled facts in ../shared/truth/. The floors are what the rules reach today; they may only go up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sprintbook } from './helpers/cli.ts';
import { ROOT } from './helpers/site.ts';

const SHARED = join(ROOT, '..', 'shared');
const hasShared = existsSync(join(SHARED, 'truth')) && existsSync(join(SHARED, 'tools', 'score-truth.mjs'));
// In CI ../shared is always there; elsewhere a missing copy skips these tests, saying why.
if (!hasShared && !process.env.CI) console.warn(`truth tests skipped: ${SHARED}/truth is absent (it sits beside the repository in CI)`);

/** Precision and recall floors per archive, and how many sprints the archive has that the site may still miss. */
const ARCHIVES: Array<{ name: string; source: string; precision: number; recall: number; lost: number }> = [
	{ name: 'omc-repo', source: join(SHARED, 'omc-repo'), precision: 0.99, recall: 0.9, lost: 0 },
	{ name: 'spamfilter', source: join(SHARED, 'archives', 'spamfilter'), precision: 0.98, recall: 0.95, lost: 0 },
	{ name: 'gcredit', source: join(SHARED, 'archives', 'gcredit'), precision: 0.96, recall: 0.94, lost: 0 },
	{ name: 'umig', source: join(SHARED, 'archives', 'umig'), precision: 0.99, recall: 0.92, lost: 0 },
];

describe.skipIf(!hasShared && !process.env.CI)('the facts shown for real archives, against their hand-labelled truth', () => {
	it.each(ARCHIVES)('$name: precision ≥ $precision, recall ≥ $recall, the right current sprint, no sprint invented', ({ name, source, precision, recall, lost }) => {
		const root = mkdtempSync(join(tmpdir(), `sprintbook-truth-${name}-`));
		const imported = sprintbook(['import', source, '--root', root]);
		expect(imported.status, imported.stderr).toBe(0);
		const facts = sprintbook(['sprints', '--format', 'json', '--root', root]);
		expect(facts.status, facts.stderr).toBe(0);
		writeFileSync(join(root, 'facts.json'), facts.stdout);
		const scored = spawnSync(process.execPath, [join(SHARED, 'tools', 'score-truth.mjs'), join(SHARED, 'truth', `${name}.yaml`), join(root, 'facts.json'), '--verbose'], { cwd: ROOT, encoding: 'utf8' });
		expect(scored.status, scored.stderr).toBe(0);
		const last = scored.stdout.trim().split('\n').at(-1)!;
		const m = /precision=([\d.]+) recall=([\d.]+) .* current=(ok|bad)\S* sprints=\+(\d+)\/-(\d+) not_sprints_shown=(\d+)/.exec(last);
		expect(m, last).not.toBeNull();
		const [, p, r, current, extra, missing, bogus] = m!;
		// Every defect is in the message, so a red run says what went wrong.
		expect(Number(p), scored.stdout).toBeGreaterThanOrEqual(precision);
		expect(Number(r), scored.stdout).toBeGreaterThanOrEqual(recall);
		expect(current, last).toBe('ok');
		expect(Number(extra), last).toBe(0);
		expect(Number(bogus), last).toBe(0);
		expect(Number(missing), last).toBeLessThanOrEqual(lost);
	});
});
