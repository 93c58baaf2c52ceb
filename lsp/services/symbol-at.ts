import type { Position, Range } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import type { Analysis, DeclarationSymbol } from './language.js';

/** The name under the cursor and the declaration it is, or refers to. */
export interface SymbolAtCursor {
  declaration: DeclarationSymbol;
  /** The range of the name under the cursor. */
  range: Range;
  /** True on the declaration's own name, false on a reference. */
  isDeclaration: boolean;
}

/** The declared name under the cursor, or a resolved reference to one. */
export function symbolAt(document: ServiceDocument, position: Position): SymbolAtCursor | undefined {
  const symbols = document.analysis.symbols;
  const declaration = symbols.declarationAt(document.file, position);
  if (declaration && rangeContains(declaration.nameRange, position)) {
    return { declaration, range: declaration.nameRange, isDeclaration: true };
  }
  const reference = symbols.referenceAt(document.file, position);
  if (reference?.target) return { declaration: reference.target, range: reference.range, isDeclaration: false };
  return undefined;
}

/** Identifies one declaration across analyses, which each build their own symbols. */
export function declarationKey(declaration: DeclarationSymbol): string {
  const { line, character } = declaration.nameRange.start;
  return `${declaration.kind}|${declaration.name}|${declaration.file}|${line}:${character}`;
}

/**
 * A declaration and every declaration tied to it by `override` (the one it
 * replaces and the ones replacing it), which must keep the same name.
 */
export function overrideFamily(declaration: DeclarationSymbol): DeclarationSymbol[] {
  const family = new Map<string, DeclarationSymbol>();
  const queue = [declaration];
  while (queue.length > 0) {
    const next = queue.pop()!;
    const key = declarationKey(next);
    if (family.has(key)) continue;
    family.set(key, next);
    queue.push(...asList(next.overrides), ...asList(next.overriddenBy));
  }
  return [...family.values()];
}

function asList<T>(value: T | readonly T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as T[])] : [value as T];
}

/** Every place naming any of `declarations` in any of the analyses, without repeats. */
export function occurrences(
  analyses: Analysis[],
  declarations: DeclarationSymbol[],
  includeDeclarations: boolean,
): { file: string; range: Range }[] {
  const wanted = familyAcross(analyses, declarations);
  const seen = new Set<string>();
  const result: { file: string; range: Range }[] = [];
  const add = (file: string, range: Range) => {
    const key = `${file}|${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ file, range });
  };
  for (const analysis of analyses) {
    for (const declaration of analysis.symbols.declarations) {
      if (!wanted.has(declarationKey(declaration))) continue;
      if (includeDeclarations) add(declaration.file, declaration.nameRange);
      for (const reference of analysis.symbols.referencesTo(declaration)) add(reference.file, reference.range);
    }
  }
  return result;
}

/**
 * The keys of `declarations` and their override families as every analysis
 * sees them: corporate.sla's own analysis does not know that finance.sla
 * overrides its metric, finance.sla's does.
 */
function familyAcross(analyses: Analysis[], declarations: DeclarationSymbol[]): Set<string> {
  const wanted = new Set(declarations.flatMap(overrideFamily).map(declarationKey));
  let grew = true;
  while (grew) {
    grew = false;
    for (const analysis of analyses) {
      for (const declaration of analysis.symbols.declarations) {
        if (!wanted.has(declarationKey(declaration))) continue;
        for (const member of overrideFamily(declaration)) {
          const key = declarationKey(member);
          if (!wanted.has(key)) {
            wanted.add(key);
            grew = true;
          }
        }
      }
    }
  }
  return wanted;
}
