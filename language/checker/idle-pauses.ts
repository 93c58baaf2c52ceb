import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasTicketClocks } from '../model/ticket-clocks.js';
import type { EscalationDeclaration, MetricDeclaration } from '../syntax/ast.js';
import { measureOf } from './context.js';

/**
 * `pause when status` in an agreement with no ticket service level and no
 * escalation level (an availability objective alone) stops no clock: the
 * document leaves it out and `slac check` never reads it, so it is said at
 * each pause (SLA3089). Judged on the entry file's scope, imports included,
 * as the compiler judges it; a file of shared declarations (no agreement,
 * no metric) is not judged on its own, its pauses being for the
 * agreements that import it.
 */
export function checkIdlePauses(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const pauses = entryScope.filter((entry) => entry.declaration.kind === 'Pause');
  if (pauses.length === 0) return;
  const declarations = entryScope.map((entry) => entry.declaration);
  const metrics = declarations.filter((declaration): declaration is MetricDeclaration => declaration.kind === 'Metric');
  if (metrics.length === 0 && !declarations.some((declaration) => declaration.kind === 'Agreement')) return;
  const levels = declarations
    .filter((declaration): declaration is EscalationDeclaration => declaration.kind === 'Escalation')
    .flatMap((escalation) => escalation.statements ?? [])
    .filter((statement) => statement?.kind === 'Level').length;
  if (hasTicketClocks(metrics.map(measureOf), levels)) return;
  for (const entry of pauses) diagnostics.push(createDiagnostic('SLA3089', entry.file, entry.declaration.range));
}
