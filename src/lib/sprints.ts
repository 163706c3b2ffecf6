/** Sprint arithmetic shared by the site and the CLI: ordering, pass rates, tier floors. No Astro imports. */

/**
 * Orders sprint numbers numerically, segment by segment: 2.9 < 2.10 < 2.61 < 3
 * and 12 < 12.5 < 13 (string order would put 2.10 before 2.9). A number with
 * fewer segments comes first when the rest agree: 12 < 12.0 < 12.0.1.
 */
export function compareSprints(a: string, b: string): number {
	const as = a.split('.');
	const bs = b.split('.');
	for (let i = 0; i < Math.min(as.length, bs.length); i++) {
		const d = Number(as[i]) - Number(bs[i]);
		if (d) return d;
	}
	return as.length - bs.length;
}

export interface TestCounts {
	passing: number;
	total: number;
}

/** Pass rate in percent, or undefined for an empty suite. */
export function passRate(t: TestCounts): number | undefined {
	return t.total > 0 ? (t.passing / t.total) * 100 : undefined;
}

/** A percentage for display, with one decimal as teams write it: 97.6%. */
export function formatPercent(value: number | undefined): string {
	return value === undefined ? '—' : `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

/** Tests that must pass to reach `rate` percent of `total`: 98% of 661 is 648. */
export function testsForRate(rate: number, total: number): number {
	// Round away float noise first (0.95 * 661 = 627.9499…) so the ceiling is the true one.
	return Math.ceil(Math.round(rate * total * 1e6) / 1e8);
}

/** Sum of `[min, max]` hour ranges. */
export function sumHours(ranges: ReadonlyArray<readonly [number, number]>): [number, number] {
	return ranges.reduce<[number, number]>(([lo, hi], [min, max]) => [lo + min, hi + max], [0, 0]);
}

/** `9–15 h`, or `4 h` when both ends agree. */
export function formatHours([min, max]: readonly [number, number]): string {
	return min === max ? `${min} h` : `${min}–${max} h`;
}
