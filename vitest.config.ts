import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Builds the site once into dist/ so every test reads what a reader would get.
		globalSetup: ['tests/setup/build-site.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
});
