import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A client named "Others" beside an `others` line passed `slac validate`;
 * then `slac check --format csv` gave rows of two agreements under
 * `Others` and `others`, one client to anything that compares names as
 * slac does (case aside), and `slac compile` wrote the client's agreement
 * to `others-2.md` and the others' to `others.md`. The reports and
 * documents name the `others` member "others", so such a client name is an
 * error at that name (SLA3092) when the portfolio declares `others`.
 */

const PORTFOLIO = 'portfolio O {\n  client "Acme", " OTHERS " uses "finance.sla"\n  others use "hr.sla"\n}\n';

function folder(): string {
  const dir = freshFolder('portfolio-client-named-others');
  cpSync(join(repoRoot, 'examples', 'multilevel'), dir, { recursive: true });
  write(dir, 'o.sla', PORTFOLIO);
  return dir;
}

const MESSAGE =
  "o.sla:2:18: error SLA3092: The client ' OTHERS ' has the name the reports and documents give to the portfolio's others; name the client otherwise.";

describe('a client named others in a portfolio that declares others', () => {
  it('slac validate refuses it, naming file and line', () => {
    const run = runBuiltCli(['validate', 'o.sla'], folder());
    expect(run.stdout + run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
  });

  it('slac compile writes nothing', () => {
    const dir = folder();
    const run = runBuiltCli(['compile', 'o.sla', '--format', 'md'], dir);
    expect(run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('is allowed without an others line (no name is shared)', () => {
    const dir = folder();
    write(dir, 'o.sla', 'portfolio O {\n  client "Others" uses "finance.sla"\n}\n');
    const run = runBuiltCli(['validate', 'o.sla'], dir);
    expect(run.code).toBe(0);
  });
});
