/** The built site, read as a reader gets it: the HTML in dist/ after `npm run build`. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtTextFiles, deadLinks, DIST, page, related } from './helpers/site.ts';

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
		// Shiki colours tokens: a comment and a command get their own colour classes, light and dark, each set by the
		// site's stylesheet; no inline style is left.
		const styled = bash[0]!.querySelectorAll('span.line span').filter((s) => /\bsd-[0-9a-f]{6}\b/.test(s.getAttribute('class') ?? ''));
		expect(styled.length).toBeGreaterThan(5);
		expect(new Set(styled.map((s) => s.getAttribute('class'))).size).toBeGreaterThan(1);
		expect(bash[0]!.querySelectorAll('[style]')).toEqual([]);
		const css = builtTextFiles().filter(([f]) => f.endsWith('.css')).map(([, t]) => t).join('\n');
		for (const c of new Set(styled.flatMap((s) => s.getAttribute('class')!.split(' ')))) {
			const [, theme, hex] = /^s([ld])-([0-9a-f]+)$/.exec(c)!;
			expect(css).toContain(`.${c}{--shiki-${theme === 'l' ? 'light' : 'dark'}:#${hex}}`);
		}
		expect(bash[0]!.text).toContain('docker compose run backend pytest');
	});

	it('links to the sprint’s documents, what it delivers, what points at it, and the sprints either side', () => {
		const doc = page('/sprints/2.8/');
		expect(related(doc, 'Documents of this sprint')).toEqual([['/sprints/2.8/test-fix-prompts/', 'Sprint 2.8 test-fix prompts']]);
		expect(related(doc, 'Depends on')).toEqual([['/sprints/2.7/', 'Sprint 2.7: Test Isolation + AWS Staging']]);
		expect(related(doc, 'Requirements it delivers').map(([, t]) => t)).toEqual([
			'BYOM-1: Store my model API key encrypted',
			'BYOM-2: Choose between OpenAI and Google models',
			'BYOM-3: Validate a key before saving it',
		]);
		expect(related(doc, 'Referenced by').map(([u]) => u)).toEqual(['/handoff/', '/requirements/byom/', '/roadmap/', '/sprints/2.7/', '/sprints/2.9/']);
		const pager = doc.querySelectorAll('nav.pager a').map((a) => [a.getAttribute('rel'), a.getAttribute('href')]);
		expect(pager).toEqual([['prev', '/sprints/2.7/'], ['next', '/sprints/2.9/']]);
	});
});

const rows = (table: ReturnType<typeof page> | null | undefined) =>
	(table?.querySelectorAll('tbody tr') ?? []).map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));

describe('dashboard', () => {
	const doc = page('/');
	it('shows the current sprint, its status, days left, goal and pass rate against target', () => {
		const card = doc.querySelector('section.card')!;
		expect(card.querySelector('h2 a')?.getAttribute('href')).toBe('/sprints/2.8/');
		expect(card.querySelector('.badge')?.text).toContain('ready');
		// The test build takes 2026-01-20 as today: days 20–26 of January are left.
		expect(card.querySelector('[data-testid="days-left"]')?.text).toBe('7 days left');
		expect(card.text).toContain('Achieve 99% test pass rate + Begin BYOM foundation');
		expect(card.querySelector('[data-testid="pass-rate"]')!.text.replace(/\s+/g, ' ')).toContain('97.6% now (645/661) · target ≥ 98% (648/661, 3 more tests to fix)');
		expect(rows(card.querySelector('table'))).toEqual([
			['A: Test Fixes', 'OMC-Data-Specialist', '9–15 h', '5 of 5', 'Fix all 16 failing tests'],
			['B: BYOM Foundation', 'OMC-ML-Scientist', '8–12 h', '4 of 4', 'Begin BYOM implementation'],
			['C: Standby', 'OMC-DevOps-Engineer', '0 h', '3 of 3', 'Monitor staging environment, prepare for production deployment'],
		]);
		// Counted from the ✅ items under each developer's heading, which names the track; the link leads there.
		expect(card.querySelector('tr[data-track="A"] td.progress a')?.getAttribute('href')).toBe('/sprints/2.8/#developer-a-omc-data-specialist-track-a---test-fixes');
	});
	it("brings the plan's risks up from four screens down, with likelihood and impact", () => {
		const risks = doc.querySelector('[data-testid="risks"]')!;
		expect(risks.querySelectorAll('li').map((li) => li.text.replace(/\s+/g, ' ').trim())).toEqual([
			'Risk 1: PnL Calculation Complex — likelihood Medium, impact High (blocks production)',
			'Risk 2: Test Fixes Create Regressions — likelihood Low, impact Medium',
			'Risk 3: BYOM Scope Creep — likelihood Medium, impact Low (well-defined requirements)',
		]);
		expect(risks.querySelector('p a')?.getAttribute('href')).toBe('/sprints/2.8/#risk-management');
	});
	it("says nothing changed in the 7 days before the test build's today (the repository's commits are later)", () => {
		expect(doc.querySelector('[data-testid="this-week"] p')?.text.replace(/\s+/g, ' ').trim()).toBe('No doc changed since 2026-01-14.');
	});
	it('shows the latest report and a labelled SVG chart with its figures as text', () => {
		expect(doc.querySelector('#latest-report a')?.getAttribute('href')).toBe('/sprints/2.7/report/');
		// One pass-rate axis, drawn twice (wide and phone); each sprint's target is a dash beside its points.
		const [wide, narrow] = doc.querySelectorAll('figure.chart svg');
		for (const svg of [wide!, narrow!]) {
			expect(svg.getAttribute('role')).toBe('img');
			expect(svg.querySelector('title')?.text).toBe('Test pass rate by sprint');
			expect(svg.querySelector('desc')?.text).toContain('Pass rate from 93.5% (Sprint 2.7 start) to 97.6% (Sprint 2.8 start). Dashes mark each sprint’s target.');
			expect(svg.querySelectorAll('circle').length).toBe(3);
			expect(svg.querySelector('path.target')?.getAttribute('d')?.match(/M[\d.]+ [\d.]+h[\d.]+/g)).toHaveLength(3);
		}
		expect(narrow!.getAttribute('class')).toBe('chart-narrow');
		expect(rows(doc.querySelector('details.chart-figures table'))).toEqual([
			['2.7', 'start', '618', '661', '93.5%', '97%'],
			['2.7', 'end', '645', '661', '97.6%', '97%'],
			['2.8', 'start', '645', '661', '97.6%', '98%'],
		]);
	});
});

describe('titles and goals as the team wrote them', () => {
	it('renders inline Markdown in a title and a goal, and names the page with its words', () => {
		const doc = page('/sprints/2.10/');
		const h1 = doc.querySelector('h1')!;
		expect(h1.text).toBe('Sprint 2.10: BYOM User Interface: the /settings/models screen');
		expect(h1.querySelector('code')?.text).toBe('/settings/models');
		expect(doc.querySelector('title')?.text).toBe('Sprint 2.10: BYOM User Interface: the /settings/models screen · Sprintbook');
		const goal = doc.querySelector('section.meta')!;
		expect(goal.querySelector('strong')?.text).toBe('without');
		expect(goal.querySelectorAll('code').map((c) => c.text)).toContain('/settings');
		// The timeline and the sprint list show the goal and title rendered too; no page shows a literal backtick in a
		// heading, a link or its <title>.
		const timeline = page('/sprints/');
		expect(timeline.querySelectorAll('code').map((c) => c.text)).toContain('/settings');
		for (const [file, html] of builtTextFiles()) {
			if (!file.endsWith('.html')) continue;
			const doc = page(`/${file}`);
			const named = [doc.querySelector('title'), ...doc.querySelectorAll('h1, nav a, li > a')].filter(Boolean).map((e) => e!.text);
			expect(named.filter((t) => t.includes('`')), file).toEqual([]);
			expect(html).not.toContain('**without**');
		}
	});
});

describe('report page', () => {
	it('puts plan against actual with the differences computed', () => {
		const tables = page('/sprints/2.7/report/').querySelectorAll('section[aria-labelledby="pva"] table');
		expect(rows(tables[0])).toEqual([
			['Passing', '618/661', '645/661', '+27 tests'],
			['Pass rate', '93.5%', '97.6%', '+4.1 points'],
		]);
		expect(rows(tables[1])).toEqual([
			['A: Test Isolation', 'OMC-Data-Specialist', '8–12 h', '11 h', 'within plan'],
			['B: Agent Test Coverage', 'OMC-ML-Scientist', '4–6 h', '5 h', 'within plan'],
			['C: AWS Staging', 'OMC-DevOps-Engineer', '10–14 h', '13 h', 'within plan'],
			['Total', '', '22–32 h', '29 h', ''],
		]);
		expect(rows(tables[2])).toEqual([
			// Badges carry an icon as well as the word: status is never colour alone.
			['Minimum', '≥ 95% (628 tests)', 'yes', '✓met'],
			['Target', '≥ 97% (642 tests)', 'yes', '✓met'],
			['Stretch', '≥ 99% (655 tests)', 'no', '✕missed'],
		]);
	});
});

describe('timeline filters', () => {
	it('has one page per status, reached by plain links', () => {
		const filters = page('/sprints/').querySelectorAll('ul.filters a').map((a) => [a.getAttribute('href'), a.text]);
		expect(filters).toEqual([['/sprints/', 'All (4)'], ['/sprints/status/draft/', 'draft (2)'], ['/sprints/status/ready/', 'ready (1)'], ['/sprints/status/complete/', 'complete (1)']]);
		const drafts = page('/sprints/status/draft/');
		expect(drafts.querySelectorAll('ol.sprint-list > li').map((li) => li.getAttribute('data-sprint'))).toEqual(['2.10', '2.9']);
		expect(drafts.querySelector('ul.filters a[aria-current="page"]')?.text).toBe('draft (2)');
	});
});

describe('the rest of the site', () => {
	it('lists every sprint newest first in numeric order: 2.10 above 2.9, archived 2.7 included', () => {
		const items = page('/sprints/').querySelectorAll('ol.sprint-list > li');
		expect(items.map((li) => li.getAttribute('data-sprint'))).toEqual(['2.10', '2.9', '2.8', '2.7']);
		expect(items[3]!.text).toContain('archived');
		expect(items[3]!.text).toContain('Final: 645/661 tests passing (97.6%)');
	});

	it('renders GFM tables in the archived 2.7 plan and report', () => {
		const plan = page('/sprints/2.7/');
		const headers = plan.querySelectorAll('article table th').map((th) => th.text);
		expect(headers).toEqual(['Track', 'Owner', 'Work', 'Estimate']);
		expect(plan.querySelectorAll('article table tbody tr').length).toBe(3);
		const report = page('/sprints/2.7/report/');
		expect(report.querySelector('h1')?.text).toBe('Sprint 2.7 completion report');
		// The table, in its scrolling region, comes right after its heading.
		const bodyTable = report.querySelector('#results-by-tier')!.nextElementSibling!;
		expect(bodyTable.getAttribute('class')).toBe('table-scroll');
		expect(bodyTable.getAttribute('tabindex')).toBe('0');
		expect(bodyTable.querySelectorAll('tbody tr').length).toBe(3);
	});

	it('shows where a page sits: Sprints › Sprint 2.8 › the doc', () => {
		const crumbs = page('/sprints/2.8/test-fix-prompts/').querySelectorAll('nav.breadcrumbs li');
		expect(crumbs.map((li) => [li.querySelector('a')?.getAttribute('href') ?? null, li.text])).toEqual([
			['/sprints/', 'Sprints'],
			['/sprints/2.8/', 'Sprint 2.8'],
			[null, 'Sprint 2.8 test-fix prompts'],
		]);
		expect(page('/sprints/2.7/report/').querySelectorAll('nav.breadcrumbs li').map((li) => li.text)).toEqual(['Sprints', 'Sprint 2.7', 'Completion report']);
	});

	it('answers a report link for a sprint without a report with how to write one, not a 404', () => {
		const stub = page('/sprints/2.8/report/');
		expect(stub.querySelector('h1')?.text).toBe('Sprint 2.8 completion report');
		expect(stub.querySelector('[data-testid="no-report"]')?.text).toContain('Not written yet. The sprint lead writes it with npx sprintbook new report 2.8');
		// Not a page to find by search: it has nothing to say yet.
		expect(stub.querySelector('main')?.getAttribute('data-pagefind-body')).toBeUndefined();
	});

	it('lists every requirements document at /requirements/', () => {
		expect(page('/requirements/').querySelectorAll('main ul a').map((a) => [a.getAttribute('href'), a.text])).toEqual([['/requirements/byom/', 'Bring Your Own Model — user stories']]);
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
		expect(hrefs.filter((h) => h?.endsWith('.md') && !h.startsWith('https://'))).toEqual([]);
	});

	it('links each doc to its history and editor in the repository', () => {
		const links = page('/sprints/2.8/').querySelectorAll('p.doc-history a').map((a) => [a.text, a.getAttribute('href')]);
		expect(links).toEqual([
			['History', 'https://github.com/oh-my-coins/sprint-docs/commits/main/content/sprints/2.8/plan.md'],
			['Edit this page', 'https://github.com/oh-my-coins/sprint-docs/edit/main/content/sprints/2.8/plan.md'],
		]);
	});

	it('publishes no internal link that leads nowhere', () => {
		expect(deadLinks()).toEqual([]);
	});

	it('shows backlinks on archived and non-sprint pages', () => {
		expect(related(page('/sprints/2.7/'), 'Referenced by').map(([u]) => u)).toEqual(['/handoff/', '/roadmap/', '/sprints/2.8/']);
		expect(related(page('/sprints/2.8/test-fix-prompts/'), 'Referenced by')).toEqual([['/sprints/2.8/', 'Sprint 2.8: Test Stabilization + BYOM Foundation']]);
		expect(related(page('/requirements/byom/'), 'Referenced by').map(([u]) => u)).toEqual(['/sprints/2.8/']);
	});

	it('publishes an RSS feed of reports, a sitemap, a 404 and a search index', () => {
		const feed = readFileSync(join(DIST, 'reports.xml'), 'utf8');
		expect(feed).toContain('<title>Sprint 2.7 completion report</title>');
		expect(feed).toContain('<link>https://sprints.ohmycoins.example/sprints/2.7/report/</link>');
		const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
		for (const url of ['/', '/sprints/', '/sprints/2.7/', '/sprints/2.8/', '/sprints/2.10/', '/sprints/2.7/report/', '/roadmap/']) {
			expect(sitemap).toContain(`<loc>https://sprints.ohmycoins.example${url}</loc>`);
		}
		expect(page('/404.html').querySelector('h1')?.text).toBe('Page not found');
		expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
	});

	it('ships under 20 KB of JavaScript per page, and search code only on the search page', () => {
		const weights = builtTextFiles()
			.filter(([f]) => f.endsWith('.html'))
			.map(([f, html]) => {
				const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
				const external = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].reduce((n, m) => n + statSync(join(DIST, m[1]!)).size, 0);
				return { f, bytes: inline + external, search: html.includes('/pagefind/pagefind.js') };
			});
		expect(weights.length).toBeGreaterThan(10);
		expect(weights.filter((w) => w.bytes >= 20_000)).toEqual([]);
		expect(weights.filter((w) => w.search).map((w) => w.f)).toEqual(['search/index.html']);
	});

	it('sends a strict Content-Security-Policy on every page that allows exactly its own inline scripts', () => {
		const pages = builtTextFiles().filter(([f]) => f.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const [file, html] of pages) {
			const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
			expect(policy, file).toBeDefined();
			const scriptSrc = /script-src ([^;]+)/.exec(policy!)![1]!;
			expect(scriptSrc, file).not.toContain('unsafe-inline');
			expect(policy, file).toContain("object-src 'none'");
			expect(policy, file).toContain("base-uri 'none'");
			for (const [, code] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
				expect(scriptSrc, `${file}: an inline script the policy does not allow`).toContain(`'sha256-${createHash('sha256').update(code!).digest('base64')}'`);
			}
		}
	});

	it('has no mojibake anywhere in dist/', () => {
		const files = builtTextFiles();
		expect(files.length).toBeGreaterThan(10);
		const broken = files.filter(([, text]) => /âœ|â€|â†|â‰|ðŸ|Ã©|Ã¨|Â /.test(text)).map(([f]) => f);
		expect(broken).toEqual([]);
	});
});
