/**
 * `check` on a worker thread, so it runs on the second core: the build's one run beside Astro's setup, and the dev
 * server's run after each save, which then never holds up Astro's own reloading on the main thread. Each message
 * (the project root) is one run; the worker stays loaded between runs, so later runs are warm.
 */
import { parentPort } from 'node:worker_threads';
import { check } from '../lib/check/index.ts';

parentPort!.on('message', async (root: string) => parentPort!.postMessage(await check({ root })));
