import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * `client "" uses "hr.sla"` passed `slac validate`, although no ticket can
 * ever reach that client: a log's empty client means "no client" (it goes
 * to `others`). `slac compile` wrote `client-1.md` "()" for it and `slac
 * check` listed `''` among the clients. A blank name (alone, or as a
 * client's other name) is now an error at that name (SLA3091), and two
 * blank names are not also "listed twice" (SLA3048).
 */

const PORTFOLIO = 'portfolio Blank {\n  client "" uses "hr.sla"\n  client "Finance", "  " uses "finance.sla"\n}\n';

function folder(): string {
  const dir = freshFolder('portfolio-blank-client');
  cpSync(join(repoRoot, 'examples', 'multilevel'), dir, { recursive: true });
  write(dir, 'blank.sla', PORTFOLIO);
  return dir;
}

const message = (line: number, column: number): string =>
  `blank.sla:${line}:${column}: error SLA3091: A client name cannot be blank: a log row whose client is blank names no client, so no ticket could reach this one; write the name the log gives the client.`;

describe('a blank client name in a portfolio', () => {
  it('slac validate refuses each, naming file and line, and not as listed twice', () => {
    const run = runBuiltCli(['validate', 'blank.sla'], folder());
    const output = run.stdout + run.stderr;
    expect(output).toContain(message(2, 10));
    expect(output).toContain(message(3, 21));
    expect(output).not.toContain('SLA3048');
    expect(run.code).toBe(2);
  });

  it('slac compile writes nothing for it', () => {
    const run = runBuiltCli(['compile', 'blank.sla', '--format', 'md'], folder());
    expect(run.stderr).toContain(message(2, 10));
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});
