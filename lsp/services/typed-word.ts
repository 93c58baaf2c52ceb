/**
 * The word being typed before the cursor, which a completion's edit
 * replaces. Found by stepping back from the cursor, one step a character:
 * a pattern anchored at the end (`/[\w./+-]*$/`) is retried by the regex
 * engine from every start in a run of word characters that the cursor
 * does not end, which is quadratic in the run (a line of 100,000 letters
 * and a space took up to a minute to complete on).
 */

const IDENTIFIER_START = /^[A-Za-z_]$/;
const IDENTIFIER_PART = /^[A-Za-z0-9_]$/;

/** Where the run of characters that `inRun` accepts, ending at the end of `text`, starts (`text.length` when there is none). */
export function trailingRunStart(text: string, inRun: (character: string) => boolean): number {
  let start = text.length;
  while (start > 0 && inRun(text[start - 1]!)) start--;
  return start;
}

/** The line before the cursor without the identifier being typed at its end (`clock Busi` → `clock `; `x 12ab` → `x 12`). */
export function withoutTypedIdentifier(prefix: string): string {
  let start = trailingRunStart(prefix, (character) => IDENTIFIER_PART.test(character));
  // An identifier starts with a letter or `_`: leading digits of the run stay.
  while (start < prefix.length && !IDENTIFIER_START.test(prefix[start]!)) start++;
  return prefix.slice(0, start);
}
