/** One file written whole and named in any failure: a full disk or a read-only folder is told with its path. */
import { open } from 'node:fs/promises';

let writes = 0;

/**
 * Writes `bytes` to `path` (created, or truncated with flag `w`) and flushes them to the disk, so that a
 * rename after it publishes a whole file. A failure carries `path`: Node's error for a failed write names none.
 *
 * Test-only hook: with SPRINTBOOK_TEST_DISK_FULL_AT=N the Nth write of the process sends its bytes to
 * /dev/full first, so the kernel's own ENOSPC reaches the caller exactly as a full disk's would.
 */
export async function writeFileNamed(path: string, bytes: string | Uint8Array, { flag = 'w', mode }: { flag?: string; mode?: number } = {}): Promise<void> {
	writes++;
	const diskFull = process.env.SPRINTBOOK_TEST_DISK_FULL_AT === String(writes);
	let handle: Awaited<ReturnType<typeof open>> | undefined;
	try {
		handle = await open(path, flag, mode);
		if (diskFull) {
			const full = await open('/dev/full', 'w');
			try {
				await full.writeFile(bytes.length ? bytes : ' ');
			} finally {
				await full.close();
			}
		}
		await handle.writeFile(bytes);
		await handle.sync();
	} catch (error) {
		const e = error as NodeJS.ErrnoException;
		if (diskFull || !e.path) e.path = path;
		throw e;
	} finally {
		await handle?.close();
	}
}
