/**
 * `npm run bench [-- --sprints N] [-- --quick]`: speed and memory of check,
 * build and git history, against a bare Astro 7 build of the same Markdown,
 * on one generated corpus. Each figure is the median of ≥ 3 runs (with min and
 * max). Prints a table and writes bench/results/latest.json. Never asserts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { folderHistory } from '../src/lib/git.ts';
import { generateCorpus, writeUntyped } from './corpus.ts';
import { cacheOf } from '../src/lib/in-place/read-in-place.ts';
import { generateHistory } from './history.ts';
import { measureDevLoop } from './dev-loop.ts';
import { linkNodeModules, copySprintbook, REPO, userEnv } from './project.ts';

const { values } = parseArgs({
	options: {
		sprints: { type: 'string' },
		commits: { type: 'string' },
		runs: { type: 'string', default: '3' },
		quick: { type: 'boolean', default: false },
		out: { type: 'string', default: join(REPO, 'bench/results/latest.json') },
	},
});
const sprints = Number(values.sprints ?? (values.quick ? 8 : 500));
const commits = Number(values.commits ?? (values.quick ? 300 : 5000));
const runs = Math.max(3, Number(values.runs));
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
const env = userEnv({ ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', SPRINTBOOK_TODAY: '2026-06-01' });

interface Sample {
	ms: number;
	peakRssMb?: number;
	out: string;
}

/** Runs a command to completion, timing it and sampling the peak resident memory of the process (VmHWM). */
function measure(args: string[], cwd: string): Promise<Sample> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let peak = 0;
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const poll = setInterval(() => {
			try {
				const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
				peak = Math.max(peak, kb);
			} catch {
				// The process has just exited.
			}
		}, 25);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(poll);
			const ms = performance.now() - started;
			if (code !== 0) reject(new Error(`${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`));
			else resolve({ ms, peakRssMb: peak ? peak / 1024 : undefined, out });
		});
	});
}

const coldCache = (root: string) => {
	rmSync(join(root, 'node_modules/.astro'), { recursive: true, force: true });
	rmSync(join(root, 'node_modules/.cache'), { recursive: true, force: true });
	rmSync(join(root, '.astro'), { recursive: true, force: true });
	rmSync(join(root, 'dist'), { recursive: true, force: true });
};

const median = (xs: number[]) => stats(xs).median;

function stats(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)!, runs: s.length };
}

