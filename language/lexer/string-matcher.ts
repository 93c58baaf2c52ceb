import type { CustomPatternMatcherReturn } from 'chevrotain';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A one-line string at `offset`: a quote, then characters other than a
 * quote, a backslash or a line break, or a backslash and any character but
 * a line break. `closed`: up to and with the closing quote, or null when
 * the line or the text ends first. Not closed: up to where the line or the
 * text ends (with a backslash just before it), or up to the quote. A loop
 * over char codes, so that a string of any length takes no stack.
 */
export function matchOneLineString(text: string, offset: number, closed: boolean): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  let at = offset + 1;
  for (;;) {
    const code = text.charCodeAt(at); // NaN past the end
    if (code === QUOTE) return closed ? [text.slice(offset, at + 1)] : [text.slice(offset, at)];
    if (Number.isNaN(code) || code === CR || code === LF) break;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      if (Number.isNaN(next) || next === CR || next === LF) {
        // `\\?`: a backslash the line ends after belongs to the unclosed string.
        at += 1;
        break;
      }
      at += 2;
    } else at += 1;
  }
  return closed ? null : [text.slice(offset, at)];
}
