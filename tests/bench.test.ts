/** Keeps the benchmark harness working: a quick run must produce every figure. It asserts no speed. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site.ts';

describe('npm run bench -- --quick', () => {
	it('measures every figure three times and writes them as JSON', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'sprintbook-bench-test-')), 'latest.json');
		const run = spawnSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('build / bare build:');
		const result = JSON.parse(readFileSync(out, 'utf8'));
		const keys = ['check_ms', 'check_warm_ms', 'check_one_edit_ms', 'astro_sync_ms', 'build_ms', 'build_peak_rss_mb', 'pagefind_ms', 'rebuild_one_doc_ms', 'bare_build_ms', 'bare_build_peak_rss_mb', 'bare_unified_build_ms', 'bare_unified_build_peak_rss_mb', 'git_history_ms', 'dev_start_ms', 'dev_save_to_page_ms', 'dev_save_to_check_ms', 'bare_dev_save_to_page_ms', 'in_place_build_ms', 'in_place_build_peak_rss_mb', 'in_place_rebuild_one_doc_ms', 'in_place_rebuild_docs_read_anew'];
		expect(Object.keys(result.figures).sort()).toEqual([...keys].sort());
		for (const k of keys) {
			expect(result.figures[k].runs, k).toBe(3);
			expect(result.figures[k].min, k).toBeGreaterThan(0);
			expect(result.figures[k].min, k).toBeLessThanOrEqual(result.figures[k].median);
			expect(result.figures[k].median, k).toBeLessThanOrEqual(result.figures[k].max);
		}
		// A rebuild in place after one edit parses that one doc again, and no other.
		expect(result.figures.in_place_rebuild_docs_read_anew).toMatchObject({ min: 1, max: 1 });
		expect(run.stdout).toContain('in place / typed build:');
		expect(result.corpus.pages).toBeGreaterThan(result.corpus.docs);
		expect(result.largest_page.bytes).toBeGreaterThan(0);
		expect(run.stdout).toMatch(new RegExp(`largest HTML page: +[\\d.]+ KB, ${result.largest_page.path}`));
	}, 600_000);
});
