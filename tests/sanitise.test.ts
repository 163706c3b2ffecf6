/**
 * A doc's HTML is held to one policy on every page, Markdown and MDX alike: what a previous review got past the
 * regex-gated sanitiser (entities and tabs inside `javascript:`, SVG animations, a fixed overlay, a tracking pixel,
 * a `name` that breaks the page's script, MDX's srcdoc, handlers, `set:html`) is inert in Chromium even with the
 * Content-Security-Policy taken off, and `check` says what the site changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';
import { launchChromium } from './helpers/chromium.ts';
import { placeholdersAsText, safeHtml } from '../src/integration/safe-html.ts';
import { contentSecurityPolicy } from '../src/site/csp.ts';

const FRONTMATTER = ['---', 'sprint: "3"', 'title: Notes', 'kind: notes', '---', ''];
const MARKDOWN = [
	'<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="&#106;avascript:alert(2)">entity</a> <a href="javascript&colon;alert(3)">colon</a>',
	'',
	'<svg width="200" height="40"><a><animate attributeName="href" values="javascript:alert(4)" /><text x="10" y="20">svg link</text></a></svg>',
	'<svg><set attributeName="onmouseover" to="alert(5)" /><rect width="50" height="50" /></svg>',
	'',
	'<div style="position:fixed;inset:0;background:white;z-index:9999">Session expired: <a href="https://evil.example/login">sign in again</a></div>',
	'',
	'<img src="https://tracker.example/pixel.gif?reader=1" alt="pixel">',
	'',
	'![badge](https://tracker.example/badge.svg)',
	'',
	'<img src="\\\\tracker.example/slash.png" alt="backslashes"> ![colon](http:tracker.example/colon.png) <table><tr><td background="https://tracker.example/bg.png">cell</td></tr></table>',
	'',
	'[backups](s3://team-backups/db) and [chat](slack://open) stay links.',
	'',
	'<img name="getElementById" src="chart.svg" alt="chart"> <form name="querySelector"><input name="body"></form>',
	'',
	'<div id="addEventListener">clobber</div>',
	'',
	'<a name="legacy-anchor"></a>Legacy anchor.',
	'',
	'| Left | Right |',
	'|:-----|------:|',
	'| a    | b     |',
	'',
];
const MDX = [
	'<iframe srcdoc="<script>parent.alert(6)</script>"></iframe>',
	'',
	'<img src="chart.svg" onError="alert(7)" alt="chart two" />',
	'',
	'Text <a href="javascript:alert(8)">js link</a> and <a href="https://example.com/ok">a good one</a>.',
	'',
	'<div set:html="<img src=x onerror=alert(9)>">setter</div>',
	'',
	'<p style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red">overlay</p>',
	'',
];
/** Line of a body line in the file: the body starts after the frontmatter. */
const lineOf = (body: string[], text: string) => FRONTMATTER.length + body.findIndex((l) => l.includes(text)) + 1;

