/**
 * Whether a clock runs on tickets: a ticket service level (every metric but
 * an availability objective) or an escalation level, whose clock runs like
 * the resolution clock. `pause when status` stops these clocks only: without
 * one it stops nothing, so the document defines no Paused Time and the
 * checker warns at the pause (SLA3089). Measures as the model writes them
 * or as the source does (`uptime` in both); a metric whose measure is not
 * known (`measures` missing, an error of its own) counts as a ticket clock,
 * so that the pause is not also said to stop nothing.
 */
export function hasTicketClocks(measures: Iterable<string | undefined>, escalationLevels: number): boolean {
  for (const measure of measures) if (isTicketMeasure(measure)) return true;
  return escalationLevels > 0;
}

/** Whether a metric measuring this runs on tickets: all but an availability objective (`uptime`). */
export function isTicketMeasure(measure: string | undefined): boolean {
  return measure !== 'uptime';
}
