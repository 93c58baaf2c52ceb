import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ServiceDocument } from './document.js';
import { independentHunkGroups } from './format-groups.js';
import { formatKeepingLineEndings, lineEndingOf, parseDocument } from './language.js';
import { lineHunks, type LineHunk } from './line-diff.js';
import { splitLines, splitLinesWithEnds } from './lines.js';

/**
 * The edits that format a document exactly as `slac fmt` does, line
 * endings included: one edit replacing the whole text, or none when the
 * text is already formatted or has syntax errors (formatting broken text
 * could lose what was typed).
 */
export function formatDocument(document: ServiceDocument): TextEdit[] {
  const result = formatKeepingByteOrderMark(document.text, document.file);
  if (result.diagnostics.some((d) => d.severity === 'error') || !result.changed) return [];
  return [{ range: wholeText(document.text), newText: result.text }];
}

/**
 * The edits that format the lines of `range` (Format Selection, Neovim's
 * `gq`): the changes `slac fmt` makes to the whole text, kept where they
 * touch those lines. A change that moves a comment past lines it leaves
 * alone is kept whole, both ends, even when only one end is selected (see
 * `independentHunkGroups`), so that the result never loses or repeats a
 * comment and formats to what the whole document formats to. A selection
 * that ends at the start of a line does not take that line. None when the
 * text has syntax errors.
 */
export function formatRange(document: ServiceDocument, range: Range): TextEdit[] {
  const result = formatKeepingByteOrderMark(document.text, document.file);
  if (result.diagnostics.some((d) => d.severity === 'error') || !result.changed) return [];
  const before = splitLines(document.text);
  const after = splitLines(result.text);
  const eol = lineEndingOf(document.text);
  const first = range.start.line;
  const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const touches = (hunk: LineHunk): boolean => (hunk.from === hunk.to ? hunk.from >= first && hunk.from <= last + 1 : hunk.from <= last && hunk.to > first);
  const hunks = lineHunks(splitLinesWithEnds(document.text), splitLinesWithEnds(result.text));
  const groups = independentHunkGroups(hunks, document.parse.tokens, parseDocument(result.text, document.file).tokens, before.length, after.length);
  return groups.filter((group) => group.some(touches)).flat().map((hunk) => hunkEdit(hunk, before, after, eol));
}

/**
 * `formatKeepingLineEndings` (what `slac fmt` writes), keeping a leading
 * U+FEFF (byte order mark) where it is: the formatter reads it as white
 * space and drops it, but it is the file's encoding mark, not layout, and
 * `slac fmt` leaves it in a formatted file (its reader decodes it away, so
 * the text it formats never has one).
 */
function formatKeepingByteOrderMark(text: string, file: string): ReturnType<typeof formatKeepingLineEndings> {
  if (!text.startsWith(BYTE_ORDER_MARK)) return formatKeepingLineEndings(text, file);
  const result = formatKeepingLineEndings(text.slice(BYTE_ORDER_MARK.length), file);
  return { ...result, text: BYTE_ORDER_MARK + result.text };
}

const BYTE_ORDER_MARK = '\uFEFF';

/** The edit that replaces the old lines of `hunk` with its formatted lines. */
function hunkEdit(hunk: LineHunk, before: string[], after: string[], eol: string): TextEdit {
  const lines = after.slice(hunk.newFrom, hunk.newTo);
  if (hunk.to < before.length) {
    return { range: { start: { line: hunk.from, character: 0 }, end: { line: hunk.to, character: 0 } }, newText: lines.map((l) => l + eol).join('') };
  }
  // The hunk reaches the last line, which has no line end to replace up to.
  const lastLine = before.length - 1;
  const start = hunk.from === 0 ? { line: 0, character: 0 } : { line: hunk.from - 1, character: before[hunk.from - 1]!.length };
  return { range: { start, end: { line: lastLine, character: before[lastLine]!.length } }, newText: (hunk.from === 0 ? '' : eol) + lines.join(eol) };
}

function wholeText(text: string): TextEdit['range'] {
  const lines = splitLines(text);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
