import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBin, repoRoot } from '../cli/built-cli.js';
import { fixtures } from './helpers.js';

/**
 * `slac import` to a standard output that fails (/dev/full: ENOSPC) printed
 * its summary, "4 tickets, 29 events written", and only then "cannot write
 * to standard output": Node reports a failed write from the event loop, and
 * the summary was written before the loop ran. Through the built CLI.
 */
const full = existsSync('/dev/full') ? openSync('/dev/full', 'w') : undefined;
afterAll(() => full !== undefined && closeSync(full));

describe.skipIf(full === undefined)('slac import to a standard output that cannot be written', () => {
  it('says it cannot write, exit 2, and claims no rows written', () => {
    const run = spawnSync(process.execPath, [builtBin, 'import', 'zendesk-tables', `${fixtures}/zendesk-tables`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', full!, 'pipe'], timeout: 60_000 });
    expect(run.stderr).toBe('slac: cannot write to standard output: ENOSPC: no space left on device, write\n');
    expect(run.status).toBe(2);
  });
});
