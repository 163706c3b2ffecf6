/** `sprintbook deploy-workflow`: the GitHub Actions workflow that publishes the site on GitHub Pages. Writes that one file. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pagesWorkflow, WORKFLOW_FILE } from '../../lib/in-place/pages-workflow.ts';
import { teamConfig } from '../project.ts';
import { parseCommandArgs, UsageError, type CommandResult } from '../usage.ts';

export const DEPLOY_WORKFLOW_HELP = `Usage: sprintbook deploy-workflow [options]

Writes ${WORKFLOW_FILE}: at every push to the config's branch, GitHub Actions
builds the site with \`sprintbook build\` (the whole git history checked out, so page
dates are right) and publishes it on GitHub Pages under the path Pages gives the
repository (https://org.github.io/repo/). Uses only GitHub's own actions. Never
writes over a workflow that is there. Then, once: Settings → Pages → Source:
"GitHub Actions".

Options:
  --dry-run     print the workflow; write nothing
  --root <dir>  the repository (default: current folder)
  -h, --help    show this help`;

/** The Node the workflow runs: the major of package.json's engines (>=22.12), an LTS line. */
const NODE = 22;

export async function runDeployWorkflow(args: string[]): Promise<CommandResult> {
	const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean', default: false } }, DEPLOY_WORKFLOW_HELP);
	if (values.help) return { output: DEPLOY_WORKFLOW_HELP, exitCode: 0 };
	if (positionals.length) throw new UsageError('deploy-workflow takes no paths', DEPLOY_WORKFLOW_HELP);
	const repo = resolve(values.root);
	const config = await teamConfig(repo);
	if (!config) throw new UsageError(`no sprintbook.config.mjs in ${repo}: run \`sprintbook init\` first`, DEPLOY_WORKFLOW_HELP);
	// The workflow installs what package.json names: Sprintbook must be among it.
	const pkg = join(repo, 'package.json');
	const named = existsSync(pkg) && /"sprintbook"\s*:/.test(readFileSync(pkg, 'utf8'));
	if (!named) return { output: `sprintbook deploy-workflow: ${existsSync(pkg) ? 'package.json does not name sprintbook' : `no package.json in ${repo}`}: the workflow installs Sprintbook with npm. Add it first: npm install --save-dev sprintbook`, exitCode: 1 };
	const text = pagesWorkflow({ branch: config.branch, outDir: config.outDir, lockfile: existsSync(join(repo, 'package-lock.json')), node: NODE });
	const file = join(repo, WORKFLOW_FILE);
	if (values['dry-run']) return { output: `Would write ${file}:\n\n${text}`, exitCode: 0 };
	if (existsSync(file)) return { output: `sprintbook deploy-workflow: ${file} is already there; nothing was written. Edit it, or delete it and run this again.`, exitCode: 1 };
	await mkdir(dirname(file), { recursive: true });
	await writeFile(file, text, { flag: 'wx' });
	return { output: `Wrote ${file}. Commit it, then in the repository's Settings → Pages set Source to "GitHub Actions".`, exitCode: 0 };
}
