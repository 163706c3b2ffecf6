/**
 * The site's only scripts, as text: each page renders the ones it uses with
 * `set:html`, and the Content-Security-Policy (src/site/csp.ts) allows exactly
 * these by their hashes, so no other inline script can run. Kept tiny and
 * framework-free; Pagefind's own code loads from /pagefind/ only when search is used.
 */

/** The script as the page carries it: comment lines and indentation left out (the CSP hashes this text). */
function compact(script: string): string {
	return script
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('//'))
		.join('\n');
}

/** Applies the theme the reader chose before the page paints; with no choice the system decides. */
export const THEME_BEFORE_PAINT = compact(`// Apply a theme the reader chose before the page paints; with no choice the system decides.
try {
	const theme = localStorage.getItem('sprintbook-theme');
	if (theme) document.documentElement.dataset.theme = theme;
} catch {}
`);

/** Theme button, code-block copy buttons, the search dialog and its shortcuts. */
export const PAGE_SCRIPT = compact(`(() => {
	// Theme: auto (the system's) → light → dark → auto. The button says what a click switches to.
	const button = document.querySelector('.theme-toggle');
	const root = document.documentElement;
	const order = ['auto', 'light', 'dark'];
	const now = () => root.dataset.theme ?? 'auto';
	const sync = () => {
		const next = order[(order.indexOf(now()) + 1) % 3];
		button.textContent = \`\${next[0].toUpperCase()}\${next.slice(1)} theme\`;
		button.setAttribute('aria-label', \`Switch to the \${next} theme (now \${now()})\`);
	};
	button.hidden = false;
	sync();
	button.addEventListener('click', () => {
		const next = order[(order.indexOf(now()) + 1) % 3];
		if (next === 'auto') delete root.dataset.theme;
		else root.dataset.theme = next;
		try { next === 'auto' ? localStorage.removeItem('sprintbook-theme') : localStorage.setItem('sprintbook-theme', next); } catch {}
		sync();
	});
	// Search as a dialog on every page: Ctrl/Cmd+K or "/" opens it; Pagefind's UI loads the first time only.
	const dialog = document.querySelector('.search-dialog');
	// The path the site is served under ("" at the root): the layout writes it on <html>.
	const base = root.dataset.base ?? '';
	let ui;
	const openSearch = async (query = '') => {
		dialog.showModal();
		if (!ui) {
			const css = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: \`\${base}/pagefind/pagefind-ui.css\` });
			document.head.append(css);
			await new Promise((done, fail) => document.head.append(Object.assign(document.createElement('script'), { src: \`\${base}/pagefind/pagefind-ui.js\`, onload: done, onerror: fail })));
			ui = new PagefindUI({ element: '#search-dialog-ui', showSubResults: true, showImages: false, resetStyles: false, autofocus: true, ranking: { pageLength: 0.25 } });
		}
		const input = dialog.querySelector('input');
		// Pagefind's box has only a placeholder; a screen reader needs a name that stays once text is typed.
		input?.setAttribute('aria-label', 'Search the docs');
		if (query) ui.triggerSearch(query);
		input?.focus();
	};
	addEventListener('keydown', (event) => {
		const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
		if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing && !dialog.open)) {
			event.preventDefault();
			openSearch();
		}
	});
	// Each heading of a doc links to itself, with a "#" beside it (not inside: the heading keeps its own name).
	for (const heading of document.querySelectorAll('article :is(h2, h3, h4)[id]')) {
		const wrapper = document.createElement('div');
		wrapper.className = 'heading-wrapper';
		const anchor = document.createElement('a');
		anchor.className = 'heading-anchor';
		anchor.href = \`#\${heading.id}\`;
		anchor.textContent = '#';
		anchor.setAttribute('aria-label', \`Link to this section: \${heading.textContent.trim()}\`);
		heading.replaceWith(wrapper);
		wrapper.append(heading, anchor);
	}
	// Code blocks: a copy button, only where script can make it work.
	for (const block of document.querySelectorAll('.code-block')) {
		const copy = document.createElement('button');
		copy.type = 'button';
		copy.className = 'copy';
		copy.textContent = 'Copy';
		copy.setAttribute('aria-live', 'polite');
		copy.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(block.querySelector('pre').innerText);
				copy.textContent = 'Copied';
			} catch {
				copy.textContent = 'Copy failed';
			}
			setTimeout(() => (copy.textContent = 'Copy'), 1500);
		});
		block.append(copy);
	}
})();
`);

/**
 * Days left, overdue and the week's changes on the reader's day, from the dates the page carries; the "as of <build
 * date>" notes are for readers without script. Only the dashboard and the timeline have them.
 */
