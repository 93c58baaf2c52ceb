import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-protocol';
import { formatText, parseDocument } from '../../lsp/services/language.js';
import { formatRange } from '../../lsp/services/formatting.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { applyEdits, example, readExample } from './harness/cursor.js';

/** Format Selection on `text`, from the language service: the edits for a range. */
function rangeFormatter(text: string): (range: Range) => ReturnType<typeof formatRange> {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/doc.sla', text);
  const document = serviceDocument(workspace, '/virtual/doc.sla', uriOfFile)!;
  return (range) => formatRange(document, range);
}

function formatted(text: string): string {
  return formatText(text, '/virtual/doc.sla').text;
}

/** The comments of a text, sorted, each as many times as it occurs. */
function comments(text: string): string[] {
  return parseDocument(text, '/virtual/doc.sla').tokens.filter((t) => t.type === 'comment').map((t) => t.text.trim()).sort();
}

/** Whether `result` has the lines of `text` before line `first` and after line `last`, line ends included. */
function unchangedOutside(text: string, result: string, first: number, last: number): boolean {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  return result.startsWith(lines.slice(0, first).join('')) && result.endsWith(lines.slice(last + 1).join(''));
}

/** A small seeded generator (a linear congruential one), so a failure can be replayed. */
function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

/**
 * A badly laid out copy of a formatted file: random indentation, blank
 * lines, end-of-line and own-line comments, and `{` on the next line: what
 * makes the formatter move comments and lines about.
 */
function messyVariant(text: string, random: (n: number) => number): string {
  return text
    .split('\n')
    .map((line, i) => {
      let messy = ' '.repeat(random(4)) + line.trimStart();
      if (random(4) === 0 && line.trim() && !line.includes('"""')) messy += ` // end ${i}`;
      if (random(6) === 0) messy += '\n';
      if (random(8) === 0) messy = `${' '.repeat(random(6))}// own ${i}\n${messy}`;
      return messy;
    })
    .join('\n')
    .replace(/ \{\n/g, () => (random(3) === 0 ? '\n{\n' : ' {\n'));
}

function exampleFiles(folder = example('.')): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return exampleFiles(path);
    return name.endsWith('.sla') ? [relative(example('.'), path)] : [];
  });
}

// the formatter moves a comment below the blank lines after `}`;
// formatting one line used to keep only the deleting or only the inserting
// half of that move. Format Selection changes only the selected lines, so
// one line of the move keeps the comment once and formats to the same
// text; the three lines of the move give the whole-document result.
const movedComment = 'severity High {\n  default\n}\n  // note about Low\n\n\nseverity Low {\n  description "x"\n}\n';

describe('range formatting keeps a moved comment whole', () => {
  it.each([
    { selected: 'the comment line', line: 3 },
    { selected: 'the first blank line after it', line: 4 },
    { selected: 'the second blank line after it', line: 5 },
  ])('selecting $selected keeps the comment once and changes only that line', ({ line }) => {
    const edits = rangeFormatter(movedComment)({ start: { line, character: 0 }, end: { line, character: 1 } });
    const result = applyEdits(movedComment, edits);
    expect(comments(result)).toEqual(comments(movedComment));
    expect(unchangedOutside(movedComment, result, line, line)).toBe(true);
    expect(formatted(result)).toBe(formatted(movedComment));
  });

  it('selecting the comment and the blank lines after it gives the whole-document result', () => {
    const edits = rangeFormatter(movedComment)({ start: { line: 3, character: 0 }, end: { line: 6, character: 0 } });
    expect(applyEdits(movedComment, edits)).toBe(formatted(movedComment));
  });
});

describe('range formatting, for every example and many seeded ranges', () => {
  it.each(exampleFiles())('%s: the edits lose no comment, change no unselected line and format to what the whole document formats to', (name) => {
    const random = seeded(name.length * 7919 + 17);
    for (let variant = 0; variant < 12; variant++) {
      let text = messyVariant(readExample(name), random);
      if (variant % 4 === 3) text = text.replace(/\n/g, '\r\n');
      const whole = formatted(text);
      const formatRangeOf = rangeFormatter(text);
      const lineCount = text.split('\n').length;
      for (let attempt = 0; attempt < 15; attempt++) {
        const first = random(lineCount);
        const last = Math.min(lineCount - 1, first + random(8));
        const range = { start: { line: first, character: random(3) }, end: { line: last, character: random(2) ? 0 : 3 } };
        const result = applyEdits(text, formatRangeOf(range));
        const replay = `${name}, variant ${variant}, lines ${first}-${last}`;
        expect(comments(result), replay).toEqual(comments(text));
        expect(unchangedOutside(text, result, first, range.end.character === 0 && last > first ? last - 1 : last), replay).toBe(true);
        expect(formatted(result), replay).toBe(whole);
      }
    }
  });
});
