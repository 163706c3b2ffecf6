/** What every command returns, and the one error type that means "you called me wrong" (exit 2). */
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
