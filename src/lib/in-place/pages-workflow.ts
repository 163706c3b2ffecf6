/**
 * The GitHub Actions workflow that publishes a team's site on GitHub Pages, with GitHub's own actions only:
 * the whole history checked out (each page's dates come from git), Node with npm's cache, `sprintbook build` under
 * the path and address Pages gives the repository (configure-pages knows a project site's `/repo` path, a user
 * site's root and a custom domain), then the artifact uploaded and deployed.
 */

export const WORKFLOW_FILE = '.github/workflows/sprintbook-pages.yml';

/** The actions the workflow uses, each GitHub's own. */
export const PAGES_ACTIONS = ['actions/checkout@v4', 'actions/setup-node@v4', 'actions/configure-pages@v5', 'actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4'] as const;

export interface WorkflowOptions {
	/** The branch whose pushes publish the site (the config's `branch`). */
	branch: string;
	/** Where `sprintbook build` writes the site (the config's `outDir`). */
	outDir: string;
	/** Whether the repository has a package-lock.json: `npm ci` and npm's cache need one. */
	lockfile: boolean;
	/** The Node major version to run (Sprintbook's own minimum or later). */
	node: number;
}

/** The build step's command, as the workflow runs it; `base`/`site` are the expressions configure-pages fills in. */
export function buildCommand(base = '${{ steps.pages.outputs.base_path }}', site = '${{ steps.pages.outputs.base_url }}'): string {
	return `npx --no-install sprintbook build --base "${base}" --site "${site}"`;
}

export function pagesWorkflow({ branch, outDir, lockfile, node }: WorkflowOptions): string {
	const [checkout, setupNode, configurePages, upload, deploy] = PAGES_ACTIONS;
	return `# Publishes the Sprintbook site of this repository's docs on GitHub Pages at every push to ${branch}.
# Written by \`sprintbook deploy-workflow\`; yours to change. In the repository's Settings → Pages, set
# "Source" to "GitHub Actions" once.
name: Sprintbook site

on:
  push:
    branches: [${JSON.stringify(branch)}]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One publication at a time; a newer push waits for the one being published.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${checkout}
        with:
          # The whole history: each page's "last updated" and the week's changes come from git.
          fetch-depth: 0
      - uses: ${setupNode}
        with:
          node-version: ${node}${lockfile ? '\n          cache: npm' : ''}
      - run: ${lockfile ? 'npm ci' : 'npm install'}
      # The path and address GitHub Pages serves this repository at (/repo for a project site).
      - id: pages
        uses: ${configurePages}
      - name: Build the site
        run: ${buildCommand()}
      - uses: ${upload}
        with:
          path: ${JSON.stringify(outDir)}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${deploy}
`;
}
