// Format Selection changes the selected lines and no others (LSP 3.17:
// rangeFormatting formats "a given range in a document"). The server used
// to take the changes of a line diff between the text and its whole
// formatting; the diff paired up blank lines, so selecting `param C` and
// the blank lines above it also reformatted `param A` and `param B`.
// Each row is a document, a selection and the text Format Selection must
// give; every row also checks that no edit reaches outside the selected
// lines and that the result formats to what the document formats to.
import { describe, expect, it } from 'vitest';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { serviceDocument } from '../../lsp/services/document.js';
import { formatRange } from '../../lsp/services/formatting.js';
import { formatText } from '../../lsp/services/language.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { applyEdits } from './harness/cursor.js';

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

const params = 'param  A "x"\nparam   B "y"\n\n\n\nparam C    "z"\n';
const calendar = 'calendar  X {\n    timezone   "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n';
const braceBelow = 'severity High\n{\n  default\n}\n';
const movedComment = 'severity High {\n  default\n}\n  // note about Low\n\n\nseverity Low {\n  description "x"\n}\n';

const rows: { name: string; text: string; range: Range; expected: string }[] = [
  {
    name: 'the blank lines and param C (lines 3 to the end)',
    text: params,
    range: range(3, 0, 6, 0),
    expected: 'param  A "x"\nparam   B "y"\n\nparam C "z"\n',
  },
  { name: 'the first line, ending mid-line', text: params, range: range(0, 0, 0, 5), expected: 'param A "x"\n\nparam   B "y"\n\n\n\nparam C    "z"\n' },
  { name: 'a middle line', text: params, range: range(1, 0, 2, 0), expected: 'param  A "x"\n\nparam B "y"\n\n\n\nparam C    "z"\n' },
  { name: 'two lines, starting and ending mid-line', text: params, range: range(0, 4, 1, 6), expected: 'param A "x"\n\nparam B "y"\n\n\n\nparam C    "z"\n' },
  { name: 'a CRLF document, lines 3 to the end', text: crlf(params), range: range(3, 0, 6, 0), expected: crlf('param  A "x"\nparam   B "y"\n\nparam C "z"\n') },
  { name: 'a CRLF document, a middle line ending mid-line', text: crlf(params), range: range(1, 2, 1, 3), expected: crlf('param  A "x"\n\nparam B "y"\n\n\n\nparam C    "z"\n') },
  { name: 'a line inside a block', text: calendar, range: range(1, 0, 1, 8), expected: 'calendar  X {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n' },
  { name: 'the last line, without a final line end', text: 'param  A "x"\nparam   B "y"', range: range(1, 0, 1, 3), expected: 'param  A "x"\n\nparam B "y"\n' },
  // `{` joins the line above, which is not selected: nothing can change
  { name: 'a `{` that belongs on an unselected line', text: braceBelow, range: range(1, 0, 1, 1), expected: braceBelow },
  { name: 'a `{` and the line it joins', text: braceBelow, range: range(0, 0, 1, 1), expected: 'severity High {\n  default\n}\n' },
  // the formatter moves the comment below the blank lines: selecting the
  // comment alone formats it without removing the unselected blank lines
  { name: 'a comment the formatter moves, alone', text: movedComment, range: range(3, 0, 3, 4), expected: 'severity High {\n  default\n}\n\n// note about Low\n\n\nseverity Low {\n  description "x"\n}\n' },
];

function formatSelection(text: string, selection: Range): TextEdit[] {
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/doc.sla', text);
  return formatRange(serviceDocument(workspace, '/virtual/doc.sla', uriOfFile)!, selection);
}

/** The lines of a text, each with its line end, as the LSP counts them. */
function linesWithEnds(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

/** The selected lines: a selection that ends at the start of a line does not take that line. */
function selectedLines(selection: Range): { first: number; last: number } {
  const { start, end } = selection;
  return { first: start.line, last: end.character === 0 && end.line > start.line ? end.line - 1 : end.line };
}

describe('Format Selection changes only the selected lines', () => {
  it.each(rows)('$name', ({ text, range: selection, expected }) => {
    const edits = formatSelection(text, selection);
    const { first, last } = selectedLines(selection);
    const lastLineOfText = linesWithEnds(text).length - 1;
    for (const edit of edits) {
      expect(edit.range.start.line, JSON.stringify(edit)).toBeGreaterThanOrEqual(first);
      const endsInside = edit.range.end.line <= last || (edit.range.end.line === last + 1 && edit.range.end.character === 0);
      expect(endsInside || edit.range.end.line === lastLineOfText, JSON.stringify(edit)).toBe(true);
    }
    const result = applyEdits(text, edits);
    const before = linesWithEnds(text);
    expect(result.startsWith(before.slice(0, first).join(''))).toBe(true);
    expect(result.endsWith(before.slice(last + 1).join(''))).toBe(true);
    expect(result).toBe(expected);
    expect(formatText(result, '/virtual/doc.sla').text).toBe(formatText(text, '/virtual/doc.sla').text);
  });
});
