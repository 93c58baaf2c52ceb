import { formatInstant } from '../../../runtime/clock/index.js';
import { createEvaluationContext, evaluateTicket, type MetricVerdict } from '../../../runtime/evaluate/index.js';
import { agreement, at, events, type EventRow } from './fixtures.js';

/** Verdicts of one ticket, as of the given instant (default: its last event). */
export function verdictsOf(parts: Parameters<typeof agreement>[0], rows: EventRow[], asOf?: string) {
  const context = createEvaluationContext(agreement(parts));
  const log = events(rows);
  return evaluateTicket(context, log, asOf ? at(asOf) : Math.max(...log.map((event) => event.time)));
}

/** A due instant as New York wall time with offset, as people check it. */
export function dueText(verdict: MetricVerdict | undefined): string | null | undefined {
  if (!verdict) return undefined;
  return verdict.due === null ? null : formatInstant(verdict.due, 'America/New_York');
}
