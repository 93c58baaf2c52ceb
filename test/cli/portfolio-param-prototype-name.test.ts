import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A param named as an Object property (`toString`, `constructor`, `__proto__`) was
 * never filled by --param in a portfolio's documents: the check for a
 * `with` value asked `name in params`, which every object answers yes for
 * those names, so `slac compile p.sla --param toString=Zed` printed the
 * placeholder and exited 0 (an agreement compiled alone took the value).
 * Only the client's own `with` values count now.
 */

const ACME = readFileSync(join(repoRoot, 'test', 'language', 'fixtures', 'portfolio', 'acme.sla'), 'utf8');

describe('--param for a param named toString or constructor in a portfolio', () => {
  it.each(['toString', 'constructor', '__proto__'])('%s fills the document', (name) => {
    const dir = freshFolder('portfolio-param-prototype-name');
    write(dir, 'agreement.sla', ACME.replaceAll('Customer', name));
    write(dir, 'p.sla', 'portfolio P {\n  client "A" uses "agreement.sla"\n}\n');
    const run = runBuiltCli(['compile', 'p.sla', '--format', 'md', '--param', `${name}=Zed Industries`], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'p', 'a.md'), 'utf8')).toContain('Zed Industries');
  });
});
