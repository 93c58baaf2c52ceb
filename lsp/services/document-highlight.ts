import type { DocumentHighlight } from 'vscode-languageserver-types';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { occurrences, overrideFamily, symbolAt } from './symbol-at.js';

/**
 * The places in this file that name the same declaration as the name under
 * the cursor: the declaration (and an override of it) as a write, every
 * reference as a read.
 */
export function documentHighlights(document: ServiceDocument, position: Position): DocumentHighlight[] {
  const found = symbolAt(document, position);
  if (!found) return [];
  const family = overrideFamily(found.declaration);
  const declared = new Set(
    family.filter((d) => d.file === document.file).map((d) => `${d.nameRange.start.line}:${d.nameRange.start.character}`),
  );
  return occurrences([document.analysis], family, true)
    .filter(({ file }) => file === document.file)
    .map(({ range }) => ({
      range,
      kind: declared.has(`${range.start.line}:${range.start.character}`) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
