/** RSS feed of completion reports, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteData, reportTitle } from '../site/content.ts';
import { formatPercent, passRate } from '../lib/sprints.ts';
import { reportUrl } from '../lib/urls.ts';

export async function GET(context: APIContext) {
	const site = await siteData();
	const reports = [...site.reports.values()].sort((a, b) => b.data.date.localeCompare(a.data.date));
	return rss({
		title: 'Completion reports',
		description: 'Sprint completion reports: final test results and what shipped',
		site: context.site ?? 'http://localhost',
		items: reports.map((r) => ({
			title: reportTitle(r),
			link: reportUrl(r.data.sprint),
			pubDate: new Date(`${r.data.date}T00:00:00Z`),
			description: `Sprint ${r.data.sprint}: ${r.data.tests.passing}/${r.data.tests.total} tests passing (${formatPercent(passRate(r.data.tests))}).`,
		})),
	});
}
