/**
 * A package loaded on first use instead of at start-up. A warm `check` parses no YAML, measures no image
 * and prints no code frame; without these parsers Node starts it ~0.1 s sooner (yaml alone is ~80 modules).
 * `require` because the callers are synchronous; every package named here ships CommonJS.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazy<T>(id: string): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= require(id) as T);
}
