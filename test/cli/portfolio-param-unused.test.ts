import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * `slac compile p.sla --param Customer=Zed` when every client sets
 * Customer with `with` exited 0, the value in no document and not a word
 * of it: the user believed the documents said Zed. --param only fills the
 * params the portfolio leaves unset (docs/check.md), so such a value is
 * now warned about on stderr, naming the param; the documents are as
 * before.
 */

const PORTFOLIO = 'portfolio P {\n  client "A" uses "acme.sla" with Customer "Acme"\n  client "B" uses "acme.sla" with Customer "Bee"\n}\n';

function folder(): string {
  const dir = freshFolder('portfolio-param-unused');
  cpSync(join(repoRoot, 'test', 'language', 'fixtures', 'portfolio', 'acme.sla'), join(dir, 'acme.sla'));
  write(dir, 'p.sla', PORTFOLIO);
  return dir;
}

describe('a --param that every client sets with `with`', () => {
  it('is warned about, and the documents keep the portfolio values', () => {
    const dir = folder();
    const run = runBuiltCli(['compile', 'p.sla', '--format', 'md', '--param', 'Customer=Zed'], dir);
    expect(run.stderr).toContain(
      "slac: warning: --param Customer=Zed is used in no document: every client whose agreement declares Customer sets it with 'with' in portfolio P.\n",
    );
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'p', 'a.md'), 'utf8')).not.toContain('Zed');
  });

  it('is not warned about when some client leaves the param unset', () => {
    const dir = folder();
    write(dir, 'p.sla', 'portfolio P {\n  client "A" uses "acme.sla" with Customer "Acme"\n  client "B" uses "acme.sla"\n}\n');
    const run = runBuiltCli(['compile', 'p.sla', '--format', 'md', '--param', 'Customer=Zed'], dir);
    expect(run.stderr).not.toContain('warning');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'p', 'b.md'), 'utf8')).toContain('Zed');
  });
});
