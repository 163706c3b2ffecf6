/**
 * `check` on a worker thread, so it runs on the second core: the build's one run beside Astro's setup (its root in
 * workerData), and the dev server's run after each save (a message with the root), which then never holds up
 * Astro's own reloading on the main thread. The worker stays loaded between saves, so its runs are warm.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { check } from '../lib/check/index.ts';

const run = async (root: string) => parentPort!.postMessage(await check({ root }));
parentPort!.on('message', (message: { root: string }) => void run(message.root));
const first = (workerData as { root?: string } | undefined)?.root;
if (first) await run(first);
