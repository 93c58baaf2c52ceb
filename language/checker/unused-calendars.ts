import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CalendarDeclaration, Declaration, Reference } from '../syntax/ast.js';

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
 * A calendar of the entry file that nothing in force refers to (SLA3052).
 * Only an agreement is judged: a file of shared terms offers calendars its
 * importers may or may not use, and a calendar of an imported file is that
 * file's business. Uses anywhere in force count, imported files included;
 * while a calendar reference does not resolve, nothing is reported.
 */
export function checkUnusedCalendars(entryFile: string, entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  if (!entryScope.some((entry) => entry.declaration.kind === 'Agreement')) return;
  const used = new Set(entryScope.flatMap((entry) => calendarsReferredBy(entry.declaration)).flatMap((ref) => ref?.text ?? []));
  const declared = new Set(entryScope.flatMap((entry) => (entry.declaration.kind === 'Calendar' ? (entry.declaration.name?.text ?? []) : [])));
  // A misspelt reference (SLA2001) probably means one of the unused calendars: one error is enough.
  if ([...used].some((name) => !declared.has(name))) return;
  for (const entry of entryScope) {
    if (entry.file !== entryFile || entry.declaration.kind !== 'Calendar') continue;
    const name = (entry.declaration as CalendarDeclaration).name;
    if (name && !used.has(name.text)) diagnostics.push(createDiagnostic('SLA3052', entry.file, name.range, { name: name.text }));
  }
}
