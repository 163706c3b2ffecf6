/**
 * "Referenced by": for every page, the pages that point at it — through a
 * Markdown link in their body or a sprint named in their frontmatter
 * (depends_on, next, roadmap milestones, handoff features, stories).
 */
import { checkedDocs } from './checked-docs.ts';
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
 * The link URLs in a body, kept by body text for the life of the process: the dev server evaluates the site's
 * modules afresh after every save, and parsing 2,000 unchanged bodies again cost 0.3 s of each reload.
 */
const LINKS_BY_BODY: Map<string, string[]> = ((globalThis as Record<symbol, unknown>)[Symbol.for('sprintbook.linksByBody')] ??= new Map()) as Map<string, string[]>;
function linksIn(body: string): string[] {
	let urls = LINKS_BY_BODY.get(body);
	if (!urls) {
		urls = outline(body).refs.flatMap((ref) => (ref.kind === 'link' ? [ref.url] : []));
		LINKS_BY_BODY.set(body, urls);
	}
	return urls;
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
	const checked = checkedDocs()?.bodyLinks;
	for (const s of sources) {
		for (const url of checked?.get(s.contentPath) ?? linksIn(s.body)) {
			const target = siteUrlForLink(contentDir, s.contentPath, url, pageUrl);
			if (target) add(target, s.url);
		}
		for (const sprint of s.sprints) add(planUrl(sprint), s.url);
	}
	return new Map([...into].map(([k, v]) => [k, [...v].sort()]));
}
