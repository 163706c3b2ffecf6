/** RSS feed of completion reports, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteData, reportTitle } from '../site/content.ts';
import { inlineText } from '../lib/inline-markdown.ts';
import { compareSprints, formatPercent, passRate } from '../lib/sprints.ts';
import { reportUrl } from '../lib/urls.ts';

export async function GET(context: APIContext) {
	// A feed's links must be absolute: without the site's address there is no feed, rather than one naming a made-up host.
	if (!context.site) return new Response(null, { status: 404 });
	const site = await siteData();
	const base = import.meta.env.SPRINTBOOK_BASE;
	// Dated reports newest first; undated ones (no date stated) after them, by sprint, newest first.
	const reports = [...site.reports.values()].sort((a, b) => (b.data.date ?? '').localeCompare(a.data.date ?? '') || compareSprints(b.data.sprint, a.data.sprint));
	return rss({
		title: 'Completion reports',
		description: 'Sprint completion reports: final test results and what shipped',
		site: new URL(`${base}/`, context.site),
		items: reports.map((r) => ({
			title: inlineText(reportTitle(r)),
			link: base + reportUrl(r.data.sprint),
			pubDate: r.data.date ? new Date(`${r.data.date}T00:00:00Z`) : undefined,
			description: r.data.tests
				? `Sprint ${r.data.sprint}: ${r.data.tests.passing}/${r.data.tests.total} tests passing (${formatPercent(passRate(r.data.tests))}).`
				: `Sprint ${r.data.sprint}: completion report (no test figures stated).`,
		})),
	});
}
