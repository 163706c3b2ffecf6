/**
 * Packages loaded on first use instead of at start-up. A warm `check` parses no YAML, measures no image, prints
 * no code frame and sanitises no HTML; without these parsers Node starts it ~0.1 s sooner (yaml alone is ~80
 * modules). `require` because the callers are synchronous; each ships CommonJS.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function lazy<T>(id: string): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= require(id) as T);
}

/** The YAML parser that keeps source positions. */
export const yaml = lazy<typeof import('yaml')>('yaml');
/** The YAML parser Astro reads frontmatter with. */
export const jsYaml = lazy<typeof import('js-yaml')>('js-yaml');
export const imageSize = lazy<typeof import('image-size')>('image-size');
export const codeFrame = lazy<typeof import('@babel/code-frame')>('@babel/code-frame');
