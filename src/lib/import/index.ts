/**
 * `import`: legacy Markdown (like the OMC docs) into typed entries. Repairs the
 * encoding, lifts bold-label metadata into frontmatter, maps statuses and
 * dates, infers sprint and kind, places each file in the content layout, and
 * repairs relative links whose target moved. Planning reads only; `writeImport`
 * writes new files and never touches the inputs or an existing file.
 */
import { createHash } from 'node:crypto';
import { constants, existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { glob, globSync } from 'tinyglobby';
import { parse, stringify } from 'yaml';
import { collectionSchemas } from '../../schemas/index.ts';
import { findMojibake, repairMojibake } from '../encoding.ts';
import { ARCHIVE_DIR, archivedSprintFolder, collectionOf, CONTENT_DIR, liveSprintFolder, projectDocId, sprintDocId, type CollectionName } from '../layout.ts';
import { projectDocUrl, sprintDocUrl } from '../urls.ts';
import { parseFileLink } from '../links.ts';
import { ImportMemo } from './memo.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { compareSprints } from '../sprints.ts';
import { decodeInput } from './decode.ts';
import { safeDocName, safeFolderName } from './names.ts';
import { docKind, namesOtherNumbering, projectDocPlace, rankAs, sprintInName, sprintOf, type SprintEvidence } from './classify.ts';
import { firstSection, mapStatus, parseDateRange, parseLooseDate, pick, readLabels, type Label } from './metadata.ts';
import { readMilestones, readNextSprint, readTiers, readTracks } from './plan-fields.ts';
import { docRole, inferFacts, type InferDoc, type WeighedFacts } from '../infer/index.ts';
import { roleInArchive } from '../infer/role.ts';
import { plainInline } from '../infer/statements.ts';
import { readSuiteFigure } from './suite-figures.ts';
import { crashPoint } from '../archive-journal.ts';
import { UserError } from '../user-error.ts';
import { writeFileNamed } from '../write-file.ts';
import { shapeExcess } from '../check/limits.ts';

export interface ImportedFile {
	/** Source path as the user gave it (relative to the working folder). */
	source: string;
	/** Destination relative to content/, when the file is imported. */
	target?: string;
	collection?: CollectionName;
	/** imported: clean; attention: imported, but something should be checked; skipped: not imported. */
	status: 'imported' | 'attention' | 'skipped';
	/** Why a skipped file was left out, in a few words that group alike files in the summary. */
	reason?: string;
	/** Why an imported file needs attention, in a few words each, grouped in the summary like `reason`. */
	attention?: string[];
	/** What was inferred, repaired, or why it was skipped. */
	notes: string[];
	text?: string;
}

export interface ImportResult {
	files: ImportedFile[];
	linksRepaired: number;
	linksKept: number;
	/** Links that could not be pointed at a published document, kept as text with the target in a comment. */
	linksUnlinked: Array<{ file: string; url: string; why: string }>;
}

interface Source {
	abs: string;
	shown: string;
	text: string;
	lines: string[];
	title: string;
	labels: Label[];
	sprint?: string;
	archived: boolean;
	/** Path inside the input folder it was found under, `/`-separated. */
	inside: string;
	/** That input folder: what a root-absolute link (`/ROADMAP.md`) in it is relative to. */
	inputRoot: string;
	/** Hash of the decoded text: the same document reached twice is imported once. */
	hash: string;
	notes: string[];
	/** What a reader should look at once imported (a date without a day, a figure left out…): the summary groups them. */
	flags: Set<string>;
	/** Where the sprint came from: a folder or file name places a doc in its sprint; a label or title may only relate it. */
	sprintFrom?: SprintEvidence['from'];
	/** A sprint a project doc names without belonging to it: its `sprint` field. */
	related?: string;
}

/** A file that cannot be imported, with why: the line it gets in the report. */
interface Unreadable {
	abs: string;
	shown: string;
	binary: string;
	reason: string;
}

/**
 * The most import reads of one file: ten times the largest Markdown in the archives it was tried on (0.2 MB). A file
 * bigger than this is not a doc a person reads (a log, a dump): it is left out, and the report says so.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why `abs` (an open file's status) is not read at all, or undefined: a FIFO would hang the read, a device never end it. */
export function notReadable(stats: { isFile(): boolean; size: number }): { reason: string; note: string } | undefined {
	if (!stats.isFile()) return { reason: 'not a regular file', note: 'not a regular file (a pipe, a device or a socket): not read' };
	if (stats.size > IMPORT_MAX_BYTES) return { reason: 'too big', note: `${megabytes(stats.size)}, over import's limit of ${megabytes(IMPORT_MAX_BYTES)} for one doc: not imported; split it into smaller docs, then import them` };
	return undefined;
}

async function readSource(abs: string, inputRoot: string, cwd: string): Promise<Source | Unreadable> {
	const notes: string[] = [];
	const shown = relative(cwd, abs).split(sep).join('/');
	// Opened without blocking, then asked what it is: opening a FIFO for reading would otherwise wait for a writer.
	const handle = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
	let bytes: Buffer;
	try {
		const refused = notReadable(await handle.stat());
		if (refused) return { abs, shown, binary: refused.note, reason: refused.reason };
		bytes = await handle.readFile();
	} finally {
		await handle.close();
	}
	const decoded = decodeInput(bytes);
	if ('binary' in decoded) return { abs, shown, binary: decoded.binary, reason: decoded.reason ?? 'not text' };
	let text = decoded.text.replace(/^\uFEFF/, '');
	// A shape no parser should be given (check's limits, src/lib/check/limits.ts): left out before import parses it.
	const excess = shapeExcess(text, /\.mdx$/i.test(abs));
	if (excess) return { abs, shown, binary: `${excess.message}: not imported; ${excess.fix}`, reason: 'too pathological' };
	if (decoded.encoding !== 'UTF-8') notes.push(`converted from ${decoded.encoding} to UTF-8`);
	const flags = new Set<string>();
	if (decoded.warning) {
		notes.push(decoded.warning);
		flags.add('damaged UTF-8 sequences');
	}
	// A file that already has frontmatter (another tool's): its fields are not ours to trust, so the body is
	// imported and the original block is kept, word for word, in a comment at its top.
	const own = splitFrontmatter(text.replace(/\r\n/g, '\n'));
	if (own) {
		if (!own.body.trim()) return { abs, shown, binary: 'only frontmatter, no text to publish', reason: 'only frontmatter' };
		text = `<!-- sprintbook import: the file's own frontmatter, kept as it was:\n${own.yaml.replace(/--/g, '- -').trimEnd()}\n-->\n${own.body}`;
		notes.push('had frontmatter of its own: kept in a comment at the top of the body');
	}
	const broken = findMojibake(text).length;
	if (broken) {
		text = repairMojibake(text);
		notes.push(`repaired ${broken} broken characters (mojibake)`);
	}
	text = text.replace(/\r\n/g, '\n');
	const lines = text.split('\n');
	const h1 = lines.findIndex((l) => /^#\s+\S/.test(l));
	const title = h1 === -1 ? basename(abs, '.md') : plainInline(lines[h1]!.replace(/^#\s+/, ''), true).replace(/^[^\p{L}\p{N}]+/u, '').trim();
	const labels = readLabels(lines);
	// Folders above what the user named say nothing about the file: infer from the path inside the input only.
	const inside = relative(inputRoot, abs).split(sep).join('/');
	const found = sprintOf(inside, pick(labels, 'sprint', 'sprint number')?.value, title);
	if (found) notes.push(`sprint ${found.sprint} from its ${found.from === 'label' ? '**Sprint:** line' : found.from}`);
	const hash = createHash('sha256').update(text).digest('hex');
	return { abs, shown, text, lines, title, labels, sprint: found?.sprint, sprintFrom: found?.from, archived: /(?:^|\/)archives?\//i.test(inside), inside, inputRoot, hash, notes, flags };
}

/** Removes the H1 and the header lines whose values became frontmatter; everything else stays as written. */
function bodyWithout(src: Source, lifted: Label[]): string {
	const drop = new Set(lifted.map((l) => l.line));
	const h1 = src.lines.findIndex((l) => /^#\s+\S/.test(l));
	if (h1 !== -1) drop.add(h1);
	const kept = src.lines.filter((_, i) => !drop.has(i));
	return kept.join('\n').replace(/^\s*\n/, '\n').trimEnd() + '\n';
}

function dateOf(src: Source, ...keys: string[]): { iso?: string; label?: Label } {
	const label = pick(src.labels, ...keys);
	const parsed = label && parseLooseDate(label.value);
	if (!parsed) return {};
	if (parsed.approximate) {
		// "Mar 2026" names no day, and the first of the month would be a guess: leave it out, keep the words in the body.
		src.notes.push(`date "${label.value}" has no day: left out`);
		src.flags.add('a date without a day left out');
		return {};
	}
	return { iso: parsed.iso, label };
}

export interface PlanOptions {
	/** Files under content/ to treat as already gone: the samples that `--replace-samples` removes first. */
	gone?: ReadonlySet<string>;
	/** Which files found in a folder to read, by their path inside it: a repository read in place names its doc folders. */
	only?: (inside: string) => boolean;
	/** Folders inside an input never to read (`/`-separated, relative to it): build output, caches. */
	skip?: readonly string[];
	/** What each document alone gave last time (import/memo.ts); by default, remembered for this run only. */
	memo?: ImportMemo;
}

export async function planImport(inputs: string[], root: string, cwd = process.cwd(), { gone = new Set(), only, skip = [], memo = ImportMemo.inMemory() }: PlanOptions = {}): Promise<ImportResult> {
	/** Whether a path under content/ holds something that stays: a file not about to be removed, or a folder with one. */
	const onDisk = (path: string) => {
		// What a killed import left (an empty or half-written doc) is no one's: the doc goes there again, whole.
		if (!existsSync(join(root, CONTENT_DIR, path)) || leftBehind(join(root, CONTENT_DIR, path))) return false;
		if (!gone.size) return true;
		if (gone.has(path)) return false;
		const prefix = `${path}/`;
		const inside = [...gone].filter((g) => g.startsWith(prefix));
		return !inside.length || globSync(['**/*'], { cwd: join(root, CONTENT_DIR, path), onlyFiles: true, dot: true }).some((f) => !gone.has(prefix + f));
	};
	const files = new Map<string, string>(); // file → the input folder it was found under
	const searchRoots: string[] = [];
	for (const input of inputs) {
		const abs = resolve(cwd, input);
		if (statSync(abs).isDirectory()) {
			// Hidden folders hold docs too (.github/); a repository's own machinery does not.
			const found = await glob(['**/*.{md,mdx}'], { cwd: abs, absolute: true, onlyFiles: true, dot: true, ignore: ['**/.git/**', '**/node_modules/**', ...skip.map((d) => `${d}/**`)] });
			for (const f of found) if (!files.has(f) && (!only || only(relative(abs, f).split(sep).join('/')))) files.set(f, abs);
			searchRoots.push(abs);
		} else {
			files.set(abs, dirname(abs));
			searchRoots.push(dirname(abs));
		}
	}
	// Symbolic links: a file reached twice (a link, a loop) is read once; a link out of the input is not read at all.
	const result: ImportedFile[] = [];
	const leftOut = (f: string, reason: string, note: string) => result.push({ source: relative(cwd, f).split(sep).join('/'), status: 'skipped', reason, notes: [note] });
	const realOf = new Map<string, string>(); // real path → the first path it was found at
	const toRead: string[] = [];
	const realPaths = new Map<string, string | undefined>();
	for (const f of files.keys()) {
		try {
			realPaths.set(f, realpathSync(f));
		} catch {
			realPaths.set(f, undefined);
		}
	}
	// The file itself before any link to it, then shorter paths: the copy a reader would call the original.
	const order = [...files.keys()].sort((a, b) => Number(realPaths.get(b) === b) - Number(realPaths.get(a) === a) || a.length - b.length || (a < b ? -1 : 1));
	for (const f of order) {
		const inputRoot = realpathSync(files.get(f)!);
		const real = realPaths.get(f);
		if (!real) {
			leftOut(f, 'unreadable', 'a symbolic link to nothing: not read');
			continue;
		}
		if (real !== inputRoot && !real.startsWith(inputRoot + sep)) {
			leftOut(f, 'outside the input', 'a symbolic link to a file outside the input: not read');
			continue;
		}
		const first = realOf.get(real);
		if (first) {
			leftOut(f, 'a duplicate of another input', `the same file as ${relative(cwd, first).split(sep).join('/')} (reached through a symbolic link): imported once`);
			continue;
		}
		realOf.set(real, f);
		toRead.push(f);
	}
	const read = await Promise.all(toRead.sort().map((f) => readSource(f, files.get(f)!, cwd)));
	const sources: Source[] = [];
	for (const r of read) {
		if ('binary' in r) leftOut(r.abs, r.reason, /: not (?:read|imported)\b/.test(r.binary) ? r.binary : `${r.binary}: not imported`);
		else sources.push(r);
	}

	/** Whether content/ already holds a folder for the sprint, live or archived. */
	const sprintOnDisk = (sprint: string) => [liveSprintFolder(sprint), archivedSprintFolder(sprint)].some(onDisk);

	// The same document reached twice (a copy in two folders, a symlink) is imported once.
	const firstWithText = new Map<string, Source>();
	const duplicateOf = new Map<Source, Source>();
	for (const s of sources) {
		const first = firstWithText.get(s.hash);
		if (first) duplicateOf.set(s, first);
		else firstWithText.set(s.hash, s);
	}

	// A reference doc — a decision, an architecture note, a guide, by its folder or name — that names a sprint only in a
	// label or its title is about the project and related to that sprint, not one of the sprint's own docs.
	for (const s of sources) {
		const name = basename(s.abs);
		if (!s.sprint || (s.sprintFrom !== 'label' && s.sprintFrom !== 'title')) continue;
		if (rankAs('plan', name) !== -1 || rankAs('report', name) !== -1 || !projectDocPlace(s.inside).reference) continue;
		s.related = s.sprint;
		s.sprint = undefined;
	}

	// One plan and one report per sprint: the best-named candidate wins; the rest are sprint docs.
	// A sprint needs neither: one that kept only a retro is still a sprint.
	const bySprint = new Map<string, Source[]>();
	for (const s of sources) if (s.sprint && !duplicateOf.has(s)) bySprint.set(s.sprint, [...(bySprint.get(s.sprint) ?? []), s]);
	const roleOf = new Map<Source, 'plan' | 'report' | 'doc'>();
	/** What each doc is about (src/lib/infer/role.ts): a story's or a phase's report is never the sprint's. */
	const aboutOf = new Map(sources.map((s) => [s, roleInArchive(s.inside, s.title, s.sprint, s.sprintFrom)]));
	for (const group of bySprint.values()) {
		const sprintWide = group.filter((s) => aboutOf.get(s) !== 'part');
		const best = (role: 'plan' | 'report') =>
			sprintWide.filter((s) => rankAs(role, basename(s.abs)) !== -1).sort((a, b) => rankAs(role, basename(a.abs)) - rankAs(role, basename(b.abs)))[0];
		// Named as a plan or report first; else the doc that plans the whole sprint (a backlog, a story breakdown) and
		// the one that closes it (a summary, a review, a retrospective), as folder-per-sprint layouts keep them.
		const byAbout = (about: string, prefer: RegExp) =>
			sprintWide.filter((s) => aboutOf.get(s) === about).sort((a, b) => Number(prefer.test(basename(b.abs))) - Number(prefer.test(basename(a.abs))) || a.shown.localeCompare(b.shown))[0];
		const plan = best('plan') ?? byAbout('plan', /backlog|breakdown|plan/i);
		// A sprint with neither keeps its facts in the overview of its folder (a README written as the sprint closed).
		const report = best('report') ?? byAbout('closing', /summary|report|review/i) ?? (plan ? undefined : byAbout('overview', /readme/i));
		for (const s of group) roleOf.set(s, s === plan ? 'plan' : s === report ? 'report' : 'doc');
	}

	// Sprints the roadmap imported with the plans marks complete: a plan of one still "planning" is out of date.
	// Each roadmap's milestones, read once: they decide both stale plan statuses and the roadmap entry itself.
	// The roadmap: a ROADMAP.md first, else a doc named or filed as a roadmap, that lists sprints.
	const roadmapRank = (s: Source) => (/^ROADMAP\.mdx?$/i.test(basename(s.abs)) ? 0 : /roadmap/i.test(basename(s.abs)) ? 1 : /(?:^|\/)roadmap\//i.test(s.inside) && !s.sprint ? 2 : -1);
	const milestonesOf = new Map(
		sources
			.filter((s) => !s.sprint && roadmapRank(s) !== -1)
			.sort((a, b) => roadmapRank(a) - roadmapRank(b) || a.shown.localeCompare(b.shown))
			.map((s) => [s, readMilestones(s.lines, mapStatus)]),
	);
	const roadmap = [...milestonesOf.keys()].find((s) => !duplicateOf.has(s) && milestonesOf.get(s)?.length);
	const onRoadmap = new Set((roadmap ? milestonesOf.get(roadmap)! : []).map((m) => m.sprint));

	// Every sprint fact, from every document's statements, weighed once (src/lib/infer): what the plan, the report and
	// the roadmap say of a sprint below is what was inferred here, with the line it came from.
	const inferDocs: InferDoc[] = sources
		.filter((s) => !duplicateOf.has(s))
		// A doc of another numbering ("Phase 2 Sprint 3 Report") says nothing of the team's sprints.
		.map((s) => ({ file: s.inside, lines: s.lines, sprint: s.sprint, role: s.sprint ? aboutOf.get(s)! : namesOtherNumbering(`${basename(s.abs)} ${s.title}`) ? 'other' : 'many' }));
	const sprintKnown = (sprint: string) => bySprint.has(sprint) || onRoadmap.has(sprint) || sprintOnDisk(sprint);
	// A sprint a roadmap, a status board or a log gives a section or a row of its own exists too — when it is numbered
	// like the sprints the team's files are (a "Sprint 12" among 2.x sprints is another numbering).
	const depth = (sprint: string) => sprint.split('.').length;
	const depths = new Set([...bySprint.keys()].map(depth));
	const sprintStated = (sprint: string) => sprintKnown(sprint) || !depths.size || depths.has(depth(sprint));
	const inferred = inferFacts(inferDocs, sprintStated, (doc, read) => memo.statements(doc, read)).facts;
	/** Sprints only documents about many sprints state a status or days of: the roadmap lists them, so they have a page. */
	// A section about the sprint (a heading naming it) or a row stating its status or days: the sprint exists.
	const statedElsewhere = [...inferred].filter(([sprint, f]) => !sprintKnown(sprint) && (f.section || f.status || f.start || f.end)).map(([sprint, f]) => {
		const at = /^(.*):(\d+)$/.exec(f.section?.at ?? f.evidence.status ?? f.evidence.start ?? f.evidence.end ?? '');
		const line = at ? sources.find((s) => s.inside === at[1])?.lines[Number(at[2]) - 1] : undefined;
		const title = plainInline(line?.replace(/^\s*#+\s*|\|/g, ' ') ?? '', true).replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+/g, ' ').trim();
		return { sprint, title: title || `Sprint ${sprint}` };
	});
	const factsOf = (sprint: string): WeighedFacts => inferred.get(sprint) ?? { evidence: {}, conflicts: [] };
	/** Frontmatter fields for the given facts of a sprint, with their evidence. */
	const factFields = (sprint: string, names: ReadonlyArray<'status' | 'start' | 'end' | 'goal' | 'tests' | 'depends_on'>, keep: (name: string, value: unknown) => boolean = () => true) => {
		const f = factsOf(sprint);
		const fields: Record<string, unknown> = {};
		const evidence: Record<string, string> = {};
		for (const n of names) {
			const v = f[n];
			if (v === undefined || (Array.isArray(v) && !v.length) || !keep(n, v)) continue;
			fields[n] = v;
			if (f.evidence[n]) evidence[n] = f.evidence[n]!;
		}
		return { fields, evidence };
	};
	/** The import report's lines on what was inferred for a sprint, from where, and what was left out because documents disagree. */
	const describeFacts = (src: Source, sprint: string, facts: Record<string, unknown>, evidence: Record<string, string>, conflicts = true) => {
		for (const [name, value] of Object.entries(facts)) src.notes.push(`${name} ${typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"` : JSON.stringify(value)}${evidence[name] ? ` from ${evidence[name]}` : ''}`);
		if (!('status' in facts) && conflicts) src.flags.add('no sprint status stated or agreed');
		if (!conflicts) return;
		for (const c of factsOf(sprint).conflicts) {
			src.notes.push(`left out, the documents disagree: ${c}`);
			src.flags.add('facts the documents disagree on left out');
		}
	};

	// A sprint's documents go to one folder: the one content/ already has for it, else the archive's when any of them
	// comes from an archive folder.
	// A sprint is archived when its folder lies in an archive (`archive/sprint-2.25/…`): an `archive/` subfolder of old
	// story docs inside a live sprint's folder (`sprint8/archive/…`) archives those docs' history, not the sprint.
	const sprintArchived = (s: Source) => {
		const parts = s.inside.split('/');
		const archive = parts.findIndex((p) => /^archives?$/i.test(p));
		const named = parts.findIndex((p) => sprintInName(p) === s.sprint);
		return archive !== -1 && (named === -1 || archive < named);
	};
	const archivedSprints = new Set([...bySprint].filter(([, group]) => group.some(sprintArchived)).map(([sprint]) => sprint));
	const folderOnDisk = (sprint: string) => [archivedSprintFolder(sprint), liveSprintFolder(sprint)].find(onDisk);

	/** Sprints that will exist: a document of theirs is imported now, or is already in content/. */
	const sprintExists = (sprint: string) => bySprint.has(sprint) || sprintOnDisk(sprint);
	/** Destinations and page URLs already promised, so that two sources never share one. */
	const taken = new Map<string, Source>();
	const promisedUrls = new Set<string>();
	/** Pages the files staying in content/ publish at: a new doc on one of them would take it over. */
	const urlsOnDisk = new Map<string, string>();
	if (existsSync(join(root, CONTENT_DIR))) {
		for (const f of await glob(['**/*.{md,mdx}'], { cwd: join(root, CONTENT_DIR), onlyFiles: true })) {
			const url = gone.has(f) || leftBehind(join(root, CONTENT_DIR, f)) ? undefined : pageUrl(f);
			if (url) urlsOnDisk.set(url, f);
		}
	}
	/**
	 * The first destination no one has: not promised to another input, no file staying in content/, no page another
	 * doc publishes at. One held by a doc of the same title is this doc, imported before: `already` names it, and
	 * nothing is written (a second import never duplicates a doc).
	 */
	const choose = (candidates: readonly string[], title: string, sprint?: string): { target: string } | { already: string } | undefined => {
		for (const c of candidates) {
			const url = pageUrl(c, sprint);
			if (taken.has(c) || (url && promisedUrls.has(url))) continue;
			const owner = onDisk(c) ? c : url ? urlsOnDisk.get(url) : undefined;
			if (!owner) return { target: c };
			if (titleOnDisk(join(root, CONTENT_DIR, owner)) === title) return { already: owner };
		}
		return undefined;
	};

	const placed = new Map<string, { file: ImportedFile; src: Source; body: string }>();
	/** Inputs whose doc content/ already holds (imported before): links to them lead there. */
	const alreadyAt = new Map<string, string>();
	for (const src of sources) {
		const name = basename(src.abs);
		const file: ImportedFile = { source: src.shown, status: 'imported', notes: src.notes };
		let fm: Record<string, unknown> | undefined;
		let lifted: Label[] = [];
		/** The sprint's plan or report already in content/, in either of its folders. */
		let existing: string | undefined;
		/**
		 * Where a project doc goes: a short path under its section; when that is taken, the whole original path; then
		 * that path numbered. A file is never dropped for its name.
		 */
		const projectDoc = () => {
			const short = projectDocPlace(src.inside);
			const long = projectDocPlace(src.inside, true).target;
			const numbered = Array.from({ length: 98 }, (_, i) => long.replace(/(\.mdx?)?$/i, (ext) => `-${i + 2}${ext}`));
			const date = dateOf(src, 'last updated', 'updated', 'date', 'date created', 'created');
			const status = pick(src.labels, 'status')?.value.replace(/\*+/g, '').trim();
			// A related sprint only if it will have a page: a number no document belongs to stays in the body's words.
			const sprint = src.related && sprintExists(src.related) ? src.related : undefined;
			const sprintLabel = sprint && src.sprintFrom === 'label' ? pick(src.labels, 'sprint', 'sprint number') : undefined;
			fm = { title: src.title, ...(date.iso ? { date: date.iso } : {}), ...(status && status.length <= 80 ? { status } : {}), ...(sprint ? { sprint } : {}) };
			lifted = [date.label, status && status.length <= 80 ? pick(src.labels, 'status') : undefined, sprintLabel].filter((l): l is Label => !!l && l.line < firstSection(src.lines));
			file.collection = 'docs';
			src.notes.push(`project doc in section "${short.section}"`);
			if (src.related) src.notes.push(sprint ? `related to Sprint ${sprint}, which it names; a project doc, not one of the sprint's own` : `it names Sprint ${src.related}, of which no document is imported: \`sprint\` left out`);
			place(choose([short.target, long, ...numbered], src.title));
		};
		/** Takes a chosen destination, or says the doc is in content/ already. */
		const place = (choice: ReturnType<typeof choose>) => {
			if (choice && 'target' in choice) file.target = choice.target;
			else {
				file.status = 'skipped';
				file.reason = choice ? 'already in content/' : 'no free destination';
				file.notes.push(choice ? `content/${choice.already} holds a doc of the same title, imported before: nothing will be written` : 'every destination tried is taken: rename the file');
				if (choice) alreadyAt.set(src.abs, choice.already);
				fm = undefined;
			}
		};
		const onDiskFolder = src.sprint ? folderOnDisk(src.sprint) : undefined;
		const inArchive = onDiskFolder ? onDiskFolder.startsWith(ARCHIVE_DIR) : src.sprint ? archivedSprints.has(src.sprint) : src.archived;
		const folder = (sprint: string) => (inArchive ? archivedSprintFolder(sprint) : liveSprintFolder(sprint));
		/** A handoff or roadmap: free, this doc imported before, or another doc's place (then this one is a project doc). */
		const singleton = (target: string) => (taken.has(target) ? 'other' : !onDisk(target) ? 'free' : titleOnDisk(join(root, CONTENT_DIR, target)) === src.title ? 'same' : 'other');
		const duplicate = duplicateOf.get(src);

		if (duplicate) {
			file.status = 'skipped';
			file.reason = 'a duplicate of another input';
			file.notes.push(`the same text as ${duplicate.shown}, which is imported: imported once`);
		} else if (!src.text.trim()) {
			file.status = 'skipped';
			file.reason = 'empty';
			file.notes.push('empty file: nothing to publish');
		} else if ((/^(?:PROJECT_)?HANDOFF\.md$/i.test(name) && singleton('handoff.md') === 'same') || (/^ROADMAP\.mdx?$/i.test(name) && singleton('roadmap.md') === 'same')) {
			const at = /HANDOFF/i.test(name) ? 'handoff.md' : 'roadmap.md';
			file.status = 'skipped';
			file.reason = 'already in content/';
			file.notes.push(`content/${at} holds a doc of the same title, imported before: nothing will be written`);
			alreadyAt.set(src.abs, at);
		} else if (/^(?:PROJECT_)?HANDOFF\.md$/i.test(name) && singleton('handoff.md') === 'free') {
			const updated = dateOf(src, 'last updated', 'updated', 'date');
			if (updated.iso) {
				fm = { title: src.title, updated: updated.iso };
				lifted = [updated.label!];
				file.collection = 'handoff';
				file.target = 'handoff.md';
			} else {
				projectDoc();
				src.notes.push('a handoff without a date line to take `updated` from: kept as a project doc');
			}
		} else if (src === roadmap && singleton('roadmap.md') === 'free') {
			// The roadmap's own list of sprints becomes the typed milestones; its prose stays the body. Each milestone states
			// the sprint's facts as weighed from every document, with where each was read.
			const milestones = [...milestonesOf.get(src)!, ...statedElsewhere].sort((a, b) => compareSprints(a.sprint, b.sprint)).map((m) => {
				const { fields, evidence } = factFields(m.sprint, ['status', 'start', 'end', 'goal']);
				return { sprint: m.sprint, title: m.title, ...fields, ...(Object.keys(evidence).length ? { evidence } : {}) };
			});
			const updated = dateOf(src, 'last updated', 'updated', 'date');
			fm = { title: src.title, ...(updated.iso ? { updated: updated.iso } : {}), milestones };
			lifted = updated.label ? [updated.label] : [];
			file.collection = 'roadmap';
			file.target = 'roadmap.md';
			const unstated = milestones.filter((m) => !('status' in m)).map((m) => m.sprint);
			src.notes.push(`${milestones.length} milestones from its list of sprints${unstated.length ? `; no status stated for ${unstated.join(', ')}` : ''}`);
		} else if (!src.sprint) {
			// The roadmap's milestones and requirement stories are not read into typed lists yet: they stay project docs, never dropped.
			projectDoc();
		} else {
			const sprint = src.sprint;
			const role = roleOf.get(src)!;
			const date = dateOf(src, 'date', 'date completed', 'completed', 'date created', 'created', 'date started', 'generated', 'last updated');
			if (role === 'plan') {
				// Status, days, goal and dependencies are the sprint's, weighed from every document (src/lib/infer): a stale
				// "planning" beside a closing report is not heard, and what documents disagree on is left out and said.
				const { fields: facts, evidence } = factFields(sprint, ['status', 'start', 'end', 'goal', 'depends_on'], (n, v) => n !== 'depends_on' || (v as string[]).every(sprintExists));
				const unresolved = factsOf(sprint).conflicts;
				describeFacts(src, sprint, facts, evidence);
				const footerSprint = src.labels.filter((l) => l.key === 'sprint').map((l) => /^\s*\d+(?:\.\d+)*\s*[-–—:]\s*(.+)$/.exec(l.value)?.[1]).find(Boolean);
				const tracks = readTracks(src.lines);
				const tiers = readTiers(src.lines);
				const suite = readSuiteFigure(src.lines, 'plan');
				const baseline = suite.counts;
				if (suite.conflicting) {
					src.notes.push(`baseline left out: the plan gives different whole-suite figures (${suite.conflicting.map((c) => `${c.passing}/${c.total} on line ${c.line + 1}`).join(', ')})`);
					src.flags.add('test figures that disagree left out');
				}
				const next = readNextSprint(src.lines);
				// The day a plan was written is not its start day: without a date line, no date.
				const when = date.iso;
				// "Sprint 3 Plan: Checkout" is titled "Checkout": the number and the word "plan" are said elsewhere.
				// "Sprint 62 Plan -- STUB" is titled "STUB", not "- STUB".
				const title = footerSprint ?? src.title.replace(/^Sprint\s+\d+(?:\.\d+)*\s*(?:(?:execution\s+)?plan(?:ning)?\b)?\s*[-–—:]*\s*/i, '').trim();
				fm = {
					sprint,
					title: title || src.title,
					...facts,
					...(when ? { date: when } : {}),
					...(baseline ? { baseline } : {}),
					...(Object.keys(tiers).length ? { targets: tiers } : {}),
					...(tracks.length ? { tracks } : {}),
					...(next && compareSprints(next, sprint) > 0 && sprintExists(next) ? { next } : {}),
					...(Object.keys(evidence).length ? { evidence } : {}),
					...(unresolved.length ? { unresolved } : {}),
				};
				if (!when) src.notes.push('no date line: `date` left out');
				if (tracks.length) src.notes.push(`tracks ${tracks.map((t) => t.id).join(', ')} with owners and hours`);
				if (next && !sprintExists(next)) src.notes.push(`it hands over to Sprint ${next}, of which no document is imported: left out of the frontmatter`);
				if (baseline) src.notes.push(`baseline ${baseline.passing}/${baseline.total}, the whole suite's, from line ${suite.line! + 1}`);
				// The lines the facts were read from stay in the body as the team wrote them; only the date line is lifted.
				lifted = [date.label].filter((l): l is Label => !!l && l.line < firstSection(src.lines));
				file.collection = 'plans';
				file.target = `${folder(sprint)}/plan.md`;
				existing = [liveSprintFolder(sprint), archivedSprintFolder(sprint)].map((f) => `${f}/plan.md`).find(onDisk);
			} else if (role === 'report') {
				const when = date.iso ?? bySprintDate(src);
				// The suite at the sprint's end, weighed from its closing documents; without a plan, the report also carries the
				// sprint's status, days and goal.
				const hasPlan = bySprint.get(sprint)!.some((s) => roleOf.get(s) === 'plan');
				const { fields: facts, evidence } = factFields(sprint, hasPlan ? ['tests'] : ['status', 'start', 'end', 'goal', 'tests']);
				const unresolved = hasPlan ? [] : factsOf(sprint).conflicts;
				fm = { sprint, title: src.title, ...(when ? { date: when } : {}), ...facts, ...(Object.keys(evidence).length ? { evidence } : {}), ...(unresolved.length ? { unresolved } : {}) };
				describeFacts(src, sprint, facts, evidence, !hasPlan);
				if (!when) src.notes.push('no date line: `date` left out');
				lifted = [date.label].filter((l): l is Label => !!l && l.line < firstSection(src.lines));
				file.collection = 'reports';
				file.target = `${folder(sprint)}/report.md`;
				existing = [liveSprintFolder(sprint), archivedSprintFolder(sprint)].map((f) => `${f}/report.md`).find(onDisk);
			} else {
				const kind = docKind(name);
				fm = { sprint, title: src.title, kind, ...(date.iso ? { date: date.iso } : {}) };
				src.notes.push(`kind ${kind}`);
				lifted = [date.label].filter((l): l is Label => !!l && l.line < firstSection(src.lines));
				file.collection = 'sprintDocs';
				// A README says nothing once out of its folder; two files whose names make one page (or the plan's or the
				// report's page) keep apart by the folder they came from, else by a number.
				const base = /^README\.mdx?$/i.test(name) ? `SPRINT_${sprint}_README.md` : safeDocName(name);
				const parent = safeFolderName(src.inside.split('/').slice(-2, -1)[0] ?? '');
				const names = [base, ...(parent ? [`${parent}-${base}`] : []), ...Array.from({ length: 98 }, (_, i) => `${i + 2}-${base}`)];
				// `plan` and `report` are the sprint's own pages, not a doc's.
				const paths = names.map((n) => `${folder(sprint)}/${n}`).filter((p) => !/\/(?:plan|report)$/.test(sprintDocId(p, { sprint })));
				place(choose(paths, src.title, sprint));
			}
		}
		// A doc of an archived sprint goes to the archive folder, which is what makes it archived. `archived:` is the
		// day `sprintbook archive` moved it, which no legacy doc records: it is not written here.
		if (fm && inArchive && file.collection && ['plans', 'reports', 'sprintDocs'].includes(file.collection) && !src.archived) {
			src.notes.push(`placed with the rest of Sprint ${src.sprint} in the archive`);
		}
		if (fm && file.target) {
			// One input per destination, and nothing written over: a sprint's plan or report counts in either of its folders.
			const other = taken.get(file.target);
			existing ??= onDisk(file.target) ? file.target : undefined;
			if (other || existing) {
				file.status = 'skipped';
				file.reason = other ? 'another input has the same destination' : 'already in content/';
				file.notes.push(other ? `content/${file.target} is already the destination of ${other.shown}` : `content/${existing} already exists; nothing will be written`);
				// A link to it leads to what content/ holds in its place: that sprint's plan or report, that roadmap.
				if (existing) alreadyAt.set(src.abs, existing);
				fm = undefined;
			} else {
				taken.set(file.target, src);
				const url = pageUrl(file.target, src.sprint);
				if (url) promisedUrls.add(url);
			}
		}
		if (fm && file.collection) {
			// What import writes must pass the schema; say so if it cannot be made to.
			const valid = collectionSchemas[file.collection].safeParse(fm);
			if (!valid.success) {
				src.notes.push(`frontmatter needs fixing: ${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
				src.flags.add('frontmatter that needs fixing');
			}
		}
		if (fm && file.target) {
			const body = bodyWithout(src, lifted);
			file.text = `---\n${stringify(fm, { lineWidth: 0 }).trimEnd()}\n---\n${body.startsWith('\n') ? '' : '\n'}${body}`;
			placed.set(src.abs, { file, src, body });
		}
		result.push(file);
	}

	// Links: rewrite those whose target was imported; unlink the ones that cannot lead anywhere on the site.
	const byName = new Map<string, string[]>();
	for (const r of searchRoots) for (const f of await glob(['**/*'], { cwd: r, absolute: true, onlyFiles: true, dot: true, ignore: ['**/.git/**', '**/node_modules/**'] })) byName.set(basename(f).toLowerCase(), [...new Set([...(byName.get(basename(f).toLowerCase()) ?? []), f])]);
	const anchorsOf = new Map<string, Set<string>>();
	const anchors = (abs: string) => {
		if (!anchorsOf.has(abs)) {
			const body = placed.get(abs)?.body ?? splitFrontmatter(readFileSync(join(root, CONTENT_DIR, alreadyAt.get(abs)!), 'utf8'))?.body ?? '';
			anchorsOf.set(abs, memo.outline(body, placed.get(abs)?.src.inside ?? abs).anchors);
		}
		return anchorsOf.get(abs)!;
	};
	/** Where an input is published: where it is written now, or where content/ already holds it. */
	const publishedAt = (abs: string) => placed.get(abs)?.file.target ?? alreadyAt.get(abs);
	// A link to a copy imported once leads to the copy that was: the same text.
	const sameAs = new Map([...duplicateOf].map(([copy, first]) => [copy.abs, first.abs]));
	let linksRepaired = 0;
	let linksKept = 0;
	const linksUnlinked: ImportResult['linksUnlinked'] = [];
	for (const { file, src, body } of placed.values()) {
		// Every edit is worked out against the original body, then applied in one pass; a ref
		// inside a link that is being removed (an image in a link) goes with it.
		const edits: Array<{ start: number; end: number; text: string; whole: boolean; why?: string; url?: string }> = [];
		for (const ref of memo.outline(body, src.inside).refs) {
			// `/ROADMAP.md` was written for a repository browser: `/` is the repository's root, the folder imported.
			const rootAbsolute = /^\/(?!\/)/.test(ref.url);
			const link = parseFileLink(rootAbsolute ? `.${ref.url}` : ref.url);
			if (!link) continue;
			const { written: path, path: decoded, fragment: hash } = link;
			const unlink = (why: string) => {
				// Its text is worked out below, once the edits nested inside it are known.
				edits.push({ start: ref.offset, end: ref.endOffset, text: '', whole: true, why, url: ref.url });
				linksUnlinked.push({ file: src.shown, url: ref.url, why });
			};
			if (!path) {
				if (hash && !anchors(src.abs).has(hash)) unlink(`no heading #${hash} in this document`);
				continue;
			}
			let targetAbs = resolve(rootAbsolute ? src.inputRoot : dirname(src.abs), decoded);
			targetAbs = sameAs.get(targetAbs) ?? targetAbs;
			if (!placed.has(targetAbs) && !existsSync(targetAbs)) {
				// The target moved: find it by its file name, then by the longest path it ends with, then by the sprint
				// folder the link names — and only when exactly one imported file fits.
				const candidates = (byName.get(basename(decoded).toLowerCase()) ?? []).filter((c) => publishedAt(c));
				const found = movedTarget(decoded, candidates, src.inputRoot);
				if (!found) {
					unlink(candidates.length > 1 ? `${candidates.length} files are named ${basename(decoded)}, and neither its path nor a sprint folder tells which` : `no file named ${basename(decoded)} was imported`);
					continue;
				}
				targetAbs = found;
			}
			const targetPath = publishedAt(targetAbs);
			if (!targetPath) {
				unlink(existsSync(targetAbs) ? 'its target was not imported, so the site does not publish it' : 'its target does not exist');
				continue;
			}
			let to = posix.relative(posix.dirname(file.target!), targetPath);
			if (hash) to += anchors(targetAbs).has(hash) ? `#${hash}` : '';
			if (to === ref.url) {
				linksKept++;
				continue;
			}
			const at = body.slice(ref.offset, ref.endOffset).lastIndexOf(ref.url);
			if (at === -1) {
				unlink('the link could not be rewritten in place');
				continue;
			}
			edits.push({ start: ref.offset + at, end: ref.offset + at + ref.url.length, text: to, whole: false });
			linksRepaired++;
		}
		// The edits as a tree, each under the smallest edit around it: one sort and one pass, so a doc with tens of
		// thousands of links costs what its size does (comparing every pair took minutes at 1 MB).
		type Edit = (typeof edits)[number] & { children?: Edit[] };
		const roots: Edit[] = [];
		const open: Edit[] = [];
		for (const e of (edits as Edit[]).sort((x, y) => x.start - y.start || y.end - x.end)) {
			while (open.length && open[open.length - 1]!.end < e.end) open.pop();
			const parent = open[open.length - 1];
			(parent ? (parent.children ??= []) : roots).push(e);
			open.push(e);
		}
		/** `text` from `start` to `end` of the body with the given edits (those directly inside that range) applied. */
		const applied = (start: number, end: number, within: readonly Edit[]): string => {
			const parts: string[] = [];
			let at = start;
			for (const e of within) {
				parts.push(body.slice(at, e.start), textOf(e));
				at = e.end;
			}
			parts.push(body.slice(at, end));
			return parts.join('');
		};
		// A removed link keeps its text: its inner edits first, so a link around a removed image keeps the image's words.
		const textOf = (r: Edit): string => {
			if (!r.whole) return r.text;
			const whole = applied(r.start, r.end, r.children ?? []);
			const close = whole.lastIndexOf('](');
			const inline = whole.startsWith('[') || whole.startsWith('![');
			return inline && close > 0
				? `${whole.slice(whole.startsWith('!') ? 2 : 1, close)}<!-- sprintbook import: link to "${r.url}" removed: ${r.why} -->`
				: `<!-- sprintbook import: ${whole.replace(/--/g, '- -')} (${r.why}) -->`;
		};
		const out = applied(0, body.length, roots);
		if (out !== body) file.text = file.text!.slice(0, file.text!.length - body.length) + out;
	}
	// A credential pasted into a doc must not be published: the imported copy gets "[redacted]" in its place, and the
	// report says where, so the team can revoke it (the original keeps it: import never touches its inputs).
	for (const { file, src } of placed.values()) {
		const { text, redacted } = memo.redact(file.text!);
		if (!redacted.length) continue;
		file.text = text;
		const offset = file.text.split('\n').length - src.lines.length;
		src.notes.push(`redacted ${redacted.map((r) => `a ${r.what} (about line ${r.line + 1 - Math.max(0, offset)} of the original)`).join(', ')}: revoke it, it is still in the original`);
		src.flags.add('a credential redacted');
	}
	const unlinkedIn = new Set(linksUnlinked.map((l) => l.file));
	for (const src of sources) {
		const f = result.find((r) => r.source === src.shown)!;
		if (unlinkedIn.has(src.shown)) src.flags.add('links kept as text');
		if (f.status === 'imported' && src.flags.size) {
			f.status = 'attention';
			f.attention = [...src.flags];
		}
	}
	return { files: result, linksRepaired, linksKept, linksUnlinked };
}


/**
 * The one candidate a moved link's target is: the only file of that name; else the
 * only one whose path ends with the longest tail of the written path
 * (`docs/ARCHITECTURE.md` written from a deep folder, as if from the repository's
 * root); else the only one in the sprint folder the link names
 * (`…/sprint-2.6/README.md` after the folder moved). Undefined when still ambiguous.
 */
function movedTarget(written: string, candidates: readonly string[], inputRoot: string): string | undefined {
	if (candidates.length <= 1) return candidates[0];
	const parts = written.split('/').filter((p) => p && p !== '.' && p !== '..');
	const inside = (c: string) => relative(inputRoot, c).split(sep).join('/').toLowerCase();
	for (let n = parts.length; n >= 2; n--) {
		const tail = parts.slice(-n).join('/').toLowerCase();
		const hits = candidates.filter((c) => inside(c) === tail || inside(c).endsWith(`/${tail}`));
		if (hits.length === 1) return hits[0];
		if (hits.length > 1) break;
	}
	const sprint = parts.slice(0, -1).map((p) => sprintInName(p)).find(Boolean);
	if (sprint) {
		const hits = candidates.filter((c) => inside(c).split('/').slice(0, -1).some((p) => sprintInName(p) === sprint));
		if (hits.length === 1) return hits[0];
	}
	return undefined;
}

/** A report's date when it has no date line: the day its sprint dates end, if written. */
function bySprintDate(src: Source): string | undefined {
	const label = pick(src.labels, 'sprint dates', 'sprint period', 'end date');
	if (!label) return undefined;
	const range = parseDateRange(label.value);
	const end = range?.end ?? parseLooseDate(label.value);
	return end && !end.approximate ? end.iso : undefined;
}

/** The suffix of the file a doc is written to before it is renamed into place: hidden, and no `.md` for a glob to find. */
export const IMPORT_TMP = '.sprintbook-import-tmp';
const tmpOf = (abs: string) => join(dirname(abs), `.${basename(abs)}${IMPORT_TMP}`);

/**
 * Whether the file at `abs` is what an import killed mid-write leaves (before imports wrote through a temp file):
 * empty, or frontmatter begun and never closed. Nothing of a person's is in either.
 */
export function leftBehind(abs: string): boolean {
	try {
		const stats = lstatSync(abs);
		if (!stats.isFile()) return false;
		if (stats.size === 0) return true;
		if (stats.size > IMPORT_MAX_BYTES) return false;
		const text = readFileSync(abs, 'utf8');
		// Cut inside the frontmatter import writes: "---" and field lines, never closed. A team's doc of frontmatter
		// alone ("---" at its very end) or one that opens with a "---" rule and then prose is not one.
		if (!text.startsWith('---\n') || /\n---(?:\n|$)/.test(text.slice(3))) return false;
		// (The last line is where the write stopped: it may be cut anywhere.)
		const lines = text.slice(4).split('\n');
		return lines.slice(0, -1).every((line, i) => (line === '' ? i > 0 : /^(?:[A-Za-z_][\w-]*:|\s+\S|- )/.test(line)));
	} catch {
		return false;
	}
}

/**
 * The first symbolic link on the way to `target` (under root/content) that leads out of the project, as
 * "content/x is a symbolic link to /y"; undefined when every folder on the way is inside it.
 */
export function linkOutOfProject(root: string, target: string): string | undefined {
	const top = realpathSync(root);
	const inside = (p: string) => p === top || p.startsWith(top + sep);
	const parts = [CONTENT_DIR, ...target.split('/')];
	let at = resolve(root);
	for (const [i, part] of parts.entries()) {
		at = join(at, part);
		let stats;
		try {
			stats = lstatSync(at);
		} catch {
			return undefined; // the rest is made by import, as real folders under this one
		}
		if (!stats.isSymbolicLink()) continue;
		let to: string;
		try {
			to = realpathSync(at);
		} catch {
			to = resolve(dirname(at), readlinkOr(at));
		}
		if (!inside(to)) return `${parts.slice(0, i + 1).join('/')} is a symbolic link to ${to}, outside the project`;
	}
	return undefined;
}

function readlinkOr(path: string): string {
	try {
		return readlinkSync(path);
	} catch {
		return path;
	}
}

/** Temp files a killed import left under content/: removed by the next import, which says how many. */
export async function removeLeftoverTemps(root: string): Promise<string[]> {
	const dir = join(root, CONTENT_DIR);
	if (!existsSync(dir)) return [];
	const temps = await glob([`**/*${IMPORT_TMP}`], { cwd: dir, onlyFiles: true, dot: true, followSymbolicLinks: false });
	for (const t of temps) await rm(join(dir, t), { force: true });
	return temps;
}

/**
 * Writes the imported files under `root/content` as one transaction. Each doc is written whole to a temp file
 * beside its place and linked into it — which fails if anything is there, so nothing is ever written over — then
 * the temp file goes. A doc already there that is this one (the same bytes), or what a killed import left of it
 * (empty, or the start of it), is not written twice. On a failure (a full disk) the docs this run wrote are removed
 * again, and the error is thrown. Refuses, writing nothing, when a folder on the way is a link out of the project.
 */
export async function writeImport(result: ImportResult, root: string): Promise<void> {
	const toWrite = result.files.filter((f) => f.target && f.text && f.status !== 'skipped');
	for (const f of toWrite) {
		const out = linkOutOfProject(root, f.target!);
		if (out) throw new UserError(`${out}: import never writes outside the project. Make it a folder inside the project (or remove the link), then import again; nothing was written.`);
	}
	const written: string[] = [];
	const madeDirs: Array<{ leaf: string; top: string }> = [];
	try {
		for (const f of toWrite) {
			const abs = join(root, CONTENT_DIR, f.target!);
			const made = await mkdir(dirname(abs), { recursive: true });
			if (made) madeDirs.push({ leaf: dirname(abs), top: made });
			const tmp = tmpOf(abs);
			// Created afresh (O_EXCL): a link planted where the temp file goes is removed, never written through.
			await unlink(tmp).catch(() => {});
			try {
				await writeFileNamed(tmp, f.text!, { flag: 'wx' });
				crashPoint(`wrote ${tmp}`);
				await placeWhole(tmp, abs, f, written);
			} finally {
				await unlink(tmp).catch(() => {});
			}
		}
	} catch (error) {
		// Back to before: only what this run created is removed, and only the folders it made that are empty again.
		for (const abs of written.reverse()) await unlink(abs).catch(() => {});
		for (const { leaf, top } of madeDirs.reverse()) await removeEmptyUpTo(leaf, top);
		throw error;
	}
}

/** Links the whole temp file into place; a doc there already is either this one (or its leftover), or left alone. */
async function placeWhole(tmp: string, abs: string, f: ImportedFile, written: string[]): Promise<void> {
	try {
		await link(tmp, abs);
		written.push(abs);
		crashPoint(`linked it to ${abs}`);
		return;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// A file system without hard links: rename, after checking nothing is there (we hold the project lock).
		if (code !== 'EEXIST' && !existsSync(abs)) {
			if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
			await rename(tmp, abs);
			written.push(abs);
			return;
		}
	}
	const there = lstatSync(abs).isFile() ? await readFile(abs, 'utf8') : undefined;
	if (there === f.text) {
		f.status = 'skipped';
		f.reason = 'already in content/';
		f.notes.push(`content/${f.target} already holds this doc, byte for byte (an earlier import): nothing was written`);
	} else if (there !== undefined && f.text!.startsWith(there)) {
		// The start of this very doc: what an import killed while writing it left. Replaced whole, in one rename.
		await rename(tmp, abs);
		f.notes.push(`completed content/${f.target}, which an interrupted import had left ${there ? 'half-written' : 'empty'}`);
	} else {
		f.status = 'skipped';
		f.reason = 'already in content/';
		f.notes.push(`content/${f.target} already exists; nothing was written`);
	}
}

/** Removes `dir` and the folders above it while they are empty, up to and with `top` (the first one this run made). */
async function removeEmptyUpTo(dir: string, top: string): Promise<void> {
	for (let d = dir; d === top || d.startsWith(top + sep); d = dirname(d)) {
		try {
			await rmdir(d);
		} catch {
			return;
		}
	}
}

/** The page a sprint doc or project doc at `target` (under content/) publishes at; plans, reports and singletons have one per path. */
function pageUrl(target: string, sprint?: string): string | undefined {
	const collection = collectionOf(target);
	if (collection === 'docs') return projectDocUrl(projectDocId(target));
	if (collection !== 'sprintDocs') return undefined;
	const s = sprint ?? /^(?:sprints\/([^/]+)|archive\/history\/sprints\/sprint-([^/]+))\//.exec(target)?.slice(1).find(Boolean);
	return sprintDocUrl(sprintDocId(target, s ? { sprint: s } : {}));
}

/** The `title` in the frontmatter of a file in content/, if it has one. */
function titleOnDisk(abs: string): string | undefined {
	try {
		const fm = splitFrontmatter(readFileSync(abs, 'utf8'));
		const title = fm && (parse(fm.yaml) as { title?: unknown } | null)?.title;
		return typeof title === 'string' ? title.trim() : undefined;
	} catch {
		return undefined;
	}
}
