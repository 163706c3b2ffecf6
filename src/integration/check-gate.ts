/**
 * The promise of the build's `check` report, shared between the integration
 * (which starts check) and the content loaders (which wait for it), through
 * globalThis because Astro loads the two as separate module graphs.
 */
import type { Loader } from 'astro/loaders';

export const CHECK_GATE = Symbol.for('sprintbook.check');

/** A loader that starts only once check has reported: a bad file gets Sprintbook's message, never the loader's stack trace. */
export function afterCheck(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			await (globalThis as Record<symbol, unknown>)[CHECK_GATE];
			return loader.load(context);
		},
	};
}
