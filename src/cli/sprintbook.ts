#!/usr/bin/env node
/** The `sprintbook` command: parses the command name and hands over. No stack trace ever reaches the user. */
import { runCheck } from './commands/check.ts';
import { runNew } from './commands/new.ts';
import { runArchive } from './commands/archive.ts';
import { runImport } from './commands/import.ts';
import { UsageError, type CommandResult } from './usage.ts';

const HELP = `Usage: sprintbook <command> [options]

Commands:
  check [paths…]   validate every doc: frontmatter, ids, references, links, encoding, figures, secrets
  new …            write a pre-filled plan, report or sprint doc
  archive <sprint> move a finished sprint into the archive through git, links and all
  import <paths…>  turn legacy Markdown into typed docs, repairing encoding and links

Run sprintbook <command> --help for a command's options.`;

const commands: Record<string, (args: string[], out: typeof process.stdout) => Promise<CommandResult>> = {
	check: runCheck,
	new: runNew,
	archive: runArchive,
	import: runImport,
};

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '-h' || name === '--help' || name === 'help') {
		process.stdout.write(`${HELP}\n`);
		return name ? 0 : 2;
	}
	const command = commands[name];
	if (!command) {
		process.stderr.write(`sprintbook: unknown command "${name}"\n\n${HELP}\n`);
		return 2;
	}
	try {
		const { output, exitCode } = await command(args, process.stdout);
		if (output) process.stdout.write(`${output}\n`);
		return exitCode;
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`sprintbook ${name}: ${error.message}\n\n${error.help}\n`);
			return 2;
		}
		// A bug of ours, not the user's input: say so in one line, with the stack only on request.
		const e = error as Error;
		process.stderr.write(`sprintbook ${name}: internal error: ${e?.message ?? String(error)}\n`);
		if (process.env.SPRINTBOOK_DEBUG) process.stderr.write(`${e?.stack}\n`);
		else process.stderr.write('Set SPRINTBOOK_DEBUG=1 to see where, and please report it.\n');
		return 3;
	}
}

process.exitCode = await main(process.argv.slice(2));
