/**
 * `archive`: move a finished sprint's folder into the archive with `git mv`,
 * mark its docs archived, rewrite every relative link into and out of the
 * moved files, check, and stage (or commit). All of it or none of it: on any
 * failure the working tree and the index are put back exactly as they were.
 *
 * Planning is pure (`planArchive` reads, never writes); `applyArchive` does the
 * work with a snapshot to roll back to.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { glob } from 'tinyglobby';
import { check } from './check/index.ts';
import { parse } from 'yaml';
import { split, splitFrontmatter } from './frontmatter.ts';
import { archivedSprintFolder, CONTENT_DIR, liveSprintFolder } from './layout.ts';
import { parseFileLink } from './links.ts';
import { outline } from './markdown.ts';

const execFileAsync = promisify(execFile);

export class ArchiveRefusal extends Error {}

/** The archive failed and putting things back failed too: the user must look. */
export class RestoreFailed extends Error {}

export interface LinkRewrite {
	/** File (content-relative, path after the move) and 1-based line of the link. */
	file: string;
	line: number;
	from: string;
	to: string;
}

export interface ArchivePlan {
	sprint: string;
	/** Content-relative folders. */
	fromFolder: string;
	toFolder: string;
	/** Every file that moves, content-relative: old → new. */
	moves: Array<[string, string]>;
	/** Docs that get `archived: <date>`, by their new path. */
	marked: string[];
	rewrites: LinkRewrite[];
	/** New text of every Markdown file that changes, by its path after the move. */
	edits: Map<string, string>;
	date: string;
}

function lstatOrUndefined(path: string) {
	try {
		return lstatSync(path);
	} catch {
		return undefined;
	}
}