describe('a doc’s HTML, held to the site’s policy', () => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-sanitise-'));
	mkdirSync(join(root, 'content/sprints/3'), { recursive: true });
	writeFileSync(join(root, 'content/sprints/3/notes.md'), [...FRONTMATTER, ...MARKDOWN].join('\n'));
	writeFileSync(join(root, 'content/sprints/3/more.mdx'), [...FRONTMATTER.map((l) => l.replace('title: Notes', 'title: More')), ...MDX].join('\n'));
	const checked = sprintbook(['check', '--root', root, '--format', 'json']);
	const found = JSON.parse(checked.stdout) as Array<{ file: string; ruleId: string; line: number; severity: string; message: string }>;
	copySprintbook(root);
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
	const pages = ['sprints/3/notes/index.html', 'sprints/3/more/index.html'];
	const html = Object.fromEntries(pages.map((p) => [p, build.status === 0 ? readFileSync(join(root, 'dist', p), 'utf8') : '']));
	const article = (p: string) => html[p]!.slice(html[p]!.indexOf('<article'), html[p]!.indexOf('</article>'));

	it('check reports the disguised javascript: URLs and each remote image at its line, and passes', () => {
		expect(checked.status, checked.stdout).toBe(0);
		const line = lineOf(MARKDOWN, 'jav&#x09;');
		// (A form, which the site also drops, is named where it opens and closes.)
		const form = lineOf(MARKDOWN, '<form');
		expect(found.filter((d) => d.ruleId === 'unsafe-html' && d.file.endsWith('notes.md')).map((d) => d.line)).toEqual([line, line, line, form, form]);
		// What runs nothing but is left out is said too: the svgs with what they hold, the overlay's style.
		expect(found.filter((d) => d.ruleId === 'dropped-html').map((d) => `${d.line} ${d.severity}`)).toEqual([`${lineOf(MARKDOWN, '<animate')} warning`, `${lineOf(MARKDOWN, '<set')} warning`]);
		expect(found.filter((d) => d.ruleId === 'dropped-style' && d.file.endsWith('notes.md')).map((d) => d.line)).toEqual([lineOf(MARKDOWN, 'position:fixed')]);
		expect(found.filter((d) => d.ruleId === 'remote-image').map((d) => `${d.line} ${d.severity} ${d.message.split(':')[0]}`)).toEqual([
			`${lineOf(MARKDOWN, 'pixel.gif')} warning an image from tracker.example`,
			`${lineOf(MARKDOWN, 'badge.svg')} warning an image from tracker.example`,
			`${lineOf(MARKDOWN, 'slash.png')} warning an image from tracker.example`,
			`${lineOf(MARKDOWN, 'slash.png')} warning an image from tracker.example`,
		]);
	});

	it('the pages keep the words and drop what runs, styles, names, clobbering ids and remote images', () => {
		expect(build.status, build.stdout + build.stderr).toBe(0);
		for (const p of pages) {
			const a = article(p);
			expect(a, p).not.toMatch(/javascript|alert\(|\son[a-z]+=|srcdoc|<iframe|<svg|<animate|<set\b|<form|set:html|\sname=|style="(?!text-align)/i);
			expect(a, p).not.toMatch(/<img[^>]+tracker\.example/);
			expect(a, p).not.toContain('id="addEventListener"');
		}
		const notes = article(pages[0]!);
		for (const words of ['>tab</a>', '>entity</a>', '>colon</a>', 'Session expired', 'sign in again', 'clobber', 'Legacy anchor.']) expect(notes).toContain(words);
		// A remote image is a link to it, in its words; a local one stays an image; an old-style anchor keeps its place.
		expect(notes).toContain('<a href="https://tracker.example/pixel.gif?reader=1">pixel</a>');
		expect(notes).toContain('<a href="https://tracker.example/badge.svg">badge</a>');
		// However the address is spelt for the browser to resolve it to that host, and a table cell's background too.
		expect(notes).toContain('>backslashes</a>');
		expect(notes).toContain('>colon</a>');
		expect(notes).not.toMatch(/background=|bg\.png/);
		// Any link that runs nothing stays a link, whatever its scheme.
		expect(notes).toContain('<a href="s3://team-backups/db">backups</a>');
		expect(notes).toContain('<a href="slack://open">chat</a>');
		expect(notes).toMatch(/<img src="chart.svg" alt="chart">/);
		expect(notes).toContain('id="legacy-anchor"');
		// Markdown's table alignment is kept, as classes.
		expect(notes).toMatch(/<th class="align-left">Left<\/th>/);
		const more = article(pages[1]!);
		for (const words of ['chart two', '>js link</a>', 'href="https://example.com/ok"', 'setter', 'overlay']) expect(more).toContain(words);
		// Images load from the site alone when the config names no host.
		expect(html[pages[0]!]).toMatch(/img-src 'self';/);
	});

	describe('in Chromium, with the Content-Security-Policy taken off', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchChromium();
		});
		afterAll(async () => {
			await browser?.close();
		});

		for (const p of pages) {
			it(`${p}: nothing runs, nothing loads from elsewhere, nothing covers the page, and the page's script works`, async () => {
				const page = await browser.newPage();
				const dialogs: string[] = [];
				const elsewhere: string[] = [];
				const errors: string[] = [];
				page.on('dialog', (d) => {
					dialogs.push(d.message());
					void d.dismiss();
				});
				page.on('pageerror', (e) => errors.push(e.message));
				// The built files, served as they are but for the policy's meta tag; any other host is recorded and refused.
				await page.route('**/*', (route) => {
					const url = new URL(route.request().url());
					if (url.host !== 'site.test') {
						elsewhere.push(url.href);
						return route.abort();
					}
					const path = join(root, 'dist', url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
					let body: Buffer;
					try {
						body = readFileSync(path);
					} catch {
						return route.fulfill({ status: 404, body: '' });
					}
					if (path.endsWith('.html')) body = Buffer.from(body.toString('utf8').replace(/<meta http-equiv="content-security-policy"[^>]*>/, ''));
					return route.fulfill({ body, contentType: path.endsWith('.html') ? 'text/html' : path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'text/javascript' : undefined });
				});
				await page.goto(`http://site.test/${p.replace('index.html', '')}`);
				expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(0);
				// Hover and click everything the doc gave the page.
				const items = page.locator('article.doc *');
				for (let i = 0; i < (await items.count()); i++) {
					const item = items.nth(i);
					if (!(await item.isVisible())) continue;
					await item.hover({ timeout: 2000 }).catch(() => {});
					await item.dispatchEvent('mouseover').catch(() => {});
				}
				for (const link of await page.locator('article.doc a:not([href^="http"])').all()) await link.click({ timeout: 2000 }).catch(() => {});
				await page.waitForTimeout(300);
				expect(dialogs).toEqual([]);
				expect(elsewhere).toEqual([]);
				// No element of the doc's is fixed over the page.
				expect(await page.locator('article.doc *').evaluateAll((els) => els.filter((e) => getComputedStyle(e).position === 'fixed').length)).toBe(0);
				// The page's own script still finds what it looks for: the theme button switches the theme.
				const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'auto');
				await page.locator('.theme-toggle').click();
				expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'auto')).not.toBe(before);
				expect(errors).toEqual([]);
				await page.close();
			});
		}
	});
});

