import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import type { Analysis } from './language.js';
import { occurrences, overrideFamily, symbolAt } from './symbol-at.js';

/**
 * Every reference to the declaration under the cursor, in this file, the
 * files it imports and the open files that import it (`others`: analyses
 * of other open documents). Overrides count as the same declaration.
 */
export function references(
  document: ServiceDocument,
  position: Position,
  includeDeclaration: boolean,
  others: Analysis[] = [],
): Location[] {
  const found = symbolAt(document, position);
  if (!found) return [];
  const family = overrideFamily(found.declaration);
  return occurrences([document.analysis, ...others], family, includeDeclaration).map(({ file, range }) => ({
    uri: document.uriOf(file),
    range,
  }));
}
