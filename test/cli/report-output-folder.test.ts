import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * An output folder under /proc: Node's mkdirSync(dir, { recursive: true })
 * loops for ever when mkdir answers ENOENT under a parent that exists (/proc
 * refuses new entries so), and `slac report -o /proc/self/site` kept one
 * core at 100% until killed. Every command that makes its -o folder now
 * makes it one level at a time (`makeFolders`), and the refusal is one
 * message, exit 2. A hang ends at runBuiltCli's timeout (`code` null; both
 * cases hung, deaf to SIGTERM, before the fix).
 * Through the built CLI; Linux only, where /proc is.
 */
describe('an -o folder that cannot be made', () => {
  it.runIf(process.platform === 'linux').each([
    ['slac report (site)', ['report', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv', '-o', '/proc/self/site'], /^slac: cannot make the folder \/proc\/self\/site: no such file or directory/],
    [
      'slac report --format pdf (review packs)',
      ['report', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv', '--format', 'pdf', '-o', '/proc/self/packs'],
      /^slac: cannot make the folder \/proc\/self\/packs: no such file or directory/,
    ],
    [
      'slac compile of a portfolio',
      ['compile', 'examples/multilevel/departments.sla', '--format', 'html', '-o', '/proc/self/documents'],
      /^slac: cannot create the folder \/proc\/self\/documents: /,
    ],
  ])('%s under /proc: one message, exit 2, no hang', (_, args, message) => {
    const run = runBuiltCli(args, repoRoot);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  }, 150_000);
});
