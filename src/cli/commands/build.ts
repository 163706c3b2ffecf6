/** `sprintbook build`: a team's docs, read where they are, built into a site. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroOptions } from '../../site/astro-options.ts';
import { projectOf } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const BUILD_HELP = `Usage: sprintbook build [options]

Builds the site of your repository's docs, read where they are (sprintbook.config.mjs
names them; \`sprintbook init\` writes it), into the config's outDir (dist/). Runs
\`check\` first: an error stops the build before anything is published. Reads your
docs, never writes into them; what it works out lives in the config's cacheDir.

Options:
  --root <dir>  the repository (default: current folder)
  -h, --help    show this help`;

/** The package's own folder: its pages, components and styles build every team's site. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function runBuild(args: string[], out: NodeJS.WritableStream): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, {}, BUILD_HELP);
	if (values.help) return { output: BUILD_HELP, exitCode: 0 };
	if (positionals.length) throw new UsageError(`build takes no paths: the config names the docs`, BUILD_HELP);
	const project = await projectOf(values.root, undefined, BUILD_HELP);
	const place = project.inPlace;
	if (!place) throw new UsageError(`no sprintbook.config.mjs in ${resolve(values.root)}: run \`sprintbook init\` first (in this repository's sample, \`npm run build\` builds content/)`, BUILD_HELP);
	const read = place.result.files.filter((f) => f.status !== 'skipped').length;
	const outDir = resolve(place.repo, place.config.outDir);
	out.write(`sprintbook build: ${read} docs read in place (${place.config.docs.join(', ')}) → ${outDir}\n`);
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const { build } = await import('astro');
	await build({
		...astroOptions({ root: place.root, title: place.config.title, site: place.config.site }),
		configFile: false,
		root: place.root,
		srcDir: resolve(PACKAGE_ROOT, 'src'),
		publicDir: resolve(PACKAGE_ROOT, 'public'),
		outDir,
		logLevel: 'warn',
	});
	return { output: `sprintbook build: the site is in ${outDir}`, exitCode: 0 };
}
