/**
 * `check` on a worker thread, so it runs on the second core: the build's one run beside Astro's setup, and the dev
 * server's run after each save, which then never holds up Astro's own reloading on the main thread. Each message
 * (check's options: the project root, and whether a build's site takes what check found) is one run; the worker
 * stays loaded between runs, so later runs are warm.
 */
import { parentPort } from 'node:worker_threads';
import { check, type CheckOptions } from '../lib/check/index.ts';

parentPort!.on('message', async (options: CheckOptions) => parentPort!.postMessage(await check(options)));
