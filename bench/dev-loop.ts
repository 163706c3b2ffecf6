/**
 * The writer's loop, measured as a writer lives it: `astro dev` running on the
 * corpus, a doc saved, and the time until (a) the dev server serves the page
 * with the new text and (b) the dev server has printed that doc's check result.
 * The page is polled every 10 ms, so a figure is at most 10 ms late.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DevLoopResult {
	/** From starting `astro dev` to the first page served. */
	startMs: number;
	/** Per save: until the page shows the new text. */
	pageMs: number[];
	/** Per save: until the doc's check result is printed (0 for a site without checks). */
	checkMs: number[];
}

const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureDevLoop(root: string, opts: { astro: string; env: NodeJS.ProcessEnv; doc: string; url: string; saves: number; checks: boolean }): Promise<DevLoopResult> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, [opts.astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: root, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const base = `http://127.0.0.1:${port}`;
	const file = join(root, opts.doc);
	const original = readFileSync(file, 'utf8');
	const page = async () => {
		try {
			const res = await fetch(base + opts.url);
			return res.ok ? await res.text() : '';
		} catch {
			return '';
		}
	};
	try {
		for (let html = ''; !html; html = await page()) {
			if (child.exitCode !== null) throw new Error(`astro dev exited:\n${out.slice(-3000)}`);
			if (performance.now() - started > 300_000) throw new Error(`astro dev served nothing in 5 minutes:\n${out.slice(-3000)}`);
			await sleep(100);
		}
		const startMs = performance.now() - started;
		const pageMs: number[] = [];
		const checkMs: number[] = [];
		for (let i = 1; i <= opts.saves; i++) {
			const marker = `Saved in the dev loop, time ${i}`;
			const seen = out.length;
			const t0 = performance.now();
			writeFileSync(file, original.replace('## Notes', `## Notes\n\n${marker}.`));
			let pageAt: number | undefined;
			let checkAt: number | undefined = opts.checks ? undefined : 0;
			while (pageAt === undefined || checkAt === undefined) {
				if (performance.now() - t0 > 60_000) throw new Error(`save ${i} not seen in 60 s:\n${out.slice(seen).slice(-3000)}`);
				if (checkAt === undefined && out.slice(seen).includes(`${opts.doc}: no problems`)) checkAt = performance.now() - t0;
				if (pageAt === undefined && (await page()).includes(marker)) pageAt = performance.now() - t0;
				await sleep(10);
			}
			pageMs.push(pageAt);
			checkMs.push(checkAt);
			await sleep(500); // let the server settle before the next save
		}
		return { startMs, pageMs, checkMs };
	} finally {
		writeFileSync(file, original);
		child.kill('SIGTERM');
	}
}
