/**
 * A team's repository read in place: its docs, where they are and as they are, become a Sprintbook project in the
 * cache (`<cacheDir>/site/content/`) by the same rules `import` applies — kind, sprint, status, days, goal, tests,
 * links, each fact with the file and line it came from. The team's tree is only read. Each run starts the project
 * afresh, so nothing the docs no longer say survives in it.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SprintbookConfig } from '../../schemas/config.ts';
import { planImport, writeImport, type ImportResult } from '../import/index.ts';
import { CONTENT_DIR } from '../layout.ts';

export interface InPlace {
	/** The team's repository. */
	repo: string;
	/** The Sprintbook project its docs were read into: `content/` under it; Astro builds from here. */
	root: string;
	result: ImportResult;
	/** Each page's file under content/ → the team's file it was read from, relative to the repository. */
	sources: Map<string, string>;
	/** Each page's file under content/ → the lines of frontmatter read into it that its team's file does not have. */
	addedLines: Map<string, number>;
}

/** Lines of the frontmatter block a page opens with (its body is the team's text, line for line, after it). */
function frontmatterLines(text: string): number {
	const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
	return m ? m[0].split('\n').length - 1 : 0;
}

/** Where the project read from `repo` lives. */
export const inPlaceRoot = (repo: string, config: Pick<SprintbookConfig, 'cacheDir'>) => join(resolve(repo, config.cacheDir), 'site');

/** The file that maps pages back to the team's files, beside content/. */
export const SOURCES_FILE = 'sources.json';

/** `docs` → every file under docs/; `ROADMAP.md` → that file; a glob as written; `.` → everything. */
function matcherOf(repo: string, entry: string): (path: string) => boolean {
	const clean = entry.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
	if (clean === '' || clean === '.') return () => true;
	const isFolder = !picomatch.scan(clean).isGlob && existsSync(join(repo, clean)) && statSync(join(repo, clean)).isDirectory();
	return picomatch(isFolder ? `${clean}/**` : clean, { dot: true });
}

export async function readInPlace(repo: string, config: SprintbookConfig): Promise<InPlace> {
	const root = inPlaceRoot(repo, config);
	const content = join(root, CONTENT_DIR);
	await rm(content, { recursive: true, force: true });
	await mkdir(content, { recursive: true });
	const matchers = config.docs.map((d) => matcherOf(repo, d));
	// The site it builds and the cache it keeps are not docs, wherever the config puts them.
	const skip = [config.outDir, config.cacheDir]
		.map((d) => relative(repo, resolve(repo, d)).split(sep).join('/'))
		.filter((d) => d && !d.startsWith('..') && !isAbsolute(d));
	const result = await planImport([repo], root, repo, { only: (path) => matchers.some((m) => m(path)), skip });
	await writeImport(result, root);
	const read = result.files.filter((f) => f.target && f.status !== 'skipped');
	const sources = new Map(read.map((f) => [f.target!, f.source]));
	const addedLines = new Map(read.map((f) => [f.target!, frontmatterLines(f.text ?? '')]));
	await writeFile(join(root, SOURCES_FILE), `${JSON.stringify(Object.fromEntries(sources), null, '\t')}\n`);
	return { repo, root, result, sources, addedLines };
}
