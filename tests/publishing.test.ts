/**
 * Published where teams publish: the sample built under a base path (GitHub Pages serves a project at
 * `https://org.github.io/repo/`) and at the root, every internal URL of every page, the feed and the sitemap
 * followed to a file; search in Chromium under the base.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEnv } from '../bench/project.ts';
import { rebaseHtml } from '../src/lib/base-path.ts';
import { summaryOf } from '../src/lib/summary.ts';
import { astroOptions } from '../src/site/astro-options.ts';
import { launchChromium } from './helpers/chromium.ts';
import { htmlProblems } from './helpers/html-validate.ts';
import { builtTextFiles, DIST, ROOT } from './helpers/site.ts';

const BASE = '/sprint-docs';
const SITE = 'https://sprints.ohmycoins.example';

/** Every URL a page, the feed or the sitemap points at within the site, as `from → url`. */
function internalUrls(dist: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const [file, text] of builtTextFiles(dist)) {
		if (file.endsWith('.html')) {
			for (const el of parse(text).querySelectorAll('[href], [src], [action]')) {
				for (const name of ['href', 'src', 'action']) {
					const url = el.getAttribute(name);
					if (url === undefined || /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) continue;
					out.push([file, url.startsWith('/') ? url : new URL(url, `http://x/${file}`).pathname]);
				}
			}
		} else if (file.endsWith('.xml')) {
			for (const [, url] of text.matchAll(/<(?:link|loc)>([^<]+)<\/(?:link|loc)>|<atom:link[^>]*href="([^"]+)"/g)) {
				if (url?.startsWith(SITE)) out.push([file, url.slice(SITE.length)]);
			}
		}
	}
	return out;
}

