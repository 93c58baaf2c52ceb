// Completion asked between the two UTF-16 halves of an emoji (a surrogate
// pair), in a string or a comment: a client that converts byte or code point
// columns to UTF-16 may send such a position (Neovim does). The answer must
// be no exception, and no edit that would split the pair: an item without a
// text edit is inserted at the cursor, between the halves, and an edit's
// range must not start or end between them.
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';

const texts = [
  'calendar C {\n  timezone "Europe/😀Be"\n}\n',
  'calendar C {\n  timezone "😀"\n}\n',
  'calendar C {\n  timezone "😀\n}\n',
  'calendar C {\n  holidays "😀"\n}\n',
  'calendar C {\n  holidays from "😀.ics"\n}\n',
  'import "😀.sla"\n',
  '// a comment 😀 here\n',
  'calendar C { /* 😀 */ hours Mon-Fri 09:00-17:00 }\n',
  'calendar C {\n  /* 😀\n  */\n}\n',
  'agreement A {\n  title "😀 title"\n}\n',
  'metric M {\n  title "x😀"\n  clock C\n}\n',
  'severity S { description """😀""" }\n',
  'pause when status "😀"\n',
];

/** Every position between the halves of a surrogate pair in `text`. */
function betweenHalves(text: string): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, l) =>
    [...line].length === line.length ? [] : [...line.matchAll(/[\uDC00-\uDFFF]/g)].map((match) => ({ line: l, character: match.index! })),
  );
}

/** Whether applying `item` at `position` would split a pair: no edit (inserted at the cursor), or an edit ending there. */
function splitsPair(item: CompletionItem, position: { line: number; character: number }): boolean {
  const edit = item.textEdit;
  if (!edit) return true;
  const range = 'range' in edit ? edit.range : edit.replace;
  return [range.start, range.end].some((end) => end.line === position.line && end.character === position.character);
}

describe('completion between the halves of a surrogate pair', () => {
  it.each(texts)('%j: no exception, no edit between the halves', (text) => {
    const positions = betweenHalves(text);
    expect(positions.length).toBeGreaterThan(0);
    for (const position of positions) {
      const workspace = new SlaWorkspace();
      workspace.update('/virtual/emoji.sla', text);
      const items = completion(serviceDocument(workspace, '/virtual/emoji.sla', uriOfFile)!, position);
      expect(items.filter((item) => splitsPair(item, position)).map((item) => item.label)).toEqual([]);
    }
  });
});
