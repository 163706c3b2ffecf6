/**
 * Link rules: every relative link and image in a body must point at a file
 * under content/, and a `#heading` at a heading that exists in the target.
 * Links to `.md` documents are fine: the site rewrites them to page URLs.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join, posix, relative, resolve } from 'node:path';
import type { DiagnosticList } from '../diagnostics.ts';
import { collectionOf } from '../layout.ts';
import { parseFileLink } from '../links.ts';
import { imageSize } from '../lazy.ts';
import type { MarkdownOutline } from '../markdown.ts';

export interface LinkContext {
	contentDir: string;
	/** Files under content/ by lower-cased base name, for "did you mean". */
	filesByName: ReadonlyMap<string, readonly string[]>;
	/** Every file under content/ (content-relative), as walked: a link to one of them needs no look at the disk. */
	files: ReadonlySet<string>;
	/** Outline of a document by its content-relative path, when it is one. */
	outlineOf: (contentPath: string) => MarkdownOutline | undefined;
	/** What this run has already looked up on disk (one per run, so an edit between runs is seen). */
	seen: { kinds: Map<string, 'file' | 'folder' | 'none'>; images: Map<string, string | undefined> };
}

export const freshLookups = (): LinkContext['seen'] => ({ kinds: new Map(), images: new Map() });

