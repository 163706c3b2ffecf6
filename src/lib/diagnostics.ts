/**
 * Diagnostics as data, in the manner of vfile messages: every rule adds to one
 * list and one reporter prints it. Nothing throws on the first problem.
 */

/** `info` tells without asking for a change ("sprint 2.15 has no plan"); it never fails a run, not even with --strict. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
	/** Path as the user would type it, relative to the working directory, `/`-separated. */
	file: string;
	/** 1-based. */
	line: number;
	/** 1-based, in characters. */
	column: number;
	endLine: number;
	endColumn: number;
	severity: Severity;
	/** Stable id of the rule, e.g. `numeric-sprint`. */
	ruleId: string;
	/** What is wrong and what was expected. */
	message: string;
	/** How to fix it: replacement text or an instruction. */
	fix?: string;
}

export interface Position {
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
}

/** Collects diagnostics for many files; rules call `add` and never throw. */
export class DiagnosticList {
	readonly items: Diagnostic[] = [];

	add(file: string, at: Position, severity: Severity, ruleId: string, message: string, fix?: string): void {
		this.items.push({
			file,
			line: at.line,
			column: at.column,
			endLine: at.endLine ?? at.line,
			endColumn: at.endColumn ?? at.column,
			severity,
			ruleId,
			message,
			...(fix === undefined ? {} : { fix }),
		});
	}

	error(file: string, at: Position, ruleId: string, message: string, fix?: string): void {
		this.add(file, at, 'error', ruleId, message, fix);
	}

	warn(file: string, at: Position, ruleId: string, message: string, fix?: string): void {
		this.add(file, at, 'warning', ruleId, message, fix);
	}

	info(file: string, at: Position, ruleId: string, message: string, fix?: string): void {
		this.add(file, at, 'info', ruleId, message, fix);
	}

	/** Sorted by file, then position, so output is stable from run to run. */
	sorted(): Diagnostic[] {
		return [...this.items].sort(
			(a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
		);
	}
}

/** Line and column (1-based) of a character offset in `text`. */
export function offsetToPosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lineStarts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/** Offsets at which each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}
