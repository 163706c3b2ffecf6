/**
 * Bytes of a legacy file to text, or the reason it is not text. UTF-8 (with or
 * without a BOM), UTF-16 and UTF-32 (by their BOM, or by the NUL bytes every
 * other or every fourth byte that ASCII text has in them), and Windows-1252 as
 * the last resort for old editors — only when the bytes read as a Latin text
 * would. Anything else with NUL or control bytes is binary, and bytes in
 * another legacy encoding are left out too: never imported as mangled text.
 */
import { decode as decodeCp1252 } from 'windows-1252';

/** Text and the encoding it was read in, or why it is not imported (`reason` groups alike files in the report). */
export type Decoded = { text: string; encoding: string; warning?: string } | { binary: string; reason?: string };

export function decodeInput(bytes: Uint8Array): Decoded {
	const b = bytes;
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3)) ?? { binary: 'a UTF-8 byte-order mark followed by bytes that are not UTF-8' };
	if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { text: utf32(b.subarray(4), true), encoding: 'UTF-32 LE' };
	if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { text: utf32(b.subarray(4), false), encoding: 'UTF-32 BE' };
	if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16(b.subarray(2), true), encoding: 'UTF-16 LE' };
	if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16(b.subarray(2), false), encoding: 'UTF-16 BE' };
	const nulAt = [0, 0, 0, 0];
	for (let i = 0; i < b.length; i++) if (b[i] === 0) nulAt[i % 4]!++;
	const quarter = b.length / 4;
	if (quarter >= 1) {
		// ASCII in UTF-32 LE is one byte then three NULs; in UTF-16 LE, one byte then one NUL.
		if (nulAt[1]! > 0.9 * quarter && nulAt[2]! > 0.9 * quarter && nulAt[3]! > 0.9 * quarter && nulAt[0]! < 0.1 * quarter) return { text: utf32(b, true), encoding: 'UTF-32 LE (no byte-order mark)' };
		if (nulAt[0]! > 0.9 * quarter && nulAt[1]! > 0.9 * quarter && nulAt[2]! > 0.9 * quarter && nulAt[3]! < 0.1 * quarter) return { text: utf32(b, false), encoding: 'UTF-32 BE (no byte-order mark)' };
		const odd = nulAt[1]! + nulAt[3]!;
		const even = nulAt[0]! + nulAt[2]!;
		if (odd > 0.8 * 2 * quarter && even < 0.1 * 2 * quarter) return { text: utf16(b, true), encoding: 'UTF-16 LE (no byte-order mark)' };
		if (even > 0.8 * 2 * quarter && odd < 0.1 * 2 * quarter) return { text: utf16(b, false), encoding: 'UTF-16 BE (no byte-order mark)' };
	}
	if (nulAt.some((n) => n > 0)) return { binary: 'NUL bytes: a binary file, not text' };
	const text = utf8(b);
	if (text) return text;
	// Control bytes other than tab, newline and carriage return do not occur in text a person wrote.
	let control = 0;
	for (const byte of b) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
	if (control > Math.max(2, b.length / 200)) return { binary: 'control bytes throughout: a binary file, not text' };
	const high = highBytes(b);
	// UTF-8 with a few sequences cut short (an emoji's last byte lost to a "?"): UTF-8 it is, each cut marked with �.
	if (high.damaged && !high.lone && !high.clustered && high.undefinedAt === undefined) {
		return { text: new TextDecoder('utf-8').decode(b), encoding: 'UTF-8', warning: `${high.damaged} damaged UTF-8 ${high.damaged === 1 ? 'sequence' : 'sequences'} shown as �: check ${high.damaged === 1 ? 'it' : 'them'} against the original` };
	}
	const doubt = notWindows1252(b, high);
	if (doubt) return { binary: `not UTF-8, nor Windows-1252 (${doubt}): another encoding, such as Shift-JIS, GBK, Big5, EUC or a Cyrillic code page: not imported; convert it to UTF-8 (iconv -f <its encoding> -t UTF-8), then import it again`, reason: 'an encoding it cannot read' };
	return { text: decodeCp1252(b, { mode: 'replacement' }), encoding: 'Windows-1252' };
}

/**
 * At a byte of 0x80 or more: the length of the valid UTF-8 sequence starting there; minus the length of one cut
 * short (a lead byte and at least one continuation byte, then not enough); 0 when it starts none.
 */
function utf8SequenceAt(b: Uint8Array, i: number): number {
	const lead = b[i]!;
	const n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
	if (!n) return 0;
	let k = 1;
	while (k < n && i + k < b.length && (b[i + k]! & 0xc0) === 0x80) k++;
	return k === n ? n : k > 1 ? -k : 0;
}

