import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { ScopeEntry } from '../binder/scopes.js';
import type { AgreementDeclaration, ReviewDeclaration } from '../syntax/ast.js';

/** A review cadence counts from the agreement's `effective` date (SLA3035). */
export function checkReviewHasStart(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const agreement = entryScope.find((entry) => entry.declaration.kind === 'Agreement')?.declaration as
    | AgreementDeclaration
    | undefined;
  const review = entryScope.find((entry) => entry.declaration.kind === 'Review');
  if (!agreement || !review) return;
  if ((agreement.statements ?? []).some((s) => s?.kind === 'Effective')) return;
  for (const statement of (review.declaration as ReviewDeclaration).statements ?? []) {
    if (statement?.kind === 'Every' && statement.duration) {
      diagnostics.push(createDiagnostic('SLA3035', review.file, statement.range, { every: statement.duration.text }));
    }
  }
}
