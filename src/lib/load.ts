/**
 * Reads `content/` the way the site does: the same folders (src/lib/layout.ts),
 * the same schemas (src/schemas), without Astro. The CLI and the tests use it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { collectionSchemas } from '../schemas/index.ts';
import { CONTENT_DIR, listCollectionFiles, type CollectionName } from './layout.ts';
import { parseFrontmatter, splitFrontmatter } from './frontmatter.ts';

export interface LoadedEntry {
	collection: CollectionName;
	/** Path relative to the content folder, with `/` separators. */
	file: string;
	/** Frontmatter as parsed, before validation. */
	raw: unknown;
	/** Validation result against the collection's schema. */
	result: z.ZodSafeParseResult<unknown>;
	body: string;
}

/** Loads and validates every document under `root/content` (or `root/<contentDir>`). */
export async function loadContent(root: string, contentDirName = CONTENT_DIR): Promise<LoadedEntry[]> {
	const contentDir = join(root, contentDirName);
	const files = await listCollectionFiles(contentDir);
	return Promise.all(
		files.map(async ({ collection, file }) => {
			const text = await readFile(join(contentDir, file), 'utf8');
			const fm = splitFrontmatter(text);
			let raw: unknown;
			try {
				raw = fm ? parseFrontmatter(fm).toJS() : undefined;
			} catch {
				raw = undefined; // unusable YAML: `check` says where; here the doc is simply invalid
			}
			const result = collectionSchemas[collection].safeParse(raw ?? {});
			return { collection, file, raw, result, body: fm ? fm.body : text };
		}),
	);
}
