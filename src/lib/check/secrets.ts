/** Secret rule: these docs get published, so a pasted credential is an error wherever it appears. */
import type { DiagnosticList } from '../diagnostics.ts';
import { offsetToPosition } from '../diagnostics.ts';

const PATTERNS: Array<[string, RegExp]> = [
	['OpenAI/Anthropic API key', /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g],
	['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g],
	['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g],
	['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/g],
	['private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g],
];

/**
 * Docs show where a key goes with stand-ins — `sk-your-openai-key-here`,
 * `sk-ant-api03-1234567890`, `AKIAXXXXXXXXXXXXXXXX` — which are not secrets: words
 * that mark a stand-in, a character repeated six times, or a plain run of
 * digits or letters (123456…, abcdef…).
 */
export function isPlaceholder(token: string): boolean {
	const t = token.toLowerCase();
	if (/your|here|example|placeholder|dummy|fake|redacted|changeme|replace|insert|sample|<|\.\.\./.test(t)) return true;
	if (/(.)\1{5,}/.test(t)) return true;
	return /0123456|1234567|2345678|3456789|abcdefg/.test(t);
}

/** Shows enough of a secret to find it, not enough to use it. */
const mask = (s: string) => (s.startsWith('-----') ? s : `${s.slice(0, 6)}…${s.slice(-2)}`);

export function checkSecrets(file: string, text: string, lineStarts: readonly number[], diagnostics: DiagnosticList): void {
	for (const [what, re] of PATTERNS) {
		for (const m of text.matchAll(re)) {
			if (isPlaceholder(m[0])) continue;
			const start = offsetToPosition(lineStarts, m.index);
			const end = offsetToPosition(lineStarts, m.index + m[0].length);
			diagnostics.error(
				file,
				{ ...start, endLine: end.line, endColumn: end.column },
				'secret',
				`${what} in a published document (${mask(m[0])})`,
				'delete it, revoke it (it may already be in git history), and refer to it by name, e.g. $OPENAI_API_KEY',
			);
		}
	}
}
