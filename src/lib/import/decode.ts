/**
 * Bytes of a legacy file to text, or the reason it is not text. UTF-8 (with or
 * without a BOM), UTF-16 and UTF-32 (by their BOM, or by the NUL bytes every
 * other or every fourth byte that ASCII text has in them), and Windows-1252 as
 * the last resort for old editors. Anything else with NUL or control bytes is
 * binary: left out, never imported as mangled text.
 */
import { decode as decodeCp1252 } from 'windows-1252';

export type Decoded = { text: string; encoding: string } | { binary: string };

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
	return { text: decodeCp1252(b, { mode: 'replacement' }), encoding: 'Windows-1252' };
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
