/**
 * `check`: every rule over every document in one pass, collected into one
 * list. The CLI prints it; the build runs it first. Nothing here throws on bad
 * input: a problem with a file is a diagnostic, never an exception.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { DiagnosticList, type Diagnostic, type Position } from '../diagnostics.ts';
import { dependencyCycles, nearMissSprint } from '../graph.ts';
import { CONTENT_DIR, listCollectionFiles, liveSprintFolder, PROJECT_DOCS_DIR, projectDocId, requirementId, sprintDocId, type CollectionName } from '../layout.ts';
import { contradiction, indexSprints } from '../sprint-index.ts';
import { projectDocUrl, reportUrl, requirementUrl, sprintDocUrl } from '../urls.ts';
import { pageUrlFor } from '../links.ts';
import type { MarkdownOutline } from '../markdown.ts';
import { decodeChecked, decodeSource, type SourceText } from '../source.ts';
import { sumHours } from '../sprints.ts';
import { checkFigures } from './figures.ts';
import { CheckCache, type DocAnalysis } from './cache.ts';
import { locatorFor, type ParsedFrontmatter } from './frontmatter.ts';
import { split, type Frontmatter } from '../frontmatter.ts';
import { checkLinks, freshLookups } from './links.ts';
import { sizeExcess } from './limits.ts';
import { checkRemoteImages } from './unsafe.ts';

export interface CheckOptions {
	/** Project root; `content/` is looked for inside it. */
	root: string;
	/** Content folder, relative to root, when not `content`. */
	contentDir?: string;
	/** Only report problems in these files or folders (paths relative to `cwd`). All docs are still read, for cross-file rules. */
	only?: string[];
	/** Paths in diagnostics are relative to this folder. Defaults to the process's. */
	cwd?: string;
	/** Reuse each unchanged document's own findings from the last run (src/lib/check/cache.ts). Default: on. */
	cache?: boolean;
	/** Also work out what a build's site takes from check (`pageUrls`, `bodyLinks`); a CLI run has no use for them. */
	forBuild?: boolean;
	/** Hosts the site shows images from (the config's `imageHosts`): an image from another is a `remote-image` warning. */
	imageHosts?: readonly string[];
}

export interface CheckResult {
	diagnostics: Diagnostic[];
	/** Documents checked. */
	files: number;
	errors: number;
	warnings: number;
	infos: number;
	/** Text of each document with a problem reported, by its displayed path, for code frames. */
	sources: Map<string, string>;
	/** With `forBuild`: the page each document publishes at, by its content path, as its frontmatter says (src/lib/checked-docs.ts). */
	pageUrls?: Record<string, string>;
	/** With `forBuild`: the link URLs in each document's body, by its content path. */
	bodyLinks?: Record<string, string[]>;
}

interface Doc {
	collection: CollectionName;
	/** Relative to the content folder. */
	contentPath: string;
	display: string;
	/** Its text, read only when a rule needs it: an unchanged document's findings come from the cache. */
	source: () => SourceText;
	parsed?: ParsedFrontmatter;
	/** Links, raw HTML and heading ids of the body (of the whole text when the frontmatter could not be read). */
	outline?: MarkdownOutline;
	/** What the single-file rules found, now or in an earlier run. */
	analysis: DocAnalysis;
}

const withoutFile = ({ file: _, ...rest }: Diagnostic) => rest;

