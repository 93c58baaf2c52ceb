/**
 * Half of a surrogate pair with no other half: a high surrogate not followed
 * by a low one, or a low one not preceded by a high one.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The first string value among `keys` of a parsed NDJSON row that holds
 * half of a character, with its key, and the value as a message shows it
 * (each lone half written `\u{d83d}`). Only a `\u` escape can make one (the
 * line was UTF-8, checked as it was read): `"T-\ud83d"` parses to a string
 * no UTF-8 writer can write, so the CSV and text reports would print two
 * such ids alike (U+FFFD), and a terminal would too.
 */
export function loneSurrogateValue(row: Record<string, unknown>, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = Object.hasOwn(row, key) ? row[key] : undefined;
    if (typeof value !== 'string') continue;
    LONE_SURROGATE.lastIndex = 0;
    if (!LONE_SURROGATE.test(value)) continue;
    return { key, value: value.replace(LONE_SURROGATE, (half) => `\\u{${half.charCodeAt(0).toString(16)}}`) };
  }
  return undefined;
}
