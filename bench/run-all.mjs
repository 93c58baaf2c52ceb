// Runs every bench/*.mjs except itself, in name order, each in its own
// process (so one benchmark's memory does not count against the next).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
let failed = 0;
for (const file of readdirSync(here).filter((name) => name.endsWith('.mjs') && name !== self).sort()) {
  console.log(`\n== bench/${file}`);
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
