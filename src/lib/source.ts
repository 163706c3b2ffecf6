/**
 * Reads one document as bytes and turns it into text, reporting what is wrong
 * with the bytes themselves (invalid UTF-8, NUL, a BOM, mojibake) without
 * giving up on the rest of the file.
 */
import { DiagnosticList, lineStartsOf, offsetToPosition } from './diagnostics.ts';
import { findMojibake } from './encoding.ts';
import { MAX_MOJIBAKE_REPORTS } from './check/limits.ts';

export interface SourceText {
	text: string;
	lineStarts: number[];
	/** False for a file that is mostly not text; later rules skip it. */
	isText: boolean;
}

const decoder = new TextDecoder('utf-8');

/** Offset of the first byte that makes `bytes` invalid UTF-8, or `bytes.length` when it is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return bytes.length;
	} catch {
		// Binary search for the longest prefix that is valid when a trailing incomplete sequence is allowed…
		let lo = 0;
		let hi = bytes.length;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
				lo = mid;
			} catch {
				hi = mid - 1;
			}
		}
		// …then step back to the lead byte of that incomplete sequence: it is the byte in the wrong encoding.
		let start = lo;
		while (start > 0 && lo - start < 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
		if (start > 0 && bytes[start - 1]! >= 0xc0) return start - 1;
		return lo;
	}
}

/** 1-based line and column of byte `offset`, counting columns in characters. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
	const before = bytes.subarray(0, offset);
	const lineStart = before.lastIndexOf(0x0a) + 1;
	let line = 1;
	for (const b of before) if (b === 0x0a) line++;
	return { line, column: [...decoder.decode(bytes.subarray(lineStart, offset))].length + 1 };
}

const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

export function decodeSource(file: string, bytes: Uint8Array, diagnostics: DiagnosticList): SourceText {
	const bom = hasBom(bytes);
	const body = bom ? bytes.subarray(3) : bytes;
	if (bom) {
		diagnostics.warn(file, { line: 1, column: 1 }, 'bom', 'file starts with a byte-order mark (BOM), which can hide the frontmatter from other tools', 'save the file as UTF-8 without BOM');
	}

	// Control bytes other than tab, newlines, form feed and escape do not occur in text: many of them mean a binary file.
	let controls = 0;
	let nulCount = 0;
	for (let i = 0; i < body.length; i++) {
		const b = body[i]!;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
			controls++;
			if (b === 0) nulCount++;
		}
	}
	if (controls > Math.max(3, body.length / 100)) {
		diagnostics.error(file, { line: 1, column: 1 }, 'binary-file', `this is not a text file (${controls} control bytes): a Markdown document must be UTF-8 text`, 'replace it with the Markdown source, or move it out of content/');
		return { text: '', lineStarts: [0], isText: false };
	}
	if (nulCount > 0) {
		const at = bytePosition(body, body.indexOf(0));
		diagnostics.error(file, at, 'nul-byte', `NUL byte in the text${nulCount > 1 ? ` (${nulCount} in the file)` : ''}`, 'delete the invisible NUL character');
	}

	const valid = firstInvalidUtf8(body);
	if (valid < body.length) {
		const at = bytePosition(body, valid);
		diagnostics.error(
			file,
			at,
			'invalid-utf8',
			`invalid UTF-8 byte 0x${body[valid]!.toString(16).padStart(2, '0')}: the file was saved in another encoding`,
			'save the file as UTF-8 (Windows-1252 and Latin-1 text must be converted)',
		);
	}

	const text = decoder.decode(body);
	const lineStarts = lineStartsOf(text);
	const broken = findMojibake(text);
	for (const m of broken.slice(0, MAX_MOJIBAKE_REPORTS)) {
		const start = offsetToPosition(lineStarts, m.index);
		diagnostics.error(
			file,
			{ ...start, endLine: start.line, endColumn: start.column + m.broken.length },
			'mojibake',
			`broken encoding "${m.broken}": UTF-8 text that was read as Windows-1252; it was meant to be "${m.repaired}"`,
			m.repaired,
		);
	}
	// Past the first hundred, the rest are counted, not listed: 60,000 of them on one line were 60,000 code frames.
	if (broken.length > MAX_MOJIBAKE_REPORTS) {
		const next = broken[MAX_MOJIBAKE_REPORTS]!;
		diagnostics.error(file, offsetToPosition(lineStarts, next.index), 'mojibake', `${(broken.length - MAX_MOJIBAKE_REPORTS).toLocaleString('en-US')} more broken encodings from here on, not listed one by one`, 'replace each with the character it was meant to be, as the fixes above show (search and replace does a whole file)');
	}
	return { text, lineStarts, isText: true };
}

/** The text of bytes `decodeSource` has already read and reported on (a cached document): no checks, same text. */
export function decodeChecked(bytes: Uint8Array, isText: boolean): SourceText {
	if (!isText) return { text: '', lineStarts: [0], isText: false };
	const text = decoder.decode(hasBom(bytes) ? bytes.subarray(3) : bytes);
	return { text, lineStarts: lineStartsOf(text), isText: true };
}
