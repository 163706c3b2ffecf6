/**
 * What a plan's body says about progress and risk, for the dashboard: tasks
 * done per track (task lists and ✅-marked items under the track's heading) and
 * the risks its Risks/Blockers section names. Only what is marked counts: an
 * item with no checkbox or status mark is neither done nor open, so it is left
 * out rather than guessed.
 */
import GithubSlugger from 'github-slugger';
import { parseMarkdown, textOf, type Node } from './markdown.ts';

/** A heading and the top-level nodes under it, up to the next heading of the same or a higher level. */
export interface Section {
	depth: number;
	title: string;
	anchor: string;
	nodes: Node[];
}

/** A plan body's sections, parsed once for every reading below. */
export function planSections(body: string): Section[] {
	const root = parseMarkdown(body) as unknown as Node;
	const slugger = new GithubSlugger();
	const sections: Section[] = [];
	const open: Section[] = [];
	for (const node of root.children ?? []) {
		if (node.type === 'heading') {
			const title = textOf(node).trim();
			const section = { depth: node.depth ?? 1, title, anchor: slugger.slug(textOf(node)), nodes: [] };
			while (open.length && open.at(-1)!.depth >= section.depth) open.pop();
			open.push(section);
			sections.push(section);
			continue;
		}
		for (const s of open) s.nodes.push(node);
	}
	return sections;
}

const DONE = /^\s*(?:✅|✔️?|☑️?)/u;
const OPEN = /^\s*(?:❌|⏳|🔄|⬜|🚧|🔲|⏸️?|🟡|🔴)/u;

/** A task of a plan: its words, whether the plan marks it done, and whether it is a `- [ ]`/`- [x]` checkbox. */
export interface PlanTask {
	text: string;
	done: boolean;
	checkbox: boolean;
}

/** The marked items (done or open) among the lists in `nodes`, nested lists included; unmarked ones are neither. */
function markedItems(nodes: Node[]): PlanTask[] {
	const items: PlanTask[] = [];
	const visit = (node: Node) => {
		if (node.type === 'listItem') {
			const first = textOf(node.children?.[0] ?? { type: 'text', value: '' });
			const isDone = node.checked === true || (node.checked == null && DONE.test(first));
			const isOpen = node.checked === false || (node.checked == null && OPEN.test(first));
			if (isDone || isOpen) items.push({ text: first.replace(DONE, '').replace(OPEN, '').trim(), done: isDone, checkbox: node.checked != null });
		}
		for (const child of node.children ?? []) visit(child);
	};
	nodes.forEach(visit);
	return items;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Track A" in a heading, a commit's subject or a line of prose. */
export const trackMention = (id: string) => new RegExp(`\\btrack\\s+${escapeRegExp(id)}\\b`, 'i');

/** The first heading that names a track ("Track A", or its name). */
function trackSection(sections: Section[], t: { id: string; name?: string }): Section | undefined {
	const byId = trackMention(t.id);
	const name = t.name?.toLowerCase();
	return sections.find((s) => byId.test(s.title)) ?? (name ? sections.find((s) => s.title.toLowerCase().includes(name)) : undefined);
}

/** Every marked task of a body, wherever it stands. */
export function allTasks(body: string): PlanTask[] {
	return markedItems((parseMarkdown(body) as unknown as Node).children ?? []);
}

/** Each track's marked tasks, from the first heading that names it; a track with no such heading has none. */
export function trackTasks(sections: Section[], tracks: ReadonlyArray<{ id: string; name?: string }>): Array<{ id: string; tasks: PlanTask[] }> {
	return tracks.map((t) => {
		const section = trackSection(sections, t);
		return { id: t.id, tasks: section ? markedItems(section.nodes) : [] };
	});
}

export interface TrackProgress {
	id: string;
	done: number;
	total: number;
	/** The heading the items were counted under, for a link to it. */
	section: { title: string; anchor: string };
}

/**
 * Progress of each track, from the first heading that names it ("Track A",
 * or its name): marked items under that heading. A track with no such heading
 * or no marked items gets no figure.
 */
export function trackProgress(sections: Section[], tracks: ReadonlyArray<{ id: string; name?: string }>): TrackProgress[] {
	const out: TrackProgress[] = [];
	for (const t of tracks) {
		const section = trackSection(sections, t);
		if (!section) continue;
		const items = markedItems(section.nodes);
		if (items.length) out.push({ id: t.id, done: items.filter((i) => i.done).length, total: items.length, section: { title: section.title, anchor: section.anchor } });
	}
	return out;
}

export interface PlanRisk {
	title: string;
	likelihood?: string;
	impact?: string;
}

export interface PlanRisks {
	section: { title: string; anchor: string };
	risks: PlanRisk[];
}

/**
 * The risks a plan's "Risks" / "Blockers" section names: its sub-headings, or
 * its bold-only lines ("**Risk 1: PnL calculation complex**"), or else its
 * list items; with Likelihood and Impact where a "**Likelihood:** …" line says.
 */
export function planRisks(sections: Section[]): PlanRisks | undefined {
	const i = sections.findIndex((s) => /\b(?:risks?|blockers?)\b/i.test(s.title));
	if (i < 0) return undefined;
	const section = sections[i]!;
	const risks: PlanRisk[] = [];
	let current: PlanRisk | undefined;
	const label = (text: string) => /^(likelihood|probability|impact|severity)\s*:\s*(.+)$/i.exec(text.trim());
	const take = (text: string) => {
		const m = label(text);
		if (!m || !current) return;
		const value = m[2]!.trim().replace(/\s+/g, ' ');
		if (/likelihood|probability/i.test(m[1]!)) current.likelihood ??= value;
		else current.impact ??= value;
	};
	const subHeadings = sections.slice(i + 1).filter((s) => s.depth > section.depth);
	const lastSub = sections.slice(i + 1).findIndex((s) => s.depth <= section.depth);
	const within = lastSub < 0 ? subHeadings : sections.slice(i + 1, i + 1 + lastSub);
	const boldOnly = (n: Node) => n.type === 'paragraph' && n.children?.length === 1 && n.children[0]!.type === 'strong';
	const hasBoldTitles = section.nodes.some(boldOnly);
	// Sub-headings that only group ("Known risks:") hold bold titles; sub-headings are the risks only when there are none.
	if (!hasBoldTitles && within.length) {
		for (const s of within) {
			current = { title: s.title.replace(/:$/, '') };
			risks.push(current);
			for (const n of s.nodes) for (const line of textOf(n).split('\n')) take(line);
		}
		return risks.length ? { section: { title: section.title, anchor: section.anchor }, risks } : undefined;
	}
	for (const node of section.nodes) {
		if (hasBoldTitles && boldOnly(node)) {
			current = { title: textOf(node).trim().replace(/:$/, '') };
			risks.push(current);
		} else if (!hasBoldTitles && node.type === 'list') {
			for (const item of node.children ?? []) {
				current = { title: textOf(item.children?.[0] ?? item).trim().split('\n')[0]! };
				risks.push(current);
				for (const sub of (item.children ?? []).slice(1)) for (const line of textOf(sub).split('\n')) take(line);
			}
		} else if (node.type === 'list') {
			for (const item of node.children ?? []) take(textOf(item.children?.[0] ?? item));
		}
	}
	return risks.length ? { section: { title: section.title, anchor: section.anchor }, risks } : undefined;
}
