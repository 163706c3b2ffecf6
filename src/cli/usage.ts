/** What every command returns, the one error type that means "you called me wrong" (exit 2), and the shared argument parser. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandResult {
	output: string;
	exitCode: number;
}

export class UsageError extends Error {
	readonly help: string;
	constructor(message: string, help: string) {
		super(message);
		this.help = help;
	}
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs with the options every command has (--root, -h/--help)
 * added, and its errors turned into a UsageError carrying the command's help.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, help: string) {
	try {
		return parseArgs({
			args,
			allowPositionals: true,
			options: { ...options, root: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h', default: false } } as O & {
				root: { type: 'string'; default: string };
				help: { type: 'boolean'; short: 'h'; default: boolean };
			},
		});
	} catch (e) {
		throw new UsageError((e as Error).message, help);
	}
}

/** `--site`, as init and build take it: a whole http(s) address. */
export function siteFlag(site: string | undefined, help: string): string | undefined {
	if (site !== undefined && !/^https?:\/\/\S+$/.test(site)) throw new UsageError(`--site "${site}" is not an address: give it as https://…`, help);
	return site;
}
