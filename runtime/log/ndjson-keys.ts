/**
 * Duplicate keys in an NDJSON row. `JSON.parse` keeps the last of
 * `{"ticket":"A","ticket":"B"}` without a word; a log row that says two
 * things must be an error, as a CSV header naming a column twice is.
 */

const QUOTE = 34; // "

/**
 * The first key that `text` (one line, already parsed into `row`) gives
 * more than once at its top level, or undefined.
 *
 * Fast path: in a flat row without escaped quotes, every string token is a
 * key or a text value of `row`, two quotes each. A line with more quotes
 * than that has a repeated key, a nested value or an escaped quote, and
 * only then is it scanned token by token.
 */
export function duplicateKey(text: string, row: Record<string, unknown>): string | undefined {
  let expected = 0;
  for (const key in row) expected += typeof row[key] === 'string' ? 4 : 2;
  let quotes = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) quotes++;
  return quotes === expected ? undefined : firstRepeatedTopLevelKey(text);
}

/** Walks valid JSON text, collecting the keys of the outermost object. */
function firstRepeatedTopLevelKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = endOfString(text, at);
      if (depth === 1 && nextNonSpace(text, end + 1) === ':') {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (seen.has(key)) return key;
        seen.add(key);
      }
      at = end;
    } else if (code === 123 || code === 91) depth++; // { [
    else if (code === 125 || code === 93) depth--; // } ]
  }
  return undefined;
}

/** The index of the quote closing the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++; // backslash: skip the escaped character
    else if (code === QUOTE) return at;
  }
  return text.length;
}

function nextNonSpace(text: string, from: number): string | undefined {
  for (let at = from; at < text.length; at++) {
    const character = text[at]!;
    if (character !== ' ' && character !== '\t' && character !== '\r' && character !== '\n') return character;
  }
  return undefined;
}
