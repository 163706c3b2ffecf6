// The baseline: a bare Astro 7 site over the same Markdown. Default Markdown (Sätteri, GFM,
// Shiki's default theme), one collection, one route, no Sprintbook features.
import { defineConfig } from 'astro/config';

export default defineConfig({ devToolbar: { enabled: false } });
