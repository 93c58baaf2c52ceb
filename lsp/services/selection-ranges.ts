import type { SelectionRange } from 'vscode-languageserver-types';
import type { Position, Range } from '../../language/syntax/range.js';
import { comparePositions, rangeContains } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { splitLines } from './lines.js';
import { tokenAt } from './tokens.js';

/**
 * Expand Selection: from the word under the cursor to each syntax node
 * around it (a value, a statement, a block, a declaration), then the whole
 * document. Nodes with the same range count once; a position outside the
 * text is taken as the nearest one inside it.
 */
export function selectionRanges(document: ServiceDocument, positions: Position[]): SelectionRange[] {
  const lines = splitLines(document.text);
  const whole: SelectionRange = {
    range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } },
  };
  return positions.map((asked) => {
    const position = clampToText(asked, lines);
    const ranges = enclosingRanges(document.parse.document, position);
    const token = tokenAt(document, position);
    if (token) ranges.push(token.range);
    ranges.sort((a, b) => size(b, a));
    let parent = whole;
    for (const range of ranges) {
      if (sameRange(range, parent.range) || !contains(parent.range, range)) continue;
      parent = { range, parent };
    }
    return parent === whole && !token ? { range: { start: position, end: position }, parent: whole } : parent;
  });
}

/**
 * The nearest position inside the text: an answer must be a range of the
 * document, even for a position past its end (a client whose buffer ran
 * ahead of the server's, or one that is simply wrong).
 */
function clampToText(position: Position, lines: string[]): Position {
  const line = Math.min(Math.max(position.line, 0), lines.length - 1);
  return { line, character: Math.min(Math.max(position.character, 0), lines[line]!.length) };
}

/** The ranges of every syntax node that contains `position`, found by walking the tree. */
function enclosingRanges(node: unknown, position: Position, found: Range[] = []): Range[] {
  if (!node || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const child of node) enclosingRanges(child, position, found);
    return found;
  }
  const range = (node as { range?: Range }).range;
  if (isRange(range)) {
    if (!rangeContains(range, position)) return found;
    found.push(range);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'range' && value && typeof value === 'object') enclosingRanges(value, position, found);
  }
  return found;
}

function isRange(value: unknown): value is Range {
  const range = value as Range | undefined;
  return !!range && typeof range.start?.line === 'number' && typeof range.end?.line === 'number';
}

/** Orders larger ranges first: positive when `b` is larger than `a`... for `sort((a, b) => size(b, a))`. */
function size(a: Range, b: Range): number {
  return comparePositions(b.start, a.start) || comparePositions(a.end, b.end);
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
