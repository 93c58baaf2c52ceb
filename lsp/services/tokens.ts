import type { Position } from '../../language/syntax/range.js';
import { comparePositions } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import type { SlaToken } from './language.js';

/** The token under the cursor (a cursor just after a word counts as on it). */
export function tokenAt(document: ServiceDocument, position: Position): SlaToken | undefined {
  const tokens = document.parse.tokens ?? [];
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle]!;
    if (comparePositions(token.range.end, position) < 0) low = middle + 1;
    else if (comparePositions(token.range.start, position) > 0) high = middle - 1;
    else return token;
  }
  return undefined;
}
