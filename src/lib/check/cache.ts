/**
 * What `check` learned from each document on its own — the diagnostics of the
 * rules that read one file (encoding, frontmatter and schema, secrets, raw
 * HTML, MDX), its parsed frontmatter and its outline — kept between runs,
 * keyed by the file's path, collection and a hash of its bytes (read only when
 * its size or time stamps differ from the last run's, as git does). Rules that
 * read across files (ids, references, links, figures) run every time, on
 * these analyses, so a cached file still gets a link error when the heading it
 * links to is renamed elsewhere.
 *
 * The cache is one file, `node_modules/.cache/sprintbook/check.json` (where
 * build tools keep caches: never committed, gone with a clean install). It is
 * thrown away whole when the rules may have changed: a hash of Sprintbook's own
 * check code and schemas and of the versions of the parsers they use. Reading
 * or writing it never fails a check: a broken cache is a cold run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { threadId } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { MarkdownOutline } from '../markdown.ts';

/** One document's own findings: everything `check` needs of it besides its text. */
export interface DocAnalysis {
	/** False for a binary file: no text, no further rules. */
	isText: boolean;
	/** Diagnostics of the single-file rules, without the file (its displayed path depends on where check runs). */
	diagnostics: Array<Omit<Diagnostic, 'file'>>;
	/** Present when the frontmatter could be read. */
	parsed?: { raw: Record<string, unknown>; data?: Record<string, unknown> };
	/** The line the body starts on, which the outline's positions count from (with `parsed`). */
	bodyLine?: number;
	outline?: MarkdownOutline;
	/** The figure rules' findings, valid while what they compare against (the sprint's test total, the track hours) is `context`. */
	figures?: { context: string; diagnostics: Array<Omit<Diagnostic, 'file'>> };
}

/** A document's analysis as written to disk: JSON (parsed twice as fast as V8's format here), heading ids as a list, and the validated data only where the schema changed it (defaults, coercions). */
interface StoredAnalysis extends Omit<DocAnalysis, 'outline' | 'parsed'> {
	parsed?: { raw: Record<string, unknown>; data?: Record<string, unknown> | 'raw' };
	outline?: Omit<MarkdownOutline, 'anchors'> & { anchors: string[] };
}
/** What a file's size and time stamps were when it was last read: equal now, the file is taken as unchanged without reading it. */
export interface Stamp {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
}
interface Entry<A> {
	hash: string;
	stamp?: Stamp;
	analysis: A;
}
interface Stored {
	rules: string;
	entries: Record<string, Entry<StoredAnalysis>>;
}

/**
 * A file changed within this long before it was read (by its change time, which moves with every write, even
 * one that puts the modification time back) may change again with the same size in the same time-stamp tick
 * (a second on some file systems): its stamp is not kept, and the next run reads and hashes it.
 */
const RACY_MS = 2000;
const sameStamp = (a: Stamp | undefined, b: Stamp) => !!a && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

const SRC = fileURLToPath(new URL('../../', import.meta.url));
/** The rules are TypeScript in a checkout, JavaScript in the package (lib/): hash whichever runs. */
const OWN_EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
/** Parsers whose output the analyses hold: a new version may read a file differently. */
const PARSERS = ['satteri', 'yaml', 'js-yaml', 'zod', '@mdx-js/mdx', 'github-slugger', 'html-tag-names', 'svg-tag-names'];

/** A hash of everything that decides what a document's analysis is, besides the document (check's cache and import's memo). */
export function rulesHash(root: string): string {
	const h = createHash('sha256');
	for (const dir of ['lib', 'schemas']) {
		for (const f of readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith(OWN_EXT)).sort()) {
			h.update(f).update(readFileSync(join(SRC, dir, f)));
		}
	}
	for (const name of PARSERS) {
		try {
			h.update(name).update(String(JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version));
		} catch {
			h.update(`${name}: none`);
		}
	}
	return h.digest('hex');
}

export const hashBytes = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

