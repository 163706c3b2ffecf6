/**
 * `archive`: move a finished sprint's folder into the archive, mark its docs
 * archived, rewrite every relative link into and out of the moved files,
 * check, and stage (or commit). All of it or none of it: on any failure the
 * working tree and the index are put back exactly as they were, and a killed
 * archive is finished or undone by the next command (archive-journal.ts).
 *
 * Planning is pure (`planArchive` reads, never writes); `applyArchive` does the
 * work under a journal.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { check } from './check/index.ts';
import { parse } from 'yaml';
import { split, splitFrontmatter } from './frontmatter.ts';
import { archivedSprintFolder, CONTENT_DIR, liveSprintFolder } from './layout.ts';
import { parseFileLink } from './links.ts';
import { outline } from './markdown.ts';
import { stateDirIn } from './lock.ts';
import { crashPoint, git, rollBack, setPhase, stageArchive, sha256, startJournal, endJournal, writeWhole, type Journal, type JournalFile, type Unfinished } from './archive-journal.ts';
import { TODO } from '../schemas/common.ts';

export class ArchiveRefusal extends Error {}

/** The archive failed and putting things back failed in part: what is left, and how to finish. */
export class RestoreFailed extends Error {
	readonly unfinished: Unfinished[];
	constructor(message: string, unfinished: Unfinished[]) {
		super(message);
		this.unfinished = unfinished;
	}
}

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
	// A report with a figure still TODO is not finished: archiving would publish the sprint as closed without it.
	if (!force) {
		const fm = splitFrontmatter(await readFile(join(contentDir, reportFile), 'utf8'));
		let raw: Record<string, unknown> = {};
		try {
			raw = (fm ? (parse(fm.yaml) as Record<string, unknown> | null) : null) ?? {};
		} catch {
			// check reports a report it cannot read
		}
		const open = (['tests', 'hours'] as const).filter((k) => raw[k] === TODO);
		if (open.length) throw new ArchiveRefusal(`content/${reportFile} still has ${open.join(' and ')} as TODO: fill ${open.length === 1 ? 'it' : 'them'} in (sprintbook check lists them), or pass --force`);
	}
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

/**
 * Carries out a plan: all of it, or — on any failure — none of it. A journal
 * written before the first change lets a later command finish the job if this
 * process is killed part-way (src/lib/archive-journal.ts).
 */
export async function applyArchive(plan: ArchivePlan, { root, commit }: ApplyOptions): Promise<ApplyResult> {
	const contentDir = resolve(root, CONTENT_DIR);
	const [top = '', gitDir = ''] = (await git(root, ['rev-parse', '--show-toplevel', '--absolute-git-dir'])).trim().split('\n');
	const rel = (p: string) => posix.relative(top.split('\\').join('/'), join(contentDir, p).split('\\').join('/'));
	const editedOutside = [...plan.edits.keys()].filter((p) => !p.startsWith(`${plan.toFolder}/`));
	const touched = [rel(plan.fromFolder), ...editedOutside.map(rel)];

	const dirty = (await git(top, ['status', '--porcelain', '--untracked-files=all', '--', ...touched])).trim();
	if (dirty) throw new ArchiveRefusal(`uncommitted changes in files the archive would touch; commit or stash them first:\n${dirty}`);
	if (commit) {
		const staged = (await git(top, ['diff', '--cached', '--name-only'])).trim();
		if (staged) throw new ArchiveRefusal(`other changes are already staged; --commit would mix them into the archive commit:\n${staged}`);
	}

	// What to roll back to: the index as a tree, and the bytes of every file that moves or changes.
	const movedTo = new Map(plan.moves);
	const beforeBytes = new Map<string, Buffer>();
	const files: JournalFile[] = [];
	for (const before of [...plan.moves.map(([from]) => from), ...editedOutside]) {
		const after = movedTo.get(before) ?? before;
		const bytes = await readFile(join(contentDir, before));
		const edit = plan.edits.get(after);
		const beforeHash = sha256(bytes);
		beforeBytes.set(beforeHash, bytes);
		files.push({ before, after, beforeHash, afterHash: edit === undefined ? beforeHash : sha256(edit), mode: statSync(join(contentDir, before)).mode });
	}
	const createdDirs: string[] = [];
	for (let d = dirname(plan.toFolder); d !== '.' && !existsSync(join(contentDir, d)); d = dirname(d)) createdDirs.push(d);
	const journal: Journal = {
		version: 1,
		command: `archive ${plan.sprint}${commit ? ' --commit' : ''}`,
		sprint: plan.sprint,
		pid: process.pid,
		started: new Date().toISOString(),
		top,
		gitDir,
		contentDir,
		fromFolder: plan.fromFolder,
		toFolder: plan.toFolder,
		createdDirs,
		indexBefore: (await git(top, ['write-tree'])).trim(),
		headBefore: (await git(top, ['rev-parse', 'HEAD'])).trim(),
		statusBefore: await git(top, ['status', '--porcelain', '--untracked-files=all']),
		commit: Boolean(commit),
		commitMessage: [`Archive Sprint ${plan.sprint}`, `Moved ${plan.moves.length} files to content/${plan.toFolder}/, marked ${plan.marked.length} archived, rewrote ${plan.rewrites.length} links.`],
		unstagePath: rel(plan.fromFolder),
		stagePaths: [rel(plan.toFolder), ...editedOutside.map(rel)],
		files,
		phase: 'changing',
	};
	const state = stateDirIn(gitDir);

	const errorsBefore = (await check({ root })).errors;
	await startJournal(state, journal, beforeBytes);
	try {
		await mkdir(join(contentDir, dirname(plan.toFolder)), { recursive: true });
		crashPoint(`made content/${dirname(plan.toFolder)}`);
		// One rename moves the whole folder: there is no moment with half the files here and half there.
		await rename(join(contentDir, plan.fromFolder), join(contentDir, plan.toFolder));
		crashPoint(`moved content/${plan.fromFolder} to content/${plan.toFolder}`);
		for (const [path, text] of plan.edits) await writeWhole(join(contentDir, path), text);
		const checked = await check({ root });
		if (checked.errors > errorsBefore) {
			const first = checked.diagnostics.find((d) => d.severity === 'error')!;
			throw new Error(`check found ${checked.errors - errorsBefore} new error(s) after the move, e.g. ${first.file}:${first.line}:${first.column} ${first.message}`);
		}
		// From here on every file is in its final form: a crash now is finished forward, not undone.
		await setPhase(state, journal, 'written');
		await stageArchive(journal);
		const staged = (await git(top, ['diff', '--cached', '--name-only', '-M'])).trim().split('\n').filter(Boolean);
		let committed: string | undefined;
		if (commit) {
			await git(top, ['commit', '-q', ...journal.commitMessage.flatMap((m) => ['-m', m])]);
			crashPoint('committed the archive');
			committed = (await git(top, ['rev-parse', '--short', 'HEAD'])).trim();
		}
		await endJournal(state);
		return { staged, commit: committed };
	} catch (error) {
		// A failure, unlike a crash, is undone even after the files were written: the journal must say so before rolling back.
		if (journal.phase === 'written') await setPhase(state, journal, 'changing');
		const { unfinished } = await rollBack(state, journal, { afterCrash: false });
		if (unfinished.length) throw new RestoreFailed((error as Error).message.trim(), unfinished);
		throw error;
	}
}
