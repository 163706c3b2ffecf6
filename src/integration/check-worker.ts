/** `check` on a worker thread, so the build can run it on the second core while Astro sets itself up. */
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../lib/check/index.ts';

parentPort!.postMessage(await check({ root: (workerData as { root: string }).root }));
