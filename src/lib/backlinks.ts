/**
 * "Referenced by": for every page, the pages that point at it — through a
 * Markdown link in their body or a sprint named in their frontmatter
 * (depends_on, next, roadmap milestones, handoff features, stories).
 */
import { siteUrlForLink } from './links.ts';
import { outline } from './markdown.ts';
import { planUrl } from './urls.ts';

export interface LinkSource {
	/** The page the document publishes to. */
	url: string;
	/** Its path relative to the content folder. */
	contentPath: string;
	body: string;
	/** Sprints its frontmatter names. */
	sprints: readonly string[];
}

/**
 * `pageUrl` gives the page of a content path when the caller already knows it
 * (the site does, from its collections); by default it is read from the file.
 */
export function backlinks(contentDir: string, sources: readonly LinkSource[], pageUrl?: (contentPath: string) => string | undefined): Map<string, string[]> {
	const into = new Map<string, Set<string>>();
	const add = (target: string, from: string) => {
		const bare = target.replace(/#.*$/, '');
		if (bare === from) return;
		if (!into.has(bare)) into.set(bare, new Set());
		into.get(bare)!.add(from);
	};
	for (const s of sources) {
		for (const ref of outline(s.body).refs) {
			if (ref.kind !== 'link') continue;
			const target = siteUrlForLink(contentDir, s.contentPath, ref.url, pageUrl);
			if (target) add(target, s.url);
		}
		for (const sprint of s.sprints) add(planUrl(sprint), s.url);
	}
	return new Map([...into].map(([k, v]) => [k, [...v].sort()]));
}
