import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_PROSE_CHARACTERS, MAX_TEXT_BLOCK_CHARACTERS } from '../../compiler/prose-limits.js';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * markdown-it holds a token of about 300 bytes per emphasis mark: twelve
 * clauses just under SLA5003's limit took 400 MB to compile when the HTML
 * was laid out in one pass, and a string has no limit of its own (a
 * one-line string of 1.2 MB took 370 MB). `slac
 * compile` refuses an agreement whose text blocks and strings together have
 * more than MAX_DOCUMENT_PROSE_CHARACTERS (SLA5004), at its `agreement`,
 * with the total and the limit, and writes nothing.
 */
const emphasis = (characters: number): string => '*a* '.repeat(characters / 4);

/** The characters between the quotes of the fixture's text blocks and strings (none has an escaped quote). */
const quotedCharacters = (text: string): number =>
  [...text.matchAll(/"""([\s\S]*?)"""|"([^"\n]*)"/g)].reduce((sum, match) => sum + (match[1] ?? match[2]!).length, 0);

const twelveClauses = agreementText(Array.from({ length: 12 }, (_, index) => `\nclause "Big ${index}" """${emphasis(99_996)}"""\n`).join(''));
const longResponsibility = agreementText(`\nresponsibilities Provider { "${emphasis(1_200_000)}" }\n`);

const cases = [
  { name: 'twelve clauses each under the text block limit', text: twelveClauses },
  { name: 'a one-line responsibility of 1.2 MB', text: longResponsibility },
];

describe("the prose of a whole document", () => {
  it.each(cases.flatMap((fixture) => ['html', 'md'].map((format) => ({ ...fixture, format }))))(
    'refuses $name (--format $format) at the agreement, with the total and the limit',
    ({ text, format }) => {
      const folder = freshFolder('document-prose');
      write(folder, 'a.sla', text);
      const run = runBuiltCli(['compile', 'a.sla', '--format', format, '-o', `a.${format}`], folder);
      const total = quotedCharacters(text).toLocaleString('en-US');
      expect(run.stderr).toContain(
        `a.sla:1:1: error SLA5004: This agreement's text blocks and strings have ${total} characters; a document has at most 500,000.`,
      );
      expect(run.stderr).not.toContain('SLA5003');
      expect(run.code).toBe(2);
      expect(existsSync(join(folder, `a.${format}`))).toBe(false);
    },
  );

  it('counts the text blocks and strings of an imported file', () => {
    const folder = freshFolder('document-prose');
    const clauses = Array.from({ length: 6 }, (_, index) => `clause "Shared ${index}" """${emphasis(99_996)}"""\n`).join('\n');
    write(folder, 'shared.sla', clauses);
    write(folder, 'a.sla', `import "shared.sla"\n${agreementText(`\nclause "Own" """${emphasis(99_996)}"""\n`)}`);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'html', '-o', 'a.html'], folder);
    expect(run.stderr).toContain('a.sla:2:1: error SLA5004:');
    expect(run.code).toBe(2);
  });

  it('refuses it in an agreement of a portfolio, once for the file', () => {
    const folder = freshFolder('document-prose');
    write(folder, 'a.sla', twelveClauses);
    write(folder, 'p.sla', 'portfolio P {\n  client "A" uses "a.sla"\n  client "B" uses "a.sla"\n}\n');
    const run = runBuiltCli(['compile', 'p.sla', '--format', 'html', '-o', 'out'], folder);
    expect(run.stderr.match(/SLA5004/g)).toHaveLength(1);
    expect(run.stderr).toContain('a.sla:1:1: error SLA5004:');
    expect(run.code).toBe(2);
    expect(existsSync(join(folder, 'out'))).toBe(false);
  });

  it('compiles four clauses at the text block limit, under the document limit', () => {
    expect(MAX_DOCUMENT_PROSE_CHARACTERS).toBe(500_000);
    const folder = freshFolder('document-prose');
    const clauses = Array.from({ length: 4 }, (_, index) => `\nclause "Big ${index}" """${emphasis(MAX_TEXT_BLOCK_CHARACTERS)}"""\n`).join('');
    const text = agreementText(clauses);
    expect(quotedCharacters(text)).toBeLessThan(MAX_DOCUMENT_PROSE_CHARACTERS);
    write(folder, 'a.sla', text);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'html', '-o', 'a.html'], folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(folder, 'a.html'), 'utf8')).toContain('<em>a</em> <em>a</em>');
  });

  it('emits the model of an agreement with more, which lays nothing out', () => {
    const folder = freshFolder('document-prose');
    write(folder, 'a.sla', twelveClauses);
    const run = runBuiltCli(['compile', 'a.sla', '--emit', 'model'], folder);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8')).clauses).toHaveLength(12);
  });
});