const toDisk = (a: DocAnalysis): StoredAnalysis => ({
	...a,
	parsed: a.parsed && { raw: a.parsed.raw, data: a.parsed.data && isDeepStrictEqual(a.parsed.data, a.parsed.raw) ? 'raw' : a.parsed.data },
	outline: a.outline && { ...a.outline, anchors: [...a.outline.anchors] },
});
const fromDisk = (a: StoredAnalysis): DocAnalysis => ({
	...a,
	parsed: a.parsed && { raw: a.parsed.raw, data: a.parsed.data === 'raw' ? a.parsed.raw : a.parsed.data },
	outline: a.outline && { ...a.outline, anchors: new Set(a.outline.anchors) },
});

export class CheckCache {
	private readonly fresh = new Map<string, Entry<DocAnalysis>>();
	private readonly file: string;
	private readonly rules: string;
	private readonly old: Stored['entries'];
	private changed = false;

	private constructor(file: string, rules: string, old: Stored['entries']) {
		this.file = file;
		this.rules = rules;
		this.old = old;
	}

	/** The project's cache, or none when the project has no node_modules (nowhere a cache belongs). */
	static open(root: string): CheckCache | undefined {
		if (!existsSync(join(root, 'node_modules'))) return undefined;
		const file = join(root, 'node_modules/.cache/sprintbook/check.json');
		let rules: string;
		try {
			rules = rulesHash(root);
		} catch {
			return undefined;
		}
		let old: Stored['entries'] = {};
		try {
			const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
			if (stored.rules === rules && stored.entries && typeof stored.entries === 'object') old = stored.entries;
		} catch {
			// No cache yet, or one this version cannot read: a cold run.
		}
		return new CheckCache(file, rules, old);
	}

	private key = (collection: string, contentPath: string) => `${collection}:${contentPath}`;

	/**
	 * The document's analysis when it is unchanged — by its stamp when that matches the last run's (no read), else
	 * by a hash of `bytes()` — and the hash to store a new analysis under.
	 */
	lookup(collection: string, contentPath: string, stamp: Stamp, bytes: () => Uint8Array): { hash: string; analysis?: DocAnalysis } {
		const key = this.key(collection, contentPath);
		const entry = Object.hasOwn(this.old, key) ? this.old[key] : undefined;
		const stamped = sameStamp(entry?.stamp, stamp);
		const hash = stamped ? entry!.hash : hashBytes(bytes());
		if (entry?.hash !== hash) return { hash };
		const analysis = fromDisk(entry.analysis);
		const kept = this.keepable(stamp);
		if (!stamped && kept) this.changed = true; // same bytes, new stamp: remember it, to skip the read next time
		this.fresh.set(key, { hash, stamp: kept, analysis });
		return { hash, analysis };
	}

	set(collection: string, contentPath: string, stamp: Stamp, hash: string, analysis: DocAnalysis): void {
		this.fresh.set(this.key(collection, contentPath), { hash, stamp: this.keepable(stamp), analysis });
		this.changed = true;
	}

	private keepable = (stamp: Stamp): Stamp | undefined => (Date.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) > RACY_MS ? { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs } : undefined);

	/** An analysis already stored was completed in place (its figures): write it. */
	touched(): void {
		this.changed = true;
	}

	/** Writes this run's analyses (only documents that still exist), whole, through a temporary file; nothing when all were hits. */
	save(): void {
		if (!this.changed && this.fresh.size === Object.keys(this.old).length) return;
		try {
			mkdirSync(join(this.file, '..'), { recursive: true });
			const temp = `${this.file}.${process.pid}-${threadId}.tmp`;
			const entries: Stored['entries'] = {};
			for (const [key, { hash, stamp, analysis }] of this.fresh) entries[key] = { hash, stamp, analysis: toDisk(analysis) };
			writeFileSync(temp, JSON.stringify({ rules: this.rules, entries } satisfies Stored));
			renameSync(temp, this.file);
		} catch {
			// A read-only node_modules, say: the next run is cold, nothing else.
		}
	}
}
