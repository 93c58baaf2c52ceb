import type { ScopeEntry } from '../binder/scopes.js';
import { referencesOfDeclaration } from '../binder/references.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warnOfUnused } from './unused-declarations.js';

/**
 * A param of the entry file that nothing in force names (SLA3100): the
 * document shows it nowhere, and `--param Name=value` or a portfolio's
 * `with Name "..."` fills a blank that does not exist. Judged as calendars
 * are (SLA3052: `warnOfUnused`).
 */
export function checkUnusedParams(entryFile: string, entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const used = new Set<string>();
  for (const entry of entryScope) {
    for (const found of referencesOfDeclaration(entry.declaration)) {
      if (found.node.expects === 'param') used.add(found.node.text);
    }
  }
  warnOfUnused('Param', 'SLA3100', used, entryFile, entryScope, diagnostics);
}
