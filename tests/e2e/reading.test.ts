/** A stakeholder reads the site in Chromium: dashboard, sprints across the archive, links, search, theme, accessibility, phone width. */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useSiteInChromium } from '../helpers/browser.ts';

const site = useSiteInChromium();

/** A page in a fresh context of its own (axe needs one); tests close the context when done. */
async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
	const context = await site.browser.newContext(options);
	const page = await context.newPage();
	await page.goto(`${site.url}${path}`);
	return page;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

describe('walking the sprints', () => {
	it('reaches the current sprint from the dashboard, then goes back and forth across the archived 2.7', async () => {
		const page = await open('/');
		await page.getByRole('link', { name: 'Sprint 2.8: Test Stabilization + BYOM Foundation' }).first().click();
		await page.waitForURL(`${site.url}/sprints/2.8/`);
		await page.getByRole('navigation', { name: 'Sprints' }).getByRole('link', { name: /Sprint 2\.7/ }).click();
		await page.waitForURL(`${site.url}/sprints/2.7/`);
		expect(await h1(page)).toBe('Sprint 2.7: Test Isolation + AWS Staging');
		expect(await page.locator('section.meta').innerText()).toContain('archived 2026-01-17');
		await page.getByRole('navigation', { name: 'Sprints' }).getByRole('link', { name: /Sprint 2\.8/ }).click();
		await page.waitForURL(`${site.url}/sprints/2.8/`);
		await page.getByRole('navigation', { name: 'Sprints' }).getByRole('link', { name: /Sprint 2\.9/ }).click();
		await page.waitForURL(`${site.url}/sprints/2.9/`);
		await page.context().close();
	});

	it('follows a backlink from the prompts page to the plan that links it', async () => {
		const page = await open('/sprints/2.8/test-fix-prompts/');
		await page.getByRole('complementary', { name: 'Related pages' }).getByRole('link', { name: 'Sprint 2.8: Test Stabilization + BYOM Foundation' }).click();
		await page.waitForURL(`${site.url}/sprints/2.8/`);
		await page.context().close();
	});

	it('filters the timeline by status without JavaScript', async () => {
		const page = await open('/sprints/', { javaScriptEnabled: false });
		await page.getByRole('link', { name: 'complete (1)' }).click();
		await page.waitForURL(`${site.url}/sprints/status/complete/`);
		expect(await page.locator('ol.sprint-list > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-sprint')))).toEqual(['2.7']);
		await page.context().close();
	});
});

describe('search', () => {
	it('finds "PnL" from the header box and lands on the 2.8 plan', async () => {
		const page = await open('/roadmap/');
		await page.getByRole('searchbox', { name: 'Search the docs' }).fill('PnL');
		await page.getByRole('searchbox', { name: 'Search the docs' }).press('Enter');
		await page.waitForURL(`${site.url}/search/?q=PnL`);
		const hit = page.locator('#search-results').getByRole('link', { name: 'Sprint 2.8: Test Stabilization + BYOM Foundation' });
		await hit.waitFor();
		expect(await page.locator('#search-status').innerText()).toMatch(/^\d+ results? for “PnL”$/);
		await hit.click();
		await page.waitForURL(`${site.url}/sprints/2.8/`);
		expect(await h1(page)).toBe('Sprint 2.8: Test Stabilization + BYOM Foundation');
		await page.context().close();
	});
});

describe('search ranking', () => {
	/** Titles of the results on /search/ for a query, in order. */
	async function titles(query: string): Promise<string[]> {
		const page = await open(`/search/?q=${encodeURIComponent(query)}`);
		await page.locator('#search-results a').first().waitFor();
		const found = await page.locator('#search-results > li > a').allInnerTexts();
		await page.context().close();
		return found;
	}

	it('ranks the long 2.8 plan near the top for "PnL" (only the doc with PnL in a heading above it), and summary pages not at all', async () => {
		const found = await titles('PnL');
		expect(found.slice(0, 2)).toEqual(['Sprint 2.8 test-fix prompts', 'Sprint 2.8: Test Stabilization + BYOM Foundation']);
		expect(found).not.toContain('Dashboard');
		expect(found).not.toContain('Sprints');
	});

	it('puts docs whose title holds the word first', async () => {
		const found = await titles('BYOM');
		expect(found.slice(0, 3).every((t) => t.includes('BYOM'))).toBe(true);
	});
});

