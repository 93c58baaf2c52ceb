// Completion on a very long line. The word being typed before the cursor
// was found with patterns anchored at the line's end (/[\w./+-]*$/), which
// the regex engine retries from every start in a run of word characters
// that the cursor does not end: quadratic, so a line of 100,000 letters
// and a space took 62 s to complete on (the typed identifier), 21 s
// (quoted values) and 18 s (quoted time zones). Each row of the tables
// pins what the word is on short lines, against the pattern it replaces.
import type { CompletionItem } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { completion } from '../../lsp/services/completion.js';
import { quotedValueItems } from '../../lsp/services/completion-v11-values.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { quotedTimeZoneItems } from '../../lsp/services/time-zones.js';
import { trailingRunStart, withoutTypedIdentifier } from '../../lsp/services/typed-word.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { positionAt } from './harness/cursor.js';

// Lines before the cursor, each ending in a word the patterns read differently.
const prefixes = [
  '', ' ', 'clock ', 'clock Busi', 'clock _x1', 'target 20', 'x 12ab', 'x 1_2', 'a.b', 'uses "sub/a.sla', 'uses ./x-y+z', 'timezone "America/New_', 'timezone "', 'timezone America/', 'x"y',
  'ünïcode', 'tab\tword', 'pause when status "On hold", "Wai', '"quoted"', '"', '""', 'émoji 😀x', 'a-b/c+d.e_f9',
];

/** The start of the edit's range, for the cursor at the end of `prefix` followed by `after`. */
const editStart = (items: CompletionItem[]): number | undefined => {
  const edit = items[0]?.textEdit;
  return edit && 'range' in edit ? edit.range.start.character : undefined;
};

describe('the word being typed, as the end-anchored patterns read it', () => {
  it.each(prefixes)('an identifier at the end of %j', (prefix) => {
    expect(withoutTypedIdentifier(prefix)).toBe(prefix.replace(/[A-Za-z_][A-Za-z0-9_]*$/, ''));
  });
  it.each(prefixes)('a quoted value typed at the end of %j', (prefix) => {
    const start = editStart(quotedValueItems([{ value: 'On hold' }], { line: 0, character: prefix.length }, `${prefix} "x"`));
    expect(start).toBe(prefix.length - /[\w./+-]*$/.exec(prefix)![0].length);
  });
  it.each(prefixes)('a time zone typed at the end of %j', (prefix) => {
    const start = editStart(quotedTimeZoneItems({ line: 0, character: prefix.length }, `${prefix}rest`));
    expect(start).toBe(prefix.length - /"?[\w/+-]*$/.exec(prefix)![0].length);
  });
});

describe('the trailing run', () => {
  it('is found with one look at each of its characters and one at the character before it', () => {
    let looks = 0;
    const isLetter = (character: string): boolean => {
      looks++;
      return character === 'a';
    };
    expect(trailingRunStart(`${'a'.repeat(1000)} ${'a'.repeat(50)}`, isLetter)).toBe(1001);
    expect(looks).toBe(51);
  });
});

// 100,000 letters then a space: seconds to a minute when quadratic, milliseconds when linear.
const longRun = `${'a'.repeat(100_000)} `;
const LONG_LINE_TIMEOUT = 15_000;

/** The labels offered right after the long run in `text`, through the language service. */
function labelsAfterLongRun(text: string): string[] {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/long.sla', text);
  const document = serviceDocument(workspace, '/virtual/long.sla', uriOfFile)!;
  return completion(document, positionAt(text, text.indexOf(longRun) + longRun.length)).map((item) => String(item.label));
}

describe('a line of 100,000 letters and a space before the cursor', () => {
  it(
    'completes statements through the language service',
    () => {
      expect(labelsAfterLongRun(`calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\n${longRun}\n`)).toContain('metric');
    },
    LONG_LINE_TIMEOUT,
  );
  it(
    'completes a param\'s value in a portfolio\'s client line',
    () => {
      expect(labelsAfterLongRun(`portfolio P {\n  client "A" uses "a.sla" with ${longRun}\n}\n`)).toEqual([`"${longRun.trim()}"`]);
    },
    LONG_LINE_TIMEOUT,
  );
  it(
    'gives a quoted value that replaces nothing before the cursor',
    () => {
      expect(editStart(quotedValueItems([{ value: 'On hold' }], { line: 0, character: longRun.length }, longRun))).toBe(longRun.length);
    },
    LONG_LINE_TIMEOUT,
  );
  it(
    'gives a quoted time zone that replaces nothing before the cursor',
    () => {
      expect(editStart(quotedTimeZoneItems({ line: 0, character: longRun.length }, longRun))).toBe(longRun.length);
    },
    LONG_LINE_TIMEOUT,
  );
});
