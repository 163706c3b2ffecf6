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
	// Each report's day: the one it states, else the last commit of its file (when it was written, as git knows it).
	// A report with neither is left out rather than dated by guess.
	const dated = [...site.reports.values()].flatMap((r) => {
		const day = r.data.date ?? site.historyOf(r)?.updated;
		return day ? [{ r, day }] : [];
	});
	const reports = dated.sort((a, b) => b.day.localeCompare(a.day) || compareSprints(b.r.data.sprint, a.r.data.sprint));
	const self = new URL(`${base}/reports.xml`, context.site).href;
	return rss({
		title: 'Completion reports',
		description: 'Sprint completion reports: final test results and what shipped',
		site: new URL(`${base}/`, context.site),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
		items: reports.map(({ r, day }) => ({
			title: inlineText(reportTitle(r)),
			link: base + reportUrl(r.data.sprint),
			pubDate: new Date(`${day}T00:00:00Z`),
			description: r.data.tests
				? `Sprint ${r.data.sprint}: ${r.data.tests.passing}/${r.data.tests.total} tests passing (${formatPercent(passRate(r.data.tests))}).`
				: `Sprint ${r.data.sprint}: completion report (no test figures stated).`,
		})),
	});
}
