/**
 * What `JSON.parse` does not say about an NDJSON row: which keys it gives
 * twice (it keeps the last of `{"ticket":"A","ticket":"B"}` without a word;
 * a log row that says two things must be an error, as a CSV header naming a
 * column twice is), and how a number was written.
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
  let repeated: string | undefined;
  eachTopLevelKey(text, (key) => {
    if (seen.has(key)) repeated = key;
    seen.add(key);
    return repeated !== undefined;
  });
  return repeated;
}

/**
 * The text of the number that `text` (one line of valid JSON, an object
 * whose keys are each given once) gives as the value of `key` at its top
 * level, exactly as written (`7.0`, `1e3`, `-0`), or undefined when the
 * key is absent or its value is no number. `JSON.parse` keeps only the
 * value, which is not enough where two spellings must not mean one id.
 */
export function numberTextOf(text: string, key: string): string | undefined {
  let written: string | undefined;
  eachTopLevelKey(text, (name, valueStart) => {
    if (name !== key) return false;
    if (valueStart < 0) return true;
    let end = valueStart;
    while (end < text.length && NUMBER_CHARACTERS.test(text[end]!)) end++;
    if (end > valueStart) written = text.slice(valueStart, end);
    return true;
  });
  return written;
}

/** The characters a JSON number is written with. */
const NUMBER_CHARACTERS = /[-+.0-9eE]/;

/**
 * Calls `visit` with each key of the outermost object of valid JSON text
 * and where its value starts (after the colon and any blanks), until
 * `visit` returns true.
 */
function eachTopLevelKey(text: string, visit: (key: string, valueStart: number) => boolean): void {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const end = endOfString(text, at);
      const colon = depth === 1 ? nextNonSpaceAt(text, end + 1) : -1;
      if (colon >= 0 && text[colon] === ':') {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (visit(key, nextNonSpaceAt(text, colon + 1))) return;
      }
      at = end;
    } else if (code === 123 || code === 91) depth++; // { [
    else if (code === 125 || code === 93) depth--; // } ]
  }
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

/** Where the first character after `from` that is not a JSON blank is; -1 when there is none. */
function nextNonSpaceAt(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const character = text[at]!;
    if (character !== ' ' && character !== '\t' && character !== '\r' && character !== '\n') return at;
  }
  return -1;
}
