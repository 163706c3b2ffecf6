/** `sprintbook init`: in a team's repository, the config that names where its docs are. Writes that one file. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { configFile } from '../../lib/in-place/config.ts';
import { detectDocs, titleOf } from '../../lib/in-place/detect.ts';
import { parseCommandArgs, siteFlag, UsageError, type CommandResult } from '../usage.ts';

export const INIT_HELP = `Usage: sprintbook init [options]

In your repository: finds where your docs are (folders that hold sprint docs or are
named as doc folders, and the Markdown files at the root; not code, build output or
vendored trees) and writes sprintbook.config.mjs naming them, with the site's title.
Changes nothing else. Edit the config to add or leave out folders; then
\`sprintbook build\` builds the site from your docs where they are.

Options:
  --title <name>  the site's name (default: your README's first heading)
  --site <url>    the address the site will be published at
  --dry-run       print the config; write nothing
  --root <dir>    the repository (default: current folder)
  -h, --help      show this help`;

export async function runInit(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { title: { type: 'string' }, site: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, INIT_HELP);
	if (values.help) return { output: INIT_HELP, exitCode: 0 };
	if (positionals.length) throw new UsageError('init takes no paths: it looks for the docs itself', INIT_HELP);
	const repo = resolve(values.root);
	const existing = configFile(repo);
	if (existing) return { output: `sprintbook init: ${existing} is already there; nothing was written. Edit it, or delete it and run init again.`, exitCode: 1 };
	siteFlag(values.site, INIT_HELP);
	const found = await detectDocs(repo);
	if (!found.docs.length) return { output: `sprintbook init: no Markdown files in ${repo}; nothing was written.`, exitCode: 1 };
	const readme = existsSync(join(repo, 'README.md')) ? readFileSync(join(repo, 'README.md'), 'utf8') : undefined;
	const title = values.title ?? (await titleOf(repo, readme));
	const text = configText(title, values.site, repositoryOf(repo), found.docs);
	const file = join(repo, 'sprintbook.config.mjs');
	const summary = [
		`Docs found (${[...found.counts.values()].reduce((a, b) => a + b, 0)} Markdown files):`,
		...found.docs.map((d) => `  ${d}  (${found.counts.get(d)} file${found.counts.get(d) === 1 ? '' : 's'})`),
		...(found.leftOut.size ? ['Left out (no sprint docs, not a doc folder; add them to `docs` to read them):', ...[...found.leftOut].map(([d, n]) => `  ${d}/  (${n} file${n === 1 ? '' : 's'})`)] : []),
	];
	if (values['dry-run']) return { output: [...summary, '', `Would write ${file}:`, '', text].join('\n'), exitCode: 0 };
	await writeFile(file, text, { flag: 'wx' });
	return { output: [...summary, '', `Wrote ${file}. Next: npx sprintbook build (the site), npx sprintbook deploy-workflow (publish it on GitHub Pages)`].join('\n'), exitCode: 0 };
}

/** The web address of the repository's `origin` on GitHub, GitLab or Bitbucket, in either of git's forms; else nothing. */
function repositoryOf(repo: string): string | undefined {
	let url = '';
	try {
		url = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
	const m = /^(?:https:\/\/(?:[^@/]+@)?|git@|ssh:\/\/git@)(github\.com|gitlab\.com|bitbucket\.org)[:/]([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(url);
	return m ? `https://${m[1]}/${m[2]}` : undefined;
}

/** The config as a team reads it: each field with a line saying what it does. */
function configText(title: string, site: string | undefined, repository: string | undefined, docs: readonly string[]): string {
	return `// Sprintbook reads your docs where they are and builds a site from them; it never writes into them.
// Each field is documented in Sprintbook's README ("Configuration").
export default {
	// The site's name: its header and every page's title.
	title: ${JSON.stringify(title)},
	// Where the site is published (feeds and the sitemap need absolute links).
	${site ? `site: ${JSON.stringify(site)},` : "// site: 'https://docs.example.com',"}
	// The repository's web address: each page links to its file's history there, and to edit it (branch: 'main').
	${repository ? `repository: ${JSON.stringify(repository)},` : "// repository: 'https://github.com/our-org/our-repo',"}
	// Folders, Markdown files or globs that hold your docs, relative to this file.
	docs: [${docs.map((d) => JSON.stringify(d)).join(', ')}],
	// Where \`sprintbook build\` writes the site.
	outDir: 'dist',
};
`;
}
