/** A reader opens the Sprint 2.8 plan in a real Chromium. */
import { describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../helpers/browser.ts';

const site = useSiteInChromium();

describe('Sprint 2.8 plan in Chromium', () => {
	it('shows its title and headings with no console error or failed request', async () => {
		const page = await site.browser.newPage();
		const problems: string[] = [];
		page.on('console', (msg) => {
			if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
		});
		page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
		page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
		page.on('response', (res) => {
			if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
		});

		const response = await page.goto(`${site.url}/sprints/2.8/`, { waitUntil: 'load' });
		expect(response?.status()).toBe(200);
		expect(await page.title()).toBe('Sprint 2.8: Test Stabilization + BYOM Foundation · Sprintbook');
		await expect.poll(() => page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual([
			'Sprint 2.8: Test Stabilization + BYOM Foundation',
		]);
		const h2 = await page.getByRole('heading', { level: 2 }).allInnerTexts();
		expect(h2.slice(0, 3)).toEqual(['Executive Summary', 'Developer Assignment', 'Work Parallelization']);
		expect(h2).toContain('Next Sprint Preview (Sprint 2.9)');
		// What a reader sees rendered, not just what is in the file.
		await expect.poll(() => page.getByText('READY TO START 🚀').isVisible()).toBe(true);
		expect(await page.locator('section.meta').innerText()).toContain('645/661 tests passing (97.6%)');
		expect(problems).toEqual([]);
		await page.close();
	});

	it('follows the plan\'s relative .md link to the prompts page', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/sprints/2.8/`);
		await page.getByRole('article').getByRole('link', { name: 'SPRINT_2.8_TEST_FIX_PROMPTS.md' }).click();
		await page.waitForURL(`${site.url}/sprints/2.8/test-fix-prompts/`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sprint 2.8 test-fix prompts');
		await page.close();
	});

	it('reaches the plan from the sprint index by keyboard-accessible link', async () => {
		const page = await site.browser.newPage();
		await page.goto(`${site.url}/sprints/`);
		await page.getByRole('link', { name: 'Sprint 2.8: Test Stabilization + BYOM Foundation' }).click();
		await page.waitForURL(`${site.url}/sprints/2.8/`);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sprint 2.8: Test Stabilization + BYOM Foundation');
		await page.close();
	});
});
