import { LONE_SURROGATES, printableText } from '../../language/diagnostics/diagnostic.js';

/**
 * The first string value among `keys` of a parsed NDJSON row that holds
 * half of a character, with its key, and the value as a message shows it
 * (each lone half written `\u{d83d}`, as `printableText` writes it). Only a
 * `\u` escape can make one (the line was UTF-8, checked as it was read):
 * `"T-\ud83d"` parses to a string no UTF-8 writer can write, so the CSV and
 * text reports would print two such ids alike (U+FFFD), and a terminal
 * would too.
 */
export function loneSurrogateValue(row: Record<string, unknown>, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = Object.hasOwn(row, key) ? row[key] : undefined;
    if (typeof value !== 'string') continue;
    LONE_SURROGATES.lastIndex = 0;
    if (LONE_SURROGATES.test(value)) return { key, value: printableText(value) };
  }
  return undefined;
}