async function main() {
	const work = mkdtempSync(join(tmpdir(), 'sprintbook-bench-'));
	console.log(`bench: ${sprints} sprints, ${commits} commits, ${runs} runs, in ${work}`);
	const site = join(work, 'sprintbook');
	const bare = join(work, 'bare');
	mkdirSync(site);
	copySprintbook(site);
	const corpus = generateCorpus(join(site, 'content'), { sprints });
	mkdirSync(bare);
	linkNodeModules(bare);
	cpSync(join(REPO, 'bench/bare'), bare, { recursive: true });
	cpSync(join(site, 'content'), join(bare, 'content'), { recursive: true });
	// The same bare site on the unified pipeline (remark-gfm): the Markdown processor choice, measured.
	const unifiedSite = join(work, 'bare-unified');
	mkdirSync(unifiedSite);
	linkNodeModules(unifiedSite);
	cpSync(join(REPO, 'bench/bare'), unifiedSite, { recursive: true });
	cpSync(join(REPO, 'bench/bare-unified/astro.config.mjs'), join(unifiedSite, 'astro.config.mjs'));
	cpSync(join(site, 'content'), join(unifiedSite, 'content'), { recursive: true });
	// The same docs as a team keeps them, with no frontmatter, in a git repository of its own: read in place.
	const team = join(work, 'team');
	writeUntyped(join(site, 'content'), join(team, 'docs'));
	writeFileSync(join(team, 'sprintbook.config.mjs'), "export default { title: 'Bench', docs: ['docs'] };\n");
	execFileSync('git', ['init', '-q'], { cwd: team });
	execFileSync('git', ['add', '-A'], { cwd: team });
	execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=Bench', 'commit', '-qm', 'docs'], { cwd: team });
	const teamCache = cacheOf(team, {});
	const teamEdited = join(team, 'docs/sprints/3.1/notes.md');
	const teamOriginal = readFileSync(teamEdited, 'utf8');
	const repo = join(work, 'history');
	generateHistory(repo, { sprints: Math.ceil(corpus.files / 3), commits });
	console.log(`corpus: ${corpus.files} docs, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB`);

	const samples: Record<string, number[]> = {};
	const add = (k: string, v: number | undefined) => v !== undefined && (samples[k] ??= []).push(v);
	let pages = 0;
	const edited = join(site, 'content/sprints/3.1/notes.md');
	const original = readFileSync(edited, 'utf8');
	for (let r = 1; r <= runs; r++) {
		process.stdout.write(`run ${r}/${runs}: check cold`);
		const sprintbookCli = join(REPO, 'bin/sprintbook.js');
		add('check_ms', (await measure([sprintbookCli, 'check', '--root', site, '--no-cache'], site)).ms);
		process.stdout.write(', check warm');
		await measure([sprintbookCli, 'check', '--root', site], site); // fills the cache
		add('check_warm_ms', (await measure([sprintbookCli, 'check', '--root', site], site)).ms);
		process.stdout.write(', check after one edit');
		writeFileSync(edited, original.replace('## Notes', `## Notes\n\nChecked in run ${r}.`));
		add('check_one_edit_ms', (await measure([sprintbookCli, 'check', '--root', site], site)).ms);
		writeFileSync(edited, original);
		process.stdout.write(', astro sync');
		coldCache(site);
		add('astro_sync_ms', (await measure([ASTRO, 'sync'], site)).ms);
		process.stdout.write(', build');
		coldCache(site);
		const build = await measure([ASTRO, 'build'], site);
		add('build_ms', build.ms);
		add('build_peak_rss_mb', build.peakRssMb);
		add('pagefind_ms', Number(/search: indexed \d+ pages in (\d+) ms/.exec(build.out)?.[1]));
		pages = Number(/(\d+) page\(s\) built/.exec(build.out)?.[1] ?? 0);
		process.stdout.write(', rebuild');
		writeFileSync(edited, original.replace('## Notes', `## Notes\n\nEdited in run ${r}.`));
		add('rebuild_one_doc_ms', (await measure([ASTRO, 'build'], site)).ms);
		writeFileSync(edited, original);
		process.stdout.write(', in place');
		rmSync(teamCache, { recursive: true, force: true });
		const inPlace = await measure([join(REPO, 'bin/sprintbook.js'), 'build', '--root', team], team);
		add('in_place_build_ms', inPlace.ms);
		add('in_place_build_peak_rss_mb', inPlace.peakRssMb);
		process.stdout.write(', in place after one edit');
		writeFileSync(teamEdited, teamOriginal.replace('## Notes', `## Notes\n\nEdited in run ${r}.`));
		const inPlaceAgain = await measure([join(REPO, 'bin/sprintbook.js'), 'build', '--root', team], team);
		add('in_place_rebuild_one_doc_ms', inPlaceAgain.ms);
		add('in_place_rebuild_docs_read_anew', Number(/(\d+) of them new or changed/.exec(inPlaceAgain.out)?.[1]));
		writeFileSync(teamEdited, teamOriginal);
		process.stdout.write(', bare build');
		coldCache(bare);
		const bareBuild = await measure([ASTRO, 'build'], bare);
		add('bare_build_ms', bareBuild.ms);
		add('bare_build_peak_rss_mb', bareBuild.peakRssMb);
		process.stdout.write(', bare unified build');
		coldCache(unifiedSite);
		const unifiedBuild = await measure([ASTRO, 'build'], unifiedSite);
		add('bare_unified_build_ms', unifiedBuild.ms);
		add('bare_unified_build_peak_rss_mb', unifiedBuild.peakRssMb);
		process.stdout.write(', dev loop');
		const saves = values.quick ? 1 : 3;
		const dev = await measureDevLoop(site, { astro: ASTRO, env, doc: 'content/sprints/3.1/notes.md', url: '/sprints/3.1/notes/', saves, checks: true });
		add('dev_start_ms', dev.startMs);
		add('dev_save_to_page_ms', median(dev.pageMs));
		add('dev_save_to_check_ms', median(dev.checkMs));
		process.stdout.write(', bare dev loop');
		// The bare site's ids are Astro's default slugs: sprints/3.1/notes.md is /sprints/31/notes/.
		const bareDev = await measureDevLoop(bare, { astro: ASTRO, env, doc: 'content/sprints/3.1/notes.md', url: '/sprints/31/notes/', saves, checks: false });
		add('bare_dev_save_to_page_ms', median(bareDev.pageMs));
		process.stdout.write(', git history\n');
		const started = performance.now();
		await folderHistory(repo, 'content');
		add('git_history_ms', performance.now() - started);
	}

	const figures = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
	const jsBytes = clientJsPerPage(join(site, 'dist'));
	const largest = largestPage(join(site, 'dist'));
	const ratios = {
		build_vs_bare: figures.build_ms!.median / figures.bare_build_ms!.median,
		rebuild_vs_build: figures.rebuild_one_doc_ms!.median / figures.build_ms!.median,
		dev_page_vs_bare: figures.dev_save_to_page_ms!.median / figures.bare_dev_save_to_page_ms!.median,
		build_rss_vs_bare: figures.build_peak_rss_mb!.median / figures.bare_build_peak_rss_mb!.median,
		in_place_vs_typed: figures.in_place_build_ms!.median / figures.build_ms!.median,
		in_place_rebuild_vs_build: figures.in_place_rebuild_one_doc_ms!.median / figures.in_place_build_ms!.median,
		astro_sync_vs_check: figures.astro_sync_ms!.median / figures.check_ms!.median,
		unified_vs_satteri: figures.bare_unified_build_ms!.median / figures.bare_build_ms!.median,
	};
	const result = {
		date: new Date().toISOString(),
		machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
		corpus: { sprints, docs: corpus.files, pages, bytes: corpus.bytes, commits },
		figures,
		ratios,
		client_js_max_bytes_per_page: jsBytes,
		largest_page: largest,
	};
	writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
	printTable(result);
	rmSync(work, { recursive: true, force: true });
}

