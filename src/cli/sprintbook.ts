#!/usr/bin/env node
/** The `sprintbook` command: parses the command name and hands over. No stack trace ever reaches the user. */
import { UsageError, type CommandResult } from './usage.ts';
import { describeOutcome, hasJournal, recoverJournal } from '../lib/archive-journal.ts';
import { acquireLock, BREAK_LOCK, LockHeld, stateDir, type Lock } from '../lib/lock.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { printable, printableOutput } from '../lib/printable.ts';
import { fileSystemProblem, UserError } from '../lib/user-error.ts';

const HELP = `Usage: sprintbook <command> [options]

Commands:
  check [paths…]   validate every doc: frontmatter, ids, references, links, encoding, figures, secrets
  new …            write a pre-filled plan, report or sprint doc
  archive <sprint> move a finished sprint into the archive through git, links and all
  import <paths…>  turn legacy Markdown into typed docs, repairing encoding and links
  sprints          every sprint's status, dates, goal, tests and dependencies, and where each was read
  init             in your repository: write sprintbook.config.mjs, naming where your docs are
  build            in your repository: build the site from your docs, read where they are
  dev              in your repository: serve the site live as you edit your docs
  deploy-workflow  in your repository: write the GitHub Actions workflow that publishes the site on Pages

Run sprintbook <command> --help for a command's options.`;

// Each command loads only its own modules (bin/sprintbook.js turns Node's compile cache on before any of them).
type Command = (args: string[], out: typeof process.stdout) => Promise<CommandResult>;
const commands: Record<string, () => Promise<Command>> = {
	check: async () => (await import('./commands/check.ts')).runCheck,
	new: async () => (await import('./commands/new.ts')).runNew,
	archive: async () => (await import('./commands/archive.ts')).runArchive,
	import: async () => (await import('./commands/import.ts')).runImport,
	sprints: async () => (await import('./commands/sprints.ts')).runSprints,
	init: async () => (await import('./commands/init.ts')).runInit,
	build: async () => (await import('./commands/build.ts')).runBuild,
	dev: async () => (await import('./commands/dev.ts')).runDev,
	'deploy-workflow': async () => (await import('./commands/deploy-workflow.ts')).runDeployWorkflow,
};

async function main(argv: string[]): Promise<number> {
	// --break-lock is the runner's, not the command's: it takes over the lock of a holder that cannot be asked.
	const breakLock = argv.includes(BREAK_LOCK);
	const [name, ...args] = argv.filter((a) => a !== BREAK_LOCK);
	if (!name || name === '-h' || name === '--help' || name === 'help') {
		process.stdout.write(`${HELP}\n`);
		return name ? 0 : 2;
	}
	const load = commands[name];
	if (!load) {
		process.stderr.write(`sprintbook: unknown command "${printable(name)}"\n\n${HELP}\n`);
		return 2;
	}
	const asksHelp = args.includes('-h') || args.includes('--help');
	const writes = WRITERS.has(name) && !asksHelp && !args.includes('--dry-run');
	const recoverOnly = name === 'archive' && args.includes('--recover') && !asksHelp;
	let lock: Lock | undefined;
	const root = rootOf(args);
	// Every message may hold a file name, and a file name may hold escape sequences: none reaches the terminal raw.
	const say = (text: string) => process.stderr.write(printableOutput(text));
	try {
		// A mistyped --root is refused before anything (the lock, a journal) could make the folder.
		if (!asksHelp && !existsSync(root)) {
			say(`sprintbook ${name}: no folder at ${resolve(root)}: check the path given to --root\n`);
			return 2;
		}
		const state = stateDir(root);
		// Readers only need the lock to finish an interrupted archive; writers hold it until they are done.
		if (writes || recoverOnly || (!asksHelp && hasJournal(state))) {
			try {
				lock = await acquireLock(root, [name, ...args].join(' '), { breakLock });
				if (breakLock && lock.staleFrom) say(`sprintbook ${name}: took over the lock of "sprintbook ${lock.staleFrom.command}" (pid ${lock.staleFrom.pid} on ${lock.staleFrom.host}, started ${lock.staleFrom.started}).\n`);
			} catch (e) {
				if (writes || recoverOnly) {
					if (!(e instanceof LockHeld)) throw e;
					say(`sprintbook ${name}: ${e.message}\nNothing was changed.\n`);
					return 1;
				}
				// A reader goes on: the archive holding the lock owns its journal and is still at work.
				if (e instanceof LockHeld) say(`sprintbook ${name}: "sprintbook ${e.holder.command}" (pid ${e.holder.pid}) is changing the project; reading it as it stands.\n`);
			}
		}
		if (lock) {
			const recovered = await recoverJournal(state);
			if (recovered) process[recoverOnly ? 'stdout' : 'stderr'].write(printableOutput(`${describeOutcome(recovered)}\n${recoverOnly ? '' : '\n'}`));
			if (recovered?.unfinished.length) return 1; // never build on a half-finished tree
			if (recoverOnly) {
				if (!recovered) process.stdout.write('Nothing to recover: no archive was interrupted.\n');
				return 0;
			}
			if (!writes) await lock.release();
		}
		const command = await load();
		const { output, exitCode } = await command(args, process.stdout);
		// Check colours its report on a terminal: those codes stay, every other control character is escaped.
		const json = args.some((a, i) => a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
		if (output) process.stdout.write(printableOutput(`${output}\n`, { json, keepColour: !json && process.stdout.isTTY === true && !process.env.NO_COLOR }));
		return exitCode;
	} catch (error) {
		if (error instanceof UsageError) {
			say(`sprintbook ${name}: ${error.message}\n\n${error.help}\n`);
			return 2;
		}
		// The user's to fix, not ours: a refusal worded already, or a full disk, a read-only folder (with its path).
		const problem = error instanceof UserError ? error.message : fileSystemProblem(error, resolve(root));
		if (problem) {
			say(`sprintbook ${name}: ${problem}\n`);
			return 1;
		}
		// A bug of ours, not the user's input: say so in one line, with the stack only on request.
		const e = error as Error;
		say(`sprintbook ${name}: internal error: ${e?.message ?? String(error)}\n`);
		if (process.env.SPRINTBOOK_DEBUG) process.stderr.write(`${e?.stack}\n`);
		else process.stderr.write('Set SPRINTBOOK_DEBUG=1 to see where, and please report it.\n');
		return 3;
	} finally {
		await lock?.release();
	}
}

/** Commands that change the project: one at a time, under the lock. */
const WRITERS = new Set(['archive', 'new', 'import', 'init', 'deploy-workflow']);

/** The project root as every command reads it (`--root <dir>`, default the current folder). */
function rootOf(args: string[]): string {
	const i = args.findIndex((a) => a === '--root' || a.startsWith('--root='));
	if (i < 0) return '.';
	return args[i]!.startsWith('--root=') ? args[i]!.slice('--root='.length) : (args[i + 1] ?? '.');
}

process.exitCode = await main(process.argv.slice(2));
