/**
 * Nothing in a doc runs on the published site: raw HTML with a script, an event
 * handler or a javascript:/data: URL is reported by `check` and dropped from the
 * page, while harmless HTML (details, summary) stays.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySprintbook } from '../bench/project.ts';
import { sprintbook } from './helpers/cli.ts';

describe('safe publishing', () => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-safe-'));
	mkdirSync(join(root, 'content/sprints/3'), { recursive: true });
	writeFileSync(
		join(root, 'content/sprints/3/notes.md'),
		[
			'---', 'sprint: "3"', 'title: Notes', 'kind: notes', '---', '',
			'Hover <span onmouseover="alert(1)">here</span> or [click](javascript:alert(2)).', '',
			'<script>alert(3)</script>', '',
			'<img src="chart.svg" onerror="alert(4)">', '',
			'<a href="data:text/html,hi">data</a>', '',
			'<details><summary>More</summary>', '', 'Still here.', '', '</details>', '',
			'```html', '<script>shown as code, not run</script>', '```', '',
			'Open Grafana (<GRAFANA-URL>) and read the <timestamp> field.', '',
			'<YOUR-API-KEY>', '',
		].join('\n'),
	);
	const checked = JSON.parse(sprintbook(['check', '--root', root, '--format', 'json']).stdout) as Array<{ ruleId: string; line: number; severity: string }>;
	copySprintbook(root);
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
	const html = readFileSync(join(root, 'dist/sprints/3/notes/index.html'), 'utf8');
	const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));

	it('check names each unsafe piece at its line, and not the one in a code block', () => {
		expect(checked.filter((d) => d.ruleId === 'unsafe-html').map((d) => `${d.line} ${d.severity}`)).toEqual(['7 warning', '7 warning', '9 warning', '11 warning', '13 warning']);
	});

	it('the page keeps the words and the harmless HTML, and drops what runs', () => {
		expect(build.status, build.stdout + build.stderr).toBe(0);
		expect(article).not.toMatch(/<script>alert|onmouseover|onerror|javascript:|data:text/);
		expect(article).toContain('here');
		expect(article).toContain('>click</a>');
		expect(article).toMatch(/<details><summary>More<\/summary>/);
		expect(article).toContain('Still here.');
		// The example in a code block is shown, escaped, as text.
		expect(article).not.toMatch(/<script/);
		expect(article).toMatch(/&lt;<\/span><span[^>]*>script<\/span><span[^>]*>&gt;shown /);
	});

	it('a placeholder in angle brackets is shown as the writer typed it, and check notes it', () => {
		expect(article).toContain('Open Grafana (&lt;GRAFANA-URL&gt;) and read the &lt;timestamp&gt; field.');
		expect(article).toContain('&lt;YOUR-API-KEY&gt;');
		expect(checked.filter((d) => d.ruleId === 'html-placeholder').map((d) => `${d.line} ${d.severity}`)).toEqual(['25 info', '25 info', '27 info']);
	});
});

describe('a doc is data, not code', () => {
	const root = mkdtempSync(join(tmpdir(), 'sprintbook-mdx-code-'));
	mkdirSync(join(root, 'content/sprints/3'), { recursive: true });
	const marker = join(root, 'ran');
	writeFileSync(
		join(root, 'content/sprints/3/notes.mdx'),
		[
			'---', 'sprint: "3"', 'title: Notes', 'kind: notes', '---', '',
			"import { execSync } from 'node:child_process';", '',
			`export const ran = execSync('touch ${marker} && id').toString();`, '',
			'Who built this: {ran}', '',
			'<details open={true}><summary>More</summary></details>', '',
			'Plain <kbd>Ctrl</kbd> and a literal \\{brace\\} are fine.', '',
			'{/* An MDX comment runs nothing. */}', '',
		].join('\n'),
	);
	const checked = sprintbook(['check', '--root', root, '--format', 'json']);
	copySprintbook(root);
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });

	it('check names each piece of JavaScript at its line as an error', () => {
		expect(checked.status).toBe(1);
		const found = (JSON.parse(checked.stdout) as Array<{ ruleId: string; line: number; severity: string; message: string }>).filter((d) => d.ruleId === 'mdx-code');
		expect(found.map((d) => `${d.line} ${d.severity} ${d.message.split(' in an MDX doc')[0]}`)).toEqual([
			'7 error an import',
			'9 error an export',
			'11 error a {…} expression',
			'13 error a {…} attribute of <details>',
		]);
	});

	it('the build refuses it before anything runs: no command ran, no page was written', () => {
		expect(build.status).not.toBe(0);
		expect(build.stdout + build.stderr).toContain('mdx-code');
		expect(build.stdout + build.stderr).not.toContain('uid=');
		expect(existsSync(marker)).toBe(false);
		expect(existsSync(join(root, 'dist/sprints/3/notes/index.html'))).toBe(false);
	});
});