export async function check(options: CheckOptions): Promise<CheckResult> {
	const cwd = options.cwd ?? process.cwd();
	const contentDir = resolve(options.root, options.contentDir ?? CONTENT_DIR);
	const diagnostics = new DiagnosticList();
	// Paths are shown relative to cwd; from outside content/ that is one prefix for every doc (path.relative per doc was 15 ms of a warm run).
	const cwdInside = cwd === contentDir || cwd.startsWith(contentDir + sep);
	const shownDir = relative(cwd, contentDir).split(sep).join('/');
	const display = (contentPath: string) => (cwdInside ? relative(cwd, join(contentDir, contentPath)).split(sep).join('/') : `${shownDir}/${contentPath}`);

	const { files: walked, links } = walkContent(contentDir);
	// Files behind a linked folder are listed by following it, as the site's loaders do.
	const allFiles = [...links].some((l) => !walked.includes(l)) ? await (await import('tinyglobby')).glob(['**/*'], { cwd: contentDir, onlyFiles: true, dot: false }) : walked;
	const placed = await listCollectionFiles(contentDir, allFiles);
	// A symbolic link out of content/ would publish (and print) a file that is not the team's doc: refused, never read.
	// Only paths that pass through a link are resolved (one walk that does not follow links finds them).
	const realContent = existsSync(contentDir) ? realpathSync(contentDir) : contentDir;
	const outside = new Set<string>();
	for (const f of links.size ? allFiles : []) {
		if (!throughLink(f, links)) continue;
		let real: string | undefined;
		try {
			real = realpathSync(join(contentDir, f));
		} catch {
			real = undefined;
		}
		if (real === undefined || (real !== realContent && !real.startsWith(realContent + sep))) {
			outside.add(f);
			diagnostics.error(display(f), { line: 1, column: 1 }, 'symlink-outside', real === undefined ? 'a symbolic link to nothing' : 'a symbolic link to a file outside content/: it is not read, and the build will not publish it', 'copy the document into content/, or remove the link');
		}
	}
	const placedSet = new Set(placed.map((p) => p.file));
	for (const f of allFiles) {
		if (/\.mdx?$/i.test(f) && !placedSet.has(f)) {
			diagnostics.warn(display(f), { line: 1, column: 1 }, 'unplaced-file', `this document is not in any collection, so the site will not publish it`, `move it into a sprint folder (${liveSprintFolder('<id>')}/), a project-doc section (${PROJECT_DOCS_DIR}/<section>/, e.g. ${PROJECT_DOCS_DIR}/architecture/), requirements/, or rename it to roadmap.md / handoff.md`);
		}
	}

	// Each document on its own first: from the cache when its bytes and the rules are unchanged.
	const cache = options.cache === false ? undefined : CheckCache.open(options.root);
	let analyse: Promise<typeof import('./analyse.ts')> | undefined;
	const docs: Doc[] = await Promise.all(
		placed.filter(({ file }) => !outside.has(file)).map(async ({ collection, file }): Promise<Doc> => {
			const shown = display(file);
			const path = join(contentDir, file);
			let bytes: Uint8Array | undefined;
			const read = () => (bytes ??= readFileSync(path));
			const stamp = cache && statSync(path);
			// A document over the size limit is not even read: one error, and no rule or parser sees it.
			const tooBig = sizeExcess((stamp || statSync(path)).size);
			if (tooBig) {
				const own = new DiagnosticList();
				own.error(shown, { line: 1, column: 1 }, tooBig.rule, tooBig.message, tooBig.fix);
				diagnostics.items.push(...own.items);
				return { collection, contentPath: file, display: shown, source: () => ({ text: '', lineStarts: [0], isText: false }), analysis: { isText: false, diagnostics: own.items.map(withoutFile) } };
			}
			const { hash, analysis: cached } = cache && stamp ? cache.lookup(collection, file, stamp, read) : { hash: '', analysis: undefined };
			if (cached) {
				for (const d of cached.diagnostics) diagnostics.items.push({ file: shown, ...d });
				// The text is read and decoded (without the encoding rules, whose findings are cached) only if a cross-file rule or a code frame asks.
				let source: SourceText | undefined;
				const sourceOf = () => (source ??= decodeChecked(read(), cached.isText));
				return { collection, contentPath: file, display: shown, source: sourceOf, parsed: cached.parsed && lazyParsed(cached.parsed, sourceOf), outline: cached.outline, analysis: cached };
			}
			const own = new DiagnosticList();
			const source = decodeSource(shown, read(), own);
			// The single-file rules and their parsers (zod, Sätteri, yaml…) are loaded only when a file needs them.
			const { parsed, outline } = await (analyse ??= import('./analyse.ts')).then((m) => m.analyseDoc(shown, collection, source, own));
			diagnostics.items.push(...own.items);
			const analysis: DocAnalysis = {
				isText: source.isText,
				diagnostics: own.items.map(withoutFile),
				parsed: parsed && { raw: parsed.raw, data: parsed.data },
				bodyLine: parsed?.frontmatter.bodyLine,
				outline,
			};
			if (cache && stamp) cache.set(collection, file, stamp, hash, analysis);
			return { collection, contentPath: file, display: shown, source: () => source, parsed, outline, analysis };
		}),
	);

	checkIdentityAndReferences(docs, diagnostics);

	// Links read other documents, so they are checked every run; figures are reused while what they compare with holds.
	const docsByPath = new Map(docs.map((d) => [d.contentPath, d]));
	const outlineOf = (contentPath: string) => docsByPath.get(contentPath)?.outline;
	const files = new Set(outside.size ? allFiles.filter((f) => !outside.has(f)) : allFiles);
	const filesByName = new Map<string, string[]>();
	for (const f of allFiles) {
		const key = basename(f).toLowerCase();
		filesByName.set(key, [...(filesByName.get(key) ?? []), f]);
	}
	const seen = freshLookups();
	const plans = new Map(docs.filter((d) => d.collection === 'plans' && d.parsed?.data).map((d) => [String(d.parsed!.data!.sprint), d.parsed!.data!]));
	for (const d of docs) {
		if (!d.parsed) continue;
		if (d.outline) checkLinks(d.display, d.contentPath, d.outline, d.analysis.bodyLine ?? d.parsed.frontmatter.bodyLine, { contentDir, filesByName, files, outlineOf, seen }, diagnostics);
		// The config's hosts may change while a doc does not: run every time, over the cached outline.
		if (d.outline) checkRemoteImages(d.display, d.outline, d.analysis.bodyLine ?? d.parsed.frontmatter.bodyLine, options.imageHosts ?? [], diagnostics);
		const context = figureContext(d, plans);
		const key = JSON.stringify(context);
		let figures = d.analysis.figures;
		if (figures?.context !== key) {
			const found = new DiagnosticList();
			checkFigures(d.display, d.source().text, d.source().lineStarts, d.parsed.frontmatter.bodyOffset, context, found);
			figures = { context: key, diagnostics: found.items.map(withoutFile) };
			d.analysis.figures = figures;
			cache?.touched();
		}
		for (const f of figures.diagnostics) diagnostics.items.push({ file: d.display, ...f });
	}
	cache?.save();

	let items = diagnostics.sorted();
	if (options.only?.length) {
		const roots = options.only.map((p) => resolve(cwd, p));
		items = items.filter((i) => roots.some((r) => {
			const abs = resolve(cwd, i.file);
			return abs === r || abs.startsWith(r + sep);
		}));
	}
	const shown = new Set(items.map((i) => i.file));
	return {
		diagnostics: items,
		files: docs.length,
		errors: items.filter((i) => i.severity === 'error').length,
		warnings: items.filter((i) => i.severity === 'warning').length,
		infos: items.filter((i) => i.severity === 'info').length,
		sources: new Map(docs.filter((d) => d.analysis.isText && shown.has(d.display)).map((d) => [d.display, d.source().text])),
		...(options.forBuild && forTheSite(docs)),
	};
}

