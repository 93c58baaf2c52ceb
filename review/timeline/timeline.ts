import type { AgreementModel } from '../../language/model/model.js';
import { formatInstant } from '../../runtime/clock/index.js';
import { createEvaluationContext, evaluateTicket } from '../../runtime/evaluate/index.js';
import type { TicketEvent } from '../../runtime/log/events.js';

/** One moment of a ticket's SLA timeline. */
export interface TimelineEntry {
  /** Epoch milliseconds. */
  time: number;
  /** Wall time in the agreement calendar's zone (ISO 8601 with offset). */
  local: string;
  kind: 'created' | 'reply' | 'status' | 'pause' | 'resume' | 'severity' | 'channel' | 'resolved' | 'reopened' | 'closed' | 'escalation' | 'due' | 'met' | 'breached' | 'pending';
  metric?: string;
  /** One plain-English sentence. */
  text: string;
}

/** A ticket's SLA timeline and its metric verdicts, from the evaluation `slac check` runs. */
export interface TicketTimeline {
  ticket: string;
  client?: string;
  severity?: string;
  channel?: string;
  entries: TimelineEntry[];
  metrics: { metric: string; status: string; elapsedMinutes: number; targetMinutes?: number; due?: string; reason: string }[];
}

/** The timeline of one ticket (its events as runtime/log reads them) at `asOf`. */
export function ticketTimeline(model: AgreementModel, events: readonly TicketEvent[], asOf: number): TicketTimeline {
  const context = createEvaluationContext(model);
  const verdict = evaluateTicket(context, events, asOf);
  const zone = context.reportZone;
  return {
    ticket: verdict.id,
    severity: verdict.severity,
    ...(verdict.channel === undefined ? {} : { channel: verdict.channel }),
    entries: [{ time: verdict.created, local: formatInstant(verdict.created, zone), kind: 'created', text: `Ticket ${verdict.id} was created.` }],
    metrics: Object.entries(verdict.metrics).map(([metric, result]) => ({
      metric,
      status: result.status,
      elapsedMinutes: result.elapsedMinutes,
      targetMinutes: result.targetMinutes,
      ...(result.due === null ? {} : { due: formatInstant(result.due, zone) }),
      reason: result.status,
    })),
  };
}
