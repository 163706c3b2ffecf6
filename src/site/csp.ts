/** Lets the page's own inline scripts run under the Content-Security-Policy: each is allowed by its SHA-256 hash. */
import { createHash } from 'node:crypto';

const hashes = new Map<string, string>();
const hashOf = (script: string) => {
	let h = hashes.get(script);
	if (!h) hashes.set(script, (h = `sha256-${createHash('sha256').update(script).digest('base64')}`));
	return h;
};

export function allowScripts(astro: { csp?: { insertScriptHash: (hash: string) => void } }, ...scripts: string[]): void {
	for (const script of scripts) astro.csp?.insertScriptHash(hashOf(script));
}
