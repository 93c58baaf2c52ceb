/** Lines `[from, to)` of the old text replaced by lines `[newFrom, newTo)` of the new one. */
export interface LineHunk {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

/** Above this many line pairs, the differing middle is one hunk rather than an exact diff. */
const MAX_CELLS = 4_000_000;

/**
 * The hunks that turn `before` into `after`, line by line: the common
 * start and end are kept, and the middle is compared with a longest common
 * subsequence (formatting changes lines in place, so hunks stay small).
 */
export function lineHunks(before: string[], after: string[]): LineHunk[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const n = endBefore - start;
  const m = endAfter - start;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [{ from: start, to: endBefore, newFrom: start, newTo: endAfter }];
  // lcs[i][j]: the common subsequence length of before[start+i..] and after[start+j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[start + i] === after[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  let open: LineHunk | undefined;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && before[start + i] === after[start + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { from: start + i, to: start + i, newFrom: start + j, newTo: start + j };
    if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) open.newTo = start + ++j;
    else open.to = start + ++i;
  }
  close();
  return hunks;
}
