import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * A file that does not parse as .sla may not be one at all (notes, a secret
 * renamed): an import of it quotes only its first error, never more of its
 * lines. A portfolio line that uses such a file quoted every line with an
 * error; it now does as an import does, and says the file has 1 error.
 */

const NOT_SLA = ['secret line one', 'password hunter2', 'token {', '}}}', 'last "line'].join('\n');

/** Each place the file may be named, and where that place says it has errors. */
const PLACES = [
  ['an import', 'a.sla', agreementText('\nimport "notes.sla"\n'), "error SLA2008: The imported file 'notes.sla' has 1 error(s)."],
  ['a portfolio client', 'p.sla', 'portfolio P {\n  client "A" uses "notes.sla"\n}\n', "error SLA2017: The agreement 'notes.sla' has 1 error(s)."],
  ['a portfolio others', 'p.sla', 'portfolio P {\n  others use "notes.sla"\n}\n', "error SLA2017: The agreement 'notes.sla' has 1 error(s)."],
] as const;

describe('a used file that does not parse as .sla', () => {
  it.each(PLACES)('named by %s: only its first error, quoting only its first line', (_name, entry, text, summary) => {
    const folder = freshFolder('broken-member');
    write(folder, entry, text);
    write(folder, 'notes.sla', `${NOT_SLA}\n`);
    const run = runBuiltCli(['validate', entry], folder);
    const output = run.stdout + run.stderr;
    expect(run.code).toBe(2);
    expect(output.match(/^notes\.sla:\d+:\d+: error SLA\d+/gm)).toEqual(['notes.sla:1:1: error SLA1012']);
    expect(output).toContain('secret line one');
    for (const line of NOT_SLA.split('\n').slice(1)) expect(output).not.toContain(line);
    expect(output).toContain(summary);
    expect(output).toContain('2 errors in 2 files');
  });

  it('an agreement that parses keeps every error it has', () => {
    const folder = freshFolder('broken-member');
    write(folder, 'p.sla', 'portfolio P {\n  client "A" uses "a.sla"\n}\n');
    write(folder, 'a.sla', agreementText('\nmetric Bad {\n  clock Nowhere\n}\n\nmetric Worse {\n  clock Elsewhere\n}\n'));
    const run = runBuiltCli(['validate', 'p.sla'], folder);
    expect(run.code).toBe(2);
    expect(run.stdout.match(/^a\.sla:\d+:\d+: error SLA2001/gm)).toHaveLength(2);
  });
});
