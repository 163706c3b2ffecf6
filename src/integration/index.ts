/**
 * The Astro side of `check`: the build runs the same checks as
 * `sprintbook check`, prints the same report, and stops before publishing
 * anything when there is an error — a broken link never reaches dist/. The dev
 * server prints the report too, but keeps serving so the writer can fix things live.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { check } from '../lib/check/index.ts';
import { formatHuman } from '../lib/reporter.ts';

export default function sprintbook(): AstroIntegration {
	return {
		name: 'sprintbook',
		hooks: {
			// config:setup runs before Astro syncs the collections, whose loader would stop at the first bad file.
			'astro:config:setup': async ({ config, command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const result = await check({ root: fileURLToPath(config.root) });
				if (result.diagnostics.length === 0) {
					logger.info(`check: ${result.files} documents, no problems`);
					return;
				}
				process.stdout.write(`${formatHuman(result, process.stdout.isTTY === true && !process.env.NO_COLOR)}\n`);
				if (result.errors > 0 && command === 'build') {
					logger.error('the build stopped: fix the errors above (the same list as `npm run check`)');
					// Exit rather than throw: the report above is the whole story, and a stack trace would bury it.
					process.exit(1);
				}
			},
		},
	};
}
