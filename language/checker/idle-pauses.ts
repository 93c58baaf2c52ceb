import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasTicketClocks, isTicketMeasure } from '../model/ticket-clocks.js';
import type { Declaration, EscalationDeclaration, MetricDeclaration } from '../syntax/ast.js';
import { measureOf } from './context.js';

/**
 * `pause when status` in an agreement with no ticket service level and no
 * escalation level (an availability objective alone) stops no clock: the
 * document leaves it out and `slac check` never reads it, so it is said at
 * each pause (SLA3089). Judged on the entry file's scope, imports included,
 * as the compiler judges it; a file of shared declarations (no agreement,
 * no metric) is not judged on its own, its pauses being for the
 * agreements that import it. With ticket clocks that all state their own
 * pauses, it stops nothing either (SLA3105).
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
  if (!hasTicketClocks(metrics.map(measureOf), levels)) {
    for (const entry of pauses) diagnostics.push(createDiagnostic('SLA3089', entry.file, entry.declaration.range));
    return;
  }
  if (everyClockHasOwnPauses(metrics, declarations)) {
    for (const entry of pauses) diagnostics.push(createDiagnostic('SLA3105', entry.file, entry.declaration.range));
  }
}

/**
 * Whether no clock reads the agreement-wide pause (SLA3105): every ticket
 * metric states its own (`pause when status` or `pause never`, in place of
 * the agreement's), and no escalation level falls due `after` a duration,
 * the one clock that pauses on the agreement's statuses (a level `at P% of`
 * a metric runs on that metric's clock, its pauses included).
 */
function everyClockHasOwnPauses(metrics: readonly MetricDeclaration[], declarations: readonly Declaration[]): boolean {
  const ticketMetrics = metrics.filter((metric) => isTicketMeasure(measureOf(metric)));
  if (!ticketMetrics.every((metric) => (metric.statements ?? []).some((statement) => statement?.kind === 'MetricPause'))) return false;
  return !declarations.some(
    (declaration) => declaration.kind === 'Escalation' && (declaration.statements ?? []).some((statement) => statement?.kind === 'Level' && statement.trigger?.kind === 'After'),
  );
}
