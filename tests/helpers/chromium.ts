/**
 * Debian's Chromium and the built site, for browser tests and the screenshot
 * script alike (no vitest here). No browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { preview } from 'astro';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network: without them Chromium keeps trying to reach Google's hosts. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium) — browser tests never download one`);
	}
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface SiteServer {
	url: string;
	stop(): Promise<void>;
}

/** Serves dist/ with `astro preview` on a free loopback port. */
export async function serveBuiltSite(): Promise<SiteServer> {
	const port = 20000 + Math.floor(Math.random() * 20000);
	const server = await preview({ root: ROOT, logLevel: 'error', server: { host: '127.0.0.1', port } });
	return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