export function checkLinks(
	displayFile: string,
	contentPath: string,
	own: MarkdownOutline,
	bodyLine: number,
	ctx: LinkContext,
	diagnostics: DiagnosticList,
): void {
	const fromDir = posix.dirname(contentPath);

	for (const ref of own.refs) {
		const at = { line: bodyLine + ref.line - 1, column: ref.column, endLine: bodyLine + ref.endLine - 1, endColumn: ref.endColumn };
		if (ref.kind === 'link') checkRootAbsolute(displayFile, fromDir, ref.url, at, ctx, diagnostics);
		const link = parseFileLink(ref.url);
		if (!link) continue;
		const { path, fragment } = link;
		const hash = link.anchor || undefined;

		if (path === '') {
			if (hash && !own.anchors.has(hash)) reportAnchor(displayFile, at, hash, 'this document', own, diagnostics);
			continue;
		}
		const target = posix.normalize(posix.join(fromDir, path));
		if (target.startsWith('../') || target === '..') {
			diagnostics.error(displayFile, at, ref.kind === 'image' ? 'missing-image' : 'broken-link', `"${ref.url}" points outside content/, so the site cannot publish it`, 'link to a document inside content/, or use a full https:// URL');
			continue;
		}
		if (kindOf(target, ctx) === 'none') {
			const candidates = ctx.filesByName.get(basename(target).toLowerCase()) ?? [];
			const suggestion = candidates.map((c) => relativeLink(fromDir, c));
			const what = ref.kind === 'image' ? 'image' : 'file';
			diagnostics.error(
				displayFile,
				at,
				ref.kind === 'image' ? 'missing-image' : 'broken-link',
				`${what} "${path}" does not exist${suggestion.length ? `; did you mean ${suggestion.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
				suggestion.length === 1 ? suggestion[0] + (fragment ? `#${fragment}` : '') : undefined,
			);
			continue;
		}
		if (kindOf(target, ctx) === 'folder') {
			diagnostics.error(displayFile, at, 'broken-link', `"${path}" is a folder; the site publishes pages, not folders`, 'link to a document in it');
			continue;
		}
		if (ref.kind === 'image') {
			const unreadable = imageProblem(join(ctx.contentDir, target), ctx.seen.images);
			if (unreadable) diagnostics.error(displayFile, at, 'unreadable-image', `image "${path}" ${unreadable}, so the build cannot read its size and stops`, 'export the image again (PNG, JPEG, GIF, WebP, AVIF or SVG with a size), or remove it');
			continue;
		}
		if (ref.kind === 'link' && !/\.mdx?$/i.test(target)) {
			// Only documents become pages (and images are published where they are shown): any other file stays behind.
			diagnostics.error(displayFile, at, 'broken-link', `"${path}" is not a document, and the site does not publish it`, 'link to a document, show it as an image, or use a full https:// URL');
			continue;
		}
		// A checked document is in a collection; only other paths need matching against the collections' patterns.
		if (/\.mdx?$/i.test(target) && !ctx.outlineOf(target) && !collectionOf(target)) {
			diagnostics.error(displayFile, at, 'broken-link', `"${path}" is not a published document (it is in no collection), so the link would lead nowhere on the site`, 'link to a plan, report, sprint doc, requirement, the roadmap or the handoff');
			continue;
		}
		if (hash) {
			const targetOutline = ctx.outlineOf(target);
			if (targetOutline && !targetOutline.anchors.has(hash)) reportAnchor(displayFile, at, hash, `"${path}"`, targetOutline, diagnostics);
		}
	}
}

/**
 * `/ROADMAP.md`: written for a repository browser, where `/` is the repository's
 * root. On the site `/` is the site's root and documents live at their own URLs,
 * so such a link leads nowhere. Site URLs (`/sprints/2.8/`) are left alone.
 */
function checkRootAbsolute(displayFile: string, fromDir: string, url: string, at: { line: number; column: number; endLine: number; endColumn: number }, ctx: LinkContext, diagnostics: DiagnosticList): void {
	if (!url.startsWith('/') || url.startsWith('//')) return;
	const link = parseFileLink(`.${url}`);
	if (!link || !/\.mdx?$/i.test(link.path)) return;
	const target = posix.normalize(link.path.replace(/^\.\//, ''));
	const candidates = kindOf(target, ctx) !== 'none' ? [target] : (ctx.filesByName.get(basename(target).toLowerCase()) ?? []);
	const suggestion = candidates.map((c) => relativeLink(fromDir, c) + (link.fragment ? `#${link.fragment}` : ''));
	diagnostics.error(
		displayFile,
		at,
		'broken-link',
		`"${url}" is a root-absolute link to a file: on the site "/" is the site's root and documents are published at their own URLs, so it leads nowhere${suggestion.length ? `; did you mean "${suggestion.join('" or "')}"?` : ''}`,
		suggestion.length === 1 ? suggestion[0] : 'write the link relative to this document, e.g. ../roadmap.md',
	);
}

function reportAnchor(file: string, at: { line: number; column: number; endLine: number; endColumn: number }, hash: string, where: string, target: MarkdownOutline, diagnostics: DiagnosticList): void {
	const guess = nearest(hash, target.anchors);
	diagnostics.error(file, at, 'broken-anchor', `no heading "#${hash}" in ${where}${guess ? `; did you mean "#${guess}"?` : ''}`, guess ? `#${guess}` : 'link to an existing heading, or add the heading');
}

function nearest(hash: string, anchors: Set<string>): string | undefined {
	// Prefer an anchor that contains the wanted words; it is usually a renamed heading.
	return [...anchors].find((a) => a.includes(hash) || hash.includes(a));
}

/**
 * Why the build could not read an image, or undefined. Astro reads every local
 * image's size from its header with image-size before it renders a page; a
 * corrupt, empty or mislabelled file stops the build there. Same library, same
 * verdict, here — one read per file per run.
 */
function imageProblem(path: string, imageProblems: Map<string, string | undefined>): string | undefined {
	if (!imageProblems.has(path)) {
		let problem: string | undefined;
		try {
			const bytes = readFileSync(path);
			if (bytes.length === 0) problem = 'is an empty file';
			else {
				const { width, height, type } = imageSize().imageSize(bytes);
				if (!width || !height || !type) problem = `has no size in its header${type ? ` (a ${type.toUpperCase()} without width and height)` : ''}`;
			}
		} catch (e) {
			problem = /unsupported/i.test((e as Error).message) ? 'is not an image format the build can read (its first bytes match no known format)' : `is damaged (${(e as Error).message})`;
		}
		imageProblems.set(path, problem);
	}
	return imageProblems.get(path);
}

/**
 * What is at `target` (content-relative). A walked file is known; anything else (a folder, a dot file) is
 * looked up once per run: many docs link to the same few.
 */
function kindOf(target: string, ctx: LinkContext): 'file' | 'folder' | 'none' {
	if (ctx.files.has(target)) return 'file';
	let kind = ctx.seen.kinds.get(target);
	if (kind === undefined) {
		const stat = statSync(join(ctx.contentDir, target), { throwIfNoEntry: false });
		kind = !stat ? 'none' : stat.isDirectory() ? 'folder' : 'file';
		ctx.seen.kinds.set(target, kind);
	}
	return kind;
}

function relativeLink(fromDir: string, to: string): string {
	const rel = relative(resolve('/', fromDir), resolve('/', to)).split('\\').join('/');
	return rel.startsWith('.') ? rel : rel || basename(to);
}
