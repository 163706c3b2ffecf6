/**
 * MDX syntax: the build compiles every `.mdx` document, and a broken JSX tag or
 * expression stops it with a stack trace. `check` compiles the same body first
 * (with @mdx-js/mdx, the compiler @astrojs/mdx uses) and turns the compiler's
 * message into a positioned diagnostic. Loaded only when a project has MDX.
 */
import type { DiagnosticList } from '../diagnostics.ts';

interface CompileMessage {
	reason?: string;
	message: string;
	line?: number;
	column?: number;
	place?: { line?: number; column?: number; start?: { line: number; column: number } };
	ruleId?: string;
}

export async function checkMdx(displayFile: string, body: string, bodyLine: number, diagnostics: DiagnosticList): Promise<void> {
	const { compile } = await import('@mdx-js/mdx');
	try {
		await compile(body);
	} catch (e) {
		const m = e as CompileMessage;
		const start = m.place && 'start' in m.place && m.place.start ? m.place.start : (m.place as { line?: number; column?: number } | undefined);
		// Some messages carry their position only in the text: "Expected a closing tag for `<Note>` (6:1-6:7)".
		const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(m.reason ?? m.message);
		const line = start?.line ?? m.line ?? Number(inText?.[1] ?? 1);
		const column = start?.column ?? m.column ?? Number(inText?.[2] ?? 1);
		const reason = (m.reason ?? m.message).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '').replace(/\s+/g, ' ').trim();
		diagnostics.error(displayFile, { line: bodyLine + line - 1, column }, 'mdx-syntax', `MDX cannot compile this document: ${reason}`, fixFor(reason));
	}
}

function fixFor(reason: string): string {
	if (/closing tag|end tag|expected a closing/i.test(reason)) return 'close the JSX tag (<Note>…</Note>), or write a self-closing one (<Note />)';
	if (/expression|acorn|Could not parse/i.test(reason)) return 'fix the JavaScript inside { }, or write \\{ to show a literal brace';
	return 'fix the JSX here, or write \\< and \\{ to show a literal < or {';
}
