/** What ties the pages of a repository read in place to the team's files: written with the pages, read by the site. */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';

/** The file beside content/ that maps pages back to the team's files. */
export const SOURCES_FILE = 'sources.json';

export interface SourcesManifest {
	/** The team's repository, absolute. */
	repo: string;
	/** Each page's file under content/ → the team's file, relative to the repository. */
	pages: Record<string, string>;
	/** Each page's file under content/ → how many lines its text runs ahead of the team's file. */
	ahead: Record<string, number>;
}

/** The manifest beside a project's content/: there only for a repository read in place. */
export function manifestOf(projectRoot: string): SourcesManifest | undefined {
	try {
		return JSON.parse(readFileSync(join(projectRoot, SOURCES_FILE), 'utf8')) as SourcesManifest;
	} catch {
		return undefined;
	}
}

/**
 * How to name a page's file to the writer: in a repository read in place, the team's own file (its path in the
 * repository); elsewhere, as given.
 */
export function teamNames(projectRoot: string, contentDir: string): (abs: string) => string | undefined {
	const manifest = manifestOf(projectRoot);
	return (abs) => manifest?.pages[relative(contentDir, abs).split(sep).join('/')];
}

interface Report {
	diagnostics: Diagnostic[];
	sources: Map<string, string>;
}

/**
 * A check's report told about the team's own files: each problem at the team's file, by its path in the repository,
 * and line (the frontmatter the
 * reading added is not in it: a problem there is told at the file's first line), with the team's text for code
 * frames. A project not read in place is told as it is.
 */
export function inTeamTerms<R extends Report>(result: R, projectRoot: string, contentDir: string): R {
	const manifest = manifestOf(projectRoot);
	if (!manifest) return result;
	const sources = new Map<string, string>();
	const diagnostics = result.diagnostics.map((d) => {
		const page = relative(contentDir, resolve(d.file)).split(sep).join('/');
		const source = manifest.pages[page];
		if (source === undefined) return d;
		const ahead = manifest.ahead[page] ?? 0;
		// Named as the repository names it (as git does), wherever the command was started.
		const file = source;
		if (!sources.has(file)) {
			try {
				sources.set(file, readFileSync(resolve(manifest.repo, source), 'utf8'));
			} catch {
				// Gone since it was read: no code frame.
			}
		}
		const line = Math.max(1, d.line - ahead);
		// "Type the fact here" points at frontmatter the team's file does not have: in place, the documents are the fix.
		const fix = d.ruleId === 'facts-disagree' ? 'make the documents agree: the next build reads them again' : d.fix;
		return { ...d, file, line, endLine: Math.max(line, d.endLine - ahead), ...(fix === undefined ? {} : { fix }) };
	});
	return { ...result, diagnostics, sources };
}
