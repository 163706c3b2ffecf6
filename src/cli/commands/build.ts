/** `sprintbook build`: a team's docs, read where they are, built into a site. */
import { execFileSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { docsMatcher, leftOutReport, PACKAGE_ROOT } from '../../lib/in-place/read-in-place.ts';
import { teamSiteOptions } from '../../site/astro-options.ts';
import { quietMissingKinds } from '../astro-noise.ts';
import { projectOf } from '../project.ts';
import { parseCommandArgs, siteFlag, UsageError, type CommandResult } from '../usage.ts';

export const BUILD_HELP = `Usage: sprintbook build [options]

Builds the site of your repository's docs, read where they are (sprintbook.config.mjs
names them; \`sprintbook init\` writes it), into the config's outDir (dist/). Runs
\`check\` first: an error stops the build before anything is published. Reads your
docs, never writes into them; what it works out lives in the config's cacheDir.

Options:
  --base <path>  serve the site under this path (e.g. /sprint-docs for
                 https://org.github.io/sprint-docs/); overrides the config's base
  --site <url>   the address the site is published at; overrides the config's site
  --root <dir>   the repository (default: current folder)
  -h, --help     show this help`;


export async function runBuild(args: string[], out: NodeJS.WritableStream): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { base: { type: 'string' }, site: { type: 'string' } }, BUILD_HELP);
	if (values.help) return { output: BUILD_HELP, exitCode: 0 };
	if (positionals.length) throw new UsageError(`build takes no paths: the config names the docs`, BUILD_HELP);
	const project = await projectOf(values.root, undefined, BUILD_HELP);
	const found = project.inPlace;
	if (!found) throw new UsageError(`no sprintbook.config.mjs in ${resolve(values.root)}: run \`sprintbook init\` first (in this repository's sample, \`npm run build\` builds content/)`, BUILD_HELP);
	siteFlag(values.site, BUILD_HELP);
	// The command line's base and address win over the config's (a workflow passes the ones its host gives).
	const place = { ...found, config: { ...found.config, ...(values.base === undefined ? {} : { base: values.base }), ...(values.site === undefined ? {} : { site: values.site }) } };
	const read = place.result.files.filter((f) => f.status !== 'skipped').length;
	const outDir = resolve(place.repo, place.config.outDir);
	// The site replaces what outDir held: never the repository itself, nor a folder its docs are read from.
	const inside = relative(place.repo, outDir).split(sep).join('/');
	// Docs the config names inside outDir ("docs", ".", "**/*.md"), or outDir around a docs folder: the build would empty them.
	const isDoc = docsMatcher(place.repo, place.config);
	const holdsDocs = isDoc(`${inside}/x.md`) || isDoc(`${inside}/a/b/x.md`) || place.config.docs.some((e) => e.replace(/^\.\/+/, '').startsWith(`${inside}/`));
	if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || holdsDocs || tracked(place.repo, inside)) {
		const why = holdsDocs ? 'holds docs the site is read from' : inside === '' || inside.startsWith('..') || isAbsolute(inside) ? 'is not a folder inside the repository' : 'holds files git keeps';
		throw new UsageError(`outDir "${place.config.outDir}" ${why}: the build empties it. Name a folder of its own, such as "dist"`, BUILD_HELP);
	}
	out.write(`sprintbook build: ${read} doc${read === 1 ? '' : 's'} read in place (${place.config.docs.join(', ')}), ${place.readAnew} of them new or changed since the last run → ${outDir}\n`);
	// A doc the read left out is told; one no parser should be given stops the build, as check's error on it would.
	out.write(leftOutReport(place.leftOut));
	if (place.leftOut.some((d) => d.severity === 'error')) return { output: 'sprintbook build: stopped before building: fix the docs above (nothing was written)', exitCode: 1 };
	if (!place.config.site) out.write(`sprintbook build: no \`site\` in ${basename(place.config.file)}: the site has no feed and no sitemap, which need its address; set site to where it is published\n`);
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	quietMissingKinds();
	const { build } = await import('astro');
	// Astro places some of its working files by the working folder: from the cache, they stay out of the team's tree.
	const cwd = process.cwd();
	process.chdir(place.root);
	await build({
		...teamSiteOptions(place, PACKAGE_ROOT),
		// Built beside the cache, where the packages its pages import are found, then moved into place.
		outDir: join(place.root, 'dist'),
		logLevel: 'warn',
	}).finally(() => process.chdir(cwd));
	await rm(outDir, { recursive: true, force: true });
	await cp(join(place.root, 'dist'), outDir, { recursive: true });
	return { output: `sprintbook build: the site is in ${outDir}`, exitCode: 0 };
}

/** Whether git keeps any file in `folder` of the repository (a site folder is the build's, and git ignores it). */
function tracked(repo: string, folder: string): boolean {
	try {
		return execFileSync('git', ['ls-files', '--', folder], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
	} catch {
		return false; // not a git repository
	}
}