/** The file a URL path serves from dist/ under `base`, or why none does. */
function served(dist: string, base: string, url: string): string | undefined {
	const path = decodeURI(url.replace(/[?#].*$/, ''));
	if (!path.startsWith(`${base}/`)) return `outside ${base || 'the site'}/`;
	const file = join(dist, path.slice(base.length));
	return [file, join(file, 'index.html')].some((f) => existsSync(f) && statSync(f).isFile()) ? undefined : 'no such file';
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.json': 'application/json', '.wasm': 'application/wasm' };

/** A static host serving `dist` at `base`, as GitHub Pages serves a project site; anything else is a 404. */
async function host(dist: string, base: string) {
	const server = createServer((req, res) => {
		const path = decodeURI(new URL(req.url ?? '/', 'http://x').pathname);
		const file = path.startsWith(`${base}/`) ? join(dist, path.slice(base.length)) : undefined;
		const found = file && [file, join(file, 'index.html')].find((f) => existsSync(f) && statSync(f).isFile());
		if (!found) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' }).end(readFileSync(found));
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => new Promise<void>((done) => server.close(() => done())) };
}

describe('a site under a base path', () => {
	let dist: string;
	beforeAll(() => {
		dist = mkdtempSync(join(tmpdir(), 'sprintbook-base-'));
		execFileSync('npm', ['run', '--silent', 'build', '--', '--base', `${BASE}/`, '--outDir', dist], { cwd: ROOT, stdio: 'pipe', env: userEnv({ SPRINTBOOK_TODAY: '2026-01-20' }) });
	}, 300_000);
	afterAll(() => rmSync(dist, { recursive: true, force: true }));

	it('links every page, asset, the feed and the sitemap under the base, each to a file', () => {
		const urls = internalUrls(dist);
		// The pages, their stylesheets, the favicon, the feed and the sitemap are all in the list.
		expect(urls.length).toBeGreaterThan(400);
		for (const path of ['/favicon.svg', '/reports.xml', '/sitemap-index.xml', '/sprints/2.8/', '/search/']) expect(urls.map(([, u]) => u)).toContain(BASE + path);
		expect(urls.some(([f, u]) => f === 'reports.xml' && u === `${BASE}/sprints/2.7/report/`)).toBe(true);
		expect(urls.some(([f, u]) => f.startsWith('sitemap-') && u === `${BASE}/sprints/2.8/`)).toBe(true);
		const broken = urls.filter(([, u]) => served(dist, BASE, u)).map(([f, u]) => `${f} → ${u}: ${served(dist, BASE, u)}`);
		expect(broken).toEqual([]);
		// The search bundle is where the page's script asks for it.
		const home = parse(readFileSync(join(dist, 'index.html'), 'utf8'));
		expect(home.querySelector('html')?.getAttribute('data-base')).toBe(BASE);
		expect(home.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${BASE}/`);
		expect(parse(readFileSync(join(dist, 'sprints/2.8/index.html'), 'utf8')).querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${SITE}${BASE}/sprints/2.8/`);
		expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}/sitemap-index.xml`);
		// The rail marks the page being read, under the base as at the root.
		expect(parse(readFileSync(join(dist, 'roadmap/index.html'), 'utf8')).querySelector('nav.rail a[aria-current="page"]')?.getAttribute('href')).toBe(`${BASE}/roadmap/`);
		expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
	});

	it('finds a page with search in Chromium, and its result opens under the base', async () => {
		const server = await host(dist, BASE);
		const browser = await launchChromium();
		try {
			const page = await browser.newPage();
			const failed: string[] = [];
			page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
			await page.goto(`${server.url}${BASE}/search/?q=PnL`);
			const hit = page.locator('#search-results').getByRole('link', { name: 'Sprint 2.8: Test Stabilization + BYOM Foundation' });
			await hit.waitFor();
			expect(await hit.getAttribute('href')).toBe(`${BASE}/sprints/2.8/`);
			await hit.click();
			await page.waitForURL(`${server.url}${BASE}/sprints/2.8/`);
			// The header's search dialog loads Pagefind's UI from under the base too.
			await page.keyboard.press('Control+k');
			await page.locator('#search-dialog-ui input').fill('PnL');
			await page.locator('#search-dialog-ui .pagefind-ui__result-link').first().waitFor();
			expect(await page.locator('#search-dialog-ui .pagefind-ui__result-link').first().getAttribute('href')).toMatch(new RegExp(`^${BASE}/`));
			expect(failed).toEqual([]);
		} finally {
			await browser.close();
			await server.stop();
		}
	});
});

describe('the same site at the root', () => {
	it('links every page, asset, the feed and the sitemap to a file', () => {
		const urls = internalUrls(DIST);
		expect(urls.length).toBeGreaterThan(400);
		expect(urls.filter(([, u]) => served(DIST, '', u)).map(([f, u]) => `${f} → ${u}: ${served(DIST, '', u)}`)).toEqual([]);
		expect(parse(readFileSync(join(DIST, 'index.html'), 'utf8')).querySelector('html')?.getAttribute('data-base')).toBe('');
	});
});

describe('a page’s description', () => {
	it('is the first paragraph of prose: not a comment over several lines, a label line or a heading', () => {
		const body = ['<!-- sprintbook import: the file\'s own frontmatter, kept as it was:', 'title: Design notes', 'author: jane', '-->', '', '**Status:** Draft', '', '# Notes', '', 'The checkout keeps card data out of our servers entirely.'].join('\n');
		expect(summaryOf(body)).toBe('The checkout keeps card data out of our servers entirely.');
	});
});

describe('the base path, where it comes from and what it moves', () => {
	it('is the config’s base, else the path of its site, else the root', () => {
		expect(astroOptions({ root: ROOT, site: 'https://parcel.github.io/tracker' }).base).toBe('/tracker/');
		expect(astroOptions({ root: ROOT, site: 'https://parcel.github.io/tracker/', base: 'docs' }).base).toBe('/docs/');
		expect(astroOptions({ root: ROOT, site: 'https://docs.parcel.example' }).base).toBe('/');
		expect(astroOptions({ root: ROOT }).base).toBe('/');
	});
	it("moves the tags' root-relative URLs only: not a script's, a comment's, the text's, another host's or Astro's own assets", () => {
		const html = [
			'<a href="/sprints/2/">two</a> <img src="/logo.png" alt=""> <form action="/search/"></form>',
			'<link rel="stylesheet" href="/docs/_astro/site.css"> <a href="//cdn.example/x">cdn</a> <a href="https://x.example/">x</a> <a href="#top">top</a>',
			'<script>fetch("/pagefind/x")</script><!-- <a href="/old/"> --><code>href="/in/text"</code>',
		].join('\n');
		expect(rebaseHtml(html, '/docs')).toBe(
			[
				'<a href="/docs/sprints/2/">two</a> <img src="/docs/logo.png" alt=""> <form action="/docs/search/"></form>',
				'<link rel="stylesheet" href="/docs/_astro/site.css"> <a href="//cdn.example/x">cdn</a> <a href="https://x.example/">x</a> <a href="#top">top</a>',
				'<script>fetch("/pagefind/x")</script><!-- <a href="/old/"> --><code>href="/in/text"</code>',
			].join('\n'),
		);
		expect(rebaseHtml(html, '')).toBe(html);
	});
});

describe('what a team expects of a published page', () => {
	const pages = () => builtTextFiles(DIST).filter(([f]) => f.endsWith('.html') && f !== '404.html');
	const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

	it('every page has its own title and description, a canonical URL and a link preview', () => {
		const titles = new Map<string, string>();
		const descriptions = new Map<string, string>();
		for (const [file, html] of pages()) {
			const doc = parse(html);
			const meta = (key: string) => doc.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');
			const title = doc.querySelector('title')!.text;
			expect(titles.get(title), `${file} and ${titles.get(title)} share the title "${title}"`).toBeUndefined();
			titles.set(title, file);
			const description = meta('description')!;
			expect(description.split(' ').length, file).toBeGreaterThanOrEqual(4);
			expect(descriptions.get(description), `${file} and ${descriptions.get(description)} share a description`).toBeUndefined();
			descriptions.set(description, file);
			const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
			expect(canonical, file).toBe(`${SITE}${pathOf(file)}`);
			expect([meta('og:title'), meta('og:description'), meta('og:url'), meta('twitter:card')], file).toEqual([title.replace(/ · Sprintbook$/, ''), description, canonical, 'summary']);
			expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en');
		}
		expect(titles.size).toBeGreaterThan(15);
		// A sprint doc's tab says whose it is; a plan's description is its goal, a doc's its first paragraph.
		expect(parse(readFileSync(join(DIST, 'sprints/2.8/test-fix-prompts/index.html'), 'utf8')).querySelector('title')?.text).toBe('Sprint 2.8 test-fix prompts · Sprintbook');
		expect(descriptions.get('Achieve 99% test pass rate + Begin BYOM foundation')).toBe('sprints/2.8/index.html');
		expect([...descriptions].find(([, f]) => f === 'sprints/2.8/test-fix-prompts/index.html')?.[0]).toMatch(/^Prompts for Developer A \(Track A\)/);
	});

	it('html-validate finds nothing wrong in any page: templates and the Markdown pipeline alike', () => {
		expect(htmlProblems(DIST)).toEqual([]);
	});

	it('robots.txt names the sitemap; the sitemap dates each doc page by its last commit; every feed item is dated', () => {
		expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\nSitemap: ${SITE}/sitemap-index.xml\n`);
		const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
		const lastmod = new Map([...sitemap.matchAll(/<loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!.slice(SITE.length), m[2]]));
		const committed = (file: string) => execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
		expect(lastmod.get('/sprints/2.8/')?.slice(0, 10)).toBe(committed('content/sprints/2.8/plan.md'));
		expect(lastmod.get('/roadmap/')?.slice(0, 10)).toBe(committed('content/roadmap.md'));
		const feed = readFileSync(join(DIST, 'reports.xml'), 'utf8');
		expect(feed).toContain(`<atom:link href="${SITE}/reports.xml" rel="self" type="application/rss+xml"/>`);
		const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item).toMatch(/<pubDate>[^<]+<\/pubDate>/);
	});
});
