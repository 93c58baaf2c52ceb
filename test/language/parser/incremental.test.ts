import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenize, type LexResult } from '../../../language/lexer/lexer.js';
import { retokenize } from '../../../language/lexer/relex.js';
import { textEdit } from '../../../language/lexer/text-edit.js';
import { parseDocument, reparseDocument, type ParseResult } from '../../../language/parser/index.js';
import { analyze, ParseCache, type SourceHost } from '../../../language/workspace/index.js';
import { mulberry32 } from '../../../scripts/seeded-random.mjs';

// Incremental parsing must give exactly what a full parse gives: the same
// syntax tree, diagnostics and editor tokens after every edit, whatever the
// edit breaks or mends. Seeded, so a failure names a reproducible edit.

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.sla'))
  .map((name) => readFileSync(join(examplesDir, name), 'utf8'));

/**
 * A long agreement: the examples' declarations (clashing names and all) and
 * many metrics, as the LSP bench has. `compact` writes six metrics to a
 * line, so that edits also move declarations along their line.
 */
function largeAgreement(compact = false): string {
  const metrics: string[] = [];
  const lineBreak = compact ? ' ' : '\n';
  for (let m = 0; m < 36; m++) {
    const metric =
      `metric Generated${m} {${lineBreak}  title "Metric ${m}"${lineBreak}  measures resolution${lineBreak}  clock Hours${lineBreak}` +
      `  target P1 ${1 + (m % 4)} hours${lineBreak}  target P2 ${(m % 3) + 1} business days${lineBreak}  objective ${90 + (m % 9)}% monthly${lineBreak}}`;
    metrics.push(compact && m % 6 !== 5 ? `${metric} ` : `${metric}\n`);
  }
  const calendar = 'calendar Hours { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 }\n';
  return [examples[0]!, calendar, metrics.join(compact ? '' : '\n'), ...examples.slice(1)].join('\n');
}

/** What typing produces: characters, words, line breaks, and the pieces that break a file's structure. */
const SNIPPETS = [
  'a', '7', ' ', '\n', '\n\n', '{', '}', '"', '"""', '/*', '*/', '//', '-', ',', '%', '99%', 'metric', 'metric X {', 'override',
  'target P1 4 hours', 'clock ', 'calendar C {', 'param', 'import "x.sla"', 'pause when status "Waiting"', '08:00', 'Mon-',
  '\r', '\r\n', '@', 'severity P4 { description "d" }', '}\n\nmetric Y {\n', 'business days', 'clause "T" "x"',
];

function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.4) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)]! + text.slice(at);
  const length = kind < 0.8 ? 1 + Math.floor(next() * 3) : Math.floor(next() * 120);
  if (kind < 0.9) return text.slice(0, at) + text.slice(at + length);
  return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)]! + text.slice(at + length);
}

function comparable(result: ParseResult): unknown {
  return { document: result.document, diagnostics: result.diagnostics, tokens: result.tokens };
}

function lexed(result: LexResult): unknown {
  const plain = (tokens: LexResult['tokens']) => tokens.map((t) => [t.tokenType.name, t.image, t.startOffset]);
  return { tokens: plain(result.tokens), comments: plain(result.comments), diagnostics: result.diagnostics, unreadable: result.unreadable };
}

describe('incremental lexing', () => {
  it('gives the tokens, comments and diagnostics of a full lex after each of many random edits', () => {
    const file = '/work/relex.sla';
    for (const seed of [11, 12]) {
      const next = mulberry32(seed);
      let text = largeAgreement(seed === 12);
      let previous = tokenize(text, file);
      for (let edit = 0; edit < 150; edit++) {
        const before = text;
        text = randomEdit(text, next);
        const change = textEdit(before, text);
        const incremental = change ? retokenize(previous, before, text, file, change)! : tokenize(text, file);
        expect(lexed(incremental), `seed ${seed}, edit ${edit}`).toEqual(lexed(tokenize(text, file)));
        previous = incremental;
      }
    }
  });
});