/** The biggest HTML page and its size in bytes: the pages that grow with the archive show here first. */
function largestPage(dist: string): { path: string; bytes: number } {
	let largest = { path: '', bytes: 0 };
	for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.html'))) {
		const bytes = statSync(join(dist, f)).size;
		if (bytes > largest.bytes) largest = { path: f, bytes };
	}
	return largest;
}

/** The most inline-plus-linked JavaScript any page carries, in bytes. */
function clientJsPerPage(dist: string): number {
	let most = 0;
	for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.html'))) {
		const html = readFileSync(join(dist, f), 'utf8');
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
		const linked = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)].reduce((n, m) => n + readFileSync(join(dist, m[1]!)).length, 0);
		most = Math.max(most, inline + linked);
	}
	return most;
}

function printTable(r: { corpus: { docs: number; pages: number; commits: number }; figures: Record<string, ReturnType<typeof stats>>; ratios: Record<string, number>; client_js_max_bytes_per_page: number; largest_page: { path: string; bytes: number } }) {
	const rows: Array<[string, string, string]> = [
		['check, cold (no cache)', 'check_ms', '≥ 10× faster than astro sync'],
		['check, warm (nothing changed)', 'check_warm_ms', '< 0.3 s'],
		['check, warm, one doc just edited', 'check_one_edit_ms', ''],
		['astro sync (cold)', 'astro_sync_ms', ''],
		['build, cold (check + Astro + Pagefind)', 'build_ms', '≤ 1.2 × bare'],
		['  peak RSS (MB)', 'build_peak_rss_mb', '≤ 1.1 × bare'],
		['  of which Pagefind', 'pagefind_ms', ''],
		['rebuild after editing one doc', 'rebuild_one_doc_ms', '≤ 0.5 × cold'],
		['2,000 docs in place, no frontmatter: build, cold', 'in_place_build_ms', '≤ 1.15 × typed build'],
		['  peak RSS (MB)', 'in_place_build_peak_rss_mb', ''],
		['  rebuild after editing one doc', 'in_place_rebuild_one_doc_ms', ''],
		['  docs read anew in that rebuild', 'in_place_rebuild_docs_read_anew', '1'],
		['astro dev: start to first page', 'dev_start_ms', ''],
		['astro dev: save → page shows it', 'dev_save_to_page_ms', '< 500 ms'],
		['astro dev: save → its check printed', 'dev_save_to_check_ms', '< 500 ms'],
		['bare Astro build, cold', 'bare_build_ms', ''],
		['  peak RSS (MB)', 'bare_build_peak_rss_mb', ''],
		['bare astro dev: save → page shows it', 'bare_dev_save_to_page_ms', ''],
		['bare build, unified + remark-gfm, cold', 'bare_unified_build_ms', ''],
		['  peak RSS (MB)', 'bare_unified_build_peak_rss_mb', ''],
		['git history, all docs', 'git_history_ms', '< 1 s at 5,000 commits'],
	];
	const fmt = (n: number, k: string) => (k.endsWith('_mb') || k.endsWith('_anew') ? `${n.toFixed(0)}` : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
	const lines = [
		'',
		`${r.corpus.docs} docs → ${r.corpus.pages} pages; git history of ${r.corpus.commits} commits`,
		'',
		`${'figure'.padEnd(40)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'max'.padStart(10)}   target`,
		...rows.map(([label, k, target]) => {
			const f = r.figures[k];
			return f ? `${label.padEnd(40)} ${fmt(f.median, k).padStart(10)} ${fmt(f.min, k).padStart(10)} ${fmt(f.max, k).padStart(10)}   ${target}` : `${label.padEnd(40)} ${'—'.padStart(10)}`;
		}),
		'',
		`build / bare build:      ${r.ratios.build_vs_bare!.toFixed(2)}×   (target ≤ 1.2×)`,
		`build RSS / bare RSS:    ${r.ratios.build_rss_vs_bare!.toFixed(2)}×   (target ≤ 1.1×)`,
		`rebuild / cold build:    ${r.ratios.rebuild_vs_build!.toFixed(2)}×   (target ≤ 0.5×)`,
		`in place / typed build:  ${r.ratios.in_place_vs_typed!.toFixed(2)}×   (target ≤ 1.15×)`,
		`in place rebuild / cold: ${r.ratios.in_place_rebuild_vs_build!.toFixed(2)}×`,
		`dev save→page / bare:    ${r.ratios.dev_page_vs_bare!.toFixed(2)}×`,
		`astro sync / check:      ${r.ratios.astro_sync_vs_check!.toFixed(1)}×   (target ≥ 10×)`,
		`unified / Sätteri (bare): ${r.ratios.unified_vs_satteri!.toFixed(2)}×`,
		`client JS, largest page: ${(r.client_js_max_bytes_per_page / 1024).toFixed(1)} KB   (target ≤ 20 KB)`,
		`largest HTML page:       ${(r.largest_page.bytes / 1024).toFixed(1)} KB, ${r.largest_page.path}   (target ≤ 60 KB)`,
	];
	console.log(lines.join('\n'));
	if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`);
}

main().catch((error) => {
	console.error(`bench: ${(error as Error).message}`);
	process.exitCode = 1;
});
