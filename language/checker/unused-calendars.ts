import type { ScopeEntry } from '../binder/scopes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Declaration, Reference } from '../syntax/ast.js';
import { warnOfUnused } from './unused-declarations.js';

/** The calendars a declaration refers to: metric clock, channel hours, escalation clock, maintenance window. */
function calendarsReferredBy(declaration: Declaration): (Reference | undefined)[] {
  switch (declaration.kind) {
    case 'Metric':
    case 'Escalation':
      return (declaration.statements ?? []).flatMap((s) => (s?.kind === 'Clock' ? [s.calendar] : []));
    case 'Channel':
      return (declaration.statements ?? []).flatMap((s) => (s?.kind === 'ChannelHours' ? [s.calendar] : []));
    case 'Maintenance':
      return (declaration.statements ?? []).flatMap((s) => (s?.kind === 'Window' ? [s.calendar] : []));
    default:
      return [];
  }
}

/**
 * A calendar of the entry file that nothing in force refers to (SLA3052),
 * judged as `warnOfUnused` says: only in an agreement, uses anywhere in
 * force, nothing while a calendar reference does not resolve.
 */
export function checkUnusedCalendars(entryFile: string, entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const used = new Set(entryScope.flatMap((entry) => calendarsReferredBy(entry.declaration)).flatMap((ref) => ref?.text ?? []));
  warnOfUnused('Calendar', 'SLA3052', used, entryFile, entryScope, diagnostics);
}
