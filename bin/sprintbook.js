#!/usr/bin/env node
// The `sprintbook` command's entry, in plain JavaScript so that it can say which Node it needs on any Node, and
// so that Node's compile cache is on before the first TypeScript file loads: a run whose modules are all cached
// never loads Node's type stripper (~0.1 s of a warm check).
import * as nodeModule from 'node:module';

// Sprintbook's sources are TypeScript, run by Node's own type stripping (on by default since Node 22.18).
const [major, minor] = process.versions.node.split('.').map(Number);
const tooOld = major < 22 || (major === 22 && minor < 18);
if (tooOld || !process.features?.typescript) {
	process.stderr.write(
		tooOld
			? `sprintbook needs Node 22.18 or later (this is Node ${process.versions.node}): in a clone of Sprintbook, run it with node_modules/.bin/node (npm install puts Node 26 there); else install a current Node from https://nodejs.org.\n`
			: `sprintbook runs on Node's type stripping, which is turned off here (NODE_OPTIONS or a flag such as --no-experimental-strip-types): run it without that flag.\n`,
	);
	process.exit(1);
}
nodeModule.enableCompileCache?.();
await import('../src/cli/sprintbook.ts');
