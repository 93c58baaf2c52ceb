import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { ScopeEntry } from '../binder/scopes.js';
import type { MetricDeclaration, SeverityDeclaration } from '../syntax/ast.js';
import { measureOf } from './context.js';

/**
 * Exactly one severity in force is `default` (SLA3006, SLA3007). Without any
 * severity, an agreement with ticket metrics has no severity to give a ticket.
 */
export function checkDefaultSeverity(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const severities = entryScope.filter((entry) => entry.declaration.kind === 'Severity');
  const defaults = severities.flatMap((entry) => {
    const declaration = entry.declaration as SeverityDeclaration;
    const flag = (declaration.statements ?? []).find((s) => s?.kind === 'Default');
    return flag ? [{ entry, declaration, flag }] : [];
  });
  if (severities.length === 0) {
    const ticketMetric = entryScope.find(
      (entry) => entry.declaration.kind === 'Metric' && !['uptime', undefined].includes(measureOf(entry.declaration as MetricDeclaration)),
    );
    const name = ticketMetric && (ticketMetric.declaration as MetricDeclaration).name;
    if (ticketMetric && name) diagnostics.push(createDiagnostic('SLA3006', ticketMetric.file, name.range));
    return;
  }
  if (defaults.length === 0) {
    const first = severities[0]!;
    const name = (first.declaration as SeverityDeclaration).name;
    diagnostics.push(createDiagnostic('SLA3006', first.file, name?.range ?? first.declaration.range));
    return;
  }
  const kept = defaults[0]!;
  for (const extra of defaults.slice(1)) {
    diagnostics.push(
      createDiagnostic(
        'SLA3007',
        extra.entry.file,
        extra.flag.range,
        { name: extra.declaration.name?.text ?? '?', other: kept.declaration.name?.text ?? '?' },
        { related: [{ file: kept.entry.file, range: kept.flag.range, message: 'The other default severity.' }] },
      ),
    );
  }
}

/** A severity no ticket metric has a target for (SLA3037): legal, but its tickets are never measured. */
export function checkSeveritiesHaveTargets(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const ticketMetrics = entryScope
    .filter((entry) => entry.declaration.kind === 'Metric')
    .map((entry) => entry.declaration as MetricDeclaration)
    .filter((metric) => !['uptime', undefined].includes(measureOf(metric)));
  if (ticketMetrics.length === 0) return;
  const targeted = new Set<string | undefined>();
  for (const metric of ticketMetrics) {
    for (const statement of metric.statements ?? []) if (statement?.kind === 'Target') targeted.add(statement.severity?.text);
  }
  if (targeted.has(undefined)) return; // a target without a severity applies to every severity
  for (const entry of entryScope) {
    const name = entry.declaration.kind === 'Severity' ? (entry.declaration as SeverityDeclaration).name : undefined;
    if (name && !targeted.has(name.text)) diagnostics.push(createDiagnostic('SLA3037', entry.file, name.range, { name: name.text }));
  }
}
