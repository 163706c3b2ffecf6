/** The sprint graph: what depends on what, and "did you mean" among known names. Which sprints exist: src/lib/sprint-index.ts. */
import { distance } from 'fastest-levenshtein';
import { compareSprints } from './sprints.ts';

export interface SprintNode {
	sprint: string;
	depends_on: readonly string[];
}

/** Each `depends_on` cycle once, as the sprints along it, starting from the lowest sprint. */
export function dependencyCycles(nodes: readonly SprintNode[]): string[][] {
	const edges = new Map(nodes.map((n) => [n.sprint, n.depends_on]));
	const cycles = new Map<string, string[]>();
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];

	const visit = (s: string) => {
		state.set(s, 'open');
		stack.push(s);
		for (const next of edges.get(s) ?? []) {
			if (!edges.has(next)) continue;
			if (state.get(next) === 'open') {
				const cycle = stack.slice(stack.indexOf(next));
				// Rotate so the lowest sprint leads: one key per cycle however it was entered.
				const lowest = cycle.reduce((a, b) => (compareSprints(a, b) <= 0 ? a : b));
				const i = cycle.indexOf(lowest);
				const rotated = [...cycle.slice(i), ...cycle.slice(0, i)];
				cycles.set(rotated.join('→'), rotated);
			} else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(s, 'done');
	};
	for (const n of [...nodes].sort((a, b) => compareSprints(a.sprint, b.sprint))) if (!state.has(n.sprint)) visit(n.sprint);
	return [...cycles.values()];
}

/** The candidate nearest to `wanted` by edit distance, for "did you mean"; none when all are far. */
export function closest(wanted: string, known: Iterable<string>, maxDistance = 2): string | undefined {
	let best: string | undefined;
	let bestDistance = maxDistance + 1;
	for (const k of known) {
		const d = distance(wanted.toLowerCase(), k.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [k, d];
	}
	return best;
}

/**
 * "Did you mean" for a sprint number: only a typo of a sprint that exists — a
 * key pressed twice ("2.100" for 2.10) or a dot left out or doubled ("28" for
 * 2.8). Any other difference names another sprint: 2.15 is not a typo of 2.35,
 * nor 14 of 4, and a roadmap listing 2.51 after 2.50 does not mean 2.15 — two
 * swapped digits are as likely to be a real, later sprint.
 */
export function nearMissSprint(wanted: string, known: Iterable<string>): string | undefined {
	for (const k of known) {
		if (k === wanted) continue;
		if (Math.abs(k.length - wanted.length) === 1) {
			const [long, short] = k.length > wanted.length ? [k, wanted] : [wanted, k];
			for (let i = 0; i < long.length; i++) {
				const extra = long[i];
				const typo = extra === '.' || extra === long[i - 1] || extra === long[i + 1];
				if (typo && long.slice(0, i) + long.slice(i + 1) === short) return k;
			}
		}
	}
	return undefined;
}