export const DAY_SCRIPT = compact(`(() => {
	const today = new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
	const day = (iso) => Date.parse(iso + 'T00:00:00Z') / 864e5;
	const count = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
	for (const el of document.querySelectorAll('[data-countdown]')) {
		const [start, end] = el.dataset.countdown.split(' ').map(day);
		const t = day(today);
		el.textContent = t < start ? 'starts in ' + count(start - t, 'day') : t <= end ? count(end - t + 1, 'day') + ' left' : 'ended ' + count(t - end, 'day') + ' ago';
	}
	for (const el of document.querySelectorAll('[data-overdue-after]')) el.hidden = !(el.dataset.overdueAfter < today);
	const week = document.querySelector('[data-ticks]');
	if (week) {
		const since = new Date((day(today) - 6) * 864e5).toISOString().slice(0, 10);
		const within = (d) => d >= since && d <= today;
		const changed = [...week.querySelectorAll('[data-changed]')].filter((li) => within(li.dataset.changed));
		week.querySelectorAll('[data-changed]').forEach((li) => (li.hidden = changed.indexOf(li) < 0 || changed.indexOf(li) >= 10));
		const ticked = week.dataset.ticks.split(' ').filter(Boolean).map((t) => t.split(':')).reduce((n, [d, k]) => (within(d) ? n + Number(k) : n), 0);
		week.querySelector('[data-changes-summary]').textContent = changed.length
			? count(changed.length, 'doc') + ' changed' + (ticked ? ', ' + count(ticked, 'task') + ' ticked off' : '') + ' since ' + since + ':'
			: 'No doc changed since ' + since + '.';
		const more = week.querySelector('[data-changes-more]');
		more.textContent = 'and ' + (changed.length - 10) + ' more.';
		more.hidden = changed.length <= 10;
	}
	for (const el of document.querySelectorAll('[data-as-of]')) el.hidden = true;
})();
`);

/** "On this page": marks the section being read. */
export const SCROLL_SPY = compact(`(() => {
	// Scroll-spy: the section being read is the last one whose heading has reached the top
	// of the screen; at the very bottom, the last heading in view (short last sections never reach the top).
	const links = [...document.querySelectorAll('aside.contents a')];
	const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
	let ticking = false;
	const mark = () => {
		ticking = false;
		const bottom = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
		const line = bottom ? innerHeight : 8;
		let at = 0;
		targets.forEach((t, i) => { if (t && t.getBoundingClientRect().top <= line) at = i; });
		links.forEach((a, i) => (i === at ? a.setAttribute('aria-current', 'location') : a.removeAttribute('aria-current')));
	};
	addEventListener('scroll', () => { if (!ticking) { ticking = true; requestAnimationFrame(mark); } }, { passive: true });
	mark();
})();
`);

/** The /search/ page's own search, for a reader who arrives there by the header form. */
export const SEARCH_PAGE = compact(`// Plain inline JS: Pagefind's index only exists after the build, so the bundler must not touch this import.
(() => {
	const input = document.querySelector('#q');
	const status = document.querySelector('#search-status');
	const list = document.querySelector('#search-results');
	let pagefind;
	const base = document.documentElement.dataset.base ?? '';
	// Long plans are the docs most worth finding: soften Pagefind's penalty for page length (default 0.75).
	const load = () => (pagefind ??= import(\`\${base}/pagefind/pagefind.js\`).then(async (p) => (await p.options({ ranking: { pageLength: 0.25 } }), p)));

	async function run(query) {
		list.replaceChildren();
		if (!query.trim()) {
			status.textContent = '';
			return;
		}
		status.textContent = 'Searching…';
		const { results } = await (await load()).search(query);
		const hits = await Promise.all(results.slice(0, 20).map((r) => r.data()));
		for (const hit of hits) {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = hit.url;
			a.textContent = hit.meta.title ?? hit.url;
			const p = document.createElement('p');
			// Pagefind's excerpt marks the hit with <mark>; everything else in it is escaped text.
			p.innerHTML = hit.excerpt;
			li.append(a, p);
			list.append(li);
		}
		status.textContent = \`\${results.length} result\${results.length === 1 ? '' : 's'} for “\${query}”\`;
	}

	const initial = new URLSearchParams(location.search).get('q') ?? '';
	input.value = initial;
	if (initial) run(initial);
	input.form.addEventListener('submit', (event) => {
		event.preventDefault();
		history.replaceState(null, '', \`?q=\${encodeURIComponent(input.value)}\`);
		run(input.value);
	});
})();
`);
