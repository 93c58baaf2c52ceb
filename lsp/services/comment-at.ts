import type { Position } from '../../language/syntax/range.js';
import { LineMap, tokenizePart } from './language.js';

/**
 * Whether `position` is inside a comment: a line comment up to its line
 * end, a block comment up to its closing `*\/`, and an unterminated one to
 * the end of the file. The text before the cursor is lexed afresh rather
 * than read from the parse, because completion may answer from the parse
 * of a few keystrokes ago (`recentAnalysisOf`), which has not seen the
 * `//` just typed; and the text before the cursor alone decides it.
 */
export function insideComment(text: string, position: Position): boolean {
  const offset = new LineMap(text).offsetAt(position);
  const last = tokenizePart(text, 0, offset).comments.at(-1);
  // A comment that ends before the cursor is behind it: code (or a line end) comes between.
  if (!last || last.startOffset + last.image.length !== offset) return false;
  return last.image.startsWith('//') || !isClosedBlockComment(last.image);
}

/** `/* ... *\/` with both ends: a cursor right after it is outside. (`/*\/` opens one and does not close it.) */
function isClosedBlockComment(image: string): boolean {
  return image.length >= 4 && image.endsWith('*/');
}
