/**
 * `text.trim()`, skipping the copy when no blank can be at either end.
 * The shortcut looks only at characters from `!` to U+009F: `trim()` also
 * takes off U+00A0, U+2028, U+FEFF and the other Unicode blanks, and a
 * shortcut that kept them would make `\u00a0T1` and `\u00a0T1 ` two
 * tickets, and a ticket that `slac explain` (which trims its argument)
 * cannot find.
 */
export function trimmedText(text: string): string {
  const last = text.length - 1;
  if (last >= 0 && isNeverBlank(text.charCodeAt(0)) && isNeverBlank(text.charCodeAt(last))) return text;
  return text.trim();
}

function isNeverBlank(code: number): boolean {
  return code > 32 && code < 0xa0;
}
