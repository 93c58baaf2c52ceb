import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * `client "A" uses "acme.sla" with Customer "Acme" with Customer "Acme Two"`
 * passed `slac validate`, and `slac compile` printed the last value in A's
 * document without a word about the first. A param given twice on one
 * client (or on others) is now SLA3015 at the second, as any statement
 * given twice in a block.
 */

const PORTFOLIO = [
  'portfolio P {',
  '  client "A" uses "acme.sla" with Customer "Acme" with Customer "Acme Two"',
  '  others use "acme.sla" with Customer "Other" with Customer "Other Two"',
  '}',
  '',
].join('\n');

describe('a with param given twice for one client', () => {
  it('slac validate and compile refuse it, naming file and line', () => {
    const dir = freshFolder('portfolio-with-twice');
    cpSync(join(repoRoot, 'test', 'language', 'fixtures', 'portfolio', 'acme.sla'), join(dir, 'acme.sla'));
    write(dir, 'p.sla', PORTFOLIO);
    for (const command of [['validate', 'p.sla'], ['compile', 'p.sla', '--format', 'md']]) {
      const run = runBuiltCli(command, dir);
      const output = run.stdout + run.stderr;
      expect(output).toContain("p.sla:2:51: error SLA3015: 'with Customer' is given twice in client 'A'.");
      expect(output).toContain("p.sla:3:47: error SLA3015: 'with Customer' is given twice in others.");
      expect(output).not.toContain('Wrote');
      expect(run.code).toBe(2);
    }
  });
});
