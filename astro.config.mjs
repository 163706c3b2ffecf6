// @ts-check
// This repository's sample site, built from content/. A team's repository is built with the same options by
// `sprintbook build` (src/site/astro-options.ts), from its docs where they are.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { astroOptions } from './src/site/astro-options.ts';

// The sample's address (feeds and the sitemap need one): SPRINTBOOK_SITE, else OMC's.
const site = process.env.SPRINTBOOK_SITE ?? 'https://sprints.ohmycoins.example';
export default defineConfig(astroOptions({ root: fileURLToPath(new URL('.', import.meta.url)), site }));
