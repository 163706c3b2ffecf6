/**
 * A team's repository read in place: its docs, where they are and as they are, become a Sprintbook project in the
 * cache (`<cacheDir>/site/content/`) by the same rules `import` applies — kind, sprint, status, days, goal, tests,
 * links, each fact with the file and line it came from. The team's tree is only read. Each run makes the pages
 * exactly what the docs give now, so nothing the docs no longer say survives.
 */
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import type { SprintbookConfig } from '../../schemas/config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatHuman } from '../reporter.ts';
import { rulesHash } from '../check/cache.ts';
import { planImport, type ImportResult } from '../import/index.ts';
import { ImportMemo } from '../import/memo.ts';
import { CONTENT_DIR } from '../layout.ts';
import { SOURCES_FILE, type SourcesManifest } from './sources.ts';

export interface InPlace {
	/** The team's repository. */
	repo: string;
	/** The Sprintbook project its docs were read into: `content/` under it; Astro builds from here. */
	root: string;
	result: ImportResult;
	/** Each page's file under content/ → the team's file it was read from, relative to the repository. */
	sources: Map<string, string>;
	/** Each page's file under content/ → how many lines its text runs ahead of the team's file (see linesAhead). */
	addedLines: Map<string, number>;
	/** What this run changed among the pages since the last. */
	changes: PageChanges;
	/** The docs the config names that were left out, as problems to report (too big, too pathological, not readable text). */
	leftOut: Diagnostic[];
	/** Docs whose text was not read before (the others' analyses came from the memo). */
	readAnew: number;
}

/**
 * How many lines a page's text runs ahead of the team's file: the frontmatter the reading added, less the title
 * line lifted out of the body. The body below is the team's text line for line (repairs happen within lines), so
 * one offset, found where the first line of the body is in the team's file, maps every line.
 */
function linesAhead(page: string, team: string): number {
	const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(page);
	const added = m ? m[0].split('\n').length - 1 : 0;
	const pageLines = page.split(/\r?\n/);
	const first = pageLines.findIndex((l, i) => i >= added && l.trim() !== '');
	if (first === -1) return added;
	const teamLines = team.split(/\r?\n/);
	const at = teamLines.findIndex((l) => l.trim() === pageLines[first]!.trim());
	return at === -1 ? added : first - at;
}

/** This package's folder (its pages build every team's site). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The cache of a repository read in place. Installed in the repository, Sprintbook keeps it in the repository's
 * node_modules/.cache, where the packages the site is built with are found from it; run from a clone of its own, in
 * the clone's cache, one folder per repository.
 */
export function cacheOf(repo: string, config: Pick<SprintbookConfig, 'cacheDir'>): string {
	if (config.cacheDir) return resolve(repo, config.cacheDir);
	const own = join(resolve(repo), 'node_modules');
	if (realpathSync(PACKAGE_ROOT).startsWith(own + sep)) return join(own, '.cache', 'sprintbook');
	const key = createHash('sha256').update(resolve(repo)).digest('hex').slice(0, 12);
	return join(PACKAGE_ROOT, 'node_modules', '.cache', 'sprintbook', 'in-place', `${basename(resolve(repo))}-${key}`);
}

/** Where the project read from `repo` lives. */
export const inPlaceRoot = (repo: string, config: Pick<SprintbookConfig, 'cacheDir'>) => join(cacheOf(repo, config), 'site');

/** `docs` → every file under docs/; `ROADMAP.md` → that file; a glob as written; `.` → everything. */
function matcherOf(repo: string, entry: string): (path: string) => boolean {
	const clean = entry.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
	if (clean === '' || clean === '.') return () => true;
	const isFolder = !picomatch.scan(clean).isGlob && existsSync(join(repo, clean)) && statSync(join(repo, clean)).isDirectory();
	return picomatch(isFolder ? `${clean}/**` : clean, { dot: true });
}

/** The docs the config names, as matchers of paths relative to the repository. */
export function docsMatcher(repo: string, config: SprintbookConfig): (path: string) => boolean {
	const matchers = config.docs.map((d) => matcherOf(repo, d));
	return (path) => matchers.some((m) => m(path));
}