describe('incremental parsing', () => {
  it('gives the full parse after each of many random edits to a long file', () => {
    const file = '/work/incremental.sla';
    for (const seed of [1, 2, 3, 4]) {
      const next = mulberry32(seed);
      let text = largeAgreement(seed % 2 === 0);
      let previous = parseDocument(text, file);
      for (let edit = 0; edit < 30; edit++) {
        text = randomEdit(text, next);
        const incremental = reparseDocument(previous, text, file);
        expect(comparable(incremental), `seed ${seed}, edit ${edit}`).toEqual(comparable(parseDocument(text, file)));
        previous = incremental;
      }
    }
  });

  it('gives the full parse after many random edits among short declarations, where edits reach across items', () => {
    const file = '/work/short.sla';
    const short = [
      'import "a.sla"', 'param A "a"', 'pause when status "Waiting", "Held"', 'clause "T" "x"', 'severity P1 { default }',
      'calendar C { timezone "UTC" }', 'metric M { clock C target P1 4 hours }', 'override param B "b"', 'escalation { level 1 "L" at 50% of M }',
    ];
    for (const seed of [7, 8, 9]) {
      const next = mulberry32(seed);
      let text = Array.from({ length: 12 }, (_, i) => short[i % short.length]).join(seed === 8 ? ' ' : '\n');
      let previous = parseDocument(text, file);
      for (let edit = 0; edit < 150; edit++) {
        text = randomEdit(text, next);
        const incremental = reparseDocument(previous, text, file);
        expect(comparable(incremental), `seed ${seed}, edit ${edit}`).toEqual(comparable(parseDocument(text, file)));
        previous = incremental;
      }
    }
  });

  it('gives the full analysis, diagnostics and positions, through the parse cache the language server keeps', () => {
    const file = '/work/cached.sla';
    const next = mulberry32(42);
    let text = largeAgreement();
    const host: SourceHost = { readFile: (f) => (f === file ? text : undefined) };
    const cache = new ParseCache();
    for (let edit = 0; edit < 25; edit++) {
      text = randomEdit(text, next);
      expect(analyze(file, host, { parseCache: cache }).diagnostics, `edit ${edit}`).toEqual(analyze(file, host).diagnostics);
    }
  });

  it('checks a kept declaration again when a name in it comes to mean a changed declaration', () => {
    const file = '/work/recheck.sla';
    const office = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
    const metric = 'metric Resolution {\n  measures resolution\n  clock Office\n  target P1 2 days\n}\n';
    const filler = Array.from({ length: 5 }, (_, i) => `param Filler${i} "f"`).join('\n');
    let text = `${office}\n${filler}\n\n${metric}`;
    const host: SourceHost = { readFile: (f) => (f === file ? text : undefined) };
    const cache = new ParseCache();
    // "2 days" on a calendar that is not around the clock is ambiguous (SLA3013)...
    expect(analyze(file, host, { parseCache: cache }).diagnostics.map((d) => d.code)).toContain('SLA3013');
    // ...and no longer once the calendar is, though the metric's text (and syntax node) did not change.
    text = text.replace('Mon-Fri 09:00-17:00', 'Mon-Sun 00:00-24:00');
    const after = analyze(file, host, { parseCache: cache });
    expect(after.diagnostics.map((d) => d.code)).not.toContain('SLA3013');
    expect(after.diagnostics).toEqual(analyze(file, host).diagnostics);
  });

  it('keeps the declarations an edit did not reach, moved when lines were added above them', () => {
    const file = '/work/kept.sla';
    const text = largeAgreement();
    const before = parseDocument(text, file);
    const edited = text.replace('target P1 2 hours', 'target P1 3 hours');
    const after = reparseDocument(before, edited, file);
    // Far from the edit, the very same declaration objects: nothing was parsed again there.
    expect(after.document.declarations[0]).toBe(before.document.declarations[0]);
    expect(after.document.declarations.at(-1)).toBe(before.document.declarations.at(-1));

    const grown = reparseDocument(before, text.replace('target P1 2 hours', 'target P1 2 hours\n\n'), file);
    const last = before.document.declarations.at(-1)!;
    expect(grown.document.declarations.at(-1)!.range.start).toEqual({ line: last.range.start.line + 2, character: last.range.start.character });
  });
});
