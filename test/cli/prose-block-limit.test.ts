import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BLOCK_CHARACTERS } from '../../compiler/prose-limits.js';
import { agreementText, freshFolder, slacIn, write } from './hardening-fixtures.js';

/**
 * A document's prose is laid out by markdown-it, whose tokens cost about
 * 300 bytes each and an emphasis span three: a text block of 1.2 MB of
 * `*a* ` took 600 MB and 7.5 s to compile to HTML (a plain one of the same
 * size 130 MB). `slac compile` refuses a text block of more than
 * MAX_TEXT_BLOCK_CHARACTERS when it writes a document (SLA5003), naming
 * the file, the line and the limit; `--emit model` and `validate` lay out
 * nothing and read it as before.
 */
const emphasis = (characters: number): string => '*a* '.repeat(characters / 4);
const withClause = (prose: string): string => agreementText(`\nclause "Big" """${prose}"""\n`);
/** Where the clause's `"""` opens, 1-based as printed. */
const opening = (text: string): string => {
  const before = text.slice(0, text.indexOf('"""'));
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
};

describe('the largest text block of a document', () => {
  it.each(['html', 'md'])('refuses 1.2 MB of emphasis in one text block (--format %s), naming the file, the line and the limit', async (format) => {
    const folder = freshFolder('prose');
    const text = withClause(emphasis(1_200_000));
    write(folder, 'a.sla', text);
    const run = await slacIn(folder, 'compile', 'a.sla', '--format', format, '-o', `a.${format}`);
    expect(run.stderr).toContain(
      `a.sla:${opening(text)}: error SLA5003: This text block has 1,200,000 characters; a document's text block has at most 100,000.`,
    );
    expect(run.code).toBe(2);
    expect(existsSync(join(folder, `a.${format}`))).toBe(false);
  });

  it('refuses it in an agreement of a portfolio, once for the file', async () => {
    const folder = freshFolder('prose');
    const text = withClause(emphasis(1_200_000));
    write(folder, 'a.sla', text);
    write(folder, 'p.sla', 'portfolio P {\n  client "A" uses "a.sla"\n  client "B" uses "a.sla"\n}\n');
    const run = await slacIn(folder, 'compile', 'p.sla', '--format', 'html', '-o', 'out');
    expect(run.stderr.match(/SLA5003/g)).toHaveLength(1);
    expect(run.stderr).toContain(`a.sla:${opening(text)}: error SLA5003:`);
    expect(run.code).toBe(2);
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });

  it('compiles a text block of exactly the limit', async () => {
    expect(MAX_TEXT_BLOCK_CHARACTERS).toBe(100_000);
    const folder = freshFolder('prose');
    write(folder, 'a.sla', withClause(emphasis(MAX_TEXT_BLOCK_CHARACTERS)));
    const run = await slacIn(folder, 'compile', 'a.sla', '--format', 'html', '-o', 'a.html');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(folder, 'a.html'), 'utf8')).toContain('<em>a</em> <em>a</em>');
  });

  it('emits the model of an agreement with a larger one, which lays nothing out', async () => {
    const folder = freshFolder('prose');
    write(folder, 'a.sla', withClause(emphasis(1_200_000)));
    const run = await slacIn(folder, 'compile', 'a.sla', '--emit', 'model');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8')).clauses[0].text).toHaveLength(1_199_999);
  });
});
