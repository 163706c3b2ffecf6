/** html-validate over every page of a built site, with the project's rules (.htmlvalidate.json): each problem as `file:line:column rule: message`. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site.ts';

export function htmlProblems(dist: string): string[] {
	let out: string;
	try {
		out = execFileSync(join(ROOT, 'node_modules/.bin/html-validate'), ['--config', join(ROOT, '.htmlvalidate.json'), '--formatter', 'json', `${dist}/**/*.html`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	} catch (e) {
		out = (e as { stdout?: string }).stdout ?? '';
		if (!out.trim().startsWith('[')) throw e;
	}
	const results = JSON.parse(out || '[]') as Array<{ filePath: string; messages: Array<{ line: number; column: number; ruleId: string; message: string }> }>;
	return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dist.length + 1)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
