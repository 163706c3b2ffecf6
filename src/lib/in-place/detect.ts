/**
 * Where a repository keeps its docs, for `sprintbook init`: the top-level folders that hold sprint docs (a file or
 * folder named after a sprint) or are named as doc folders, and the Markdown files at the root. Code, build output,
 * vendored and generated trees are not docs: git's own ignore rules leave out what the team does not keep, and
 * trees of that kind are left out by name.
 */
import { execFileSync } from 'node:child_process';
import { glob } from 'tinyglobby';
import { sprintInName } from '../import/classify.ts';

/** Trees that hold no team docs even when they hold Markdown: dependencies, build output, caches, vendored code. */
const NOT_DOCS = ['node_modules', 'dist', 'build', 'out', '.astro', '.next', '.nuxt', '.cache', 'coverage', 'vendor', 'third_party', 'venv', '.venv', 'site-packages', 'target', '.git'];
/** Folder names that say "docs" in the ways teams name them. */
const DOC_FOLDER = /^(?:docs?|documentation|wiki|handbook|notes|planning|plans|roadmaps?|sprints?|retros?|retrospectives?|reports?|requirements|specs?|adr|decisions|archive)$/i;

/** Markdown files of the repository, `/`-separated and relative to it: what git keeps (and would keep), else every one. */
async function markdownFiles(repo: string): Promise<string[]> {
	const notDocs = (f: string) => f.split('/').some((part) => NOT_DOCS.includes(part));
	try {
		const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.md', '*.mdx'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
		return out.split('\0').filter((f) => f && !notDocs(f));
	} catch {
		return (await glob(['**/*.{md,mdx}'], { cwd: repo, onlyFiles: true, dot: true, ignore: NOT_DOCS.map((d) => `**/${d}/**`) })).filter((f) => !notDocs(f));
	}
}

export interface DetectedDocs {
	/** What the config's `docs` should list: folders, and `*.md` for the root's own files. */
	docs: string[];
	/** Markdown files in each listed entry, for the summary. */
	counts: Map<string, number>;
	/** Top-level folders with Markdown that were left out (code with READMEs), with their file counts. */
	leftOut: Map<string, number>;
}

export async function detectDocs(repo: string): Promise<DetectedDocs> {
	const files = await markdownFiles(repo);
	const byTop = new Map<string, string[]>();
	for (const f of files) {
		const top = f.includes('/') ? f.slice(0, f.indexOf('/')) : '';
		const list = byTop.get(top);
		if (list) list.push(f);
		else byTop.set(top, [f]);
	}
	const docs: string[] = [];
	const counts = new Map<string, number>();
	const leftOut = new Map<string, number>();
	for (const [top, list] of [...byTop].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (top === '') {
			docs.push('*.md');
			counts.set('*.md', list.length);
			continue;
		}
		const holdsSprints = list.some((f) => f.split('/').some((part) => sprintInName(part)));
		if (holdsSprints || DOC_FOLDER.test(top)) {
			docs.push(top);
			counts.set(top, list.length);
		} else leftOut.set(top, list.length);
	}
	return { docs, counts, leftOut };
}

/** The title a repository gives itself: its README's first heading, when short; else its folder's name. */
export async function titleOf(repo: string, readme: string | undefined): Promise<string> {
	const heading = readme && /^#\s+(.+?)\s*#*\s*$/m.exec(readme)?.[1]?.replace(/[*_`[\]]/g, '').trim();
	if (heading && heading.length <= 60) return heading;
	return repo.split(/[\\/]/).filter(Boolean).at(-1) ?? 'Sprintbook';
}
