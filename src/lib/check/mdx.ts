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

type MdxNode = { type: string; value?: string; name?: string | null; attributes?: Array<{ type: string; name?: string; value?: unknown }>; children?: MdxNode[]; position?: { start: { line: number; column: number } } };

/** What in an MDX tree is JavaScript the build would run: imports and exports, `{…}` expressions, `{…}` attributes. */
function codeIn(tree: MdxNode): Array<{ node: MdxNode; what: string }> {
	const found: Array<{ node: MdxNode; what: string }> = [];
	const walk = (node: MdxNode) => {
		if (node.type === 'mdxjsEsm') found.push({ node, what: /^\s*import\b/.test(node.value ?? '') ? 'an import' : 'an export' });
		// {/* a comment */} is MDX's only comment: it runs nothing.
		else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !/^\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\s*)*$/.test(node.value ?? '')) found.push({ node, what: 'a {…} expression' });
		else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const code = node.attributes?.some((a) => a.type === 'mdxJsxExpressionAttribute' || (typeof a.value === 'object' && a.value !== null));
			if (code) found.push({ node, what: `a {…} attribute of <${node.name ?? ''}>` });
		}
		for (const child of node.children ?? []) walk(child);
	};
	walk(tree);
	return found;
}

export async function checkMdx(displayFile: string, body: string, bodyLine: number, diagnostics: DiagnosticList): Promise<void> {
	const { compile, createProcessor } = await import('@mdx-js/mdx');
	try {
		await compile(body);
		// A doc is data, not code: JavaScript in it would run on the machine that builds the site (an import of
		// node:child_process runs any command) and reach every reader. The build refuses it.
		for (const { node, what } of codeIn(createProcessor().parse(body) as unknown as MdxNode)) {
			const at = node.position?.start ?? { line: 1, column: 1 };
			diagnostics.error(
				displayFile,
				{ line: bodyLine + at.line - 1, column: at.column },
				'mdx-code',
				`${what} in an MDX doc runs JavaScript when the site is built: a doc is data, not code`,
				'write it as text or Markdown (a literal brace as \\{), or show it as code in a ``` block',
			);
		}
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
