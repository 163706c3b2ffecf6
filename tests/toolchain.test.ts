/** npm scripts run on the Node pinned by the `node` devDependency, not on whatever Node the machine has. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/site.ts';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const pinnedMajor = String(pkg.devDependencies.node).replace(/^\D*/, '').split('.')[0];

describe('toolchain', () => {
	it('runs npm scripts on the pinned Node major, which Astro 7 accepts', () => {
		const out = execFileSync('npm', ['run', '--silent', 'node-version'], { cwd: ROOT, encoding: 'utf8' });
		expect(out.trim()).toMatch(new RegExp(`^node v${pinnedMajor}\\.\\d+\\.\\d+$`));
		expect(Number(pinnedMajor)).toBeGreaterThanOrEqual(22);
		expect(readFileSync(`${ROOT}.nvmrc`, 'utf8').trim()).toBe(pinnedMajor);
	});
});
