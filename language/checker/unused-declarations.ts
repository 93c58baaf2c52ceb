import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CalendarDeclaration, ParamDeclaration } from '../syntax/ast.js';

/**
 * Warns at each calendar or param of the entry file whose name no use in
 * force gives (SLA3052, SLA3100). Only an agreement is judged: a file of
 * shared terms offers declarations its importers may or may not use, and
 * one of an imported file is that file's business. While a use names no
 * declaration of the kind, nothing is said: a misspelt reference (SLA2001)
 * probably means one of the unused ones, and one error is enough.
 */
export function warnOfUnused(
  kind: 'Calendar' | 'Param',
  code: 'SLA3052' | 'SLA3100',
  used: ReadonlySet<string>,
  entryFile: string,
  entryScope: readonly ScopeEntry[],
  diagnostics: Diagnostic[],
): void {
  if (!entryScope.some((entry) => entry.declaration.kind === 'Agreement')) return;
  const nameOf = (entry: ScopeEntry) => (entry.declaration.kind === kind ? (entry.declaration as CalendarDeclaration | ParamDeclaration).name : undefined);
  const declared = new Set(entryScope.flatMap((entry) => nameOf(entry)?.text ?? []));
  if ([...used].some((name) => !declared.has(name))) return;
  for (const entry of entryScope) {
    const name = entry.file === entryFile ? nameOf(entry) : undefined;
    if (name && !used.has(name.text)) diagnostics.push(createDiagnostic(code, entry.file, name.range, { name: name.text }));
  }
}
