/** The sprint graph: which sprints exist, in what order, and what depends on what. */
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

export interface PlanLike {
	sprint: string;
	status: string;
	archived?: string;
}

/**
 * The sprint a reader means by "current": the latest active one; else the
 * earliest one ready to start (the next to begin); else the latest complete.
 * An archived sprint is never active or next, whatever its status still says.
 */
export function currentSprint<P extends PlanLike>(plans: readonly P[]): P | undefined {
	const ordered = [...plans].sort((a, b) => compareSprints(a.sprint, b.sprint));
	const live = ordered.filter((p) => !p.archived);
	return (
		live.findLast((p) => p.status === 'active') ??
		live.find((p) => p.status === 'ready') ??
		ordered.findLast((p) => p.status === 'complete')
	);
}

/** Previous and next sprint of every sprint, by number, archived or not: computed once, looked up per page. */
export function neighbourMap<P extends PlanLike>(plans: readonly P[]): Map<string, { previous?: P; next?: P }> {
	const ordered = [...plans].sort((a, b) => compareSprints(a.sprint, b.sprint));
	return new Map(ordered.map((p, i) => [p.sprint, { previous: ordered[i - 1], next: ordered[i + 1] }]));
}
