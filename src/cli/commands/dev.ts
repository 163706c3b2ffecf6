/** `sprintbook dev`: the site of a team's docs, live — a saved doc is read again and its page and check follow. */
import { existsSync, statSync, watch } from 'node:fs';
import picomatch from 'picomatch';
import { relative, resolve, sep } from 'node:path';
import { docsMatcher, leftOutReport, PACKAGE_ROOT, readInPlace } from '../../lib/in-place/read-in-place.ts';
import { teamSiteOptions } from '../../site/astro-options.ts';
import { quietMissingKinds } from '../astro-noise.ts';
import { projectOf } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const DEV_HELP = `Usage: sprintbook dev [options]

Serves the site of your repository's docs, read where they are, and keeps it in step:
save a doc (or add, rename or delete one) and its page, the sprint facts and the
check of what you saved follow within a second. Never writes into your docs.

Options:
  --port <n>     port to serve on (default: 4321; 0 picks a free one)
  --host <addr>  address to listen on (default: localhost)
  --root <dir>   the repository (default: current folder)
  -h, --help     show this help`;

/** Folders whose changes are never the docs': the site, the cache, git's own. */
const NEVER = /(?:^|\/)(?:node_modules|\.git|\.astro)(?:\/|$)/;

export async function runDev(args: string[], out: NodeJS.WritableStream): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { port: { type: 'string', default: '4321' }, host: { type: 'string', default: 'localhost' } }, DEV_HELP);
	if (values.help) return { output: DEV_HELP, exitCode: 0 };
	if (positionals.length) throw new UsageError('dev takes no paths: the config names the docs', DEV_HELP);
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port "${values.port}" is not a port number`, DEV_HELP);
	const project = await projectOf(values.root, undefined, DEV_HELP);
	const place = project.inPlace;
	if (!place) throw new UsageError(`no sprintbook.config.mjs in ${resolve(values.root)}: run \`sprintbook init\` first (in this repository's sample, \`npm run dev\` serves content/)`, DEV_HELP);
	const { repo, config } = place;
	const isDoc = docsMatcher(repo, config);
	const outDir = relative(repo, resolve(repo, config.outDir)).split(sep).join('/');

	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	quietMissingKinds();
	const { dev } = await import('astro');
	process.chdir(place.root);
	const server = await dev({
		...teamSiteOptions(place, PACKAGE_ROOT),
		server: { port, host: values.host },
	});
	out.write(`sprintbook dev: ${config.docs.join(', ')} read in place; serving http://${values.host}:${server.address.port}/\n`);
	out.write(leftOutReport(place.leftOut));

	// The cache is inside node_modules, which Astro's file watcher never looks into: the pages it reads again are
	// announced to it as the changes they are, after each save of the team's docs is read in.
	let timer: NodeJS.Timeout | undefined;
	let reading = false;
	let again = false;
	const saved = new Set<string>();
	const readAgain = async () => {
		if (reading) {
			again = true;
			return;
		}
		reading = true;
		const names = [...saved];
		saved.clear();
		try {
			const now = await readInPlace(repo, config);
			for (const f of now.changes.added) server.watcher.emit('add', f), server.watcher.emit('all', 'add', f);
			for (const f of now.changes.changed) server.watcher.emit('change', f), server.watcher.emit('all', 'change', f);
			for (const f of now.changes.removed) server.watcher.emit('unlink', f), server.watcher.emit('all', 'unlink', f);
			const n = now.changes.added.length + now.changes.changed.length + now.changes.removed.length;
			out.write(`sprintbook dev: read ${names.join(', ')} again (${now.readAnew} doc${now.readAnew === 1 ? '' : 's'} parsed anew): ${n} page${n === 1 ? '' : 's'} changed\n`);
			out.write(leftOutReport(now.leftOut));
		} catch (error) {
			out.write(`sprintbook dev: could not read the docs again: ${(error as Error).message.split('\n')[0]}\n`);
		} finally {
			reading = false;
			if (again) {
				again = false;
				void readAgain();
			}
		}
	};
	const onChange = (path: string) => {
		if (!/\.mdx?$/i.test(path) || NEVER.test(path) || (outDir && path.startsWith(`${outDir}/`)) || !isDoc(path)) return;
		saved.add(path);
		clearTimeout(timer);
		// Editors write a file in several steps: read once they are done.
		timer = setTimeout(() => void readAgain(), 100);
	};
	// Only where the docs are: a recursive watch of the whole repository would walk node_modules too.
	for (const { dir, recursive } of watchedFolders(repo, config.docs)) {
		const prefix = relative(repo, dir).split(sep).join('/');
		watch(dir, { recursive }, (_event, name) => {
			const inside = name?.toString().split(sep).join('/');
			if (inside) onChange(prefix ? `${prefix}/${inside}` : inside);
		});
	}
	// Serves until stopped (Ctrl-C).
	await new Promise<never>(() => {});
	return { output: '', exitCode: 0 };
}

/** The folders to watch for the config's `docs`: a folder with everything under it; for a file or a glob, the folder it starts in (all of it under a `**`). */
function watchedFolders(repo: string, docs: readonly string[]): Array<{ dir: string; recursive: boolean }> {
	const out = new Map<string, boolean>();
	for (const entry of docs) {
		const clean = entry.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
		const at = resolve(repo, clean || '.');
		const folder = existsSync(at) && statSync(at).isDirectory();
		const base = folder ? at : resolve(repo, picomatch.scan(clean).base || '.');
		const recursive = folder || clean.includes('**') || clean.includes('/');
		out.set(base, (out.get(base) ?? false) || recursive);
	}
	return [...out].filter(([dir]) => existsSync(dir)).map(([dir, recursive]) => ({ dir, recursive }));
}
