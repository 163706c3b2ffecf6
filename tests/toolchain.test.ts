/** npm scripts run on the Node pinned by the `node` devDependency, not on whatever Node the machine has. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
	it('on a Node that cannot run it, the command says so in one line, never a stack trace', () => {
		const run = spawnSync(process.execPath, ['--no-experimental-strip-types', join(ROOT, 'bin/sprintbook.js'), 'sprints'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe("sprintbook runs on Node's type stripping, which is turned off here (NODE_OPTIONS or a flag such as --no-experimental-strip-types): run it without that flag.\n");
	});
});

describe('screenshots in the README', () => {
	it('shows the dashboard, a plan, a report and the search dialog, light and dark, 1280 and 375 px wide, each a real screenshot of that width', async () => {
		const { imageSize } = await import('image-size');
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		for (const name of ['dashboard', 'plan', 'report', 'search']) {
			for (const theme of ['light', 'dark']) {
				for (const width of [1280, 375]) {
					const file = `docs/screenshots/${name}-${theme}-${width}.png`;
					expect(readme, file).toContain(`](${file})`);
					const size = imageSize(readFileSync(join(ROOT, file)));
					expect([size.type, size.width], file).toEqual(['png', width]);
				}
			}
		}
	});
});
