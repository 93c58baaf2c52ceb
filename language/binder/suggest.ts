/**
 * "Did you mean" suggestions for unknown names, shared by the binder, the
 * time-zone check and the language server's quick fixes.
 */

/**
 * Edit distance counting a swap of two neighbouring letters as one mistake
 * (optimal string alignment), because `Hihg` for `High` is one slip of the
 * fingers, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      row.push(distance);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The most edits a candidate may be from `name` to be suggested: about one
 * per three characters, and none for one character, which is one edit from
 * every other character.
 */
export function suggestionReach(name: string): number {
  return Math.min(Math.max(1, Math.floor(name.length / 3)), [...name].length - 1);
}

/**
 * The candidate the author most likely meant by `name`, or undefined when
 * none is close. A candidate equal to `name` but for case wins outright;
 * otherwise the nearest by edit distance (ignoring case), allowing about one
 * mistake per three characters, and none for a name of one character (`B`
 * is one edit from `A`, and from any other id or name of one character).
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameButCase = candidates.find((candidate) => candidate !== name && candidate.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  const limit = suggestionReach(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // The distance is at least the difference in length: past the limit, no need to work it out (a name of
    // 400,000 characters, as an NDJSON key may be, took seconds and hundreds of MB for nothing).
    const candidateLower = candidate.toLowerCase();
    if (Math.abs(candidateLower.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidateLower);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The message tail for a suggestion: ` Did you mean 'X'?` or nothing. */
export function suggestionHint(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
}
