/**
 * The Astro side of `check`: the build runs the same checks as
 * `sprintbook check` (on a worker thread, beside Astro's own setup), prints the
 * same report, and stops before loading content or publishing anything when
 * there is an error — a broken link never reaches dist/. The dev
 * server prints the report too, but keeps serving so the writer can fix things live.
 * After the build it writes the Pagefind search index.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { check, type CheckResult } from '../lib/check/index.ts';
import { CHECK_GATE } from './check-gate.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import { formatHuman } from '../lib/reporter.ts';

/** Runs `check` on a worker thread (the machine's second core) and hands back its result. */
function checkOnWorker(root: string): Promise<CheckResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { root } });
		worker.once('message', (result: CheckResult) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
	});
}

/** Prints the report; on an error in a build, stops it before a page is written. */
function report(result: CheckResult, command: string, logger: AstroIntegrationLogger): void {
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

export default function sprintbook(): AstroIntegration {
	return {
		name: 'sprintbook',
		hooks: {
			// Astro's loaders would stop at the first bad file with a stack trace, so they wait for this report (the
			// gate in src/content.config.ts); until then check runs on a worker, beside Astro's own setup.
			'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
				// Pages resolve links between files; bundled, they cannot find content/ from their own location.
				const contentDir = fileURLToPath(new URL(`${CONTENT_DIR}/`, config.root));
				updateConfig({ vite: { define: { 'import.meta.env.SPRINTBOOK_CONTENT_DIR': JSON.stringify(contentDir) } } });
				if (command !== 'build' && command !== 'dev') return;
				const root = fileURLToPath(config.root);
				// A worker that cannot start (an unusual runtime) costs the overlap, never the check.
				const checking = command === 'build' ? checkOnWorker(root).catch(() => check({ root })) : check({ root });
				const gate = checking.then((result) => report(result, command, logger));
				(globalThis as Record<symbol, unknown>)[CHECK_GATE] = gate;
				if (command === 'dev') await gate;
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