interface HighBytes {
	/** Valid UTF-8 sequences, and ones cut short (a lead byte and its continuation bytes, then something else). */
	utf8: number;
	damaged: number;
	/** The other non-ASCII bytes: apart from the one before (more than 2 bytes away), or near it. */
	lone: number;
	clustered: number;
	/** The first byte Windows-1252 leaves undefined. */
	undefinedAt?: number;
}

function highBytes(b: Uint8Array): HighBytes {
	const out: HighBytes = { utf8: 0, damaged: 0, lone: 0, clustered: 0 };
	let lastHigh = -10;
	for (let i = 0; i < b.length; i++) {
		if (b[i]! < 0x80) continue;
		const sequence = utf8SequenceAt(b, i);
		if (sequence > 0) {
			out.utf8++;
			i += sequence - 1;
			continue;
		}
		if (sequence < 0) {
			out.damaged++;
			i += -sequence - 1;
			continue;
		}
		if (out.undefinedAt === undefined && (b[i] === 0x81 || b[i] === 0x8d || b[i] === 0x8f || b[i] === 0x90 || b[i] === 0x9d)) out.undefinedAt = i;
		if (i - lastHigh <= 2) out.clustered++;
		else out.lone++;
		lastHigh = i;
	}
	return out;
}

/** Legacy encodings whose text, read as Windows-1252, is mojibake (undefined where this Node lacks them). */
const DOUBLE_BYTE = ['shift_jis', 'gbk', 'big5', 'euc-jp', 'euc-kr'].flatMap((label) => {
	try {
		return [new TextDecoder(label, { fatal: true })];
	} catch {
		return [];
	}
});

/**
 * Why bytes that are not UTF-8 do not read with confidence as Windows-1252, or undefined when they do. Text a
 * person wrote in a Latin code page is words of ASCII letters with an accented letter or a typographic quote here
 * and there; a double-byte encoding (Shift-JIS, GBK, Big5, EUC) or a Cyrillic or Greek page has its non-ASCII bytes
 * side by side, run after run. Read as Windows-1252 those become mojibake, which is worse than leaving the file out.
 */
function notWindows1252(b: Uint8Array, bytes: HighBytes): string | undefined {
	if (bytes.undefinedAt !== undefined) return `byte 0x${b[bytes.undefinedAt]!.toString(16)} at offset ${bytes.undefinedAt} has no meaning in Windows-1252`;
	// Each cluster's first byte counts as lone: "été" is one lone and one clustered byte.
	if (bytes.clustered > bytes.lone) return `${bytes.lone + bytes.clustered} of its bytes are not ASCII and most come side by side`;
	// Bytes that are whole characters of a double-byte encoding, clustered as its characters are: a Japanese word in English prose.
	if (bytes.clustered * 2 >= bytes.lone && DOUBLE_BYTE.some((d) => readsAsCjk(d, b))) return `its ${bytes.lone + bytes.clustered} non-ASCII bytes pair up as characters of a double-byte encoding`;
	return undefined;
}

/**
 * Whether the bytes decode in a double-byte encoding to what its texts are written in: ideographs, kana, hangul.
 * Those decoders take almost any pair of high bytes (a user-defined or half-width character), so decoding alone
 * proves nothing: "Größe" in Windows-1252 decodes as Shift-JIS too, to a private-use character.
 */
function readsAsCjk(decoder: TextDecoder, b: Uint8Array): boolean {
	let text: string;
	try {
		text = decoder.decode(b);
	} catch {
		return false;
	}
	let cjk = 0;
	let other = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c < 0x80) continue;
		if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) cjk++;
		else other++;
	}
	return cjk > 0 && cjk >= 4 * other;
}

function utf8(b: Uint8Array): { text: string; encoding: string } | undefined {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
	} catch {
		return undefined;
	}
}

function utf16(b: Uint8Array, little: boolean): string {
	const units = new Uint16Array(Math.floor(b.length / 2));
	const view = new DataView(b.buffer, b.byteOffset, units.length * 2);
	for (let i = 0; i < units.length; i++) units[i] = view.getUint16(i * 2, little);
	let out = '';
	for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
	return out;
}

function utf32(b: Uint8Array, little: boolean): string {
	const view = new DataView(b.buffer, b.byteOffset, b.length - (b.length % 4));
	const points: number[] = [];
	for (let i = 0; i + 4 <= view.byteLength; i += 4) {
		const cp = view.getUint32(i, little);
		points.push(cp <= 0x10ffff ? cp : 0xfffd);
	}
	let out = '';
	for (let i = 0; i < points.length; i += 8192) out += String.fromCodePoint(...points.slice(i, i + 8192));
	return out;
}
