/**
 * The Astro side of `check`: the build runs the same checks as
 * `sprintbook check`, prints the same report, and stops before publishing
 * anything when there is an error — a broken link never reaches dist/. The dev
 * server prints the report too, but keeps serving so the writer can fix things live.
 * After the build it writes the Pagefind search index.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { check } from '../lib/check/index.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import { formatHuman } from '../lib/reporter.ts';

export default function sprintbook(): AstroIntegration {
	return {
		name: 'sprintbook',
		hooks: {
			// config:setup runs before Astro syncs the collections, whose loader would stop at the first bad file.
			'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
				// Pages resolve links between files; bundled, they cannot find content/ from their own location.
				const contentDir = fileURLToPath(new URL(`${CONTENT_DIR}/`, config.root));
				updateConfig({ vite: { define: { 'import.meta.env.SPRINTBOOK_CONTENT_DIR': JSON.stringify(contentDir) } } });
				if (command !== 'build' && command !== 'dev') return;
				const result = await check({ root: fileURLToPath(config.root) });
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
