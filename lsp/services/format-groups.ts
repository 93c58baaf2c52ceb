import type { SlaToken } from './language.js';
import type { LineHunk } from './line-diff.js';

/**
 * The hunks of a formatting diff, gathered into groups that can be applied
 * on their own. The formatter keeps every token in order but may move one
 * across lines it leaves alone (a comment after `}` moves below the blank
 * lines before the next declaration): the diff then shows a deleting hunk
 * and an inserting hunk with equal lines between them. Applying one without
 * the other would lose or duplicate the comment, so the two are one group.
 *
 * Two neighbouring hunks are separate groups when some line boundary
 * between them is a clean cut: as many tokens before it in the old text as
 * in the formatted one, and no token (a text block, a block comment)
 * running across it in either.
 */
export function independentHunkGroups(hunks: LineHunk[], oldTokens: SlaToken[], newTokens: SlaToken[], oldLineCount: number, newLineCount: number): LineHunk[][] {
  const oldCuts = cutFacts(oldTokens, oldLineCount);
  const newCuts = cutFacts(newTokens, newLineCount);
  const isCleanCut = (oldLine: number, newLine: number): boolean =>
    oldCuts.tokensBefore[oldLine] === newCuts.tokensBefore[newLine] && !oldCuts.crossed[oldLine] && !newCuts.crossed[newLine];
  const groups: LineHunk[][] = [];
  let current: LineHunk[] = [];
  hunks.forEach((hunk, i) => {
    current.push(hunk);
    const next = hunks[i + 1];
    if (!next) return;
    // The lines between `hunk` and `next` are equal in both texts, so old and new line numbers move together.
    for (let line = hunk.to, newLine = hunk.newTo; line <= next.from; line++, newLine++) {
      if (!isCleanCut(line, newLine)) continue;
      groups.push(current);
      current = [];
      return;
    }
  });
  if (current.length) groups.push(current);
  return groups;
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
