/**
 * `sprintbook.config.mjs` in a team's repository: where its docs are and what the site is called. `sprintbook init`
 * writes it; `build`, `check`, `sprints` and `dev` read it. Each field's text is its documentation.
 */
import { z } from 'astro/zod';

export const configSchema = z
	.object({
		title: z.string().trim().min(1).default('Sprintbook').describe("The site's name: its header and every page's title."),
		site: z
			.string()
			.url({ message: 'give the whole address, e.g. "https://docs.example.com"' })
			.optional()
			.describe('The address the site is published at (https://…): feeds and the sitemap need absolute links.'),
		base: z
			.string()
			.trim()
			.regex(/^\/?[\w.~-]+(?:\/[\w.~-]+)*\/?$|^\/$/, { message: 'give a path, e.g. "/sprint-docs" for https://org.github.io/sprint-docs/' })
			.optional()
			.describe("The path the site is served under (\"/sprint-docs\" when GitHub Pages publishes it at https://org.github.io/sprint-docs/). Default: the path of `site`, else the root."),
		lang: z
			.string()
			.trim()
			.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'give a language tag, e.g. "en", "fr" or "pt-BR"' })
			.default('en')
			.describe('The language the docs are written in (a BCP 47 tag: "en", "fr", "pt-BR"), for browsers, screen readers and search engines.'),
		repository: z
			.string()
			.url({ message: 'give the whole address, e.g. "https://github.com/our-org/our-repo"' })
			.optional()
			.describe("The repository's web address (https://github.com/org/repo): each page links to its file's history there, and to edit it."),
		branch: z.string().trim().min(1).default('main').describe('The branch those links open.'),
		imageHosts: z
			.array(
				z
					.string()
					.trim()
					.toLowerCase()
					.regex(/^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, { message: 'give a host name, e.g. "img.shields.io" or "*.githubusercontent.com"' }),
			)
			.default([])
			.describe(
				'Hosts the site may show images from (e.g. "img.shields.io", "*.githubusercontent.com"). An image from any other host is shown as a link to it, so a page never loads a tracker, and `check` says which. Default: none.',
			),
		docs: z
			.array(z.string().trim().min(1))
			.min(1, { message: 'name at least one folder or Markdown file, e.g. docs: ["docs"]' })
			.describe('Folders, Markdown files or globs, relative to the repository, that hold the docs. Sprintbook reads them where they are and never writes into them.'),
		outDir: z.string().trim().min(1).default('dist').describe('Where `sprintbook build` writes the site, relative to the repository.'),
		cacheDir: z
			.string()
			.trim()
			.min(1)
			.optional()
			.describe(
				"Where Sprintbook keeps what it works out between runs, relative to the repository; safe to delete. Default: node_modules/.cache/sprintbook when Sprintbook is installed in the repository, else Sprintbook's own cache.",
			),
	})
	.strict();

export type SprintbookConfig = z.infer<typeof configSchema>;
/** What a team writes: every field but `docs` has a default. */
export type SprintbookConfigInput = z.input<typeof configSchema>;
