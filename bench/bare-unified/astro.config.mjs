// The same bare site as bench/bare, rendered by the opt-in unified pipeline with remark-gfm instead of
// Sätteri, so the benchmark measures the Markdown processor choice on the same corpus.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
	devToolbar: { enabled: false },
	markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) },
});