/**
 * Every file under `contentDir` but dot files and folders (content-relative, `/`-separated, sorted), and the
 * symbolic links among them and among its folders — one walk that does not follow links. A link to a file is
 * listed as a file; a link to a folder only as a link.
 */
function walkContent(contentDir: string): { files: string[]; links: Set<string> } {
	const files: string[] = [];
	const links = new Set<string>();
	let entries: Dirent[] = [];
	try {
		entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
	} catch {
		return { files, links };
	}
	for (const e of entries) {
		// Entries of a recursive read name their folder by extending `contentDir`; slicing it off is path.relative without its cost.
		const folder = e.parentPath === contentDir ? '' : e.parentPath.startsWith(contentDir + sep) ? e.parentPath.slice(contentDir.length + 1) : relative(contentDir, e.parentPath);
		const path = (folder ? `${folder}${sep}${e.name}` : e.name).split(sep).join('/');
		if (path.split('/').some((segment) => segment.startsWith('.'))) continue;
		if (e.isSymbolicLink()) {
			links.add(path);
			let target: Stats | undefined;
			try {
				target = statSync(join(contentDir, path));
			} catch {
				target = undefined;
			}
			if (!target || target.isFile()) files.push(path); // a dangling link is reported as one
		} else if (e.isFile()) files.push(path);
	}
	return { files: files.sort(), links };
}

