/**
 * The Astro side of `check`: the build runs the same checks as
 * `sprintbook check` (on a worker thread, beside Astro's own setup), prints the
 * same report, and stops before loading content or publishing anything when
 * there is an error — a broken link never reaches dist/. The dev
 * server prints the report too, but keeps serving so the writer can fix things live.
 * After the build it writes the Pagefind search index.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { check, type CheckOptions, type CheckResult } from '../lib/check/index.ts';
import { CHECK_GATE } from './check-gate.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import { normalizeBase } from '../lib/base-path.ts';
import { formatHuman } from '../lib/reporter.ts';
import { shareCheckedDocs } from '../lib/checked-docs.ts';
import { inTeamTerms, teamNames } from '../lib/in-place/sources.ts';

/**
 * `check` on a worker thread (the machine's second core), one run at a time: the build runs it once and stops the
 * worker; the dev server keeps it for every save. A worker that cannot start (an unusual runtime) costs the second
 * core, never the check: the run falls back to this thread. The dev server's worker never keeps the process alive;
 * the build's must, while the content loaders wait for its report.
 */
function checkWorker(root: string, forDev: boolean, imageHosts: readonly string[]) {
	let worker: Worker | undefined;
	const options: CheckOptions = { root, forBuild: !forDev, imageHosts: [...imageHosts] };
	return {
		run(): Promise<CheckResult> {
			// Beside this module, as TypeScript in a checkout or as the JavaScript the package ships (lib/).
			worker ??= new Worker(new URL(import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js', import.meta.url));
			if (forDev) worker.unref();
			const w = worker;
			return new Promise<CheckResult>((resolve, reject) => {
				const fail = (error: Error) => {
					worker = undefined; // a fresh one next time
					reject(error);
				};
				w.once('message', (result: CheckResult) => {
					w.off('error', fail);
					resolve(result);
				});
				w.once('error', fail);
				w.postMessage(options);
			}).catch(() => check(options));
		},
		stop: () => void worker?.terminate(),
	};
}

/** Prints the report (about the team's own files, for a repository read in place); on an error in a build, stops it before a page is written. */
function report(checked: CheckResult, root: string, command: string, logger: AstroIntegrationLogger): void {
	const result = inTeamTerms(checked, root, resolve(root, CONTENT_DIR));
	// Notes ("sprint 2.15 has no plan") ask for nothing: the build counts them, `check` lists them.
	const problems = result.diagnostics.filter((d) => d.severity !== 'info');
	const notes = result.infos ? `; ${result.infos} note${result.infos === 1 ? '' : 's'} (npm run check lists them)` : '';
	if (problems.length === 0) {
		logger.info(`check: ${result.files} documents, no problems${notes}`);
		return;
	}
	process.stdout.write(`${formatHuman({ ...result, diagnostics: problems }, process.stdout.isTTY === true && !process.env.NO_COLOR)}\n`);
	if (notes) logger.info(`check${notes}`);
	if (result.errors > 0 && command === 'build') {
		logger.error('the build stopped: fix the errors above (the same list as `npm run check`)');
		// Exit rather than throw: the report above is the whole story, and a stack trace would bury it.
		process.exit(1);
	}
}

/** Problems (not notes) per file, by absolute path. */
function problemsByFile(result: CheckResult): Map<string, number> {
	const counts = new Map<string, number>();
	for (const d of result.diagnostics) if (d.severity !== 'info') counts.set(resolve(d.file), (counts.get(resolve(d.file)) ?? 0) + 1);
	return counts;
}

/**
 * The writer's loop in `astro dev`: each saved document is checked again — from the cache, so in a fraction of a
 * second — and its own problems are printed (or that it has none) while Astro reloads its page. Saves close
 * together are checked once; other documents whose problems the save changed (a link to a renamed heading) are named.
 */
function recheckOnSave(root: string, startup: CheckResult, checker: ReturnType<typeof checkWorker>, server: { watcher: { on(event: 'all', listener: (event: string, file: string) => void): unknown } }, logger: AstroIntegrationLogger): void {
	const contentDir = resolve(root, CONTENT_DIR);
	const saved = new Set<string>();
	let running = false;
	let before = problemsByFile(startup);
	const run = async () => {
		if (running || saved.size === 0) return;
		running = true;
		const files = [...saved];
		saved.clear();
		try {
			const started = performance.now();
			const result = await checker.run();
			const ms = Math.round(performance.now() - started);
			const own = result.diagnostics.filter((d) => d.severity !== 'info' && files.includes(resolve(d.file)));
			const team = teamNames(root, contentDir);
			const nameOf = (f: string) => team(f) ?? relative(process.cwd(), f);
			const names = files.map((f) => `${nameOf(f)}${existsSync(f) ? '' : ' (deleted)'}`).join(', ');
			if (own.length) process.stdout.write(`${formatHuman(inTeamTerms({ ...result, diagnostics: own }, root, contentDir), process.stdout.isTTY === true && !process.env.NO_COLOR)}\n`);
			else logger.info(`check: ${names}: no problems (${ms} ms)`);
			const now = problemsByFile(result);
			const others = [...new Set([...now.keys(), ...before.keys()])].filter((f) => !files.includes(f) && (now.get(f) ?? 0) !== (before.get(f) ?? 0));
			if (others.length) {
				logger.warn(`check: this save changed what other documents get: ${others.map((f) => `${nameOf(f)} (${before.get(f) ?? 0} → ${now.get(f) ?? 0} problem${now.get(f) === 1 ? '' : 's'})`).join(', ')}; npm run check lists them`);
			}
			before = now;
		} catch (error) {
			logger.error(`check could not run: ${(error as Error).message}`);
		} finally {
			running = false;
			if (saved.size) void run();
		}
	};
	server.watcher.on('all', (event, file) => {
		// Documents only: an editor's temporary files come and go beside them on every save.
		if (!file.startsWith(contentDir + sep) || !/\.mdx?$/i.test(file) || !['add', 'change', 'unlink'].includes(event)) return;
		saved.add(resolve(file));
		void run();
	});
}

export interface SprintbookOptions {
	/** The site's name, in its header and page titles ("Sprintbook" when not given). */
	title?: string;
	/** The repository's web address and branch, for each page's history and edit links (a team's, read in place). */
	repository?: string;
	branch?: string;
	/** The language the docs are written in, for `<html lang>` ("en" when not given). */
	lang?: string;
	/** Hosts images may load from: the Content-Security-Policy's img-src, and check's remote-image rule. */
	imageHosts?: readonly string[];
}

export default function sprintbook({ title, repository, branch, lang, imageHosts = [] }: SprintbookOptions = {}): AstroIntegration {
	// The dev server's checker and its first report, for the re-checks after each save.
	let dev: { root: string; checker: ReturnType<typeof checkWorker>; report: CheckResult } | undefined;
	return {
		name: 'sprintbook',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				if (dev) recheckOnSave(dev.root, dev.report, dev.checker, server, logger);
			},
			// Astro's loaders would stop at the first bad file with a stack trace, so they wait for this report (the
			// gate in src/content.config.ts); until then check runs on a worker, beside Astro's own setup.
			'astro:config:setup': async ({ config, command, logger, updateConfig, addMiddleware }) => {
				// Under a base path, each page's links are moved under it as the page is written.
				// Vite compiles it with the pages: the TypeScript source, also from the package's compiled lib/.
				addMiddleware({ entrypoint: new URL(import.meta.url.endsWith('.ts') ? './base-path-middleware.ts' : '../../src/integration/base-path-middleware.ts', import.meta.url), order: 'post' });
				// Pages resolve links between files; bundled, they cannot find content/ from their own location.
				const contentDir = fileURLToPath(new URL(`${CONTENT_DIR}/`, config.root));
				updateConfig({
					vite: {
						define: {
							'import.meta.env.SPRINTBOOK_CONTENT_DIR': JSON.stringify(contentDir),
							'import.meta.env.SPRINTBOOK_TITLE': JSON.stringify(title ?? 'Sprintbook'),
							'import.meta.env.SPRINTBOOK_REPOSITORY': JSON.stringify(repository ?? ''),
							'import.meta.env.SPRINTBOOK_BRANCH': JSON.stringify(branch ?? ''),
							'import.meta.env.SPRINTBOOK_LANG': JSON.stringify(lang ?? 'en'),
							'import.meta.env.SPRINTBOOK_IMAGE_HOSTS': JSON.stringify(imageHosts.join(' ')),
							// Astro's BASE_URL gives way to a BASE_URL variable in the environment (CI runners set one).
							'import.meta.env.SPRINTBOOK_BASE': JSON.stringify(normalizeBase(config.base)),
						},
					},
				});
				if (command !== 'build' && command !== 'dev') return;
				const root = fileURLToPath(config.root);
				// In dev the first run also loads the worker that re-checks each save, so the first save is warm too.
				const checker = checkWorker(root, command === 'dev', imageHosts);
				const checking = checker.run();
				if (command === 'build') {
					void checking.finally(checker.stop);
					void checking.then(shareCheckedDocs);
				}
				const gate = checking.then((result) => report(result, root, command, logger));
				(globalThis as Record<symbol, unknown>)[CHECK_GATE] = gate;
				if (command === 'dev') {
					await gate;
					dev = { root, checker, report: await checking };
				}
			},
			// However the loaders ran (or if none did), no page is written before the report is in.
			'astro:build:start': async () => {
				await (globalThis as Record<symbol, unknown>)[CHECK_GATE];
			},
			// Search: index the built pages (only the parts marked data-pagefind-body) into dist/pagefind/.
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const { index, errors } = await pagefind.createIndex({});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: fileURLToPath(dir) });
				await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
				await pagefind.close();
				logger.info(`search: indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
			},
		},
	};
}
