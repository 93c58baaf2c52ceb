import type { NamedDeclaration, ReferenceKind } from '../syntax/ast.js';
import { rangeContains, type Position, type Range } from '../syntax/range.js';

export type { ReferenceKind } from '../syntax/ast.js';

export type DeclarationSymbolKind = 'agreement' | 'param' | 'calendar' | 'channel' | 'severity' | 'metric';

/** A named declaration of one file. */
export interface DeclarationSymbol {
  kind: DeclarationSymbolKind;
  name: string;
  file: string;
  /** The range of the name, where rename and go-to-definition land. */
  nameRange: Range;
  /** The whole declaration. */
  range: Range;
  declaration: NamedDeclaration;
  /** The imported declaration this one replaces (`override`). */
  overrides?: DeclarationSymbol;
  /** The declaration that replaces this one in the analysed agreement. */
  overriddenBy?: DeclarationSymbol;
}

/** A name used where a declaration of kind `expects` is wanted. */
export interface ReferenceSymbol {
  file: string;
  range: Range;
  name: string;
  expects: ReferenceKind;
  /** The declaration it resolves to, overrides applied; absent when unknown or of another kind. */
  target?: DeclarationSymbol;
}

/** Every declaration and reference of an analysis, for the checker and the language server. */
export interface SymbolIndex {
  declarations: DeclarationSymbol[];
  references: ReferenceSymbol[];
  /** The declaration whose name is at `position`. */
  declarationAt(file: string, position: Position): DeclarationSymbol | undefined;
  /** The reference at `position`. */
  referenceAt(file: string, position: Position): ReferenceSymbol | undefined;
  /** Every reference that resolves to `declaration`, across all files. */
  referencesTo(declaration: DeclarationSymbol): ReferenceSymbol[];
  /** The declarations in scope in `file` (its own and imported ones, overrides applied). */
  visibleDeclarations(file: string, kind?: DeclarationSymbolKind): DeclarationSymbol[];
}

/** Follows `overriddenBy` to the declaration that is in force. */
export function inForce(symbol: DeclarationSymbol): DeclarationSymbol {
  if (!symbol.overriddenBy) return symbol;
  let current = symbol;
  const seen = new Set<DeclarationSymbol>();
  while (current.overriddenBy && !seen.has(current)) {
    seen.add(current);
    current = current.overriddenBy;
  }
  return current;
}

/** The symbol index over the bound declarations and references; `visibleIn` gives a file's scope. */
export function createSymbolIndex(
  declarations: DeclarationSymbol[],
  references: ReferenceSymbol[],
  visibleIn: (file: string) => DeclarationSymbol[],
): SymbolIndex {
  return {
    declarations,
    references,
    declarationAt: (file, position) =>
      declarations.find((symbol) => symbol.file === file && rangeContains(symbol.nameRange, position)),
    referenceAt: (file, position) =>
      references.find((reference) => reference.file === file && rangeContains(reference.range, position)),
    referencesTo: (declaration) => references.filter((reference) => reference.target === declaration),
    visibleDeclarations: (file, kind) => {
      const visible = [...new Set(visibleIn(file).map(inForce))];
      return kind ? visible.filter((symbol) => symbol.kind === kind) : visible;
    },
  };
}
