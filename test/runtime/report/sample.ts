/** One small agreement with tickets, escalations, an outage and credits, for the renderer tests. */
import { createEvaluationContext, evaluateTicket, ReportBuilder, type TicketVerdict } from '../../../runtime/evaluate/index.js';
import type { TicketEvent } from '../../../runtime/log/events.js';
import { agreement, at, events, hours, metric, minutes, months, outages, type EventRow } from '../evaluate/fixtures.js';

const model = agreement({
  agreement: { name: 'PoologicsSupport', title: 'Customer Success Service Level Agreement', effective: '2026-11-01' },
  metrics: [
    metric('Acknowledgement', 'firstResponse', { title: 'Incident response', target: minutes(20), objective: [95, 'monthly'] }),
    metric('Resolution', 'resolution', { title: 'Incident resolution', targets: { Critical: hours(4), Standard: hours(2) }, objective: [90, 'monthly'] }),
    metric('Availability', 'uptime', { title: 'Service availability', clock: 'BusinessHours', excludingMaintenance: true, objective: [99, 'monthly'] }),
  ],
  escalation: {
    levels: [
      { level: 1, who: 'Higher-level support technician', trigger: { kind: 'at', percent: 50, metric: 'Resolution' } },
      { level: 2, who: 'Customer Success Supervisor', trigger: { kind: 'at', percent: 100, metric: 'Resolution' } },
    ],
  },
  credits: { tiers: [{ metric: 'Availability', belowPercent: 99, creditPercent: 5 }], capPercent: 10 },
  review: { every: months(12), onRequest: false, afterMajorIncident: true, participants: [], agenda: [], report: [] },
});

const rows: EventRow[] = [
  ['T-1', '2026-11-16T09:00:00-05:00', 'created', { severity: 'Critical', channel: 'Email' }],
  ['T-1', '2026-11-16T09:10:00-05:00', 'reply', { author: 'agent' }],
  ['T-1', '2026-11-16T11:30:00-05:00', 'escalated', { level: 1 }],
  ['T-1', '2026-11-16T15:10:00-05:00', 'resolved'],
  ['T-2', '2026-11-17T10:00:00-05:00', 'created', { channel: 'Chat, "web"' }],
  ['T-2', '2026-11-17T10:35:00-05:00', 'reply', { author: 'agent' }],
  ['T-2', '2026-11-17T11:30:00-05:00', 'resolved'],
  ['T-3', '2026-11-18T16:00:00-05:00', 'created'],
];

export const ASOF = at('2026-11-18T17:00:00-05:00');
export const context = createEvaluationContext(model);

/** Verdicts of the sample tickets, in log order. */
export function sampleVerdicts(): TicketVerdict[] {
  const byTicket = new Map<string, TicketEvent[]>();
  for (const event of events(rows)) byTicket.set(event.ticket, [...(byTicket.get(event.ticket) ?? []), event]);
  return [...byTicket.values()].map((ticketEvents) => evaluateTicket(context, ticketEvents, ASOF));
}

export function sampleBuilder(): ReportBuilder {
  const builder = new ReportBuilder(context, ASOF);
  for (const verdict of sampleVerdicts()) builder.addTicket(verdict);
  builder.setOutages(outages([['2026-11-16T12:00:00-05:00', '2026-11-16T13:30:00-05:00', 'outage']]));
  return builder;
}
