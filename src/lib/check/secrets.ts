/**
 * Secret rule: these docs get published, so a pasted credential is an error
 * wherever it appears — body, frontmatter, code blocks — and also when it is
 * disguised: the scan sees what a reader will, with entities, escapes, comments,
 * empty elements, joined strings, percent-encoding and base64 undone (see
 * `undisguised`). A stand-in (`sk-your-key-here`, `<token>`, `${DB_PASSWORD}`) or
 * a value public by design (`publishable_key`, a tutorial's JWT) is not a
 * secret. One occurrence can be allowed, with a reason, by writing
 * `sprintbook-allow-secret: <reason>` (e.g. in an HTML comment) on its line or the
 * line before. A secret is never echoed in full. Every pattern's repetitions are
 * bounded, so a scan costs at most a constant per character.
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
	['private key', /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g],
	// user:password@host — only a password that looks generated (8+ characters, letters with digits or mixed case),
	// not the "pass" or "changethis" of a local example.
	// NAME_PASSWORD=…, api_secret: …, "SECRET_KEY": "…": only a value that looks generated (10+ characters with a digit,
	// a lower- and an upper-case letter, or 32+ hex digits), not `your-key`, `sk-test123`, `$(openssl rand …)` or `var.db_password`.
	// Every repetition is bounded (a value is at most 200 characters, a name 100), so a line of 250,000 "key=" costs
	// a bounded scan at each place, not a scan to the line's end.
	[GENERIC, /\b[A-Za-z0-9_]{0,100}(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|[Kk]ey|[Ss]ecret|[Tt]oken|[Pp]assword|[Pp]asswd|[Pp]wd)["']?\s{0,20}[:=]\s{0,20}["']?((?=[\w+/=!@#%^*.~-]{0,200}\d)(?=[\w+/=!@#%^*.~-]{0,200}[a-z])(?=[\w+/=!@#%^*.~-]{0,200}[A-Z])[\w+/=!@#%^*.~-]{10,200}|(?=[0-9a-f]{0,200}\d)(?=[0-9a-f]{0,200}[a-f])[0-9a-f]{32,200})(?![\w+/=!@#%^*.~-])/g],
	['password in a connection URL', /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@"'`<>]{1,200}:((?=[^\s/@"'`<>]{0,200}(?:\d[^\s/@"'`<>]{0,200}[A-Za-z]|[A-Za-z][^\s/@"'`<>]{0,200}\d|[a-z][^\s/@"'`<>]{0,200}[A-Z]|[A-Z][^\s/@"'`<>]{0,200}[a-z]))[^\s/@"'`<>]{8,200})@[^\s/"'`<>]{1,200}/g],
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

/**
 * Values that look like credentials and are public by design: a key named for what it indexes (`cache_key:
 * Linux-node26-deps-v3`, `partition_key`) or published on purpose (`publishable_key: pk_live_…`, a `public_key`),
 * and a JSON Web Token whose claims are a tutorial's stand-ins (the JWT debugger's "John Doe", sub "1234567890").
 */
// (Not "primary", "routing" or "hash": Azure's primary key, PagerDuty's routing key and an HMAC key are secrets.)
const PUBLIC_NAME = /(?:cache|sort|partition|foreign|composite|idempotency|shard|dedup|public|publishable)[_-]?key\b/i;
function isPublic(what: string, match: string, secret: string): boolean {
	if (what === GENERIC) return PUBLIC_NAME.test(match) || /^pk_(?:live|test)_/.test(secret);
	if (what === 'JSON Web Token') {
		const claims = Buffer.from(secret.split('.')[1] ?? '', 'base64url').toString('utf8');
		// The JWT debugger's own sample, not any token whose claims hold an ordinary word.
		return /"sub"\s*:\s*"1234567890"/.test(claims) && /"name"\s*:\s*"John Doe"/.test(claims);
	}
	return false;
}

