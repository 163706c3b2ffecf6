/**
 * The one reporter for diagnostics: human text (grouped by file, with a code
 * frame and the fix), JSON for tools, and GitHub workflow annotations.
 */
import pc from 'picocolors';
import type { Diagnostic } from './diagnostics.ts';
import { codeFrame } from './lazy.ts';
import { maskSecrets } from './check/secrets.ts';

export type Format = 'human' | 'json' | 'github';
export const FORMATS: readonly Format[] = ['human', 'json', 'github'];

export interface ReportInput {
	diagnostics: Diagnostic[];
	files: number;
	/** Source text by file, for code frames. */
	sources?: ReadonlyMap<string, string>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(errors: number, warnings: number, files: number, notes = 0): string {
	return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes ? `, ${plural(notes, 'note')}` : ''} in ${plural(files, 'file')}`;
}

export function formatHuman(input: ReportInput, color: boolean): string {
	const c = pc.createColors(color);
	// A code frame shows the lines around a problem: any credential in them is masked first (a build log is kept).
	const masked = new Map<string, string | undefined>();
	const shown = (file: string) => {
		if (!masked.has(file)) {
			const source = input.sources?.get(file);
			masked.set(file, source === undefined ? undefined : maskSecrets(source));
		}
		return masked.get(file);
	};
	const out: string[] = [];
	let current: string | undefined;
	for (const d of input.diagnostics) {
		if (d.file !== current) {
			if (current !== undefined) out.push('');
			out.push(c.underline(c.bold(d.file)));
			current = d.file;
		}
		const severity = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.cyan('note');
		out.push(`${d.file}:${d.line}:${d.column}  ${severity}  ${d.message}  ${c.dim(d.ruleId)}`);
		// A note tells, it asks for no change: one line and its hint, no code frame.
		if (d.severity === 'info') {
			if (d.fix) out.push(`  ${c.dim(d.fix)}`);
			continue;
		}
		const source = shown(d.file);
		if (source !== undefined) {
			const frame = codeFrame().codeFrameColumns(
				source,
				{ start: { line: d.line, column: d.column }, end: d.endLine === d.line && d.endColumn > d.column ? { line: d.endLine, column: d.endColumn } : undefined },
				{ linesAbove: 1, linesBelow: 1, forceColor: color, highlightCode: false },
			);
			out.push(frame.replace(/^/gm, '  '));
		}
		if (d.fix) out.push(`  ${c.green('fix:')} ${d.fix.includes('\n') ? `\n${d.fix.replace(/^/gm, '    ')}` : d.fix}`);
	}
	const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length;
	if (out.length) out.push('');
	const summary = summaryLine(errors, warnings, input.files, input.diagnostics.length - errors - warnings);
	out.push(errors ? c.red(summary) : warnings ? c.yellow(summary) : c.green(summary));
	return out.join('\n');
}

export function formatJson(input: ReportInput): string {
	return JSON.stringify(input.diagnostics, null, 2);
}

/** Workflow commands: `::error file=…,line=…::message`, escaped as GitHub documents. */
export function formatGithub(input: ReportInput): string {
	const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
	const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	return input.diagnostics
		.map((d) => {
			const props = `file=${prop(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${prop(d.ruleId)}`;
			return `::${d.severity === 'info' ? 'notice' : d.severity} ${props}::${data(d.message + (d.fix ? ` — fix: ${d.fix}` : ''))}`;
		})
		.join('\n');
}

export function format(kind: Format, input: ReportInput, color: boolean): string {
	return kind === 'json' ? formatJson(input) : kind === 'github' ? formatGithub(input) : formatHuman(input, color);
}
