// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
	// No client JS unless a page asks for it; the site is plain HTML and CSS.
	integrations: [mdx()],
	trailingSlash: 'always',
	build: { format: 'directory' },
	markdown: {
		// Sätteri (Astro 7's default, GFM built in) renders the Markdown.
		shikiConfig: {
			themes: { light: 'github-light', dark: 'github-dark' },
		},
	},
	devToolbar: { enabled: false },
});
