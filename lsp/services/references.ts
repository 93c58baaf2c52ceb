import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { analysesAround, nameAt, namings, type ReadersOf } from './portfolio-params.js';
import { overrideFamily } from './symbol-at.js';

/**
 * Every reference to the declaration under the cursor, in this file, the
 * files it imports, the files that import it (`readersOf`) and the `with`
 * lines of the portfolios that use it. Overrides count as the same
 * declaration.
 */
export function references(
  document: ServiceDocument,
  position: Position,
  includeDeclaration: boolean,
  readersOf: ReadersOf = () => [],
): Location[] {
  const found = nameAt(document, position);
  if (!found) return [];
  const family = overrideFamily(found.declaration);
  return namings(analysesAround(document, found, readersOf), family, includeDeclaration).map(({ file, range }) => ({
    uri: document.uriOf(file),
    range,
  }));
}
