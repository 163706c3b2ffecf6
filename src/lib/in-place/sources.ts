/** What ties the pages of a repository read in place to the team's files: written with the pages, read by the site. */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The file beside content/ that maps pages back to the team's files. */
export const SOURCES_FILE = 'sources.json';

export interface SourcesManifest {
	/** The team's repository, absolute. */
	repo: string;
	/** Each page's file under content/ → the team's file, relative to the repository. */
	pages: Record<string, string>;
}

/**
 * How to name a page's file to the writer: in a repository read in place, the team's own file (its path in the
 * repository); elsewhere, as given.
 */
export function teamNames(projectRoot: string, contentDir: string): (abs: string) => string | undefined {
	let manifest: SourcesManifest | undefined;
	try {
		manifest = JSON.parse(readFileSync(join(projectRoot, SOURCES_FILE), 'utf8')) as SourcesManifest;
	} catch {
		return () => undefined;
	}
	return (abs) => {
		const page = relative(contentDir, abs).split(sep).join('/');
		return manifest?.pages[page];
	};
}
