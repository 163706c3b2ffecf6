/**
 * The name a doc is written under: never empty, never hidden, never carrying a
 * control character. `..md` must not become a file named `md` (no extension, so
 * no page) nor `.md` (a dotfile the site's globs skip).
 */

// Control characters, and what no file system or URL takes well in a name.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\\:*?"<>|]/g;

/** A folder name as it is kept in a destination: its leading dots and unsafe characters gone; empty if nothing is left. */
export function safeFolderName(name: string): string {
	return name.replace(UNSAFE, '').replace(/^[.\s]+|[.\s]+$/g, '');
}

/**
 * A doc's file name as written under content/: the stem without leading dots or unsafe characters, with a letter or a
 * digit in it (else `untitled`), and a `.md` or `.mdx` extension (an input given by name may have none).
 */
export function safeDocName(name: string): string {
	const ext = /\.mdx?$/i.exec(name)?.[0].toLowerCase() ?? '.md';
	const stem = safeFolderName(name.replace(/\.mdx?$/i, ''));
	return `${/[\p{L}\p{N}]/u.test(stem) ? stem : 'untitled'}${ext}`;
}
