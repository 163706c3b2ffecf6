/**
 * `sprintbook import --in-place`: for a team that wants typed data in its own files. Each doc read in place gets the
 * frontmatter the reading worked out for it — its sprint, kind, title, status, days, goal, tests, dependencies —
 * written at its top, its text below left byte for byte as it was; the changed files are staged in git as one
 * change for the team to review (`git diff --cached`) and commit, or drop. A file with frontmatter of its own is
 * left alone. The written frontmatter is then read like any other statement, and weighed with the rest.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { SprintbookConfig } from '../../schemas/config.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { readInPlace } from './read-in-place.ts';

/** Fields that describe the reading rather than the doc: where each fact was read, what was left out. */
const READING_ONLY = new Set(['evidence', 'unresolved']);

export interface TypedInPlace {
	/** The team's files given frontmatter, relative to the repository. */
	written: string[];
	/** Files left alone, with why. */
	left: Array<{ file: string; why: string }>;
	/** Whether the written files were staged in git. */
	staged: boolean;
}

export async function typeInPlace(repo: string, config: SprintbookConfig, { dryRun = false } = {}): Promise<TypedInPlace> {
	const place = await readInPlace(repo, config);
	const out: TypedInPlace = { written: [], left: [], staged: false };
	for (const f of place.result.files) {
		if (!f.target || !f.text || f.status === 'skipped') continue;
		const abs = resolve(repo, f.source);
		const original = await readFile(abs, 'utf8');
		if (splitFrontmatter(original.replace(/^\uFEFF/, ''))) {
			out.left.push({ file: f.source, why: 'has frontmatter of its own' });
			continue;
		}
		const planned = splitFrontmatter(f.text);
		const data = planned ? (parse(planned.yaml) as Record<string, unknown>) : {};
		const fields = Object.fromEntries(Object.entries(data).filter(([k]) => !READING_ONLY.has(k)));
		if (!Object.keys(fields).length) {
			out.left.push({ file: f.source, why: 'nothing to type' });
			continue;
		}
		// The team's text stays as written, BOM and line endings included; only the block above it is new.
		const eol = original.includes('\r\n') ? '\r\n' : '\n';
		const block = `---\n${stringify(fields, { lineWidth: 0 }).trimEnd()}\n---\n`.replace(/\n/g, eol);
		const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
		if (!dryRun) await writeFile(abs, bom + block + original.slice(bom.length));
		out.written.push(f.source);
	}
	if (!dryRun && out.written.length) {
		try {
			execFileSync('git', ['add', '--', ...out.written], { cwd: repo, stdio: 'ignore' });
			out.staged = true;
		} catch {
			// Not a git repository: the files are written, unstaged.
		}
	}
	return out;
}
