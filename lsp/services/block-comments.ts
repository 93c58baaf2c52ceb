/** Where the first line terminator (what a pattern's `.` does not match) in `text` from `from` to `to` is, or -1. */
function lineTerminatorIn(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return index;
  }
  return -1;
}

/**
 * The line before the cursor with each closed `/* ... *\/` as a space: a
 * comment between a word and the cursor (`clock /*x*\/ |`) must not hide
 * the word that says what comes next. Read left to right, as
 * `/\/\*.*?\*\//g` reads it, but once: the pattern ran from every `/*`
 * not closed on the line to the line's end (quadratic in their number).
 */
export function withoutBlockComments(prefix: string): string {
  let kept = '';
  let from = 0;
  let search = 0;
  for (;;) {
    const open = prefix.indexOf('/*', search);
    if (open < 0) break;
    const close = prefix.indexOf('*/', open + 2);
    // No `*/` after this `/*`: none after a later one either.
    if (close < 0) break;
    const lineEnd = lineTerminatorIn(prefix, open + 2, close);
    // A line end between them: no `/*` before it is closed; look after it.
    if (lineEnd >= 0) {
      search = lineEnd + 1;
      continue;
    }
    kept += `${prefix.slice(from, open)} `;
    from = search = close + 2;
  }
  return kept + prefix.slice(from);
}
