/**
 * `sprintbook check` on a fixture corpus with one planted fault per file:
 * every fault is reported, at its exact place, with its rule and the words a
 * writer needs — all in one run.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostics.ts';
import { sprintbook } from './helpers/cli.ts';

const FIXTURE = 'tests/fixtures/check';
const PREFIX = `${FIXTURE}/content/`;

/** [file under content/, line, column, severity, rule, words the message must contain] */
type Expected = [string, number, number, 'error' | 'warning' | 'info', string, RegExp];
const EXPECTED: Expected[] = [
	// Schema
	['sprints/5.10/plan.md', 2, 9, 'error', 'numeric-sprint', /quoted strings; YAML reads 5\.10 as the number 5\.1, so "5\.10" would become 5\.1/],
	['sprints/5.9/plan.md', 7, 14, 'error', 'numeric-sprint', /depends_on\.0: sprint numbers must be quoted/],
	['sprints/5.2/plan.md', 1, 1, 'error', 'missing-field', /missing required field "title"/],
	['sprints/5.3/plan.md', 4, 9, 'error', 'unknown-value', /status: expected one of draft, ready, active, complete, cancelled \(got "in progress"\)/],
	['sprints/5.4/plan.md', 5, 7, 'error', 'bad-date', /date: expected a date written YYYY-MM-DD.*\(got January 17, 2026\)/],
	// Not rolled over to March 2 as a YAML timestamp would be: check reads dates as written.
	['sprints/5.11/plan.md', 5, 7, 'error', 'bad-date', /date: expected a date written YYYY-MM-DD.*\(got 2026-02-30\)/],
	['sprints/5.5/plan.md', 8, 6, 'error', 'end-before-start', /end \(2026-03-01\) is before start \(2026-03-10\)/],
	['sprints/5.6/plan.md', 7, 1, 'error', 'unknown-field', /unknown field "stauts": did you mean "status"\?/],
	['sprints/5.7/plan.md', 8, 12, 'error', 'passing-exceeds-total', /baseline\.passing: passing cannot exceed total/],
	['sprints/5.8/plan.md', 11, 12, 'error', 'bad-hour-range', /tracks\.0\.hours: the first number \(min\) must not exceed the second/],
	['sprints/7.4/plan.md', 12, 9, 'error', 'duplicate-track', /tracks\.1\.id: track id "A" is used twice/],
	['sprints/3.1/report.md', 8, 11, 'error', 'unknown-value', /outcome\.target: expected met, partial or missed \(got "done"\)/],
	['sprints/3.1/unknown-kind.md', 4, 7, 'error', 'unknown-value', /kind: expected one of prompts, .*\(got "prompt"\)/],
	['sprints/3.1/crlf.md', 4, 7, 'error', 'unknown-value', /kind: .*\(got "memo"\)/],
	['handoff.md', 5, 13, 'error', 'unknown-value', /features\.0\.status: expected one of planned, in-progress, done, blocked, deferred \(got "finished"\)/],
	['requirements/bad-id.md', 2, 5, 'error', 'bad-format', /id: expected a lower-case slug/],
	// Frontmatter and YAML
	['sprints/6.7/plan.md', 3, 8, 'error', 'yaml-syntax', /YAML syntax: Nested mappings are not allowed/],
	['sprints/3.1/duplicate-key.md', 4, 1, 'error', 'yaml-syntax', /Map keys must be unique/],
	['sprints/3.1/bad-alias.md', 3, 8, 'error', 'yaml-syntax', /Unresolved alias/],
	['sprints/3.1/yaml-tag.md', 4, 7, 'error', 'yaml-tag', /YAML tag "!!js\/function": the site reads frontmatter as plain data and would stop the build on it/],
	['sprints/6.8/plan.md', 1, 1, 'error', 'frontmatter-unterminated', /opened on line 1 is never closed/],
	['sprints/3.1/no-frontmatter.md', 1, 1, 'error', 'frontmatter-missing', /no frontmatter/],
	['sprints/3.1/empty.md', 1, 1, 'error', 'frontmatter-missing', /no frontmatter/],
	['sprints/3.1/not-a-map.md', 2, 1, 'error', 'frontmatter-not-a-map', /list of `field: value` lines/],
	// Identity
	['sprints/6.4/plan.md', 2, 9, 'error', 'duplicate-id', /sprint 6\.4 has more than one plan: also .*sprint-6\.4\/plan\.md/],
	['archive/history/sprints/sprint-6.4/plan.md', 2, 9, 'error', 'duplicate-id', /sprint 6\.4 has more than one plan: also .*sprints\/6\.4\/plan\.md/],
	// A sprint needs no plan: told as a note, once per sprint, on its report or else its first doc.
	['sprints/7.3/report.md', 2, 9, 'info', 'sprint-without-plan', /sprint 7\.3 has no plan; its page is built from its report/],
	['sprints/8.8/orphan-notes.md', 2, 9, 'info', 'sprint-without-plan', /sprint 8\.8 has no plan; its page is built from its documents/],
	['sprints/7.5/plan.md', 4, 9, 'warning', 'status-contradicts-evidence', /status is "ready", but it has a completion report/],
	['sprints/3.2/NOTES.md', 1, 1, 'error', 'duplicate-id', /would publish at \/sprints\/3\.2\/notes\/, as does .*SPRINT_3\.2_NOTES\.md/],
	['sprints/3.2/SPRINT_3.2_NOTES.md', 1, 1, 'error', 'duplicate-id', /would publish at \/sprints\/3\.2\/notes\/, as does .*3\.2\/NOTES\.md/],
	['sprints/3.1/Report.md', 1, 1, 'error', 'duplicate-id', /would publish at \/sprints\/3\.1\/report\/, as does .*3\.1\/report\.md/],
	['sprints/6.5/plan.md', 2, 9, 'error', 'folder-mismatch', /in the folder of sprint 6\.5 but says sprint "6\.6"/],
	// References
	['sprints/6.1/plan.md', 7, 14, 'error', 'broken-reference', /depends on sprint "9\.9", which no document belongs to$/],
	['sprints/6.9/plan.md', 7, 7, 'error', 'broken-reference', /names as next sprint "7\.7"/],
	// A roadmap or a story may name a sprint still to come: a note, and the site shows it unlinked.
	['roadmap.md', 7, 13, 'info', 'unknown-sprint', /milestone for sprint "9\.1", which no document belongs to yet/],
	['requirements/stories.md', 8, 13, 'info', 'unknown-sprint', /assigns a story to sprint "9\.2", which no document belongs to yet/],
	['sprints/6.2/plan.md', 7, 14, 'error', 'dependency-cycle', /cycle: 6\.2 → 6\.3 → 6\.2/],
	['sprints/6.3/plan.md', 7, 14, 'error', 'dependency-cycle', /cycle: 6\.2 → 6\.3 → 6\.2/],
	// Links
	['sprints/3.1/broken-link.md', 7, 5, 'error', 'broken-link', /file "retro\.md" does not exist$/],
	['sprints/3.1/moved-link.md', 9, 5, 'error', 'broken-link', /"test-prompts\.md" does not exist; did you mean "\.\.\/3\.2\/test-prompts\.md"\?/],
	['sprints/3.1/outside-link.md', 7, 5, 'error', 'broken-link', /points outside content\//],
	['sprints/3.1/broken-anchor.md', 7, 5, 'error', 'broken-anchor', /no heading "#scopes" in "plan\.md"; did you mean "#scope"\?/],
	['sprints/3.1/self-anchor.md', 9, 9, 'error', 'broken-anchor', /no heading "#nowhere" in this document/],
	['sprints/3.1/missing-image.md', 7, 1, 'error', 'missing-image', /image "img\/chart\.png" does not exist/],
	['sprints/3.1/file-link.md', 7, 5, 'error', 'broken-link', /"data\.txt" is not a document, and the site does not publish it/],
	['sprints/3.1/folder-link.md', 7, 8, 'error', 'broken-link', /"\.\.\/3\.2\/" is a folder/],
	['sprints/3.1/root-link.md', 7, 5, 'error', 'broken-link', /"\/roadmap\.md" is a root-absolute link to a file.*leads nowhere; did you mean "\.\.\/\.\.\/roadmap\.md"\?/],
	['sprints/3.1/unpublished-link.md', 7, 9, 'error', 'broken-link', /"\.\.\/\.\.\/notes\/stray\.md" is not a published document/],
	// Encoding
	['sprints/3.1/mojibake.md', 7, 17, 'error', 'mojibake', /broken encoding "âœ…".*meant to be "✅"/],
	['sprints/3.1/bom.md', 1, 1, 'warning', 'bom', /byte-order mark/],
	['sprints/3.1/nul-byte.md', 7, 13, 'error', 'nul-byte', /NUL byte/],
	['sprints/3.1/invalid-utf8.md', 7, 4, 'error', 'invalid-utf8', /invalid UTF-8 byte 0xe9/],
	['sprints/3.1/binary.md', 1, 1, 'error', 'binary-file', /not a text file/],
	// Figures
	['sprints/3.1/pass-rate.md', 7, 12, 'warning', 'pass-rate-mismatch', /646\/704 is 91\.8%, not 92\.3%/],
	['sprints/3.1/pass-rate-counts.md', 7, 3, 'warning', 'pass-rate-mismatch', /645\/661 is 97\.6%, not 97\.1%/],
	['sprints/7.2/plan.md', 14, 18, 'warning', 'rate-count-mismatch', /98% of 661 tests is 648, not 646/],
	['sprints/7.1/plan.md', 16, 3, 'warning', 'hours-sum-mismatch', /stated total 10–12 h .* sum to 9–15 h/],
	// Secrets
	['sprints/3.1/secret-openai.md', 7, 9, 'error', 'secret', /API key in a published document/],
	['sprints/3.1/secret-aws.md', 7, 9, 'error', 'secret', /AWS access key id/],
	['sprints/3.1/secret-github.md', 7, 7, 'error', 'secret', /GitHub token/],
	['sprints/3.1/secret-private-key.md', 8, 1, 'error', 'secret', /private key/],
	// Unsafe publishing: the site drops it, check says so.
	['sprints/3.1/unsafe-html.md', 7, 31, 'warning', 'unsafe-html', /raw HTML that would run code on the site \("onerror=…"\): the site drops it/],
	// Layout
	['notes/stray.md', 1, 1, 'warning', 'unplaced-file', /not in any collection/],
];

function runJson(args: string[] = []): { status: number | null; diagnostics: Diagnostic[] } {
	const run = sprintbook(['check', '--root', FIXTURE, '--format', 'json', ...args]);
	expect(run.stderr).toBe('');
	return { status: run.status, diagnostics: JSON.parse(run.stdout) };
}

describe('check on the fixture corpus', () => {
	const { status, diagnostics } = runJson();
	const found = diagnostics.map((d) => ({ ...d, file: d.file.replace(PREFIX, '') }));

	it('plants at least 30 faults, one per file', () => {
		const files = new Set(EXPECTED.map(([f]) => f));
		expect(EXPECTED.length).toBeGreaterThanOrEqual(30);
		expect(files.size).toBe(EXPECTED.length);
	});

	it.each(EXPECTED)('%s:%i:%i %s %s', (file, line, column, severity, ruleId, words) => {
		const hits = found.filter((d) => d.file === file);
		expect(hits.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([`${line}:${column} ${severity} ${ruleId}`]);
		expect(hits[0]!.message).toMatch(words);
	});

	it('reports every fault in one run and nothing else; valid docs stay clean', () => {
		expect(found.map((d) => d.file).sort()).toEqual(EXPECTED.map(([f]) => f).sort());
		expect(status).toBe(1);
	});

	it('gives a fix wherever one can be computed', () => {
		const fixOf = (file: string) => found.find((d) => d.file === file)?.fix;
		expect(fixOf('sprints/5.10/plan.md')).toBe('"5.10"');
		expect(fixOf('sprints/5.4/plan.md')).toBe('2026-01-17');
		expect(fixOf('sprints/5.6/plan.md')).toBe('rename it to status');
		expect(fixOf('sprints/3.1/mojibake.md')).toBe('✅');
		expect(fixOf('sprints/3.1/moved-link.md')).toBe('../3.2/test-prompts.md');
		expect(fixOf('sprints/3.1/broken-anchor.md')).toBe('#scope');
		expect(fixOf('sprints/3.1/pass-rate.md')).toBe('91.8% (646/704)');
		expect(fixOf('sprints/7.2/plan.md')).toBe('≥ 98% (648+ tests)');
		expect(fixOf('sprints/3.1/unknown-kind.md')).toBe('prompts');
		expect(fixOf('sprints/3.1/root-link.md')).toBe('../../roadmap.md');
	});

	it('every diagnostic carries the JSON fields tools read', () => {
		for (const d of diagnostics) {
			expect(Object.keys(d).sort()).toEqual(
				['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity', ...(d.fix === undefined ? [] : ['fix'])].sort(),
			);
			expect(d.endLine).toBeGreaterThanOrEqual(d.line);
		}
	});
});

describe('check output formats and exit codes', () => {
	it('human: grouped by file, path:line:column severity message rule, a code frame, a fix and a closing count', () => {
		const run = sprintbook(['check', '--root', FIXTURE]);
		expect(run.status).toBe(1);
		const out = run.stdout;
		expect(out).toContain(`${PREFIX}sprints/5.10/plan.md\n${PREFIX}sprints/5.10/plan.md:2:9  error  sprint: sprint numbers must be quoted strings`);
		expect(out).toMatch(/ {2}> 2 \| sprint: 5\.10\n {6}\| {9}\^\^\^\^/);
		expect(out).toContain('  fix: "5.10"');
		const count = (severity: string) => EXPECTED.filter((e) => e[3] === severity).length;
		expect(out.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes in \\d+ files$`));
		// A note is one line and its hint, without a code frame.
		expect(out).toContain(`${PREFIX}sprints/7.3/report.md:2:9  note  sprint 7.3 has no plan; its page is built from its report  sprint-without-plan\n  to add one: sprintbook new plan 7.3\n`);
		expect(out).not.toMatch(/\u001b\[/); // no colour when not a TTY
	});

	it('github: one workflow annotation per problem', () => {
		const run = sprintbook(['check', '--root', FIXTURE, '--format', 'github']);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toHaveLength(EXPECTED.length);
		expect(lines).toContain(
			`::error file=${PREFIX}sprints/5.5/plan.md,line=8,col=6,endLine=8,endColumn=16,title=end-before-start::end: end (2026-03-01) is before start (2026-03-10); the sprint must end on or after the day it starts`,
		);
		expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(EXPECTED.filter((e) => e[3] === 'warning').length);
		expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(EXPECTED.filter((e) => e[3] === 'info').length);
	});

	it('only the given paths are reported, though every doc is read', () => {
		const { status, diagnostics } = runJson([`${PREFIX}sprints/6.2`]);
		expect(diagnostics.map((d) => d.file)).toEqual([`${PREFIX}sprints/6.2/plan.md`]);
		expect(diagnostics[0]!.message).toContain('6.2 → 6.3 → 6.2');
		expect(status).toBe(1);
	});

	it('the real content is free of errors; its two warnings are real contradictions in the 2.8 plan', () => {
		const run = sprintbook(['check', '--format', 'json']);
		expect(run.status).toBe(0);
		const found = JSON.parse(run.stdout) as Diagnostic[];
		expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
			'content/sprints/2.8/plan.md:152:20 rate-count-mismatch',
			'content/sprints/2.8/plan.md:159:20 rate-count-mismatch',
		]);
		expect(sprintbook(['check', '--strict']).status).toBe(1);
	});

	it('bad usage exits 2 with the reason and the help', () => {
		for (const args of [['check', '--format', 'xml'], ['check', '--nope'], ['check', 'no/such/path'], ['check', '--root', 'no/such/project'], ['frobnicate'], []]) {
			const run = sprintbook(args);
			expect(run.status, args.join(' ')).toBe(2);
		}
		const run = sprintbook(['check', '--format', 'xml']);
		expect(run.stderr).toContain('unknown format "xml": use human, json or github');
		expect(run.stderr).toContain('Usage: sprintbook check');
	});
});
