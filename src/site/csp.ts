/**
 * The site's Content-Security-Policy, one string for every page. The only
 * scripts the site has are the constants in inline-scripts.ts, so the policy is
 * their hashes, computed once — no per-page scan of what a page contains (Astro's
 * own CSP feature did that, at ~0.4 s a build at 2,000 pages). Pagefind's files
 * load from the site itself and need WebAssembly. Astro inlines small stylesheets
 * as <style> elements, which need 'unsafe-inline' for styles (never for scripts);
 * no doc's `style` attribute reaches a page (src/integration/safe-html.ts). Images
 * load from the site and from the hosts the team names, nowhere else.
 */
import { createHash } from 'node:crypto';
import { DAY_SCRIPT, PAGE_SCRIPT, SCROLL_SPY, SEARCH_PAGE, THEME_BEFORE_PAINT } from './inline-scripts.ts';

const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

const SCRIPTS = `script-src 'self' 'wasm-unsafe-eval' ${[THEME_BEFORE_PAINT, PAGE_SCRIPT, DAY_SCRIPT, SCROLL_SPY, SEARCH_PAGE].map(hash).join(' ')}`;

/** The policy for a site whose images may load from `imageHosts` (the config's) besides itself. */
export const contentSecurityPolicy = (imageHosts: readonly string[]) => [
	"default-src 'self'",
	SCRIPTS,
	"style-src 'self' 'unsafe-inline'",
	`img-src 'self'${imageHosts.map((h) => ` https://${h}`).join('')}`,
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-src 'none'",
].join('; ');
