import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ScopeEntry } from '../binder/scopes.js';
import type { MaintenanceDeclaration, MetricDeclaration } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { checkDuration } from './durations.js';

/**
 * `maintenance { window ... notice ... at most ... }`: at least one
 * statement (SLA3042); `notice` and `at most` are real elapsed time, so
 * business days and months are not allowed there (SLA3028).
 */
export function checkMaintenance(context: CheckContext, maintenance: MaintenanceDeclaration): void {
  const statements = (maintenance.statements ?? []).filter((s) => s !== undefined);
  if (statements.length === 0) context.report('SLA3042', maintenance.keywordRange);
  for (const statement of statements) {
    if (statement.kind === 'Notice') checkDuration(context, statement.duration, { kind: 'elapsed', context: 'maintenance { notice ... }' });
    if (statement.kind === 'AtMost') checkDuration(context, statement.duration, { kind: 'elapsed', context: 'maintenance { at most ... }' });
  }
}

/**
 * `excluding maintenance` without a `maintenance` declaration in force
 * (SLA3043): since language 1.1 maintenance is excluded only on its terms.
 * Judged on the entry file's scope, imports included, so a shared file's
 * metric is fine when the agreement that imports it declares maintenance.
 */
export function checkExcludingMaintenance(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  if (entryScope.some((entry) => entry.declaration.kind === 'Maintenance')) return;
  for (const entry of entryScope) {
    if (entry.declaration.kind !== 'Metric') continue;
    for (const statement of (entry.declaration as MetricDeclaration).statements ?? []) {
      if (statement?.kind === 'ExcludingMaintenance') diagnostics.push(createDiagnostic('SLA3043', entry.file, statement.range));
    }
  }
}
