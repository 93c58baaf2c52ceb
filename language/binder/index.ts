import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Reference } from '../syntax/ast.js';
import type { LoadedFiles } from '../workspace/load-files.js';
import { findReferences, resolveReferences } from './references.js';
import { buildScopes, type ScopeEntry } from './scopes.js';
import { createSymbolIndex, type DeclarationSymbol, type ReferenceSymbol, type SymbolIndex } from './symbols.js';

export * from './symbols.js';
export { suggestName, editDistance } from './suggest.js';
export type { ScopeEntry } from './scopes.js';

/** The loaded files with every name bound. */
export interface BoundWorkspace {
  /** The declarations in force for the entry file, in order: imported first, overrides in place. */
  entryScope: ScopeEntry[];
  symbols: SymbolIndex;
  /** What each reference node of the trees resolves to. */
  resolve(reference: Reference | undefined): DeclarationSymbol | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Binds names: builds each file's scope (own and imported declarations,
 * overrides applied), reports duplicates and missing `override`s, and
 * resolves every reference.
 */
export function bind(loaded: LoadedFiles): BoundWorkspace {
  const scopes = buildScopes(loaded);
  const diagnostics = [...scopes.diagnostics];
  const resolved = new Map<Reference, ReferenceSymbol>();
  for (const file of loaded.order) {
    const document = loaded.files.get(file)?.parse.document;
    resolveReferences(file, document, scopes.byFile.get(file) ?? [], resolved, diagnostics);
  }
  const entryScope = scopes.byFile.get(loaded.entry) ?? [];
  reportExtraAgreements(entryScope, diagnostics);
  const references = loaded.order.flatMap((file) =>
    findReferences(loaded.files.get(file)?.parse.document).flatMap(({ node }) => resolved.get(node) ?? []),
  );
  const visibleIn = (file: string): DeclarationSymbol[] =>
    (scopes.byFile.get(file) ?? []).flatMap((entry) => (entry.symbol ? [entry.symbol] : []));
  return {
    entryScope,
    symbols: createSymbolIndex(scopes.symbols, references, visibleIn),
    resolve: (reference) => (reference ? resolved.get(reference)?.target : undefined),
    diagnostics,
  };
}

function reportExtraAgreements(entryScope: ScopeEntry[], diagnostics: Diagnostic[]): void {
  const agreements = entryScope.filter((entry) => entry.declaration.kind === 'Agreement');
  for (const extra of agreements.slice(1)) {
    const first = agreements[0]!;
    diagnostics.push(
      createDiagnostic('SLA2007', extra.file, extra.symbol?.nameRange ?? extra.declaration.range, {}, {
        related: [{ file: first.file, range: first.symbol?.nameRange ?? first.declaration.range, message: 'The first agreement.' }],
      }),
    );
  }
}
