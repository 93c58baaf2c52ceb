import type { SlaToken } from './language.js';

/** Lines `[from, to)` of the old text that format, on their own, to lines `[newFrom, newTo)` of the formatted one. */
export interface AlignedLines {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/**
 * The largest run of lines within `[first, last]` of the old text that can
 * be replaced by its formatting without touching any other line, with the
 * formatted lines to put there; undefined when there is none.
 *
 * The formatter keeps every token in order and changes only the layout
 * between them, so the texts line up at token boundaries: a line boundary
 * of the old text with k tokens before it corresponds to a boundary of the
 * formatted text with k tokens before it, when no token (a text block, a
 * block comment) runs across either. Lines between two such boundaries
 * hold the same tokens in both texts, so replacing them keeps every token
 * exactly once. A selection edge with no such boundary (`{` on its own
 * line that the formatter joins to the unselected line above) moves
 * inwards to the nearest one that has.
 *
 * Between two tokens there may be several boundaries (blank lines): the
 * old ones before the start, and after the end, stay as they are, so the
 * formatted blank lines are taken from the far side of the run, as many as
 * are not left outside the selection.
 */
export function alignSelection(oldTokens: SlaToken[], newTokens: SlaToken[], oldLineCount: number, newLineCount: number, first: number, last: number): AlignedLines | undefined {
  const oldGaps = cleanBoundaryRuns(oldTokens, oldLineCount);
  const newGaps = cleanBoundaryRuns(newTokens, newLineCount);
  const counterpart = (boundary: number) => {
    const old = oldGaps.runAt(boundary);
    const formatted = old && newGaps.runOf(old.tokensBefore);
    return old && formatted ? { old, formatted } : undefined;
  };
  let from = first;
  while (from <= last && !counterpart(from)) from++;
  let to = last + 1;
  while (to > from && !counterpart(to)) to--;
  if (to <= from) return undefined;
  const start = counterpart(from)!;
  const end = counterpart(to)!;
  const newFrom = Math.min(start.formatted.to, start.formatted.from + (from - start.old.from));
  const newTo = Math.max(end.formatted.from, end.formatted.to - (end.old.to - to), newFrom);
  return { from, to, newFrom, newTo };
}

/** Boundaries `[from, to]` (boundary i is before line i), all with `tokensBefore` tokens before them and no token across them. */
interface BoundaryRun {
  tokensBefore: number;
  from: number;
  to: number;
}

/** The clean boundaries of a text, grouped by how many tokens come before them (such boundaries are consecutive). */
function cleanBoundaryRuns(tokens: SlaToken[], lineCount: number): { runAt(boundary: number): BoundaryRun | undefined; runOf(tokensBefore: number): BoundaryRun | undefined } {
  const { tokensBefore, crossed } = cutFacts(tokens, lineCount);
  const runs = new Map<number, BoundaryRun>();
  for (let boundary = 0; boundary <= lineCount; boundary++) {
    if (crossed[boundary]) continue;
    const count = tokensBefore[boundary]!;
    const run = runs.get(count);
    if (run) run.to = boundary;
    else runs.set(count, { tokensBefore: count, from: boundary, to: boundary });
  }
  return {
    runAt: (boundary) => (boundary >= 0 && boundary <= lineCount && !crossed[boundary] ? runs.get(tokensBefore[boundary]!) : undefined),
    runOf: (count) => runs.get(count),
  };
}

/** For each line boundary (before line i, i = 0..lineCount): how many tokens start before it, and whether a token runs across it. */
function cutFacts(tokens: SlaToken[], lineCount: number): { tokensBefore: number[]; crossed: boolean[] } {
  const tokensBefore = new Array<number>(lineCount + 1).fill(0);
  const crossed = new Array<boolean>(lineCount + 1).fill(false);
  for (const token of tokens) {
    const { start, end } = token.range;
    if (start.line + 1 <= lineCount) tokensBefore[start.line + 1]! += 1;
    for (let line = start.line + 1; line <= Math.min(end.line, lineCount); line++) crossed[line] = true;
  }
  for (let line = 1; line <= lineCount; line++) tokensBefore[line]! += tokensBefore[line - 1]!;
  return { tokensBefore, crossed };
}
