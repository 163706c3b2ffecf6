/**
 * Mojibake repair: text that was UTF-8, read as Windows-1252 and saved again as
 * UTF-8 (`âœ…` for ✅, `â†’` for →, `ðŸš€` for 🚀, `Ã©` for é).
 *
 * Each suspicious run — a UTF-8 lead byte followed by continuation bytes, all
 * seen through Windows-1252 — is turned back into bytes and decoded as strict
 * UTF-8. Only runs that decode to exactly one character are replaced, so real
 * Latin-1 text ("café", "naïve", "Ø") is left alone.
 */
import { decode as decodeCp1252, encode as encodeCp1252 } from 'windows-1252';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** How Windows-1252 shows the bytes 0x80–0xBF: the continuation bytes of UTF-8. */
const CONTINUATION = decodeCp1252(Uint8Array.from(range(0x80, 0xbf)), { mode: 'replacement' });
const escapeForClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

/**
 * A lead byte (0xC2–0xF4, shown as Â–ô) and the continuation bytes its value
 * announces: 1 for 0xC2–0xDF, 2 for 0xE0–0xEF, 3 for 0xF0–0xF4.
 */
const cont = `[${escapeForClass(CONTINUATION)}]`;
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${cont}|[\\u00E0-\\u00EF]${cont}{2}|[\\u00F0-\\u00F4]${cont}{3}`, 'g');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function repairRun(run: string): string | undefined {
	try {
		const bytes = Uint8Array.from(encodeCp1252(run, { mode: 'fatal' }));
		const decoded = strictUtf8.decode(bytes);
		return [...decoded].length === 1 ? decoded : undefined;
	} catch {
		return undefined;
	}
}

export interface MojibakeMatch {
	/** Offset of the broken run in the input string. */
	index: number;
	/** The broken text as it stands, e.g. `âœ…`. */
	broken: string;
	/** What it was meant to be, e.g. `✅`. */
	repaired: string;
}

/** Every repairable run in `text`, in order. */
export function findMojibake(text: string): MojibakeMatch[] {
	const found: MojibakeMatch[] = [];
	for (const m of text.matchAll(MOJIBAKE)) {
		const repaired = repairRun(m[0]);
		if (repaired) found.push({ index: m.index, broken: m[0], repaired });
	}
	return found;
}

/** `text` with every repairable run replaced by the character it was meant to be. */
export function repairMojibake(text: string): string {
	return text.replace(MOJIBAKE, (run) => repairRun(run) ?? run);
}
