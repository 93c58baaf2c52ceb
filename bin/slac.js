#!/usr/bin/env node
// The published entry point: runs the bundled CLI built into dist/slac.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/slac.mjs', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('slac: the built CLI is missing (dist/slac.mjs). Run `npm run build` first.\n');
  process.exit(2);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));
