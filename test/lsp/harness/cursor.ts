import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol';

/** The repository root, from this file's folder (test/lsp/harness). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

export function example(name: string): string {
  return resolve(repoRoot, 'examples', name);
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export function readExample(name: string): string {
  return readFileSync(example(name), 'utf8');
}

/**
 * The position marked by `|` in a snippet of `text`: `at(text, 'clock
 * Busi|nessHours')` is the position between `Busi` and `nessHours` at the
 * first place the snippet (without the bar) occurs. Fails loudly when the
 * snippet is missing or not unique enough to be found.
 */
export function at(text: string, marked: string, occurrence = 1): Position {
  const bar = marked.indexOf('|');
  if (bar < 0) throw new Error(`cursor marker '|' missing in ${JSON.stringify(marked)}`);
  const snippet = marked.slice(0, bar) + marked.slice(bar + 1);
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`snippet ${JSON.stringify(snippet)} (occurrence ${occurrence}) not found`);
  }
  return positionAt(text, index + bar);
}

/** The range of the word starting at the `|` of a marked snippet: `word(text, 'metric |Resolution')`. */
export function word(text: string, marked: string): Range {
  const start = at(text, marked);
  const after = marked.slice(marked.indexOf('|') + 1);
  const length = /^[A-Za-z0-9_]*/.exec(after)![0].length;
  return { start, end: { line: start.line, character: start.character + length } };
}

/** The range of the first (or n-th) occurrence of `snippet` in `text`. */
export function rangeOfText(text: string, snippet: string, occurrence = 1): Range {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`snippet ${JSON.stringify(snippet)} not found`);
  }
  return { start: positionAt(text, index), end: positionAt(text, index + snippet.length) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The text a range covers. */
export function textIn(text: string, range: Range): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
