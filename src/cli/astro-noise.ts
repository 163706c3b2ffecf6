/**
 * Astro's warnings that a kind of doc is missing ("The collection "handoff" does not exist or is empty", "No files
 * found matching …"): a team that keeps no handoff doc or requirements has nothing to fix, and every build and
 * save would say it again. Those lines, and only those, are left out of what Astro prints while `build` or `dev`
 * runs a team's site.
 */
const NOISE = /\[WARN\] \[(?:content|glob-loader)\] (?:The collection "[^"]+" does not exist or is empty|No files found matching )/;

export function quietMissingKinds(): void {
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string' || chunk instanceof Uint8Array) {
				const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
				if (NOISE.test(text)) {
					const kept = text.split('\n').filter((line) => !NOISE.test(line)).join('\n');
					if (!kept.trim()) {
						const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
						done?.();
						return true;
					}
					return write(kept, ...rest);
				}
			}
			return write(chunk, ...rest);
		}) as typeof stream.write;
	}
}
