/**
 * The one reporter for diagnostics: human text (grouped by file, with a code
 * frame and the fix), JSON for tools, and GitHub workflow annotations.
 */
import pc from 'picocolors';
import type { Diagnostic } from './diagnostics.ts';
import { codeFrame } from './lazy.ts';
import { maskSecrets } from './check/secrets.ts';
import { pictured } from './printable.ts';

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
	// Each file is masked and cut into lines once: a frame per problem over the whole text made 50,000 problems in a
	// 1 MB doc take 86 s.
	const masked = new Map<string, string[] | undefined>();
	const shown = (file: string) => {
		if (!masked.has(file)) {
			const source = input.sources?.get(file);
			masked.set(file, source === undefined ? undefined : pictured(maskSecrets(source)).split(FRAME_NEWLINE));
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
		out.push(`${d.file}:${d.line}:${d.column}  ${severity}  ${pictured(d.message)}  ${c.dim(d.ruleId)}`);
		// A note tells, it asks for no change: one line and its hint, no code frame.
		if (d.severity === 'info') {
			if (d.fix) out.push(`  ${c.dim(pictured(d.fix))}`);
			continue;
		}
		const lines = shown(d.file);
		if (lines !== undefined) out.push(frameOf(lines, d, color).replace(/^/gm, '  '));
		if (d.fix) out.push(`  ${c.green('fix:')} ${d.fix.includes('\n') ? `\n${pictured(d.fix).replace(/^/gm, '    ')}` : pictured(d.fix)}`);
	}
	const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length;
	if (out.length) out.push('');
	const summary = summaryLine(errors, warnings, input.files, input.diagnostics.length - errors - warnings);
	out.push(errors ? c.red(summary) : warnings ? c.yellow(summary) : c.green(summary));
	return out.join('\n');
}

/** Line breaks as the code frame counts them. */
const FRAME_NEWLINE = /\r\n|[\n\r\u2028\u2029]/;
/** Characters of a line a frame shows: a frame under a 120 KB line showed all of it, once per problem on it. */
const FRAME_WIDTH = 160;

/**
 * The lines around a problem, each cut to the FRAME_WIDTH characters around its column (marked "…" where cut),
 * given to the code frame alone, numbered from where they stand: its cost is the frame's, not the file's.
 */
function frameOf(lines: readonly string[], d: Diagnostic, color: boolean): string {
	const first = Math.max(1, d.line - 1);
	const last = Math.min(lines.length, d.line + 1);
	const from = Math.max(0, d.column - 1 - FRAME_WIDTH / 2);
	// A line around it that ends before the window shows its own start: context, not aligned with the marker.
	const cut = (line: string) => {
		const at = line.length > from ? from : 0;
		return (at > 0 ? '…' : '') + line.slice(at, at + FRAME_WIDTH) + (line.length > at + FRAME_WIDTH ? '…' : '');
	};
	const shift = (column: number) => Math.min(column - from + (from > 0 ? 1 : 0), FRAME_WIDTH + 2);
	const column = shift(d.column);
	return codeFrame().codeFrameColumns(
		lines.slice(first - 1, last).map(cut).join('\n'),
		{ start: { line: d.line, column }, end: d.endLine === d.line && d.endColumn > d.column ? { line: d.line, column: Math.max(column + 1, shift(d.endColumn)) } : undefined },
		// `startLine`: the text given starts at that line of the file, and is numbered so.
		{ linesAbove: 1, linesBelow: 1, forceColor: color, highlightCode: false, startLine: first } as Parameters<ReturnType<typeof codeFrame>['codeFrameColumns']>[2],
	);
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
