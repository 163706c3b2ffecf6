/** What ties the pages of a repository read in place to the team's files: written with the pages, read by the site. */

/** The file beside content/ that maps pages back to the team's files. */
export const SOURCES_FILE = 'sources.json';

export interface SourcesManifest {
	/** The team's repository, absolute. */
	repo: string;
	/** Each page's file under content/ → the team's file, relative to the repository. */
	pages: Record<string, string>;
}
