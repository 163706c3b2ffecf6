/** Runs the real `sprintbook` command as a user would, on the pinned Node, and captures what they would see. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site.ts';

export interface CliRun {
	stdout: string;
	stderr: string;
	status: number | null;
}

export function sprintbook(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/sprintbook.js'), ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', ...env },
		maxBuffer: 64 * 1024 * 1024,
	});
	return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}