/** Whether `file` or a folder above it is one of `links`. */
function throughLink(file: string, links: ReadonlySet<string>): boolean {
	for (let at = file; at; at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '') if (links.has(at)) return true;
	return false;
}

/** What a build's site takes from check instead of reading every doc again (src/lib/checked-docs.ts). */
function forTheSite(docs: Doc[]): Required<Pick<CheckResult, 'pageUrls' | 'bodyLinks'>> {
	return {
		// As pageUrlOf reads them: a doc whose frontmatter cannot be read is placed by its path alone.
		pageUrls: Object.fromEntries(docs.flatMap((d) => {
			const url = pageUrlFor(d.contentPath, d.parsed?.raw ?? {}, d.collection);
			return url ? [[d.contentPath, url]] : [];
		})),
		bodyLinks: Object.fromEntries(docs.flatMap((d) => (d.outline ? [[d.contentPath, d.outline.refs.flatMap((ref) => (ref.kind === 'link' ? [ref.url] : []))]] : []))),
	};
}

/**
 * A cached document's frontmatter: split from its text, and its YAML parsed for positions, only when a rule has
 * something to point at in it or its figures need checking again.
 */
function lazyParsed(parsed: NonNullable<DocAnalysis['parsed']>, source: () => SourceText): ParsedFrontmatter {
	let fm: Frontmatter | undefined;
	let locator: ReturnType<typeof locatorFor> | undefined;
	const frontmatter = () => {
		if (fm) return fm;
		const s = split(source().text);
		// The same bytes had frontmatter when they were analysed; a file changed under an unchanged stamp points at line 1.
		return (fm = s.kind === 'frontmatter' ? s.frontmatter : { yaml: '', yamlOffset: 0, body: source().text, bodyOffset: 0, bodyLine: 1 });
	};
	return {
		...parsed,
		get frontmatter() {
			return frontmatter();
		},
		locate: (path, what) => (locator ??= locatorFor(source(), frontmatter())).locate(path, what),
	};
}

function figureContext(d: Doc, plans: Map<string, Record<string, unknown>>) {
	const data = d.parsed?.data as Record<string, any> | undefined;
	if (!data) return {};
	if (d.collection === 'plans') {
		const tracks = (data.tracks ?? []) as Array<{ hours: [number, number] }>;
		return { knownTotal: data.baseline?.total, trackHours: tracks.length ? sumHours(tracks.map((t) => t.hours)) : undefined };
	}
	if (d.collection === 'reports') return { knownTotal: data.tests?.total };
	if (d.collection === 'sprintDocs') return { knownTotal: (plans.get(data.sprint) as any)?.baseline?.total };
	return {};
}

/** The raw sprint a document claims, even if its frontmatter failed validation elsewhere. */
const claimed = (d: Doc): string | undefined => {
	const s = d.parsed?.raw.sprint;
	return typeof s === 'string' ? s : undefined;
};
const rawString = (d: Doc, key: string): string | undefined => {
	const v = d.parsed?.raw[key];
	return typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : undefined;
};
/** The sprint whose folder (live or archived) holds the doc, if any. */
const folderSprint = (d: Doc): string | undefined => {
	const folder = /^(?:sprints\/([^/]+)|archive\/history\/sprints\/sprint-([^/]+))\//.exec(d.contentPath);
	return folder?.[1] ?? folder?.[2];
};
const archivedOf = (d: Doc) => rawString(d, 'archived');
const statusOf = (d: Doc) => rawString(d, 'status');

