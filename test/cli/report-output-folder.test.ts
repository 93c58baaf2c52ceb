import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `slac report -o /proc/self/site` never ended, one core at 100%: Node's
 * mkdirSync(dir, { recursive: true }) loops for ever when mkdir answers
 * ENOENT under a parent that exists (/proc refuses new entries so). The
 * folders are now made one at a time, and the refusal is one message, exit 2.
 * Through the built CLI; Linux only, where /proc is.
 */
describe('slac report -o a folder that cannot be made', () => {
  it.runIf(process.platform === 'linux')('under /proc: one message, exit 2, no hang', () => {
    const started = Date.now();
    const run = runBuiltCli(['report', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv', '-o', '/proc/self/site'], repoRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^slac: cannot make the folder \/proc\/self\/site: no such file or directory/);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 150_000);
});
