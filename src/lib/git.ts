/**
 * Git for Sprintbook: plain `git` through child_process. History for every
 * doc comes from ONE `git log` pass over the content folder (not a process per
 * file), following renames so an archived doc keeps the history it had before
 * it moved.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface FileHistory {
	/** Date of the newest commit touching the file (YYYY-MM-DD). */
	updated: string;
	/** Authors, most recent first, each once. */
	authors: string[];
	commits: number;
}

/** The top of the git work tree containing `dir`, or undefined outside one. */
export function gitRoot(dir: string): string | undefined {
	try {
		return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

const COMMIT = '\u0001';

/**
 * History of every file under `folder` (a path relative to the repository
 * root), keyed by its current path relative to the root. Walking newest to
 * oldest, a rename `old → new` makes `old`'s earlier commits count for the
 * file `new` became.
 */
export async function folderHistory(repoRoot: string, folder: string): Promise<Map<string, FileHistory>> {
	const { stdout } = await run(
		'git',
		['-c', 'core.quotePath=false', 'log', '-M', '--name-status', `--format=${COMMIT}%aI%x09%an`, '--', folder],
		{ cwd: repoRoot, maxBuffer: 512 * 1024 * 1024 },
	);
	const histories = new Map<string, { updated: string; authors: Set<string>; commits: number }>();
	/** Path at an older point in history → the file's path today. */
	const today = new Map<string, string>();
	let date = '';
	let author = '';
	for (const line of stdout.split('\n')) {
		if (line.startsWith(COMMIT)) {
			[date = '', author = ''] = line.slice(1).split('\t');
			continue;
		}
		if (!line) continue;
		const [status = '', first = '', second] = line.split('\t');
		const path = status.startsWith('R') || status.startsWith('C') ? second! : first;
		const current = today.get(path) ?? path;
		if (status.startsWith('R')) today.set(first, current);
		if (status === 'D' && !today.has(path)) continue; // deleted and never recreated: not a file today
		const h = histories.get(current) ?? { updated: date.slice(0, 10), authors: new Set<string>(), commits: 0 };
		h.authors.add(author);
		h.commits++;
		histories.set(current, h);
	}
	return new Map([...histories].map(([path, h]) => [path, { updated: h.updated, authors: [...h.authors], commits: h.commits }]));
}

export interface RecentChanges {
	/** Files changed in the window, by their path relative to the repository root, newest change first. */
	files: Array<{ path: string; date: string }>;
	/** Task-list items ticked in the window: a `- [ ] x` line that became `- [x] x` in one commit. */
	ticked: number;
	/** The same ticks by the day of their commit. */
	tickedOn: Map<string, number>;
}

/**
 * What changed under `folder` between two dates (YYYY-MM-DD, both included),
 * from one `git log -p` pass. Ticked tasks are counted only where a commit
 * turns an unticked item into the same item ticked; a new ticked line alone is
 * not a tick (it may be a copied list).
 */
export async function recentChanges(repoRoot: string, folder: string, since: string, until: string): Promise<RecentChanges> {
	const { stdout } = await run(
		'git',
		['-c', 'core.quotePath=false', 'log', '-M', '-p', '-U0', '--no-color', '--no-ext-diff', `--since=${since}T00:00:00`, `--until=${until}T23:59:59`, `--format=${COMMIT}%cI`, '--', folder],
		{ cwd: repoRoot, maxBuffer: 512 * 1024 * 1024 },
	);
	const latest = new Map<string, string>();
	const tickedOn = new Map<string, number>();
	let ticked = 0;
	let date = '';
	let file = '';
	let unticked = new Set<string>();
	let tickedHere: string[] = [];
	const endFile = () => {
		const n = tickedHere.filter((t) => unticked.has(t)).length;
		ticked += n;
		if (n) tickedOn.set(date, (tickedOn.get(date) ?? 0) + n);
		unticked = new Set();
		tickedHere = [];
	};
	for (const line of stdout.split('\n')) {
		if (line.startsWith(COMMIT)) {
			endFile();
			date = line.slice(1, 11);
			continue;
		}
		if (line.startsWith('diff --git ')) {
			endFile();
			continue;
		}
		if (line.startsWith('+++ ')) {
			// The file as the commit left it; a deletion has none and is not a change to a doc that exists.
			file = line === '+++ /dev/null' ? '' : line.slice(6);
			if (file && !latest.has(file)) latest.set(file, date);
			continue;
		}
		if (line.startsWith('--- ')) continue;
		const task = /^([+-])\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$/.exec(line);
		if (!task) continue;
		if (task[1] === '-' && task[2] === ' ') unticked.add(task[3]!.trim());
		if (task[1] === '+' && task[2] !== ' ') tickedHere.push(task[3]!.trim());
	}
	endFile();
	return { files: [...latest].map(([path, d]) => ({ path, date: d })), ticked, tickedOn };
}

/** A change that reached the main line: a merged pull request, or a commit on the main line. */
export interface Shipped {
	/** The pull request's title, or the commit's subject. */
	title: string;
	/** The pull request's number, when the main line names one. */
	pr?: number;
	commit: string;
	date: string;
	author: string;
}

/**
 * What reached the main line between two days (both included): merged pull requests ("Merge pull request #123 …",
 * whose title is the merge's body, or a squash "Title (#123)"); without any, every commit on the main line. And
 * everyone who committed in those days, on any line.
 */
export async function shippedBetween(repoRoot: string, since: string, until: string): Promise<{ shipped: Shipped[]; contributors: string[] }> {
	const window = [`--since=${since}T00:00:00`, `--until=${until}T23:59:59`];
	const { stdout } = await run('git', ['log', '--first-parent', ...window, `--format=${COMMIT}%h%x1f%cs%x1f%an%x1f%s%x1f%b`, 'HEAD'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
	const commits = stdout.split(COMMIT).filter(Boolean).map((c) => {
		const [commit, date, author, subject, body] = c.split('\x1f') as [string, string, string, string, string];
		return { commit, date, author, subject: subject.trim(), body: body.trim() };
	});
	const prs: Shipped[] = [];
	for (const c of commits) {
		const merge = /^Merge pull request #(\d+)\b/.exec(c.subject);
		const squash = /^(.*\S)\s+\(#(\d+)\)$/.exec(c.subject);
		if (merge) prs.push({ title: c.body.split('\n')[0]?.trim() || c.subject, pr: Number(merge[1]), commit: c.commit, date: c.date, author: c.author });
		else if (squash) prs.push({ title: squash[1]!, pr: Number(squash[2]), commit: c.commit, date: c.date, author: c.author });
	}
	const shipped = prs.length ? prs : commits.filter((c) => !/^Merge\b/.test(c.subject)).map((c) => ({ title: c.subject, commit: c.commit, date: c.date, author: c.author }));
	const authors = await run('git', ['log', ...window, '--format=%an', '--all'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
	const contributors = [...new Set(authors.stdout.split('\n').map((a) => a.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
	return { shipped: shipped.reverse(), contributors };
}

/** The day a file was first committed (YYYY-MM-DD), or undefined when git has none. */
export async function firstCommitDay(repoRoot: string, path: string): Promise<string | undefined> {
	try {
		const { stdout } = await run('git', ['log', '--diff-filter=A', '--follow', '--format=%cs', '--', path], { cwd: repoRoot });
		return stdout.trim().split('\n').filter(Boolean).at(-1);
	} catch {
		return undefined;
	}
}

/** Files first added under `folder` between two days (both included), repository-relative, oldest first, with the commit. */
export async function addedBetween(repoRoot: string, folder: string, since: string, until: string): Promise<Array<{ path: string; commit: string; date: string }>> {
	const { stdout } = await run('git', ['-c', 'core.quotePath=false', 'log', '--diff-filter=A', '--name-only', `--since=${since}T00:00:00`, `--until=${until}T23:59:59`, `--format=${COMMIT}%h%x1f%cs`, '--', folder], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
	const added: Array<{ path: string; commit: string; date: string }> = [];
	for (const block of stdout.split(COMMIT).filter(Boolean)) {
		const [head, ...paths] = block.split('\n');
		const [commit, date] = head!.split('\x1f') as [string, string];
		for (const path of paths.map((p) => p.trim()).filter(Boolean)) added.push({ path, commit, date });
	}
	return added.reverse();
}
