import type { DeclarationSymbol } from '../binder/symbols.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration, Reference } from '../syntax/ast.js';
import { createCheckContext, type CheckContext } from './context.js';

/** One name a declaration's checks resolved, and what it resolved to then. */
interface Lookup {
  reference: Reference | undefined;
  symbol: DeclarationSymbol | undefined;
}

interface CheckedDeclaration {
  file: string;
  lookups: Lookup[];
  diagnostics: Diagnostic[];
}

/**
 * The diagnostics of each declaration's own checks, kept per syntax node.
 * A declaration's checks read only the declaration and the declarations
 * its names resolve to (through `context.resolve`), so the same node in
 * the same file, whose names resolve to the same declarations, has the
 * same diagnostics. After an edit, an incremental parse hands the checker
 * the very nodes of every declaration the edit did not reach: only the
 * edited ones (and those that name them) are checked again.
 */
const checked = new WeakMap<Declaration, CheckedDeclaration>();

/** Runs `run` (the checks of one declaration) or replays its diagnostics from the last time, reporting into `diagnostics`. */
export function checkDeclarationOnce(
  file: string,
  resolve: CheckContext['resolve'],
  declaration: Declaration,
  diagnostics: Diagnostic[],
  run: (context: CheckContext, declaration: Declaration) => void,
): void {
  const known = checked.get(declaration);
  if (known && known.file === file && known.lookups.every((lookup) => sameSymbol(resolve(lookup.reference), lookup.symbol))) {
    for (const diagnostic of known.diagnostics) diagnostics.push(diagnostic);
    return;
  }
  const lookups: Lookup[] = [];
  const own: Diagnostic[] = [];
  const recording = (reference: Reference | undefined): DeclarationSymbol | undefined => {
    const symbol = resolve(reference);
    lookups.push({ reference, symbol });
    return symbol;
  };
  run(createCheckContext(file, recording, own), declaration);
  checked.set(declaration, { file, lookups, diagnostics: own });
  for (const diagnostic of own) diagnostics.push(diagnostic);
}

/** The same declaration, named and placed the same (symbols are made anew by every binding). */
function sameSymbol(a: DeclarationSymbol | undefined, b: DeclarationSymbol | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.declaration === b.declaration &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.file === b.file &&
    sameRange(a.range, b.range) &&
    sameRange(a.nameRange, b.nameRange)
  );
}

function sameRange(a: DeclarationSymbol['range'], b: DeclarationSymbol['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
