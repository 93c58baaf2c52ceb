/**
 * The NDJSON row almost every log line is: one flat object of the log's own
 * keys, each given once, whose values are plain strings, whole numbers or
 * null, with no blanks between tokens (`{"ticket":"T-1","time":"...",...}`).
 * Such a line is read here straight into one reused values object, without
 * `JSON.parse` making an object per row and without scanning the line again
 * for repeated keys (a large log has millions of lines; docs/check.md
 * "Scale").
 *
 * Anything else (an escape, a blank, a nested value, `true`, a fraction, an
 * unknown or repeated key, a line that is not JSON) is declined, and the line
 * takes the general path: `JSON.parse`, then the duplicate and unknown key
 * checks. So this reader never decides an error; it only recognises lines
 * that the general path would read to exactly the same values. A test
 * compares both on many shapes of line.
 */

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN = 123; // {
const CLOSE = 125; // }
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
/** Whole numbers of at most 15 digits are exact in a double, as JSON.parse reads them. */
const MAX_DIGITS = 15;

export class FlatRowReader {
  /**
   * The values of the last line read: every key of the shape, undefined when
   * the line does not give it. Overwritten by the next line.
   */
  readonly values: Record<string, unknown>;
  private readonly keys: readonly string[];

  constructor(keys: readonly string[]) {
    if (keys.length > 31) throw new Error('FlatRowReader handles at most 31 keys');
    this.keys = keys;
    // Every key present from the start, so that the object's shape never changes.
    this.values = Object.fromEntries(keys.map((key) => [key, undefined]));
  }

  /** Reads `text` into `values`; false (values then undefined) when the line needs the general path. */
  read(text: string): boolean {
    const values = this.values;
    const keys = this.keys;
    for (let index = 0; index < keys.length; index++) values[keys[index]!] = undefined;
    const length = text.length;
    if (length < 2 || text.charCodeAt(0) !== OPEN || text.charCodeAt(1) === CLOSE) return false;
    let seen = 0;
    let at = 1;
    for (;;) {
      if (text.charCodeAt(at) !== QUOTE) return false;
      const keyEnd = endOfPlainString(text, at + 1);
      if (keyEnd < 0 || text.charCodeAt(keyEnd + 1) !== COLON) return false;
      const key = this.keyAt(text, at + 1, keyEnd - at - 1);
      if (key < 0 || (seen & (1 << key)) !== 0) return false;
      seen |= 1 << key;
      at = keyEnd + 2;
      const first = text.charCodeAt(at);
      let value: unknown;
      if (first === QUOTE) {
        const end = endOfPlainString(text, at + 1);
        if (end < 0) return false;
        value = text.slice(at + 1, end);
        at = end + 1;
      } else if (first === 110) {
        // n
        if (!text.startsWith('null', at)) return false;
        value = null;
        at += 4;
      } else {
        const negative = first === MINUS;
        const start = negative ? at + 1 : at;
        let end = start;
        let whole = 0;
        for (let code = text.charCodeAt(end); code >= ZERO && code <= NINE; code = text.charCodeAt(++end)) whole = whole * 10 + (code - ZERO);
        const digits = end - start;
        // JSON allows no leading zero (`012`); fractions and exponents go the general way.
        if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(start) === ZERO)) return false;
        value = negative ? -whole : whole;
        at = end;
      }
      values[keys[key]!] = value;
      const next = text.charCodeAt(at);
      if (next === COMMA) {
        at++;
        continue;
      }
      if (next === CLOSE && at + 1 === length) return true;
      return false;
    }
  }

  /** The index of the shape key spelled at `text[start, start + length)`, or -1. */
  private keyAt(text: string, start: number, length: number): number {
    const keys = this.keys;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (key.length === length && text.startsWith(key, start)) return index;
    }
    return -1;
  }
}

/**
 * The index of the quote that closes a string starting at `from` (just after
 * its opening quote), or -1 when the string has an escape or a control
 * character (which only the general path reads or rejects) or no end.
 */
function endOfPlainString(text: string, from: number): number {
  const length = text.length;
  for (let at = from; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) return at;
    if (code === BACKSLASH || code < 32) return -1;
  }
  return -1;
}
