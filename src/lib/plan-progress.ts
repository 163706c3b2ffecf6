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

/** Done and open items among the lists in `nodes`, nested lists included. */
function countItems(nodes: Node[]): { done: number; total: number } {
	let done = 0;
	let total = 0;
	const visit = (node: Node) => {
		if (node.type === 'listItem') {
			const first = textOf(node.children?.[0] ?? { type: 'text', value: '' });
			const isDone = node.checked === true || (node.checked == null && DONE.test(first));
			const isOpen = node.checked === false || (node.checked == null && OPEN.test(first));
			if (isDone || isOpen) {
				total++;
				if (isDone) done++;
			}
		}
		for (const child of node.children ?? []) visit(child);
	};
	nodes.forEach(visit);
	return { done, total };
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
		const byId = new RegExp(`\\btrack\\s+${t.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
		const name = t.name?.toLowerCase();
		const section = sections.find((s) => byId.test(s.title)) ?? (name ? sections.find((s) => s.title.toLowerCase().includes(name)) : undefined);
		if (!section) continue;
		const { done, total } = countItems(section.nodes);
		if (total) out.push({ id: t.id, done, total, section: { title: section.title, anchor: section.anchor } });
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
