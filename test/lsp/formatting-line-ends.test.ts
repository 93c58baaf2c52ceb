// Formatting keeps the document's line endings, as `slac fmt` does (the
// two share `formatKeepingLineEndings`): a formatted CRLF document gets no
// edit, a messy one gets CRLF text, and a block comment's own CRLFs do not
// gain a CR. Each row is a document; the whole-document edit and the
// edits for a selection of every line must give the same text.
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { serviceDocument } from '../../lsp/services/document.js';
import { formatDocument, formatRange } from '../../lsp/services/formatting.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { applyEdits } from './harness/cursor.js';

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
const tidy = 'calendar X {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n';
const messy = 'calendar  X {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n';
const comment = '/* a\n b */\n';
const commentedMessy = `${comment}calendar X { timezone "UTC" hours Mon-Fri 09:00-17:00 }\n`;

function documentOf(text: string) {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/line-ends.sla', text);
  return serviceDocument(workspace, '/virtual/line-ends.sla', uriOfFile)!;
}

function everyLine(text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}

/** A document and what formatting it must give (the same text: no edit at all). */
const documents: { name: string; text: string; formatted: string }[] = [
  { name: 'a formatted CRLF document', text: crlf(tidy), formatted: crlf(tidy) },
  { name: 'a messy CRLF document', text: crlf(messy), formatted: crlf(tidy) },
  { name: 'a messy CRLF document with a two-line block comment', text: crlf(commentedMessy), formatted: crlf(comment + tidy) },
  { name: 'a formatted CRLF document with a two-line block comment', text: crlf(comment + tidy), formatted: crlf(comment + tidy) },
  { name: 'a CRLF first line and LF after it', text: `${crlf(messy).split('\r\n')[0]}\r\n${messy.split('\n').slice(1).join('\n')}`, formatted: crlf(tidy) },
  { name: 'a messy LF document', text: messy, formatted: tidy },
  { name: 'a formatted LF document with a two-line block comment', text: comment + tidy, formatted: comment + tidy },
];

describe('formatting keeps the line endings', () => {
  it.each(documents)('$name: the whole document', ({ text, formatted }) => {
    const edits = formatDocument(documentOf(text));
    if (text === formatted) expect(edits).toEqual([]);
    expect(applyEdits(text, edits)).toBe(formatted);
    expect(formatDocument(documentOf(formatted))).toEqual([]);
  });

  it.each(documents)('$name: every line selected', ({ text, formatted }) => {
    const edits = formatRange(documentOf(text), everyLine(text));
    if (text === formatted) expect(edits).toEqual([]);
    expect(applyEdits(text, edits)).toBe(formatted);
  });
});
