/** One span of an old text replaced by new text: `[start, oldEnd)` in the old text is `[start, newEnd)` in the new one. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** New length minus old length: how far everything after the edit moved. */
  delta: number;
}

/** The one span of an old text replaced to give a new one (the shortest); undefined when the texts are equal. */
export function textEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  while (common < shorter - start && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
  return { start, oldEnd: before.length - common, newEnd: after.length - common, delta: after.length - before.length };
}
