#!/usr/bin/env node
// The `sprintbook` command's entry, in plain JavaScript so that it can say which Node it needs on any Node. In a
// checkout it runs the TypeScript sources through Node's type stripping, with the compile cache on before the first
// of them loads (a run whose modules are all cached never loads the stripper: ~0.1 s of a warm check). Installed as
// a package it runs lib/, the same sources compiled by `npm pack`: Node does not strip types inside node_modules.
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
const atLeast = (M, m) => major > M || (major === M && minor >= m);
const compiled = new URL('../lib/cli/sprintbook.js', import.meta.url);
const packaged = existsSync(compiled) && (import.meta.url.includes('/node_modules/') || !process.features?.typescript);
const fail = (why) => {
	process.stderr.write(`${why}\n`);
	process.exit(1);
};
if (packaged) {
	// Astro 7's own floor.
	if (!atLeast(22, 12)) fail(`sprintbook needs Node 22.12 or later (this is Node ${process.versions.node}): install a current Node from https://nodejs.org, or use a version manager (nvm install 22).`);
} else if (!atLeast(22, 18)) {
	fail(`sprintbook needs Node 22.18 or later (this is Node ${process.versions.node}): in a clone of Sprintbook, run it with node_modules/.bin/node (npm install puts Node 26 there); else install a current Node from https://nodejs.org.`);
} else if (!process.features?.typescript) {
	fail(`sprintbook runs on Node's type stripping, which is turned off here (NODE_OPTIONS or a flag such as --no-experimental-strip-types): run it without that flag.`);
}
nodeModule.enableCompileCache?.();
await import(packaged ? compiled.href : '../src/cli/sprintbook.ts');
