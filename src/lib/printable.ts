/**
 * Text made safe for a terminal: a file name (or anything a file holds) can carry
 * escape sequences that would move the cursor, retitle the window or hide the
 * lines around them. Every control character but the line break is shown
 * escaped (`\x1b`, `\x9b`), and so are the bidirectional overrides that make a
 * name read backwards.
 */

// C0 controls but newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The colour codes (SGR) our own reporter adds when writing to a terminal. */
const COLOUR = /\u001b\[[0-9;]*m/y;

const hex = (c: string, json: boolean) => {
	const n = c.charCodeAt(0);
	return json || n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).padStart(2, '0')}`;
};

/** One name or value, every control character escaped (a tab too: a name holding one is not what it looks like). */
export function printable(text: string): string {
	return text.replace(UNSAFE, (c) => hex(c, false));
}

/**
 * A whole message for the terminal: line breaks and tabs kept, every other control character escaped.
 * `keepColour` keeps the SGR colour codes (only when writing our own coloured report to a terminal);
 * `json` escapes as JSON does (`\u001b`), so that JSON output stays valid.
 */
export function printableOutput(text: string, { keepColour = false, json = false } = {}): string {
	if (!UNSAFE.test(text)) return text;
	UNSAFE.lastIndex = 0;
	return text.replace(UNSAFE, (c, at: number) => {
		if (c === '\t') return c;
		if (keepColour && c === '\u001b') {
			COLOUR.lastIndex = at;
			if (COLOUR.test(text)) return c;
		}
		return hex(c, json);
	});
}

/**
 * A doc's own text inside a report we colour ourselves (its lines in a code frame, its words quoted in a message):
 * each control character but tab and line breaks drawn as its picture (ESC as ␛), one character for one so columns
 * stay, and bidi controls as �: nothing a doc holds reaches the terminal as a command; our own colours, added after,
 * are the only escapes.
 */
export function pictured(text: string): string {
	return text.replace(UNSAFE, (c) => {
		const n = c.charCodeAt(0);
		if (c === '\t' || c === '\r') return c;
		return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd';
	});
}
