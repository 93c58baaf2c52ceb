import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ClauseDeclaration } from '../syntax/ast.js';
import { pathFromEntry } from '../workspace/paths.js';

/**
 * Two clauses of one title in force (SLA2022): clauses add up, so the
 * document would have two sections of that title, which a reader cannot
 * tell apart. Most often a clause meant to replace an imported one without
 * `override clause "Title"`, which the binder does not ask for since
 * clauses accumulate. Reported at each later one, in its file.
 */
export function checkClauseTitles(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const first = new Map<string, ScopeEntry>();
  for (const entry of entryScope) {
    if (entry.declaration.kind !== 'Clause') continue;
    const title = (entry.declaration as ClauseDeclaration).title;
    if (!title) continue;
    const earlier = first.get(title.value);
    if (!earlier) {
      first.set(title.value, entry);
      continue;
    }
    const earlierTitle = (earlier.declaration as ClauseDeclaration).title!;
    const imported = earlier.file !== entry.file;
    const where = imported ? ` in ${pathFromEntry(entry.file, earlier.file)}` : '';
    const fix = imported
      ? `write 'override clause "${title.value}"' to replace it, or give this one another title`
      : 'give one of them another title, or merge them';
    const related = [{ file: earlier.file, range: earlierTitle.range, message: 'The other clause of this title.' }];
    diagnostics.push(createDiagnostic('SLA2022', entry.file, title.range, { title: title.value, where, fix }, { related }));
  }
}
