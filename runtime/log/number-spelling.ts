/**
 * A JSON number in a log row whose text is not the plain decimal text of
 * the value JSON reads (`7.0`, `7e0` and `7.0000000000000001` all read as
 * 7; `-0` as 0). Where a number is an id, two spellings of one value would
 * silently make two rows one ticket's, so the general NDJSON path hands such
 * a number on as this, for the row's check to refuse with what was written.
 */
export class NumberSpelling {
  constructor(
    /** The number as the line writes it. */
    readonly written: string,
    /** What JSON reads it as. */
    readonly value: number,
  ) {}
}

/**
 * The spelling of `value` (a JSON number written `written` on its line),
 * or undefined when `written` is the value's own text. A whole number too
 * large to be exact is left as the number, which the check refuses as such.
 */
export function spellingOf(value: number, written: string): NumberSpelling | undefined {
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return undefined;
  return written === String(value) ? undefined : new NumberSpelling(written, value);
}