/** A credential's kind as its issuer prefixes it ("ghp_", "sk-proj-", "AKIA", "xoxb-", "eyJ"): safe to show. */
const KIND = /^(?:-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z]{2,4}[_-](?:[a-z]{2,5}[_-])?|AKIA|ASIA|AIza|eyJ|SG\.)/;
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
			// A line that goes on after its "\\" holds the rest of the key on the next.
			lines[f.line] = star(line);
			if (f.continued && f.line + 1 < lines.length) lines[f.line + 1] = star(lines[f.line + 1]!);
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
			for (let i = f.line + 1; i < lines.length && !/PRIVATE KEY(?: BLOCK)?-----/.test(line.slice(at + kind.length)); i++) {
				if (/-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.test(lines[i]!)) break;
				lines[i] = star(lines[i]!);
			}
		}
	}
	return lines.join('\n');
}

/** Empty elements a writer can slip inside a key to split it for a scanner but not for a reader: `sk-<span></span>proj-…`. */
const EMPTY_ELEMENT = /<([a-z][a-z0-9]{0,15})\b[^<>]{0,200}>\s{0,20}<\/\1\s*>|<(?:[a-z][a-z0-9]{0,15})\b[^<>]{0,200}\/>/gi;
/** A Markdown backslash escape (`sk\-proj\-…`): the reader sees the character alone. */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A run that may be base64 of a text: long, and of its alphabet only. */
const BASE64_RUN = /[A-Za-z0-9+/]{24,4096}={0,2}/g;

/** The line without its HTML comments (`sk-<!-- -->proj-…`), found by position so a line of many "<!--" stays linear. */
function withoutComments(line: string): string {
	let out = '';
	let from = 0;
	for (let open = line.indexOf('<!--'); open >= 0; open = line.indexOf('<!--', from)) {
		const close = line.indexOf('-->', open + 4);
		if (close < 0) break;
		out += line.slice(from, open);
		from = close + 3;
	}
	return out + line.slice(from);
}

/** Base64 runs that decode to printable text, decoded: a key encoded to pass a scanner is a key to whoever decodes it. */
function base64Texts(line: string): string[] {
	const out: string[] = [];
	for (const [run] of line.matchAll(BASE64_RUN)) {
		const text = Buffer.from(run, 'base64').toString('latin1');
		if (text.length >= 16 && /^[\x20-\x7e\t\n\r]+$/.test(text)) out.push(text);
	}
	return out;
}

/**
 * The text as a reader sees it, line by line, so each finding still has its line: HTML entities decoded (with or
 * without their ";", as browsers do), YAML and JavaScript escapes (\x73, \u0073, \u{73}, \U00000073), comments and
 * empty elements removed, Markdown escapes undone, strings joined in an expression (`"sk-" + "proj-…"`,
 * `["sk-", "proj-…"].join("")`), percent-encoding decoded; base64 runs that decode to text follow, decoded.
 */
