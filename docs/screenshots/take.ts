/**
 * Screenshots of the built site for the README: the dashboard, a plan, a
 * report and the search dialog, light and dark, 1280 and 375 px wide. Run
 * `npm run build && npm run screenshots` (it takes the first screen of each
 * page, in Debian's Chromium, from dist/).
 */
import { join } from 'node:path';
import { launchChromium, serveBuiltSite } from '../../tests/helpers/chromium.ts';
import { ROOT } from '../../tests/helpers/site.ts';

const PAGES: Array<[string, string, boolean]> = [
	['dashboard', '/', false],
	['plan', '/sprints/2.8/', false],
	['report', '/sprints/2.7/report/', false],
	['search', '/sprints/2.8/', true],
];

const server = await serveBuiltSite();
const browser = await launchChromium();
try {
	for (const [name, path, search] of PAGES) {
		for (const theme of ['light', 'dark'] as const) {
			for (const width of [1280, 375]) {
				const context = await browser.newContext({ viewport: { width, height: width > 800 ? 800 : 740 }, colorScheme: theme, reducedMotion: 'reduce' });
				const page = await context.newPage();
				await page.goto(`${server.url}${path}`);
				if (search) {
					await page.keyboard.press('Control+k');
					await page.getByRole('dialog', { name: 'Search the docs' }).locator('input').waitFor();
					await page.keyboard.type('PnL');
					await page.locator('.pagefind-ui__result').first().waitFor();
					await page.waitForTimeout(300); // the result list settles as sub-results arrive
				}
				await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}-${theme}-${width}.png`) });
				await context.close();
			}
		}
	}
} finally {
	await browser.close();
	await server.stop();
}
