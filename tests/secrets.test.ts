/**
 * `check` finds credentials of 15 kinds before they are published — also when
 * disguised — never echoes one in full, lets stand-ins pass, and lets a team
 * allow one occurrence with a reason. The keys below are made up for this test
 * in each issuer's shape; none was ever issued.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';

const r = (n: number, alphabet = 'Q7vT2mLk9XpR4sWz8NcY3bHdJfGa6Ue5') => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const KINDS: Array<[string, string]> = [
	['OpenAI/Anthropic API key', `sk-proj-${r(32)}`],
	['AWS access key id', `AKIA${r(16, 'Q7VT2MLK9XPR4SWZ8NCY3BHD')}`],
	['AWS secret access key', `aws_secret_access_key = ${r(40)}`],
	['GitHub token', `ghp_${r(36)}`],
	['GitLab token', `glpat-${r(20)}`],
	['Slack token', `xoxb-${r(24)}`],
	['Stripe secret key', `sk_live_${r(24)}`],
	['Google API key', `AIza${r(35)}`],
	['npm token', `npm_${r(36)}`],
	['SendGrid API key', `SG.${r(22)}.${r(43)}`],
	['Hugging Face token', `hf_${r(34, 'QvTmLkXpRsWzNcYbHdJfGaUe')}`],
	['JSON Web Token', `eyJ${r(20)}.eyJ${r(24)}.${r(30)}`],
	['Azure storage account key', `AccountKey=${r(44)}==`],
	['private key', `-----BEGIN OPENSSH PRIVATE KEY----- ${r(64)}`],
	['password in a connection URL', `postgres://app:${r(16)}@db.internal:5432/app`],
];

// Each as a reader (or a browser, a YAML or JavaScript parser) would undo it: one line each but the YAML continuation.
const DISGUISED = [
	`Entity: s&#107;-proj-${r(30)}`,
	`<p>Entity without its semicolon: s&#107-proj-${r(30)}</p>`,
	`Escaped: "\\x73k-proj-${r(30)}"`,
	`yaml: "\\U00000073k-proj-${r(30)}"`,
	`Joined: {"sk-" + "proj-${r(30)}"}`,
	`Joined: {["sk-", "proj-${r(30)}"].join("")}`,
	`Escaped: {"\\u{73}k-proj-${r(30)}"}`,
	`Split by a comment: sk-<!-- -->proj-${r(30)}`,
	`Split by an empty element: sk-<span></span>proj-${r(30)}`,
	`Markdown escapes: sk\\-proj\\-${r(30)}`,
	`Percent-encoded: https://api.example.com/v1?auth=sk%2Dproj%2D${r(30)}`,
	`Base64: ${Buffer.from(`sk-proj-${r(30)}`).toString('base64')}`,
	`continued: "sk-proj-${r(14)}\\\n  ${r(16, 'mLk9XpR4sWz8NcY3')}"`,
];
const PGP = ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'Version: GnuPG v2', '', `lQOYBF${r(64)}`, `${r(64)}`, '-----END PGP PRIVATE KEY BLOCK-----'];
// Public by design, or a tutorial's: not secrets.
const PUBLIC = [
	`publishable_key: pk_live_51H${r(40)}`,
	'cache_key: Linux-node26-deps-v3',
	'The JWT debugger\'s sample: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
];
const FIRST_DISGUISED = 7 + KINDS.length + 1;
const PGP_LINE = FIRST_DISGUISED + DISGUISED.length + 2;

describe('secrets in published docs', () => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-secrets-'));
	mkdirSync(join(root, 'content/sprints/3'), { recursive: true });
	const body = [
		...KINDS.map(([, secret], i) => `${i + 1}. Pasted by mistake: ${secret}`),
		'',
		...DISGUISED,
		'',
		...PGP,
		...PUBLIC,
		// Stand-ins and references are not secrets.
		'OPENAI_API_KEY=sk-your-openai-api-key-here, AWS: AKIAXXXXXXXXXXXXXXXX, token: <token>, sk-...',
		'DATABASE_URL=postgresql://app:changethis@localhost:5432/app and postgres://user:${DB_PASSWORD}@db/app',
		// A key's header with no key material after it shows where a key goes.
		'PRIVATE_KEY: -----BEGIN PRIVATE KEY-----...',
		// Allowed, with a reason.
		`<!-- sprintbook-allow-secret: a revoked demo key, shown in the security training -->`,
		`Demo: sk-proj-${r(28)}`,
	].join('\n');
	writeFileSync(join(root, 'content/sprints/3/notes.md'), `---\nsprint: "3"\ntitle: Notes\nkind: notes\n---\n\n${body}\n`);
	const run = sprintbook(['check', '--root', root, '--format', 'json']);
	const found = (JSON.parse(run.stdout) as Array<{ ruleId: string; line: number; message: string }>).filter((d) => d.ruleId === 'secret');

	it('finds all 15 kinds, each on its line, and fails the check', () => {
		expect(run.status).toBe(1);
		for (const [i, [what]] of KINDS.entries()) {
			const hit = found.find((d) => d.line === 7 + i);
			expect(hit?.message, what).toMatch(new RegExp(`^${what.replace(/[/()]/g, '\\$&')} in a published document`));
		}
	});

	it('sees through entities, YAML and JavaScript escapes, joined strings, comments, empty elements, Markdown escapes, percent-encoding, base64 and a continued YAML line', () => {
		const disguised = found.filter((d) => d.line >= FIRST_DISGUISED && d.line < FIRST_DISGUISED + DISGUISED.length);
		expect(disguised.map((d) => `${d.line}: ${d.message.replace(/ \([^)]*\)$/, '')}`)).toEqual(
			DISGUISED.map((_, i) => `${FIRST_DISGUISED + i}: OpenAI/Anthropic API key (disguised) in a published document`),
		);
	});

	it('finds a PGP private key block', () => {
		expect(found.filter((d) => d.line === PGP_LINE).map((d) => d.message)).toEqual(['private key in a published document (-----BEGIN PGP PRIVATE KEY BLOCK-----)']);
	});

	it('lets stand-ins, public values and an allowed occurrence pass: one finding per planted key, no more', () => {
		expect(found).toHaveLength(KINDS.length + DISGUISED.length + 1);
		expect(found.filter((d) => d.line > PGP_LINE)).toEqual([]);
	});

	it('never prints a secret in full: not in a message, a code frame, any format, nor the build log', () => {
		const human = sprintbook(['check', '--root', root]);
		const github = sprintbook(['check', '--root', root, '--format', 'github']);
		copySprintbook(root);
		const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
		expect(build.status).not.toBe(0);
		const outputs = { human: human.stdout + human.stderr, json: run.stdout + run.stderr, github: github.stdout + github.stderr, build: build.stdout + build.stderr };
		// The code frames are there, masked: the kind and the last 4 characters, the rest starred.
		expect(outputs.human).toMatch(/ghp_\*{32}[A-Za-z0-9]{4}/);
		expect(outputs.build).toMatch(/ghp_\*{32}[A-Za-z0-9]{4}/);
		// Every planted key's material (its longest generated run, but the 4 characters a mask may show), disguised or not.
		const material = [...KINDS.map(([, secret]) => secret), ...DISGUISED, ...PGP.slice(3, 5)].map((s) => [...s.matchAll(/[A-Za-z0-9]{16,}/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!.slice(2, -4));
		expect(material.every((m) => m.length >= 10)).toBe(true);
		for (const [name, text] of Object.entries(outputs)) for (const m of material) expect(text, `${name} shows ${m}`).not.toContain(m);
	});
});

describe('generic credentials: a generated value assigned to a key, secret, token or password', () => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-generic-secrets-'));
	mkdirSync(join(root, 'content/sprints/3'), { recursive: true });
	const hex = r(64, '0123456789abcdef');
	const lines = [
		'---', 'sprint: "3"', 'title: Deploy notes', 'kind: notes', `password: "${r(14)}"`, '---', '',
		`In prose: DB_PASSWORD=${r(16)} was used for staging.`,
		'', '```json', `{ "SECRET_KEY": "${hex}", "api_secret": "${r(20)}" }`, '```', '',
		// Stand-ins, references and commands that make a secret: none is one.
		'DB_PASSWORD=$(openssl rand -base64 32) and POSTGRES_PASSWORD=your-postgres-password',
		'OPENAI_API_KEY=sk-test123, password: var.db_password, SECRET_KEY=changethis',
		'GET /api/v1/flows?token=ETH&days=7 and master_password = STRONG-PRODUCTION-PASSWORD',
		'TOKEN_LIMIT: 4096, hashed_password = pwd_context.hash(password)',
	];
	writeFileSync(join(root, 'content/sprints/3/notes.md'), `${lines.join('\n')}\n`);
	const run = sprintbook(['check', '--root', root, '--format', 'json']);
	const found = (JSON.parse(run.stdout) as Array<{ ruleId: string; line: number; column: number; message: string }>).filter((d) => d.ruleId === 'secret');

	it('finds them in frontmatter, prose and code blocks, and nothing among the stand-ins', () => {
		expect(found.map((d) => `${d.line}:${d.column} ${d.message.replace(/ \(.*\)$/, '')}`)).toEqual([
			'5:1 credential assigned to a key, secret, token or password in a published document',
			'8:11 credential assigned to a key, secret, token or password in a published document',
			'11:4 credential assigned to a key, secret, token or password in a published document',
			'11:86 credential assigned to a key, secret, token or password in a published document',
		]);
		expect(run.status).toBe(1);
		expect(run.stdout).not.toContain(hex);
		expect(run.stdout).not.toContain(r(16));
	});
});

describe('a masked report', () => {
	it('keeps columns and the kind, and hides a private key’s material down to its END line, not past it', async () => {
		const { maskSecrets } = await import('../src/lib/check/secrets.ts');
		const material = r(70);
		const text = ['token: ghp_' + r(36), '-----BEGIN OPENSSH PRIVATE KEY-----', material, '-----END OPENSSH PRIVATE KEY-----', 'after'].join('\n');
		const masked = maskSecrets(text).split('\n');
		expect(masked[0]).toBe(`token: ghp_${'*'.repeat(32)}${r(36).slice(-4)}`);
		expect(masked.slice(1)).toEqual(['-----BEGIN OPENSSH PRIVATE KEY-----', '*'.repeat(70), '-----END OPENSSH PRIVATE KEY-----', 'after']);
		// A password is all secret, however it starts; a URL's user name goes with its password (it may be the same text).
		expect(maskSecrets('DB_PASSWORD=prod-abcd-Xy7zQ9wLmN')).toBe(`DB_PASSWORD=${'*'.repeat(16)}wLmN`);
		expect(maskSecrets('url: postgres://app2024xQ:app2024xQ@db.internal/app')).toBe(`url: postgres://${'*'.repeat(19)}@db.internal/app`);
	});
});

describe('an imported copy', () => {
	it('carries no credential: a plain one is cut out, a disguised one takes its line (and the line it goes on to) with it', async () => {
		const { redactSecrets } = await import('../src/lib/check/secrets.ts');
		const text = [`Key: ghp_${r(36)} in prose`, `  - s&#107;-proj-${r(30)} in a list`, `yaml: "sk-proj-${r(14)}\\`, `  ${r(16, 'mLk9XpR4sWz8NcY3')}"`, 'after'].join('\n');
		const { text: copy, redacted } = redactSecrets(text);
		expect(copy.split('\n')).toEqual(['Key: [redacted] in prose', '  [redacted: OpenAI/Anthropic API key (disguised)]', '[redacted: OpenAI/Anthropic API key (disguised)]', '  [redacted: OpenAI/Anthropic API key (disguised)]', 'after']);
		expect(redacted.map((f) => f.line)).toEqual([0, 1, 2]);
	});
});

describe('a key split over a line’s end, and what only looks public', () => {
	it('is read with the next line as a reader reads it, and both lines are masked', async () => {
		const { findSecrets, maskSecrets } = await import('../src/lib/check/secrets.ts');
		const key = r(30);
		for (const text of [`sk-<!--\n-->proj-${key}`, `sk-<span>\n</span>proj-${key}`, `["sk-proj-",\n "${key}"].join("")`]) {
			expect(findSecrets(text).map((f) => `${f.line} ${f.what}`), text).toEqual(['0 OpenAI/Anthropic API key (disguised)']);
			expect(maskSecrets(text)).not.toContain(key.slice(2, -4));
		}
	});

	it('a real token or key is found whatever its claims or its name say; the JWT debugger’s sample alone is public', async () => {
		const { findSecrets } = await import('../src/lib/check/secrets.ts');
		const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${r(43)}`;
		expect(findSecrets(`Bearer ${jwt({ sub: 'svc-billing', aud: 'everywhere', iat: 1700000000 })}`).map((f) => f.what)).toEqual(['JSON Web Token']);
		expect(findSecrets(`Bearer ${jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}`)).toEqual([]);
		for (const name of ['AZURE_STORAGE_PRIMARY_KEY', 'PAGERDUTY_ROUTING_KEY', 'HMAC_HASH_KEY']) expect(findSecrets(`${name}=${r(24)}`).map((f) => f.what), name).toEqual(['credential assigned to a key, secret, token or password']);
	});

	it('an imported copy loses a private key’s material with its header, down to its END line', async () => {
		const { findSecrets, redactSecrets } = await import('../src/lib/check/secrets.ts');
		const text = ['```', '-----BEGIN RSA PRIVATE KEY-----', `MIIEpAIBAAKCAQEA${r(48)}`, r(64), '-----END RSA PRIVATE KEY-----', '```', 'after'].join('\n');
		const copy = redactSecrets(text).text;
		expect(copy.split('\n')).toEqual(['```', ...Array(4).fill('[redacted: private key]'), '```', 'after']);
		expect(copy).not.toContain(r(64));
		expect(findSecrets(copy)).toEqual([]);
	});
});
