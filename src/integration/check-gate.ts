/**
 * The promise of the build's `check` report, shared between the integration
 * (which starts check) and the content loaders (which wait for it), through
 * globalThis because Astro loads the two as separate module graphs.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { shapeExcess, sizeExcess } from '../lib/check/limits.ts';

export const CHECK_GATE = Symbol.for('sprintbook.check');

/**
 * The loader's entry types, each refusing a doc over check's limits before it parses or renders it. The build never
 * gets here with one (check's error stops it first); the dev server keeps serving while a writer fixes a doc, and a
 * save that makes one must not take the server's memory or time: the entry fails with check's one line instead.
 */
function withinLimits(entryTypes: ReadonlyMap<string, EntryType>): Map<string, EntryType> {
	const guarded = new Map<string, EntryType>();
	for (const [ext, type] of entryTypes) {
		guarded.set(ext, {
			...type,
			getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
				const { contents } = params;
				const excess = sizeExcess(Buffer.byteLength(contents)) ?? shapeExcess(contents, ext === '.mdx');
				if (excess) throw new Error(`${fileURLToPath(params.fileUrl)}: not loaded: ${excess.message} (sprintbook check says how to fix it)`);
				return type.getEntryInfo(params);
			},
		});
	}
	return guarded;
}

/** What Astro's glob loader reads a file with (its context's `entryTypes`, not in the public types). */
interface EntryType {
	getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
}

/** A loader that starts only once check has reported: a bad file gets Sprintbook's message, never the loader's stack trace. */
export function afterCheck(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			await (globalThis as Record<symbol, unknown>)[CHECK_GATE];
			const { entryTypes } = context as LoaderContext & { entryTypes?: ReadonlyMap<string, EntryType> };
			return loader.load(entryTypes ? ({ ...context, entryTypes: withinLimits(entryTypes) } as LoaderContext) : context);
		},
	};
}