describe('the image hosts a team names', () => {
	const render = (markdown: string, imageHosts: string[]) =>
		(markdownToHtml(markdown, { features: { gfm: true, rawHtml: true }, mdastPlugins: [placeholdersAsText()], hastPlugins: [safeHtml({ imageHosts })] }) as { html: string }).html;

	it('show their images; any other host’s is a link; the policy lets exactly those hosts load images', () => {
		const md = '![build](https://img.shields.io/badge/build-passing-green) ![avatar](https://avatars.githubusercontent.com/u/1) ![other](https://tracker.example/p.gif)';
		expect(render(md, ['img.shields.io', '*.githubusercontent.com'])).toBe(
			'<p><img src="https://img.shields.io/badge/build-passing-green" alt="build"> <img src="https://avatars.githubusercontent.com/u/1" alt="avatar"> <a href="https://tracker.example/p.gif">other</a></p>\n',
		);
		expect(render(md, [])).not.toContain('<img');
		expect(contentSecurityPolicy(['img.shields.io', '*.githubusercontent.com'])).toContain("img-src 'self' https://img.shields.io https://*.githubusercontent.com;");
	});

	it('are checked as host names in the config', async () => {
		const { configSchema } = await import('../src/schemas/config.ts');
		expect(configSchema.safeParse({ docs: ['docs'], imageHosts: ['img.shields.io', '*.githubusercontent.com'] }).success).toBe(true);
		expect(configSchema.safeParse({ docs: ['docs'], imageHosts: ['https://img.shields.io/'] }).success).toBe(false);
	});
});
