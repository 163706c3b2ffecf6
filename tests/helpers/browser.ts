/**
 * Browser tests drive the built site in Debian's Chromium, served by Astro's
 * own preview server on loopback. No browser is ever downloaded: a missing
 * /usr/bin/chromium is a failure with the install command, never a skip.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, serveBuiltSite, type SiteServer } from './chromium.ts';

export { CHROMIUM, launchChromium, serveBuiltSite } from './chromium.ts';

/**
 * For a browser test file: serve dist/ and launch Chromium before its tests,
 * stop both after. Read `url` and `browser` inside tests, once they exist.
 */
export function useSiteInChromium(): { readonly url: string; readonly browser: Browser } {
	const state = {} as { url: string; browser: Browser; server?: SiteServer };
	beforeAll(async () => {
		state.server = await serveBuiltSite();
		state.url = state.server.url;
		state.browser = await launchChromium();
	});
	afterAll(async () => {
		await state.browser?.close();
		await state.server?.stop();
	});
	return state;
}
