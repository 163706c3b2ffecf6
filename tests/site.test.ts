/** The built site, read as a reader gets it: the HTML in dist/ after `npm run build`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, page } from './helpers/site.ts';

/** Every text file astro wrote, with its path relative to dist/. */
function builtTextFiles(): Array<[string, string]> {
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.(html|xml|txt|json|css|js)$/.test(f))
		.map((f) => [f, readFileSync(join(DIST, f), 'utf8')]);
}

describe('Sprint 2.8 plan page', () => {
	const html = () => page('/sprints/2.8/');

	it('shows the title, the status and the metadata lifted from the header lines', () => {
		const doc = html();
		expect(doc.querySelector('title')?.text).toBe('Sprint 2.8: Test Stabilization + BYOM Foundation · Sprintbook');
		expect(doc.querySelectorAll('h1').map((h) => h.text)).toEqual(['Sprint 2.8: Test Stabilization + BYOM Foundation']);
		const meta = doc.querySelector('section.meta')!.text.replace(/\s+/g, ' ');
		expect(meta).toContain('ready');
		expect(meta).toContain('Achieve 99% test pass rate + Begin BYOM foundation');
		expect(meta).toContain('2026-01-17 to 2026-01-26');
		expect(meta).toContain('645/661 tests passing (97.6%)');
		// Tier floors are computed from the typed rate and the baseline total: 98% of 661 is 648, not the 646 the prose says.
		expect(meta).toContain('Target: ≥ 98% (648/661 tests)');
		expect(meta).toContain('Track A: Test Fixes — OMC-Data-Specialist, 9–15 h');
		expect(meta).toContain('17–27 h in total');
		expect(doc.querySelector('section.meta a[href="/sprints/2.7/"]')?.text).toBe('Sprint 2.7');
	});

	it('keeps the body: headings, repaired characters, task lists and highlighted bash', () => {
		const doc = html();
		const h2 = doc.querySelectorAll('article h2').map((h) => h.text);
		expect(h2).toEqual(expect.arrayContaining(['Executive Summary', 'Developer Assignment', 'Success Criteria', 'Testing Strategy']));
		const text = doc.querySelector('article')!.text;
		expect(text.match(/✅/g)?.length).toBeGreaterThanOrEqual(30);
		expect(text).toContain('Fix 13-16 test failures → Target');
		expect(text).toContain('Test pass rate ≥ 98% (646+ tests)');
		expect(text).toContain('READY TO START 🚀');
		// The "Documentation Updates Required" checklist is a GFM task list.
		expect(doc.querySelectorAll('li input[type="checkbox"]').length).toBe(7);
		const bash = doc.querySelectorAll('pre.astro-code[data-language="bash"]');
		expect(bash.length).toBe(2);
		// Shiki colours tokens: a comment and a command get their own styled spans, with a dark-theme variable.
		const styled = bash[0]!.querySelectorAll('span.line span').filter((s) => s.getAttribute('style')?.includes('--shiki-dark:'));
		expect(styled.length).toBeGreaterThan(5);
		expect(new Set(styled.map((s) => s.getAttribute('style'))).size).toBeGreaterThan(1);
		expect(bash[0]!.text).toContain('docker compose run backend pytest');
	});

	it('links to the sprint’s other documents', () => {
		const links = page('/sprints/2.8/').querySelectorAll('nav[aria-label="Sprint documents"] a');
		expect(links.map((a) => [a.getAttribute('href'), a.text])).toEqual([['/sprints/2.8/test-fix-prompts/', 'Sprint 2.8 test-fix prompts']]);
	});
});

describe('the rest of the site', () => {
	it('lists every sprint newest first in numeric order: 2.10 above 2.9, archived 2.7 included', () => {
		const items = page('/sprints/').querySelectorAll('ol.sprint-list > li');
		expect(items.map((li) => li.getAttribute('data-sprint'))).toEqual(['2.10', '2.9', '2.8', '2.7']);
		expect(items[3]!.text).toContain('archived');
		expect(items[3]!.text).toContain('Final: 645/661 tests (97.6%)');
	});

	it('renders GFM tables in the archived 2.7 plan and report', () => {
		const plan = page('/sprints/2.7/');
		const headers = plan.querySelectorAll('article table th').map((th) => th.text);
		expect(headers).toEqual(['Track', 'Owner', 'Work', 'Estimate']);
		expect(plan.querySelectorAll('article table tbody tr').length).toBe(3);
		const report = page('/sprints/2.7/report/');
		expect(report.querySelector('h1')?.text).toBe('Sprint 2.7 completion report');
		expect(report.querySelector('section.meta')!.text).toContain('645/661 passing (97.6%)');
		expect(report.querySelectorAll('article table tbody tr').length).toBe(3);
	});

	it('gives the sprint doc, roadmap, handoff and requirements their pages', () => {
		expect(page('/sprints/2.8/test-fix-prompts/').querySelector('h1')?.text).toBe('Sprint 2.8 test-fix prompts');
		const roadmapSprints = page('/roadmap/').querySelectorAll('tbody tr td:first-child a').map((a) => a.text);
		expect(roadmapSprints).toEqual(['2.7', '2.8', '2.9', '2.10']);
		expect(page('/handoff/').querySelector('table')!.querySelectorAll('tbody tr').length).toBe(7);
		expect(page('/requirements/byom/').querySelector('table')!.querySelectorAll('tbody tr').length).toBe(6);
	});

	it('rewrites relative links between documents to their page URLs, live or archived', () => {
		const hrefs = page('/sprints/2.8/').querySelectorAll('article a').map((a) => a.getAttribute('href'));
		expect(hrefs).toContain('/sprints/2.8/test-fix-prompts/');
		expect(hrefs).toContain('/requirements/byom/');
		expect(hrefs.filter((h) => h?.endsWith('.md'))).toEqual([]);
	});

	it('publishes no internal link that leads nowhere', () => {
		const broken: string[] = [];
		for (const [file, html] of builtTextFiles().filter(([f]) => f.endsWith('.html'))) {
			for (const [, href] of html.matchAll(/\shref="([^"#?]*)[^"]*"/g)) {
				if (!href || /^[a-z]+:|^\/\//i.test(href)) continue;
				const target = href.startsWith('/') ? href : join('/', file, '..', href);
				const candidates = [target, join(target, 'index.html')].map((t) => join(DIST, t));
				if (!candidates.some((c) => existsSync(c) && statSync(c).isFile())) broken.push(`${file} → ${href}`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('has no mojibake anywhere in dist/', () => {
		const files = builtTextFiles();
		expect(files.length).toBeGreaterThan(10);
		const broken = files.filter(([, text]) => /âœ|â€|â†|â‰|ðŸ|Ã©|Ã¨|Â /.test(text)).map(([f]) => f);
		expect(broken).toEqual([]);
	});
});