function undisguised(line: string): string {
	let s = withoutComments(line).replace(EMPTY_ELEMENT, '');
	if (s.includes('&')) s = decodeHTML(s);
	s = s
		.replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\u\{([0-9a-fA-F]{1,6})\}|\\U([0-9a-fA-F]{8})/g, (_, ...hex: Array<string | undefined>) => {
			const code = parseInt(hex.slice(0, 4).find((h) => h !== undefined)!, 16);
			return code <= 0x10ffff ? String.fromCodePoint(code) : '';
		})
		.replace(MARKDOWN_ESCAPE, '$1')
		.replace(/(["'`])\s{0,20}\+\s{0,20}(["'`])/g, '');
	// An array's strings are one only when joined: `"password":"Test123!","role"` is two values.
	if (s.includes('.join(')) s = s.replace(/(["'`])\s{0,20},\s{0,20}(["'`])/g, '');
	if (/%[0-9a-fA-F]{2}/.test(s)) s = s.replace(/%([0-7][0-9a-fA-F])/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
	const decoded = base64Texts(line);
	return decoded.length ? `${s} ${decoded.join(' ')}` : s;
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
	/** Found in this line and the next one read together (a key split over a line's end): both lines hold it. */
	continued?: boolean;
}

/**
 * What a line must hold to be looked at: a vendor key's prefix, a key-like name assigned, a URL with a password, or
 * a disguise. One pass over the whole text finds those lines; the patterns then run on them alone.
 */
// The generic pattern scans every word for a key-like suffix, which is slow on whole texts: a cheap hint stands in for it.
const GENERIC_HINT = /(?:key|secret|token|passw(?:or)?d|pwd)["']?\s{0,20}[:=]/i;
const URL_HINT = /:\/\/[^\s/@"'`<>]{1,200}:[^\s/@"'`<>]{8,200}@/;
const ANY_SECRET = PATTERNS.filter(([what]) => what !== GENERIC && what !== 'password in a connection URL').map(([, re]) => re);
/** Where a disguise may be: an entity, an escape, joined strings, a comment, an empty element, percent-encoding, a base64 run, a line going on. */
const DISGUISE_HINTS = [/&(?:#\d|#x[0-9a-f]|[a-z]{2,})/i, /\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F{]|U[0-9a-fA-F]{8}|[!-/:-@[-`{-~]|\n)/, /["'`]\s{0,20}[+,]\s{0,20}["'`]/, /<!--/, /<[a-z][^<>]{0,200}>\s{0,20}<\//i, /<[a-z][a-z0-9]{0,15}\b[^<>\n]{0,200}>[ \t]*$/im, /["'`][ \t]*[+,][ \t]*$/m, /\/>/, /%[0-9a-f]{2}/i];
// The credentials' own hints in one alternation (as before disguises were looked for); each disguise's hint on its own.
const CANDIDATES = [new RegExp([...ANY_SECRET, GENERIC_HINT, URL_HINT].map((re) => re.source).join('|'), 'gi'), ...DISGUISE_HINTS.map((re) => new RegExp(re.source, re.flags + 'g'))];

/** The 0-based lines holding a candidate, each once and in order: one pass over the text per hint, going on from the next line after a hit. */
function candidateLines(text: string): number[] {
	const starts: number[] = [];
	const lines = new Set<number>();
	for (const re of CANDIDATES) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			if (!starts.length) for (let i = 0; i >= 0; i = text.indexOf('\n', i) + 1 || -1) starts.push(i);
			let lo = 0;
			let hi = starts.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (starts[mid]! <= m.index) lo = mid;
				else hi = mid - 1;
			}
			lines.add(lo);
			// From the end of the match's first line: a match may run over a line's end ("…",\n  "…") into a line of its own.
			if (lo + 1 >= starts.length) break;
			re.lastIndex = starts[lo + 1]! - 1;
		}
	}
	for (const line of base64Lines(text)) lines.add(line);
	return [...lines].sort((a, b) => a - b);
}

/**
 * Whether a reader sees a line's text go on into the next one: a "\" at its end (YAML), a comment left open, an
 * element opened at its end, a list of strings going on. Only the line's end is looked at, so it costs the same
 * however long the line is.
 */
function goesOn(line: string): boolean {
	const end = line.trimEnd();
	return end.endsWith('\\') || end.lastIndexOf('<!--') > end.lastIndexOf('-->') || /<[a-zA-Z][a-zA-Z0-9]{0,15}\b[^<>]{0,200}>$|["'`]\s{0,20}[+,]$/.test(end.slice(-240));
}

const BASE64_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CHAR[c.charCodeAt(0)] = 1;

/**
 * The lines with a base64 run that decodes to text. A loop over the characters, not a regex: a regex for "24 of the
 * alphabet" is tried again inside every shorter word, and this runs on every line of every doc.
 */
function base64Lines(text: string): number[] {
	const out: number[] = [];
	let line = 0;
	let run = 0;
	for (let i = 0; i <= text.length; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 10;
		if (c < 128 && BASE64_CHAR[c]) {
			run++;
			continue;
		}
		if (run >= 24 && out[out.length - 1] !== line && base64Texts(text.slice(i - run, i)).length) out.push(line);
		run = 0;
		if (c === 10) line++;
	}
	return out;
}

/** Every credential in a text, line by line, placeholders and allowed ones left out. */
export function findSecrets(text: string): SecretFinding[] {
	const out: SecretFinding[] = [];
	const candidates = candidateLines(text);
	if (!candidates.length) return out;
	const lines = text.split('\n');
	for (const i of candidates) {
		const raw = lines[i]!;
		if (ALLOW.test(raw) || (i > 0 && ALLOW.test(lines[i - 1]!))) continue;
		// A key split over a line's end is read with the next line: a YAML double-quoted string going on after a "\",
		// a comment or an element opened at the end, a list of strings going on ("sk-",⏎ "proj-…").
		const next = lines[i + 1];
		const continued = next !== undefined && goesOn(raw);
		const plain = undisguised(continued ? (raw.endsWith('\\') ? raw.slice(0, -1) : raw) + next.trimStart() : raw);
		const found = new Set<string>();
		/** Columns already reported on this line: a specific kind found first is not reported again as generic. */
		const taken: Array<[number, number]> = [];
		for (const [what, re] of PATTERNS) {
			for (const m of raw.matchAll(re)) {
				const secret = m[1] ?? m[0];
				// The name of a generic assignment may hold any word ("SAMPLE_RATE_TOKEN"); only its value can be a stand-in.
				if (isPlaceholder(secret) || (what !== GENERIC && isPlaceholder(m[0]))) continue;
				// "-----BEGIN PRIVATE KEY-----..." shows where a key goes: a key is one only with key material after its header.
				// (A PGP block's material follows its armour headers and a blank line.)
				if (what === 'private key' && !/[A-Za-z0-9+/]{40,}/.test([raw.slice(m.index! + m[0].length), ...lines.slice(i + 1, i + 8)].join('\n'))) continue;
				if (isPublic(what, m[0], secret)) continue;
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
				if (found.has(secret) || isPlaceholder(secret) || isPlaceholder(m[0]) || isPublic(what, m[0], secret)) continue;
				// Written plainly on the next line, it is that line's finding, not a split key of this one.
				if (continued && next.includes(secret)) continue;
				found.add(secret);
				out.push({ what: `${what} (disguised)`, line: i, column: 0, match: m[0], secret, disguised: true, ...(continued ? { continued } : {}) });
			}
		}
	}
	return out;
}

export function checkSecrets(file: string, text: string, lineStarts: readonly number[], diagnostics: DiagnosticList): void {
	for (const f of findSecrets(text)) {
		const line = f.line + 1;
		const column = offsetToPosition(lineStarts, lineStarts[f.line]! + f.column).column;
		// A disguised one is the whole line: from its start to the next line's (its line break left out).
		const length = f.disguised ? (lineStarts[f.line + 1] ?? text.length + 1) - lineStarts[f.line]! - 1 : f.match.length;
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
 * The text with every credential replaced, for `import`: a copy on its way to being published must not carry one.
 * One written plainly becomes `[redacted]`; a disguised one cannot be cut out of its disguise, so its line (and the
 * line a YAML "\\" continues it on) becomes `[redacted: <kind>]`, indented as it was. The original keeps it all.
 */
export function redactSecrets(text: string): { text: string; redacted: SecretFinding[] } {
	const lines = text.split('\n');
	const redacted = findSecrets(text);
	const wholeLines = new Map<number, string>();
	for (const f of redacted.filter((f) => f.disguised)) {
		wholeLines.set(f.line, f.what);
		if (f.continued && f.line + 1 < lines.length) wholeLines.set(f.line + 1, f.what);
	}
	// A private key is its header and the material under it, down to its END line.
	for (const f of redacted.filter((f) => f.what === 'private key')) {
		for (let i = f.line; i < lines.length; i++) {
			wholeLines.set(i, f.what);
			if (i > f.line && /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.test(lines[i]!)) break;
		}
	}
	for (const f of redacted.filter((f) => !f.disguised && !wholeLines.has(f.line)).sort((a, b) => b.line - a.line || b.column - a.column)) {
		const line = lines[f.line]!;
		const at = f.column + f.match.lastIndexOf(f.secret);
		lines[f.line] = line.slice(0, at) + '[redacted]' + line.slice(at + f.secret.length);
	}
	for (const [i, what] of wholeLines) lines[i] = `${/^\s*/.exec(lines[i]!)![0]}[redacted: ${what}]`;
	return { text: lines.join('\n'), redacted };
}