export async function git(cwd: string, args: string[]): Promise<string> {
	const { stdout } = await execFileAsync('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
	return stdout;
}

/** Sets (or replaces) a top-level `archived:` field, leaving every other byte of the file as it was. */
export function markArchived(text: string, date: string): string {
	const s = split(text);
	if (s.kind !== 'frontmatter') return text;
	const { yaml, yamlOffset } = s.frontmatter;
	const existing = /^archived:.*$/m.exec(yaml);
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	if (existing) {
		const at = yamlOffset + existing.index;
		return text.slice(0, at) + `archived: ${date}` + text.slice(at + existing[0].length);
	}
	const at = yamlOffset + yaml.length;
	return text.slice(0, at) + `archived: ${date}${eol}` + text.slice(at);
}

/** Rewrites the relative links of one Markdown file whose own location and targets may have moved. */
function rewriteLinks(
	text: string,
	oldPath: string,
	newPath: string,
	movedTo: (p: string) => string,
	exists: (p: string) => boolean,
): { text: string; rewrites: Array<{ line: number; from: string; to: string }> } {
	const s = split(text);
	const bodyOffset = s.kind === 'frontmatter' ? s.frontmatter.bodyOffset : 0;
	const bodyLine = s.kind === 'frontmatter' ? s.frontmatter.bodyLine : 1;
	const refs = outline(text.slice(bodyOffset)).refs;
	const replacements: Array<{ start: number; end: number; to: string; line: number; from: string }> = [];
	for (const ref of refs) {
		// Read as `check` reads it: `My%20Notes.md` is the file `My Notes.md`.
		const link = parseFileLink(ref.url);
		if (!link?.written) continue;
		const { written, path } = link;
		const hash = link.fragment ? `#${link.fragment}` : '';
		const target = posix.normalize(posix.join(posix.dirname(oldPath), path));
		if (target.startsWith('../') || !exists(target)) continue; // broken before; `check` reports it, archive does not guess
		let relativeNew = posix.relative(posix.dirname(newPath), movedTo(target)) || posix.basename(target);
		if (path.endsWith('/') && !relativeNew.endsWith('/')) relativeNew += '/';
		if (posix.normalize(relativeNew) === posix.normalize(path)) continue;
		// Find the destination as written inside the link's source range, and replace just that.
		const start = bodyOffset + ref.offset;
		const source = text.slice(start, bodyOffset + ref.endOffset);
		const asWritten = [ref.url, encodeURI(ref.url)].find((u) => source.includes(u));
		if (!asWritten) throw new Error(`cannot locate the link "${ref.url}" in ${oldPath} line ${bodyLine + ref.line - 1} to rewrite it`);
		const at = start + source.lastIndexOf(asWritten);
		// Keep the writer's encoding: a path written with %20 stays encoded.
		const to = (written !== path || asWritten !== ref.url ? encodeURI(relativeNew) : relativeNew) + hash;
		replacements.push({ start: at, end: at + asWritten.length, to, line: bodyLine + ref.line - 1, from: ref.url });
	}
	let out = text;
	for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.to + out.slice(r.end);
	return { text: out, rewrites: replacements.reverse().map(({ line, from, to }) => ({ line, from, to })) };
}

export interface PlanOptions {
	root: string;
	sprint: string;
	date: string;
	force?: boolean;
}

/** Works out every move, mark and rewrite, or refuses with the reason. Writes nothing. */
export async function planArchive({ root, sprint, date, force }: PlanOptions): Promise<ArchivePlan> {
	const contentDir = join(root, CONTENT_DIR);
	const fromFolder = liveSprintFolder(sprint);
	const toFolder = archivedSprintFolder(sprint);
	const planFile = `${fromFolder}/plan.md`;
	const reportFile = `${fromFolder}/report.md`;

	const archivedAlready = existsSync(join(contentDir, toFolder, 'plan.md')) || existsSync(join(contentDir, toFolder, 'report.md'));
	if (archivedAlready) throw new ArchiveRefusal(`Sprint ${sprint} is already archived in content/${toFolder}/`);
	if (!existsSync(join(contentDir, fromFolder))) throw new ArchiveRefusal(`Sprint ${sprint} has no folder at content/${fromFolder}/`);
	if (!existsSync(join(contentDir, reportFile))) throw new ArchiveRefusal(`Sprint ${sprint} has no completion report: write content/${reportFile} first (sprintbook new report ${sprint})`);
	// lstat, not exists: a dangling symlink in the way counts as occupied too; rollback only ever removes what archive created.
	if (lstatOrUndefined(join(contentDir, toFolder))) throw new ArchiveRefusal(`content/${toFolder} already exists; move it aside first`);
	// A plan is optional. When it states a status, it must say complete; when it states none, the report is the evidence.
	if (existsSync(join(contentDir, planFile))) {
		const fm = splitFrontmatter(await readFile(join(contentDir, planFile), 'utf8'));
		let status: unknown;
		try {
			status = fm ? (parse(fm.yaml) as { status?: unknown } | null)?.status : undefined;
		} catch {
			status = 'unreadable';
		}
		if (status !== undefined && status !== 'complete' && !force) throw new ArchiveRefusal(`Sprint ${sprint} is "${status}", not complete: set status: complete in its plan, or pass --force`);
	}

	const all = await glob(['**/*'], { cwd: contentDir, onlyFiles: true, dot: true });
	const inFolder = all.filter((f) => f.startsWith(`${fromFolder}/`)).sort();
	// Rollback rewrites files byte for byte; a symlink would come back as a copy, so refuse up front.
	const link = inFolder.find((f) => lstatOrUndefined(join(contentDir, f))?.isSymbolicLink());
	if (link) throw new ArchiveRefusal(`content/${link} is a symbolic link; archive moves only regular files`);
	const movedTo = (p: string) => (p === fromFolder || p.startsWith(`${fromFolder}/`) ? toFolder + p.slice(fromFolder.length) : p);
	const exists = (p: string) => {
		try {
			statSync(join(contentDir, p));
			return true;
		} catch {
			return false;
		}
	};

	const edits = new Map<string, string>();
	const rewrites: LinkRewrite[] = [];
	const marked: string[] = [];
	for (const file of all.filter((f) => /\.mdx?$/i.test(f))) {
		const newPath = movedTo(file);
		const original = await readFile(join(contentDir, file), 'utf8');
		let text = original;
		const result = rewriteLinks(text, file, newPath, movedTo, exists);
		text = result.text;
		rewrites.push(...result.rewrites.map((r) => ({ file: newPath, ...r })));
		if (newPath !== file) {
			const markedText = markArchived(text, date);
			if (markedText !== text) marked.push(newPath);
			text = markedText;
		}
		if (text !== original || newPath !== file) edits.set(newPath, text);
	}
	return { sprint, fromFolder, toFolder, moves: inFolder.map((f) => [f, movedTo(f)]), marked, rewrites, edits, date };
}

export interface ApplyOptions {
	root: string;
	commit?: boolean;
}

export interface ApplyResult {
	commit?: string;
	/** Files staged, relative to the repository. */
	staged: string[];
}

/** Carries out a plan: all of it, or — on any failure — none of it. */
export async function applyArchive(plan: ArchivePlan, { root, commit }: ApplyOptions): Promise<ApplyResult> {
	const contentDir = join(root, CONTENT_DIR);
	const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
	const rel = (p: string) => posix.relative(top.split('\\').join('/'), join(contentDir, p).split('\\').join('/'));
	const editedOutside = [...plan.edits.keys()].filter((p) => !p.startsWith(`${plan.toFolder}/`));
	const touched = [rel(plan.fromFolder), ...editedOutside.map(rel)];

	const dirty = (await git(top, ['status', '--porcelain', '--untracked-files=all', '--', ...touched])).trim();
	if (dirty) throw new ArchiveRefusal(`uncommitted changes in files the archive would touch; commit or stash them first:\n${dirty}`);
	if (commit) {
		const staged = (await git(top, ['diff', '--cached', '--name-only'])).trim();
		if (staged) throw new ArchiveRefusal(`other changes are already staged; --commit would mix them into the archive commit:\n${staged}`);
	}

	// The snapshot to roll back to: the index as a tree, and the bytes of every file we may change.
	const index = (await git(top, ['write-tree'])).trim();
	const statusBefore = await git(top, ['status', '--porcelain', '--untracked-files=all']);
	const before = new Map<string, { bytes: Buffer; mode: number }>();
	const keep = async (p: string) => before.set(p, { bytes: await readFile(join(contentDir, p)), mode: statSync(join(contentDir, p)).mode });
	for (const [from] of plan.moves) await keep(from);
	for (const p of editedOutside) await keep(p);
	const createdDirs: string[] = [];
	for (let d = dirname(plan.toFolder); d !== '.' && !existsSync(join(contentDir, d)); d = dirname(d)) createdDirs.push(d);

	const errorsBefore = (await check({ root })).errors;
	try {
		await mkdir(join(contentDir, dirname(plan.toFolder)), { recursive: true });
		await git(top, ['mv', rel(plan.fromFolder), rel(plan.toFolder)]);
		for (const [path, text] of plan.edits) await writeFile(join(contentDir, path), text);
		const checked = await check({ root });
		if (checked.errors > errorsBefore) {
			const first = checked.diagnostics.find((d) => d.severity === 'error')!;
			throw new Error(`check found ${checked.errors - errorsBefore} new error(s) after the move, e.g. ${first.file}:${first.line}:${first.column} ${first.message}`);
		}
		// `git mv` staged the move; this stages the marks and rewrites.
		await git(top, ['add', '-A', '--', rel(plan.toFolder), ...editedOutside.map(rel)]);
		const staged = (await git(top, ['diff', '--cached', '--name-only', '-M'])).trim().split('\n').filter(Boolean);
		if (!commit) return { staged };
		await git(top, ['commit', '-q', '-m', `Archive Sprint ${plan.sprint}`, '-m', `Moved ${plan.moves.length} files to content/${plan.toFolder}/, marked ${plan.marked.length} archived, rewrote ${plan.rewrites.length} links.`]);
		return { staged, commit: (await git(top, ['rev-parse', '--short', 'HEAD'])).trim() };
	} catch (error) {
		try {
			await restore();
		} catch (restoreError) {
			throw new RestoreFailed(`${(error as Error).message.trim()}\nThen restoring failed: ${(restoreError as Error).message.trim()}`);
		}
		throw error;
	}

	async function restore(): Promise<void> {
		await rm(join(contentDir, plan.toFolder), { recursive: true, force: true });
		for (const d of createdDirs) await rm(join(contentDir, d), { recursive: true, force: true });
		for (const [path, { bytes, mode }] of before) {
			await mkdir(dirname(join(contentDir, path)), { recursive: true });
			await writeFile(join(contentDir, path), bytes, { mode });
			await chmod(join(contentDir, path), mode);
		}
		await git(top, ['read-tree', index]);
		const statusAfter = await git(top, ['status', '--porcelain', '--untracked-files=all']);
		if (statusAfter !== statusBefore) throw new Error(`the archive failed and the tree could not be fully restored; compare \`git status\` with:\n${statusBefore}`);
	}
}
