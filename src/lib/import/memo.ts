/**
 * What import works out of each document alone — what it states of sprints, its Markdown outline (links,
 * headings), the credentials in its text — remembered by the hash of that text. Within one run a body is parsed once however many times it is asked
 * about; a memo kept on disk between runs (a repository read in place, built again after one edit) parses only the
 * documents whose text changed. What depends on other documents (places, the facts weighed from all statements,
 * links' targets) is worked out afresh every run: it is cheap, and a change anywhere may change it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redactSecrets } from '../check/secrets.ts';
import { outline, type MarkdownOutline } from '../markdown.ts';
import type { InferDoc, Statement } from '../infer/index.ts';

type Outline = Pick<MarkdownOutline, 'refs' | 'anchors'>;
type Redaction = ReturnType<typeof redactSecrets>;

interface Stored {
	/** Which rules wrote it: a memo of other rules is not read. */
	rules: string;
	outlines: Record<string, { refs: Outline['refs']; anchors: string[] }>;
	/** What each document states of sprints (src/lib/infer/statements.ts), by the document, its sprint and role. */
	statements: Record<string, Statement[]>;
	/** Texts with no credential in them (the few with one are scanned again: they are rare, and their text is long). */
	clean: string[];
}

const hashOf = (text: string) => createHash('sha1').update(text).digest('hex');

export class ImportMemo {
	private outlines = new Map<string, Outline>();
	private clean = new Set<string>();
	private said = new Map<string, Statement[]>();
	/** What this run asked for: all the memo keeps. */
	private used = { outlines: new Set<string>(), clean: new Set<string>(), said: new Set<string>() };
	/** The documents this run read anew (not found in the memo), by their path inside the input. */
	readonly anew = new Set<string>();
	private readonly file?: string;
	private readonly rules: string;
	private constructor(file?: string, rules = '') {
		this.file = file;
		this.rules = rules;
	}

	/** A memo for one run only. */
	static inMemory(): ImportMemo {
		return new ImportMemo();
	}

	/** A memo kept in `file` between runs; one written by other rules (another version) starts empty. */
	static onDisk(file: string, rules: string): ImportMemo {
		const memo = new ImportMemo(file, rules);
		try {
			const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
			if (stored.rules === rules) {
				for (const [k, v] of Object.entries(stored.outlines)) memo.outlines.set(k, { refs: v.refs, anchors: new Set(v.anchors) });
				for (const k of stored.clean) memo.clean.add(k);
				for (const [k, v] of Object.entries(stored.statements ?? {})) memo.said.set(k, v);
			}
		} catch {
			// None yet, or unreadable: every document is read anew.
		}
		return memo;
	}

	/** The outline of a document's body (`doc`: its path inside the input, to count it among those read anew). */
	outline(body: string, doc: string): Outline {
		const key = hashOf(body);
		this.used.outlines.add(key);
		let o = this.outlines.get(key);
		if (!o) {
			const { refs, anchors } = outline(body);
			o = { refs, anchors };
			this.outlines.set(key, o);
			this.anew.add(doc);
		}
		return o;
	}

	/** What a document states of sprints: worked out by `read` unless the same document, sprint and role gave it before. */
	statements(doc: InferDoc, read: () => Statement[]): Statement[] {
		const key = hashOf(`${JSON.stringify([doc.file, doc.sprint ?? null, doc.role])}\n${doc.lines.join('\n')}`);
		this.used.said.add(key);
		let said = this.said.get(key);
		if (!said) {
			said = read();
			this.said.set(key, said);
			this.anew.add(doc.file);
		}
		return said;
	}

	redact(text: string): Redaction {
		const key = hashOf(text);
		if (this.clean.has(key)) {
			this.used.clean.add(key);
			return { text, redacted: [] };
		}
		const r = redactSecrets(text);
		if (!r.redacted.length) {
			this.clean.add(key);
			this.used.clean.add(key);
		}
		return r;
	}

	/** Keeps what this run used, and only that: a memo does not grow with every version of every doc. */
	async save(): Promise<void> {
		if (!this.file) return;
		const stored: Stored = { rules: this.rules, outlines: {}, clean: [...this.used.clean], statements: {} };
		for (const k of this.used.said) stored.statements[k] = this.said.get(k)!;
		for (const k of this.used.outlines) {
			const o = this.outlines.get(k)!;
			stored.outlines[k] = { refs: o.refs, anchors: [...o.anchors] };
		}
		await mkdir(dirname(this.file), { recursive: true });
		await writeFile(this.file, JSON.stringify(stored));
	}
}
