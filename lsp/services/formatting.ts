import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ServiceDocument } from './document.js';
import { alignSelection, type AlignedLines } from './format-alignment.js';
import { formatKeepingLineEndings, parseDocument } from './language.js';
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
 * `gq`) and no other line: the selected lines are replaced by what
 * `slac fmt` makes of them, lined up token by token with the whole
 * formatted text (see `alignSelection`), so that the result keeps every
 * token and comment exactly once and formats to what the whole document
 * formats to. Lines the formatter would change only together with an
 * unselected line (`{` it joins to the line above) are left as they are.
 * A selection that ends at the start of a line does not take that line.
 * None when the text has syntax errors.
 */
export function formatRange(document: ServiceDocument, range: Range): TextEdit[] {
  const result = formatKeepingByteOrderMark(document.text, document.file);
  if (result.diagnostics.some((d) => d.severity === 'error') || !result.changed) return [];
  const before = splitLinesWithEnds(document.text);
  const after = splitLinesWithEnds(result.text);
  const first = Math.min(range.start.line, before.length - 1);
  const last = Math.min(range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line, before.length - 1);
  const aligned = alignSelection(document.parse.tokens, parseDocument(result.text, document.file).tokens, before.length, after.length, first, last);
  if (!aligned) return [];
  // Smaller edits than one for the whole run: an editor keeps the cursor and marks on lines that do not change.
  return lineHunks(before.slice(aligned.from, aligned.to), after.slice(aligned.newFrom, aligned.newTo)).map((hunk) =>
    hunkEdit(hunk, aligned, before, after),
  );
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

/**
 * The edit that replaces old lines `[from, to)` of `hunk` (counted from
 * `aligned.from`) with its formatted lines. The lines carry their line
 * ends, and the old text's last line has none: a hunk that reaches it
 * ends at the end of the text rather than at the start of a next line.
 */
function hunkEdit(hunk: LineHunk, aligned: AlignedLines, before: string[], after: string[]): TextEdit {
  const from = aligned.from + hunk.from;
  const to = aligned.from + hunk.to;
  const end = to < before.length ? { line: to, character: 0 } : { line: before.length - 1, character: before[before.length - 1]!.length };
  const newText = after.slice(aligned.newFrom + hunk.newFrom, aligned.newFrom + hunk.newTo).join('');
  return { range: { start: { line: from, character: 0 }, end }, newText };
}

function wholeText(text: string): TextEdit['range'] {
  const lines = splitLines(text);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