describe('search dialog', () => {
	it('opens on Ctrl+K anywhere, finds as you type with deep links into sections, keeps focus, and closes on Escape', async () => {
		const page = await open('/roadmap/');
		await page.keyboard.press('Control+k');
		const dialog = page.getByRole('dialog', { name: 'Search the docs' });
		await dialog.locator('input').waitFor();
		await page.keyboard.type('PnL');
		const sub = dialog.locator('.pagefind-ui__result-link[href="/sprints/2.8/test-fix-prompts/#1-pnl-calculation-p0-2-tests"]');
		await sub.waitFor();
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
		expect(await dialog.locator('mark').first().innerText()).toBe('PnL');
		await page.keyboard.press('Escape');
		expect(await dialog.isVisible()).toBe(false);
		// "/" opens it too, when the reader is not typing somewhere.
		await page.keyboard.press('/');
		expect(await dialog.isVisible()).toBe(true);
		await page.context().close();
	});

	it('has one search box on the search page, which works without the dialog', async () => {
		const page = await open('/search/?q=PnL');
		expect(await page.getByRole('searchbox').count()).toBe(1);
		await page.locator('#search-results a').first().waitFor();
		await page.context().close();
	});
});

describe('navigation', () => {
	it('shows the rail and an "On this page" list that follows the reader on a wide screen', async () => {
		const page = await open('/sprints/2.8/', { viewport: { width: 1280, height: 800 } });
		const rail = page.getByRole('navigation', { name: 'Site' });
		expect(await rail.isVisible()).toBe(true);
		expect(await rail.getByRole('link', { name: /^2\.8/ }).getAttribute('aria-current')).toBe('page');
		const contents = page.getByRole('complementary', { name: 'On this page' });
		expect(await contents.getByRole('link').count()).toBeGreaterThanOrEqual(3);
		await contents.getByRole('link', { name: 'Risk Management' }).click();
		await page.waitForFunction(() => document.querySelector('aside.contents a[aria-current="location"]')?.textContent === 'Risk Management');
		await page.getByRole('link', { name: 'Back to top ↑' }).click();
		await page.waitForFunction(() => scrollY === 0);
		await page.context().close();
	});

	it('opens the rail from the Menu button on a phone, and it leads to a project page', async () => {
		const page = await open('/sprints/2.8/', { viewport: { width: 375, height: 800 } });
		const rail = page.getByRole('navigation', { name: 'Site' });
		expect(await rail.isVisible()).toBe(false);
		expect(await page.getByRole('complementary', { name: 'On this page' }).isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Menu' }).click();
		expect(await rail.isVisible()).toBe(true);
		await rail.getByRole('link', { name: 'Requirements' }).click();
		await page.waitForURL(`${site.url}/requirements/`);
		expect(await h1(page)).toBe('Requirements');
		await page.context().close();
	});
});

describe('theme', () => {
	it('follows the system, goes light, dark and back to auto, says what it switches to, and is remembered', async () => {
		const page = await open('/sprints/2.8/', { colorScheme: 'light' });
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await background()).toBe('rgb(255, 255, 255)');
		const codeColour = () => page.locator('pre.astro-code .line span').first().evaluate((el) => getComputedStyle(el).color);
		const lightCode = await codeColour();
		const toggle = page.locator('button.theme-toggle');
		expect(await toggle.innerText()).toBe('Light theme');
		expect(await toggle.getAttribute('aria-label')).toBe('Switch to the light theme (now auto)');
		await toggle.click();
		expect(await toggle.innerText()).toBe('Dark theme');
		await toggle.click();
		expect(await toggle.innerText()).toBe('Auto theme');
		expect(await background()).toBe('rgb(13, 17, 23)');
		// Code blocks switch with the page: Shiki's dark theme colours the tokens.
		expect(await page.locator('pre.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(13, 17, 23)');
		expect(await codeColour()).not.toBe(lightCode);
		await page.reload();
		expect(await background()).toBe('rgb(13, 17, 23)');
		// Back to auto: the system's light scheme again, and nothing remembered.
		await page.locator('button.theme-toggle').click();
		expect(await background()).toBe('rgb(255, 255, 255)');
		expect(await page.evaluate(() => localStorage.getItem('sprintbook-theme'))).toBeNull();
		await page.context().close();
	});
});

describe('print', () => {
	it('prints the text without navigation, history or search, with link addresses and whole tables', async () => {
		const page = await open('/sprints/2.7/');
		await page.emulateMedia({ media: 'print' });
		const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
		for (const hidden of ['nav#site-nav', 'header.site', 'p.doc-history', 'aside.related', 'nav.pager']) expect(await display(hidden), hidden).toBe('none');
		const after = await page.locator('article a[href^="/"]').first().evaluate((el) => getComputedStyle(el, '::after').content);
		expect(after).toMatch(/^" \(" attr\(href\) "\)"$|^" \(\/.*\)"$/);
		expect(await page.locator('.table-scroll').first().evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
		await page.context().close();
	});
});

describe('reading the blocks of a sprint doc', () => {
	it('copies a code block with its button, and shows the language', async () => {
		const page = await open('/sprints/2.8/', { permissions: ['clipboard-read', 'clipboard-write'] });
		const block = page.locator('.code-block').first();
		expect(await block.getAttribute('data-language')).toBeTruthy();
		await block.getByRole('button', { name: 'Copy' }).click();
		await page.waitForFunction(() => document.querySelector('.code-block .copy')?.textContent === 'Copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(await block.locator('pre').innerText());
		await page.context().close();
	});

	it('lets a keyboard reach a wide table, and every heading links to itself', async () => {
		const page = await open('/sprints/2.7/', { viewport: { width: 375, height: 800 } });
		const region = page.getByRole('region', { name: /^Table \d+$/ }).first();
		await region.focus();
		expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
		const anchor = page.locator('article .heading-wrapper .heading-anchor').first();
		const id = await page.locator('article h2').first().getAttribute('id');
		expect(await anchor.getAttribute('href')).toBe(`#${id}`);
		await page.context().close();
	});
});

describe('dashboard', () => {
	it.each([1280, 375])("at %i px shows each track's tasks done, the risks, and this week's changes; a track's figure leads to its section of the plan", async (width) => {
		const page = await open('/', { viewport: { width, height: 800 } });
		const trackA = page.locator('tr[data-track="A"] td.progress a');
		await trackA.scrollIntoViewIfNeeded();
		expect(await trackA.isVisible()).toBe(true);
		expect(await trackA.innerText()).toBe('5 of 5');
		expect(await page.getByRole('heading', { name: 'Risks and blockers' }).isVisible()).toBe(true);
		expect(await page.locator('[data-testid="risks"] li').count()).toBe(3);
		expect(await page.getByRole('heading', { name: 'Changed in the last 7 days' }).isVisible()).toBe(true);
		await trackA.click();
		await page.waitForURL(`${site.url}/sprints/2.8/#developer-a-omc-data-specialist-track-a---test-fixes`);
		expect(await page.locator('#developer-a-omc-data-specialist-track-a---test-fixes').isVisible()).toBe(true);
		await page.context().close();
	});
});

describe('accessibility and layout', () => {
	// One page of every kind the site makes.
	const pages = [
		'/', '/sprints/', '/sprints/status/complete/', '/sprints/figures/', '/sprints/2.8/', '/sprints/2.7/report/', '/sprints/2.9/report/',
		'/sprints/2.8/test-fix-prompts/', '/roadmap/', '/handoff/', '/requirements/', '/requirements/byom/', '/docs/', '/search/?q=PnL', '/no-such-page/',
	];

	it.each(pages)('axe finds no violations on %s, light and dark, at 1280 and 375 px', async (path) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			for (const width of [1280, 375]) {
				const page = await open(path, { colorScheme, viewport: { width, height: 800 } });
				if (path.startsWith('/search/')) await page.locator('#search-results a').first().waitFor();
				const { violations } = await new AxeBuilder({ page }).analyze();
				expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${path} (${colorScheme}, ${width} px)`).toEqual([]);
				await page.context().close();
			}
		}
	});

	it('axe finds no violations in the open search dialog with results, light and dark', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await open('/sprints/2.8/', { colorScheme });
			await page.keyboard.press('Control+k');
			await page.getByRole('dialog', { name: 'Search the docs' }).locator('input').waitFor();
			await page.keyboard.type('PnL');
			await page.locator('.pagefind-ui__result').first().waitFor();
			const { violations } = await new AxeBuilder({ page }).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), colorScheme).toEqual([]);
			await page.context().close();
		}
	});

	it.each(pages)('%s fits a 375 px phone without sideways scrolling', async (path) => {
		const page = await open(path, { viewport: { width: 375, height: 800 } });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		await page.context().close();
	});
});

describe('facts that depend on the day', () => {
	/** The dashboard read on `day` (the build took 2026-01-20 as today: day 4 of Sprint 2.8, 17–26 January). */
	async function dashboardOn(day: string, options: Parameters<Browser['newContext']>[0] = {}) {
		const context = await site.browser.newContext(options);
		const page = await context.newPage();
		if (options.javaScriptEnabled !== false) await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
		await page.goto(`${site.url}/`);
		return page;
	}
	const shown = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => !(e as HTMLElement).closest('[hidden]')).map((e) => (e as HTMLElement).innerText.trim()));

	it('follow the reader’s clock: a week after the build the sprint has ended, is overdue, and the week’s changes are the reader’s week', async () => {
		const page = await dashboardOn('2026-01-27');
		expect(await page.getByTestId('days-left').innerText()).toBe('ended 1 day ago');
		expect(await page.getByTestId('overdue').isVisible()).toBe(true);
		expect(await shown(page, '.badge--overdue')).toEqual(['!overdue']);
		expect(await shown(page, '[data-as-of]')).toEqual([]);
		expect(await page.locator('[data-changes-summary]').innerText()).toBe('No doc changed since 2026-01-21.');
		// The day before it ends: one day left, not overdue.
		const eve = await dashboardOn('2026-01-26');
		expect(await eve.getByTestId('days-left').innerText()).toBe('1 day left');
		expect(await eve.getByTestId('overdue').isVisible()).toBe(false);
		// The timeline marks it overdue on the reader's day too.
		const timeline = await page.context().newPage();
		await timeline.clock.setFixedTime(new Date('2026-01-27T10:00:00'));
		await timeline.goto(`${site.url}/sprints/`);
		expect(await shown(timeline, 'li[data-sprint="2.8"] .badge--overdue')).toEqual(['!overdue']);
		await page.context().close();
		await eve.context().close();
	});

	it('without JavaScript, say which day they are of', async () => {
		const page = await dashboardOn('2026-01-27', { javaScriptEnabled: false });
		expect(await page.getByTestId('days-left').innerText()).toBe('7 days left');
		expect(await shown(page, '[data-as-of]')).toEqual(['(as of 2026-01-20)', 'As of 2026-01-20.']);
		expect(await page.getByTestId('overdue').isVisible()).toBe(false);
		await page.context().close();
	});
});

describe('nothing moves once a page is shown', () => {
	/**
	 * Layout shift of a page on a phone-sized screen, as Chromium records it (the sum of shifts no input caused). The
	 * search index is served late, as on a phone's network, so results arrive after the page is shown.
	 */
	async function layoutShift(path: string, settle: (page: Page) => Promise<unknown> = async () => undefined): Promise<number> {
		const context = await site.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await page.route('**/pagefind/**', async (route) => {
			await new Promise((r) => setTimeout(r, 400));
			await route.continue();
		});
		await page.goto(`${site.url}${path}`);
		await settle(page);
		await page.waitForTimeout(300);
		const shift = await page.evaluate(
			() =>
				new Promise<number>((done) => {
					let total = 0;
					new PerformanceObserver((list) => {
						for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) total += e.value;
					}).observe({ type: 'layout-shift', buffered: true });
					setTimeout(() => done(total), 100);
				}),
		);
		await context.close();
		return shift;
	}

	it('on every kind of page, and on the search page when its results arrive: no layout shift', async () => {
		const shifts: Record<string, number> = {};
		for (const path of ['/', '/sprints/', '/sprints/2.8/', '/sprints/2.7/report/', '/sprints/2.8/test-fix-prompts/', '/roadmap/', '/requirements/byom/', '/sprints/figures/']) shifts[path] = await layoutShift(path);
		shifts['/search/?q=PnL'] = await layoutShift('/search/?q=PnL', (page) => page.locator('#search-results li').first().waitFor());
		// Lighthouse's bar is 0.1; nothing here needs to move at all (a footer pushed down by arriving results read 0.087).
		expect(Object.entries(shifts).filter(([, v]) => v >= 0.01)).toEqual([]);
	});
});