export async function readInPlace(repo: string, config: SprintbookConfig): Promise<InPlace> {
	const root = inPlaceRoot(repo, config);
	const content = join(root, CONTENT_DIR);
	// The site it builds and the cache it keeps are not docs, wherever the config puts them.
	const skip = [resolve(repo, config.outDir), cacheOf(repo, config)]
		.map((d) => relative(repo, d).split(sep).join('/'))
		.filter((d) => d && !d.startsWith('..') && !isAbsolute(d));
	// Planned against a project with nothing in it (import never re-places a doc it finds there), then brought into
	// the pages kept from the last run: only what changed is written, and what the docs no longer give is removed.
	// What each doc alone gives (its outline, its credentials) is kept between runs: a doc that did not change is
	// not parsed again.
	const memo = ImportMemo.onDisk(join(cacheOf(repo, config), 'memo.json'), rulesHash(PACKAGE_ROOT));
	const result = await planImport([repo], join(cacheOf(repo, config), 'empty'), repo, { only: docsMatcher(repo, config), skip, memo });
	const read = result.files.filter((f) => f.target && f.text !== undefined && f.status !== 'skipped');
	await memo.save();
	const changes = await syncPages(content, new Map(read.map((f) => [f.target!, f.text!])));
	const sources = new Map(read.map((f) => [f.target!, f.source]));
	const addedLines = new Map(
		await Promise.all(read.map(async (f) => [f.target!, linesAhead(f.text ?? '', await readFile(resolve(repo, f.source), 'utf8').catch(() => ''))] as const)),
	);
	const manifest: SourcesManifest = { repo: resolve(repo), pages: Object.fromEntries(sources), ahead: Object.fromEntries(addedLines) };
	await mkdir(content, { recursive: true }); // there even when the config names no doc yet
	await writeFile(join(root, SOURCES_FILE), `${JSON.stringify(manifest, null, '\t')}\n`);
	return { repo, root, result, sources, addedLines, changes, readAnew: memo.anew.size, leftOut: leftOutProblems(result) };
}

/** Docs left out as benign: a copy of another, an empty file, one already placed. Any other left-out doc is told. */
const BENIGN = new Set(['a duplicate of another input', 'empty', 'only frontmatter', 'already in content/', 'no free destination', 'another input has the same destination', 'outside the input']);

/**
 * The docs the config names that the read left out, as problems at their first line: one no parser should be given
 * (too big, too pathological) is an error, as `check` makes it of a project's doc, so the build stops; one that is
 * not text it can read (an encoding, a pipe) is a warning. Either way the team hears why its doc is not on the site.
 */
function leftOutProblems(result: ImportResult): Diagnostic[] {
	return result.files
		.filter((f) => f.status === 'skipped' && f.reason !== undefined && !BENIGN.has(f.reason))
		.map((f) => {
			const error = f.reason === 'too big' || f.reason === 'too pathological';
			// The read's note says what and how to fix it: "<what>: not imported; <fix>".
			const said = /^([\s\S]*?): not (?:imported|read)\b;?\s*([\s\S]*)$/.exec(f.notes[0] ?? f.reason!);
			return {
				file: f.source,
				line: 1,
				column: 1,
				endLine: 1,
				endColumn: 1,
				severity: error ? 'error' : 'warning',
				ruleId: error ? f.reason!.replace(' ', '-') : 'not-read',
				message: said ? `${said[1]}: not read, so it is not on the site` : (f.notes[0] ?? f.reason!),
				...(said?.[2] ? { fix: said[2] } : {}),
			} satisfies Diagnostic;
		});
}

/** The docs the read left out, as check's report tells problems (build and dev print it before they start), or ''. */
export function leftOutReport(leftOut: readonly Diagnostic[]): string {
	return leftOut.length ? `${formatHuman({ diagnostics: [...leftOut], files: leftOut.length }, false)}\n` : '';
}

/** A check's report with the docs the read left out added to it (they never reached the project it checked). */
export function withLeftOut<R extends { diagnostics: Diagnostic[]; errors: number; warnings: number }>(result: R, place: Pick<InPlace, 'leftOut'>): R {
	if (!place.leftOut.length) return result;
	const diagnostics = [...place.leftOut, ...result.diagnostics];
	return { ...result, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
}

export interface PageChanges {
	/** Absolute paths of pages written anew, changed, and removed. */
	added: string[];
	changed: string[];
	removed: string[];
}

/** Makes `content` hold exactly `pages` (path under content/ → text), writing only what differs. */
async function syncPages(content: string, pages: ReadonlyMap<string, string>): Promise<PageChanges> {
	const changes: PageChanges = { added: [], changed: [], removed: [] };
	const existing = existsSync(content) ? await glob(['**/*'], { cwd: content, onlyFiles: true, dot: true }) : [];
	for (const path of existing) {
		if (pages.has(path)) continue;
		await rm(join(content, path), { force: true });
		changes.removed.push(join(content, path));
	}
	const had = new Set(existing);
	for (const [path, text] of pages) {
		const abs = join(content, path);
		if (had.has(path)) {
			if ((await readFile(abs, 'utf8').catch(() => undefined)) === text) continue;
			changes.changed.push(abs);
		} else changes.added.push(abs);
		await mkdir(dirname(abs), { recursive: true });
		await writeFile(abs, text);
	}
	return changes;
}
