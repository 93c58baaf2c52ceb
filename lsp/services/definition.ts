import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { linkedFileReadable, pathLinkAt } from './file-paths.js';
import { importAt } from './imports.js';
import { nameAt } from './portfolio-params.js';

/**
 * Where the name under the cursor is declared, across imports; on a
 * portfolio's `with NAME`, the param in the agreement its line uses. On the
 * name of an `override`, the declaration it replaces; on an import's path,
 * a portfolio's agreement path or a `holidays from` path, that file.
 */
export function definition(document: ServiceDocument, position: Position): Location[] {
  const found = nameAt(document, position);
  if (!found) {
    const link = pathLinkAt(document, position);
    const file = importAt(document, position)?.file ?? (link && linkedFileReadable(document, link.file) ? link.file : undefined);
    const start = { line: 0, character: 0 };
    return file ? [{ uri: document.uriOf(file), range: { start, end: start } }] : [];
  }
  let target = found.declaration;
  if (found.isDeclaration) {
    const replaced = target.overrides;
    if (!replaced) return [];
    target = Array.isArray(replaced) ? replaced[0] : replaced;
  }
  return [{ uri: document.uriOf(target.file), range: target.nameRange }];
}