function checkIdentityAndReferences(docs: Doc[], diagnostics: DiagnosticList): void {
	const plans = docs.filter((d) => d.collection === 'plans');
	const locate = (d: Doc, path: ReadonlyArray<PropertyKey>): Position => d.parsed!.locate(path);
	// A sprint exists when any of its documents names it: a plan, a report or any other sprint doc.
	const member = (collection: CollectionName) => docs.filter((d) => d.collection === collection && claimed(d)).map((d) => ({ doc: d, filePath: d.contentPath, data: { sprint: claimed(d)!, archived: archivedOf(d), status: statusOf(d) } }));
	const sprintIndex = indexSprints(member('plans'), member('reports'), member('sprintDocs'));
	const sprints = new Set(sprintIndex.map((r) => r.sprint));

	// Two docs claiming one id.
	for (const collection of ['plans', 'reports'] as const) {
		const byId = new Map<string, Doc[]>();
		for (const d of docs.filter((x) => x.collection === collection)) {
			const s = claimed(d);
			if (s) byId.set(s, [...(byId.get(s) ?? []), d]);
		}
		for (const [id, list] of byId) {
			if (list.length < 2) continue;
			for (const d of list) {
				const others = list.filter((o) => o !== d).map((o) => o.display);
				diagnostics.error(d.display, locate(d, ['sprint']), 'duplicate-id', `sprint ${id} has more than one ${collection === 'plans' ? 'plan' : 'report'}: also ${others.join(', ')}`, 'keep one; an archived sprint is moved, never copied');
			}
		}
	}

	// Sprint docs, requirements and project docs publish at URLs made from their ids: two docs on one URL lose one page.
	const pageOwners = new Map<string, Doc[]>();
	const own = (url: string, d: Doc) => pageOwners.set(url, [...(pageOwners.get(url) ?? []), d]);
	for (const d of docs) {
		const raw = d.parsed?.raw;
		if (!raw) continue;
		if (d.collection === 'sprintDocs' && claimed(d)) {
			const id = sprintDocId(d.contentPath, raw);
			// `/sprints/<n>/plan/` and `/report/` are the plan's and the report's own pages.
			own(/\/(?:plan|report)$/.test(id) ? reportUrl(id.split('/')[0]!) : sprintDocUrl(id), d);
		}
		if (d.collection === 'requirements') own(requirementUrl(requirementId(d.contentPath, raw)), d);
		if (d.collection === 'docs') own(projectDocUrl(projectDocId(d.contentPath)), d);
	}
	for (const d of docs.filter((x) => x.collection === 'reports' && claimed(x))) own(reportUrl(claimed(d)!), d);
	for (const [url, list] of pageOwners) {
		if (list.length < 2) continue;
		for (const d of list.filter((x) => x.collection !== 'reports')) {
			const others = list.filter((o) => o !== d).map((o) => o.display);
			diagnostics.error(d.display, { line: 1, column: 1 }, 'duplicate-id', `this document would publish at ${url}, as does ${others.join(' and ')}; one of them would be lost`, d.collection === 'requirements' ? 'give each requirements doc its own `id`' : 'rename the file: its name makes its URL');
		}
	}

	// Folder and claimed sprint agree, so `archive` and readers find the doc where they expect it.
	for (const d of docs) {
		if (d.collection === 'docs') continue; // a project doc's `sprint` is a related sprint, not where it lives
		const s = claimed(d);
		const inFolder = folderSprint(d);
		if (s && inFolder && inFolder !== s) {
			diagnostics.error(d.display, locate(d, ['sprint']), 'folder-mismatch', `this file is in the folder of sprint ${inFolder} but says sprint "${s}"`, `"${inFolder}", or move the file to the folder of sprint ${s}`);
		}
	}

	// Facts import left out because the documents disagree: told, with the lines that do, so a lead can settle them.
	for (const d of docs) {
		if (d.collection !== 'plans' && d.collection !== 'reports') continue;
		const list = d.parsed?.raw.unresolved;
		if (!Array.isArray(list)) continue;
		list.forEach((item, i) => {
			if (typeof item !== 'string') return;
			diagnostics.info(d.display, locate(d, ['unresolved', i]), 'facts-disagree', `left out, the team's documents disagree: ${item}`, 'make the documents agree, or type the fact here and delete this line');
		});
	}

	// What is known of each sprint: told, not asked to change (a plan is optional); a status the evidence contradicts is a warning.
	for (const r of sprintIndex) {
		if (!r.plan) {
			const first = (r.report ?? r.docs[0])!.doc;
			diagnostics.info(first.display, locate(first, ['sprint']), 'sprint-without-plan', `sprint ${r.sprint} has no plan; its page is built from its ${r.report ? 'report' : 'documents'}`, `to add one: sprintbook new plan ${r.sprint}`);
		}
		const why = contradiction(r);
		if (why) {
			const d = r.plan!.doc;
			diagnostics.warn(d.display, locate(d, ['status']), 'status-contradicts-evidence', `status is "${r.plan!.data.status}", but ${why}, so the sprint looks complete`, 'complete');
		}
	}

	/**
	 * A reference to a sprint no document belongs to. Where the sprint must exist
	 * (depends_on, next) it is an error; a roadmap or a story may name a sprint
	 * still to come, which is only noted. "Did you mean" only for a typo of a sprint that exists.
	 */
	// One error, one message: a sprint known only from a doc whose frontmatter could not be read is not "missing"
	// everywhere it is named. References to it are left unchecked, and the broken doc says so once.
	const unreadable = new Map<string, { doc: Doc; skipped: number }>();
	for (const d of docs) {
		if (!['plans', 'reports', 'sprintDocs'].includes(d.collection) || claimed(d)) continue;
		const s = folderSprint(d);
		if (s && !sprints.has(s) && !unreadable.has(s)) unreadable.set(s, { doc: d, skipped: 0 });
	}
	const reference = (d: Doc, path: ReadonlyArray<PropertyKey>, target: unknown, what: string, mustExist: boolean) => {
		if (typeof target !== 'string' || sprints.has(target)) return;
		const unread = unreadable.get(target);
		if (unread) {
			unread.skipped++;
			return;
		}
		const guess = nearMissSprint(target, sprints);
		const message = `${what} sprint "${target}", which no document belongs to${guess ? `; did you mean "${guess}"?` : ''}`;
		if (mustExist) diagnostics.error(d.display, locate(d, path), 'broken-reference', message, guess ? `"${guess}"` : `correct the sprint number, or add a doc for sprint ${target} (sprintbook new plan ${target})`);
		else if (guess) diagnostics.warn(d.display, locate(d, path), 'unknown-sprint', message, `"${guess}"`);
		else diagnostics.info(d.display, locate(d, path), 'unknown-sprint', `${message} yet; the site shows it without a link`);
	};

	for (const d of docs) {
		const raw = d.parsed?.raw as Record<string, any> | undefined;
		if (!raw) continue;
		switch (d.collection) {
			case 'plans':
				(Array.isArray(raw.depends_on) ? raw.depends_on : []).forEach((s: unknown, i: number) => reference(d, ['depends_on', i], s, 'depends on', true));
				reference(d, ['next'], raw.next, 'names as next', true);
				break;
			case 'roadmap':
				(Array.isArray(raw.milestones) ? raw.milestones : []).forEach((m: any, i: number) => reference(d, ['milestones', i, 'sprint'], m?.sprint, 'has a milestone for', false));
				break;
			case 'handoff':
				(Array.isArray(raw.features) ? raw.features : []).forEach((f: any, i: number) => reference(d, ['features', i, 'sprint'], f?.sprint, 'ties a feature to', false));
				break;
			case 'requirements':
				(Array.isArray(raw.stories) ? raw.stories : []).forEach((s: any, i: number) => reference(d, ['stories', i, 'sprint'], s?.sprint, 'assigns a story to', false));
				break;
			case 'docs':
				reference(d, ['sprint'], raw.sprint, 'is related to', false);
				break;
		}
	}

	for (const [sprint, { doc, skipped }] of unreadable) {
		if (skipped) diagnostics.info(doc.display, { line: 1, column: 1 }, 'references-unchecked', `sprint ${sprint} is known only from this file, whose sprint field could not be read (see the error here); ${skipped} reference${skipped === 1 ? '' : 's'} to it in other docs ${skipped === 1 ? 'is' : 'are'} not checked until it is fixed`, 'fix the error in this file first');
	}

	const graph = plans
		.filter((d) => d.parsed?.data)
		.map((d) => ({ doc: d, sprint: String(d.parsed!.data!.sprint), depends_on: d.parsed!.data!.depends_on as string[] }));
	for (const cycle of dependencyCycles(graph)) {
		for (const sprint of cycle) {
			const node = graph.find((g) => g.sprint === sprint)!;
			const next = cycle[(cycle.indexOf(sprint) + 1) % cycle.length]!;
			diagnostics.error(node.doc.display, locate(node.doc, ['depends_on', node.depends_on.indexOf(next)]), 'dependency-cycle', `depends_on forms a cycle: ${[...cycle, cycle[0]].join(' → ')}`, `remove "${next}" from depends_on in one of these plans`);
		}
	}
}
