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
 * more than MAX_DOCUMENT_PROSE_CHARACTERS (SLA5004), with the total and
 * the limit, and writes nothing. The error stands at the opening quote of
 * the text block or string that takes the total past the limit (the
 * agreement's file first, then its imports): it stood at `agreement`, which
 * said nothing of where the document grew too long.
 */
const emphasis = (characters: number): string => '*a* '.repeat(characters / 4);

/** The characters between the quotes of the fixture's text blocks and strings (none has an escaped quote). */
const quotedCharacters = (text: string): number =>
  [...text.matchAll(/"""([\s\S]*?)"""|"([^"\n]*)"/g)].reduce((sum, match) => sum + (match[1] ?? match[2]!).length, 0);

/** `line:column` (from 1) of the first `quote` after `before` in `text`: where SLA5004 should stand. */
function placeOf(text: string, before: string, quote: string): string {
  const at = text.indexOf(quote, text.indexOf(before) + before.length);
  const lines = text.slice(0, at).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
}

const twelveClauses = agreementText(Array.from({ length: 12 }, (_, index) => `\nclause "Big ${index}" """${emphasis(99_996)}"""\n`).join(''));
const longResponsibility = agreementText(`\nresponsibilities Provider { "${emphasis(1_200_000)}" }\n`);

// The quoted text before the clauses (title, parties, timezone) is 50 characters: five clauses of 99,996 and their names take it past 500,000.
const cases = [
  { name: 'twelve clauses each under the text block limit', text: twelveClauses, kind: 'text block', place: placeOf(twelveClauses, 'clause "Big 4" ', '"""') },
  { name: 'a one-line responsibility of 1.2 MB', text: longResponsibility, kind: 'string', place: placeOf(longResponsibility, 'responsibilities Provider { ', '"') },
];

describe("the prose of a whole document", () => {
  it.each(cases.flatMap((fixture) => ['html', 'md'].map((format) => ({ ...fixture, format }))))(
    'refuses $name (--format $format) at the $kind that passes the limit, with the total and the limit',
    ({ text, format, kind, place }) => {
      const folder = freshFolder('document-prose');
      write(folder, 'a.sla', text);
      const run = runBuiltCli(['compile', 'a.sla', '--format', format, '-o', `a.${format}`], folder);
      const total = quotedCharacters(text).toLocaleString('en-US');
      expect(run.stderr).toContain(
        `a.sla:${place}: error SLA5004: This ${kind} takes the agreement's text blocks and strings past 500,000 characters, the most a document has: they have ${total} in all.`,
      );
      expect(run.stderr.match(/SLA5004/g)).toHaveLength(1);
      expect(run.stderr).not.toContain('SLA5003');
      expect(run.code).toBe(2);
      expect(existsSync(join(folder, `a.${format}`))).toBe(false);
    },
  );

  it('counts the text blocks and strings of an imported file', () => {
    const folder = freshFolder('document-prose');
    const clauses = Array.from({ length: 6 }, (_, index) => `clause "Shared ${index}" """${emphasis(99_996)}"""\n`).join('\n');
    write(folder, 'shared.sla', clauses);
    const own = `import "shared.sla"\n${agreementText(`\nclause "Own" """${emphasis(99_996)}"""\n`)}`;
    write(folder, 'a.sla', own);
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'html', '-o', 'a.html'], folder);
    // a.sla's own prose (100,059 characters) first, then shared.sla's: its fourth clause takes it past 500,000.
    expect(run.stderr).toContain(`shared.sla:${placeOf(clauses, 'clause "Shared 3" ', '"""')}: error SLA5004: This text block takes`);
    expect(run.stderr).toContain(`they have ${(quotedCharacters(own) + quotedCharacters(clauses)).toLocaleString('en-US')} in all.`);
    expect(run.code).toBe(2);
  });

  it('refuses it in an agreement of a portfolio, once for the file', () => {
    const folder = freshFolder('document-prose');
    write(folder, 'a.sla', twelveClauses);
    write(folder, 'p.sla', 'portfolio P {\n  client "A" uses "a.sla"\n  client "B" uses "a.sla"\n}\n');
    const run = runBuiltCli(['compile', 'p.sla', '--format', 'html', '-o', 'out'], folder);
    expect(run.stderr.match(/SLA5004/g)).toHaveLength(1);
    expect(run.stderr).toContain(`a.sla:${placeOf(twelveClauses, 'clause "Big 4" ', '"""')}: error SLA5004:`);
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
