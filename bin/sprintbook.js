#!/usr/bin/env node
// The `sprintbook` command's entry, in plain JavaScript so that Node's compile cache is on before the first
// TypeScript file loads: a run whose modules are all cached never loads Node's type stripper (~0.1 s of a warm check).
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('../src/cli/sprintbook.ts');
