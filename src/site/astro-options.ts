/**
 * The Astro configuration of a Sprintbook site, in one place: this repository's astro.config.mjs builds its sample
 * from content/ with it, and `sprintbook build`/`dev` build a team's docs read in place with the same options.
 */
import type { AstroInlineConfig, AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { join, sep } from 'node:path';
import sprintbook from '../integration/index.ts';
import { docLinks } from '../integration/doc-links.ts';
import { readerBlocks } from '../integration/reader-blocks.ts';
import { placeholdersAsText, safeHtml } from '../integration/safe-html.ts';
import { taskListLabels } from '../integration/task-list-labels.ts';
import { CONTENT_DIR } from '../lib/layout.ts';
import { normalizeBase } from '../lib/base-path.ts';
import { lastModified } from './last-modified.ts';
import { CODE_THEMES, codeClasses, codeColoursModule } from './code-classes.ts';

export interface SiteOptions {
	/** The project root: content/ is under it. */
	root: string;
	/** The site's name, in its header and page titles. */
	title?: string;
	/** Where the site is published: feeds and the sitemap need absolute URLs; without it there are none. */
	site?: string;
	/** The repository's web address and branch, for each page's history and edit links. */
	repository?: string;
	branch?: string;
	/**
	 * The path the site is served under ("/sprint-docs" for `https://org.github.io/sprint-docs/`). Not given: the
	 * path of `site`, else the root.
	 */
	base?: string;
	/** The language the docs are written in (`<html lang>`), "en" when not given. */
	lang?: string;
	/** Hosts images may load from; an image from another is shown as a link (src/lib/unsafe-html.ts). */
	imageHosts?: readonly string[];
}

export function astroOptions({ root, title, site, repository, branch, base, lang, imageHosts = [] }: SiteOptions): AstroUserConfig {
	const contentDir = join(root, CONTENT_DIR) + sep;
	const path = normalizeBase(base ?? (site ? new URL(site).pathname : ''));
	return {
		// sprintbook() runs `check` before every build; no client JS unless a page asks for it.
		site,
		base: `${path}/`,
		integrations: [
			sprintbook({ title, repository, branch, lang, imageHosts }),
			mdx(),
			// Each page's lastmod is its file's last commit.
			sitemap({ serialize: (item) => ({ ...item, lastmod: lastModified(new URL(item.url).pathname.slice(path.length)) ?? item.lastmod }) }),
		],
		trailingSlash: 'always',
		build: { format: 'directory' },
		markdown: {
			// Sätteri (Astro 7's default, GFM built in) renders the Markdown. Astro has already cut the
			// frontmatter off; left on, Sätteri would take a body that opens with a `---` rule for a second one.
			// docLinks: `[prompts](SPRINT_2.8_TEST_FIX_PROMPTS.md)` links to the prompts page, wherever it lives.
			// taskListLabels: each task-list checkbox is named by its item's text, for screen readers.
			// readerBlocks: focusable scrolling tables, GitHub alerts as callouts, code labels, heading anchors.
			// rawHtml + safeHtml: a doc's HTML is parsed into the tree and every element is held to the site's policy
			// (no script, handler, javascript: URL, style, clobbering name or id, or image from a host not named).
			// placeholdersAsText: "<GRAFANA-URL>" stays the writer's text rather than becoming an element.
			processor: satteri({
				features: { frontmatter: false, rawHtml: true },
				mdastPlugins: [placeholdersAsText(), docLinks(contentDir)],
				hastPlugins: [safeHtml({ imageHosts }), taskListLabels(), readerBlocks()],
			}),
			shikiConfig: {
				// Both themes as CSS variables; global.css picks one with light-dark(), so the theme toggle works. The
				// variables are set by classes, not inline styles (src/site/code-classes.ts).
				themes: CODE_THEMES,
				defaultColor: false,
				transformers: [codeClasses()],
			},
		},
		vite: { plugins: [codeColoursModule()] },
		// The Content-Security-Policy is one meta tag written by the layout (src/site/csp.ts), not Astro's per-page scan.
		devToolbar: { enabled: false },
	};
}

/**
 * Astro's inline config for a team's repository read in place: this package's pages over the project read into
 * the cache, with the team's name, address and repository. `build` and `dev` add only what is theirs.
 */
export function teamSiteOptions(place: { root: string; config: Omit<SiteOptions, 'root'> }, packageRoot: string): AstroInlineConfig {
	const { title, site, repository, branch, base, lang, imageHosts } = place.config;
	return {
		...astroOptions({ root: place.root, title, site, repository, branch, base, lang, imageHosts }),
		configFile: false,
		root: place.root,
		srcDir: join(packageRoot, 'src'),
		publicDir: join(packageRoot, 'public'),
	};
}
