/**
 * Reads `content/` the way the site does: the same folders (src/lib/layout.ts),
 * the same schemas (src/schemas), without Astro. The CLI and the tests use it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { z } from 'astro/zod';
import { collectionSchemas } from '../schemas/index.ts';
import { COLLECTION_PATTERNS, CONTENT_DIR, type CollectionName } from './layout.ts';
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

/** Files of each collection under `contentDir`, sorted. */
export async function listCollectionFiles(contentDir: string): Promise<Array<{ collection: CollectionName; file: string }>> {
	const names = Object.keys(COLLECTION_PATTERNS) as CollectionName[];
	const lists = await Promise.all(
		names.map(async (collection) => {
			const files = await glob([...COLLECTION_PATTERNS[collection]], { cwd: contentDir, onlyFiles: true });
			return files.sort().map((file) => ({ collection, file }));
		}),
	);
	return lists.flat();
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
