import type { ScopeEntry } from '../binder/scopes.js';
import { referencesOfDeclaration } from '../binder/references.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParamDeclaration } from '../syntax/ast.js';

/**
 * A param of the entry file that nothing in force names (SLA3100): the
 * document shows it nowhere, and `--param Name=value` or a portfolio's
 * `with Name "..."` fills a blank that does not exist. As for calendars
 * (SLA3052), only an agreement is judged, uses anywhere in force count,
 * and nothing is reported while a param reference does not resolve.
 */
export function checkUnusedParams(entryFile: string, entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  if (!entryScope.some((entry) => entry.declaration.kind === 'Agreement')) return;
  const used = new Set<string>();
  for (const entry of entryScope) {
    for (const found of referencesOfDeclaration(entry.declaration)) {
      if (found.node.expects === 'param') used.add(found.node.text);
    }
  }
  const declared = new Set(entryScope.flatMap((entry) => (entry.declaration.kind === 'Param' ? (entry.declaration.name?.text ?? []) : [])));
  if ([...used].some((name) => !declared.has(name))) return;
  for (const entry of entryScope) {
    if (entry.file !== entryFile || entry.declaration.kind !== 'Param') continue;
    const name = (entry.declaration as ParamDeclaration).name;
    if (name && !used.has(name.text)) diagnostics.push(createDiagnostic('SLA3100', entry.file, name.range, { name: name.text }));
  }
}
