import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A portfolio that lists no client and no `others` passed `slac validate`
 * ("no problems"), and `slac compile` of it exited 0 having written
 * nothing, with not a word: an emptied or half-written portfolio looked
 * compiled. It is an error at the portfolio's name (SLA3090), so validate
 * and compile fail, naming file and line, and no folder is made.
 */

const EMPTY = '// every client moved out\nportfolio Departments {\n}\n';
const MESSAGE = "empty.sla:2:11: error SLA3090: Portfolio 'Departments' lists no client and no others, so it checks no ticket and compiles no document; add a line such as client \"Name\" uses \"agreement.sla\".";

describe('a portfolio with no client and no others', () => {
  it('slac validate refuses it, naming file and line', () => {
    const dir = freshFolder('portfolio-empty');
    write(dir, 'empty.sla', EMPTY);
    const run = runBuiltCli(['validate', 'empty.sla'], dir);
    expect(run.stdout + run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
  });

  it('slac compile refuses it and writes no folder', () => {
    const dir = freshFolder('portfolio-empty');
    write(dir, 'empty.sla', EMPTY);
    const run = runBuiltCli(['compile', 'empty.sla', '--format', 'md'], dir);
    expect(run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'empty'))).toBe(false);
  });
});
