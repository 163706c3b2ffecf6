/**
 * Secret rule: these docs get published, so a pasted credential is an error
 * wherever it appears — body, frontmatter, code blocks — and also when it is
 * disguised: HTML entities (`s&#107;-proj-…`), YAML escapes (`"\x73k-…"`) and
 * strings joined in an MDX expression (`{"sk-" + "proj-…"}`) are undone before
 * looking. A stand-in (`sk-your-key-here`, `<token>`, `${DB_PASSWORD}`) is not a
 * secret. One occurrence can be allowed, with a reason, by writing
 * `sprintbook-allow-secret: <reason>` (e.g. in an HTML comment) on its line or the
 * line before. A secret is never echoed in full.
 */
import { decodeHTML } from 'entities';
import type { DiagnosticList } from '../diagnostics.ts';
import { offsetToPosition } from '../diagnostics.ts';

const GENERIC = 'credential assigned to a key, secret, token or password';

/** Each kind of credential, by the shape its issuer gives it; then generic assignments. */
const PATTERNS: Array<[string, RegExp]> = [
	['OpenAI/Anthropic API key', /\bsk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}/g],
	['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g],
	['AWS secret access key', /\baws_?secret_?access_?key\b["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}\b/gi],
	['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g],
	['GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}/g],
	['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/g],
	['Stripe secret key', /\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}/g],
	['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/g],
	['npm token', /\bnpm_[A-Za-z0-9]{36}\b/g],
	['SendGrid API key', /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g],
	['Hugging Face token', /\bhf_[A-Za-z]{34}\b/g],
	['JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g],
	['Azure storage account key', /\bAccountKey=[A-Za-z0-9+/]{40,}={0,2}/g],
	['private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g],
	// user:password@host — only a password that looks generated (8+ characters, letters with digits or mixed case),
	// not the "pass" or "changethis" of a local example.
	// NAME_PASSWORD=…, api_secret: …, "SECRET_KEY": "…": only a value that looks generated (10+ characters with a digit,
	// a lower- and an upper-case letter, or 32+ hex digits), not `your-key`, `sk-test123`, `$(openssl rand …)` or `var.db_password`.
	[GENERIC, /\b[A-Za-z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|[Kk]ey|[Ss]ecret|[Tt]oken|[Pp]assword|[Pp]asswd|[Pp]wd)["']?\s*[:=]\s*["']?((?=[\w+/=!@#%^*.~-]*\d)(?=[\w+/=!@#%^*.~-]*[a-z])(?=[\w+/=!@#%^*.~-]*[A-Z])[\w+/=!@#%^*.~-]{10,}|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{32,})(?![\w+/=!@#%^*.~-])/g],
	['password in a connection URL', /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@"'`<>]+:((?=[^\s/@"'`<>]*(?:\d[^\s/@"'`<>]*[A-Za-z]|[A-Za-z][^\s/@"'`<>]*\d|[a-z][^\s/@"'`<>]*[A-Z]|[A-Z][^\s/@"'`<>]*[a-z]))[^\s/@"'`<>]{8,})@[^\s/"'`<>]+/g],
];

/**
 * Docs show where a key goes with stand-ins — `sk-your-openai-key-here`,
 * `sk-ant-api03-1234567890`, `AKIAXXXXXXXXXXXXXXXX`, `${DB_PASSWORD}`, `<token>`
 * — which are not secrets: words that mark a stand-in, references to a variable,
 * a character repeated six times, or a plain run of digits or letters.
 */
export function isPlaceholder(token: string): boolean {
	const t = token.toLowerCase();
	if (/your|here|example|placeholder|dummy|fake|redacted|changeme|changethis|replace|insert|sample|<|>|\.\.\.|\$\{|\$[a-z_]|\{\{|%\(|secretsmanager|ssm:|process\.env|os\.environ|getenv/.test(t)) return true;
	if (/(.)\1{5,}/.test(t)) return true;
	return /0123456|1234567|2345678|3456789|abcdefg/.test(t);
}

/** A credential's kind as its issuer prefixes it ("ghp_", "sk-proj-", "AKIA", "xoxb-", "eyJ"): safe to show. */
const KIND = /^(?:-----BEGIN [A-Z ]*PRIVATE KEY-----|[A-Za-z]{2,4}[_-](?:[a-z]{2,5}[_-])?|AKIA|ASIA|AIza|eyJ|SG\.)/;
const VENDOR_KINDS = new Set(['OpenAI/Anthropic API key', 'AWS access key id', 'GitHub token', 'GitLab token', 'Slack token', 'Stripe secret key', 'Google API key', 'npm token', 'SendGrid API key', 'Hugging Face token', 'JSON Web Token', 'Azure storage account key', 'private key']);
const kindOf = (secret: string) => (secret.length > 12 ? (KIND.exec(secret)?.[0] ?? '') : '');
/** Shows enough of a secret to find it, not enough to use it: its kind and, for a long one, its last 4 characters. */
const mask = (s: string) => (s.startsWith('-----') ? kindOf(s) : `${kindOf(s)}…${s.length > 12 ? s.slice(-4) : ''}`);

/**
 * The text as a report may show it (a code frame under a problem): in each credential, every character but its
 * kind and last 4 becomes "*", so columns stay where they were and nothing usable is shown. A disguised one, and the
 * key material under a private key's header, hide their whole lines.
 */
export function maskSecrets(text: string): string {
	const found = findSecrets(text);
	if (!found.length) return text;
	const lines = text.split('\n');
	const star = (s: string) => s.replace(/\S/g, '*');
	for (const f of found) {
		const line = lines[f.line]!;
		if (f.disguised) {
			lines[f.line] = star(line);
			continue;
		}
		// A connection URL's user name and password together: a user name may be the password's own text.
		if (f.what === 'password in a connection URL') {
			const m = /:\/\/[^\s@/]*@/.exec(line.slice(f.column));
			if (m) {
				const from = f.column + m.index + 3;
				lines[f.line] = line.slice(0, from) + '*'.repeat(m[0].length - 4) + line.slice(from + m[0].length - 4);
				continue;
			}
		}
		// The secret's own place in its match: a URL's user name may be the same text as its password.
		const inMatch = f.match.lastIndexOf(f.secret);
		const at = inMatch >= 0 && line.slice(f.column + inMatch, f.column + inMatch + f.secret.length) === f.secret ? f.column + inMatch : line.lastIndexOf(f.secret);
		if (at < 0) {
			lines[f.line] = star(line);
			continue;
		}
		// Only an issuer's prefix says the kind; a password that starts like one ("prod-…") is all secret.
		const kind = VENDOR_KINDS.has(f.what) ? kindOf(f.secret) : '';
		const tail = f.secret.length > 12 ? 4 : 0;
		const hidden = f.secret.slice(kind.length, f.secret.length - tail);
		lines[f.line] = line.slice(0, at) + kind + '*'.repeat(hidden.length) + f.secret.slice(f.secret.length - tail) + line.slice(at + f.secret.length);
		if (f.what === 'private key') {
			// The header stays; what follows it, on its line and below up to the END line, is key material.
			lines[f.line] = line.slice(0, at + kind.length) + star(line.slice(at + kind.length));
			for (let i = f.line + 1; i < lines.length && !/PRIVATE KEY-----/.test(line.slice(at + kind.length)); i++) {
				if (/-----END [A-Z ]*PRIVATE KEY-----/.test(lines[i]!)) break;
				lines[i] = star(lines[i]!);
			}
		}
	}
	return lines.join('\n');
}

/** The text with disguises undone, line by line, so each finding still has its line. */
function undisguised(line: string): string {
	let s = line;
	if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s)) s = decodeHTML(s);
	// YAML and JS escapes inside quoted strings: \x73, \u0073.
	s = s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
	// "sk-" + "proj-…" in an MDX expression: the strings, joined.
	s = s.replace(/(["'`])\s*\+\s*(["'`])/g, '');
	return s;
}

const ALLOW = /sprintbook-allow-secret:\s*\S/;

export interface SecretFinding {
	what: string;
	/** 0-based line. */
	line: number;
	/** 0-based column in the line as written; 0 when it was found only with its disguise undone. */
	column: number;
	/** The text matched, as written (or as decoded, for a disguise). */
	match: string;
	/** The part that is the secret itself: a URL's password, or the whole match. */
	secret: string;
	disguised: boolean;
}

/** Quick tests that say whether a text can hold a credential at all, or a disguise: most docs hold neither. */
// The generic pattern scans every word for a key-like suffix, which is slow on whole texts: a cheap hint stands in for it.
const GENERIC_HINT = /(?:key|secret|token|passw(?:or)?d|pwd)["']?\s*[:=]/i;
const ANY_SECRET = new RegExp([...PATTERNS.filter(([what]) => what !== GENERIC).map(([, re]) => re.source), GENERIC_HINT.source].join('|'), 'i');
const ANY_DISGUISE = /&(?:#\d+|#x[0-9a-f]+|[a-z]+);|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|["'`]\s*\+\s*["'`]/i;

/** Every credential in a text, line by line, placeholders and allowed ones left out. */
export function findSecrets(text: string): SecretFinding[] {
	const out: SecretFinding[] = [];
	if (!ANY_SECRET.test(text) && !ANY_DISGUISE.test(text)) return out;
	const lines = text.split('\n');
	lines.forEach((raw, i) => {
		if (!ANY_SECRET.test(raw) && !ANY_DISGUISE.test(raw)) return;
		if (ALLOW.test(raw) || (i > 0 && ALLOW.test(lines[i - 1]!))) return;
		const plain = undisguised(raw);
		const found = new Set<string>();
		/** Columns already reported on this line: a specific kind found first is not reported again as generic. */
		const taken: Array<[number, number]> = [];
		for (const [what, re] of PATTERNS) {
			for (const m of raw.matchAll(re)) {
				const secret = m[1] ?? m[0];
				// The name of a generic assignment may hold any word ("SAMPLE_RATE_TOKEN"); only its value can be a stand-in.
				if (isPlaceholder(secret) || (what !== GENERIC && isPlaceholder(m[0]))) continue;
				// "-----BEGIN PRIVATE KEY-----..." shows where a key goes: a key is one only with key material after its header.
				if (what === 'private key' && !/[A-Za-z0-9+/]{40,}/.test(`${raw.slice(m.index! + m[0].length)}\n${lines[i + 1] ?? ''}`)) continue;
				const at = m.index! + m[0].indexOf(secret);
				if (taken.some(([from, to]) => at < to && at + secret.length > from)) continue;
				taken.push([at, at + secret.length]);
				found.add(secret);
				out.push({ what, line: i, column: m.index!, match: m[0], secret, disguised: false });
			}
			// The same line with its disguises undone: a secret found only there is reported at the line's start.
			if (plain === raw) continue;
			for (const m of plain.matchAll(re)) {
				const secret = m[1] ?? m[0];
				if (found.has(secret) || isPlaceholder(secret) || isPlaceholder(m[0])) continue;
				found.add(secret);
				out.push({ what: `${what} (disguised)`, line: i, column: 0, match: m[0], secret, disguised: true });
			}
		}
	});
	return out;
}

export function checkSecrets(file: string, text: string, lineStarts: readonly number[], diagnostics: DiagnosticList): void {
	const lines = text.split('\n');
	for (const f of findSecrets(text)) {
		const line = f.line + 1;
		const column = offsetToPosition(lineStarts, lineStarts[f.line]! + f.column).column;
		const length = f.disguised ? lines[f.line]!.length : f.match.length;
		diagnostics.error(
			file,
			{ line, column, endLine: line, endColumn: column + length },
			'secret',
			`${f.what} in a published document (${mask(f.match)})`,
			'delete it, revoke it (it may already be in git history), and refer to it by name, e.g. $OPENAI_API_KEY; if it is not a secret, say so: <!-- sprintbook-allow-secret: why -->',
		);
	}
}

/**
 * The text with every credential that is written plainly replaced by `[redacted]`, for
 * `import`: a copy on its way to being published must not carry one. Disguised ones
 * cannot be cut out cleanly; they stay for `check` to report.
 */
export function redactSecrets(text: string): { text: string; redacted: SecretFinding[] } {
	const lines = text.split('\n');
	const redacted = findSecrets(text).filter((f) => !f.disguised);
	for (const f of [...redacted].sort((a, b) => b.line - a.line || b.column - a.column)) {
		const line = lines[f.line]!;
		const at = f.column + f.match.lastIndexOf(f.secret);
		lines[f.line] = line.slice(0, at) + '[redacted]' + line.slice(at + f.secret.length);
	}
	return { text: lines.join('\n'), redacted };
}
