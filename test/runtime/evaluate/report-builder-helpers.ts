import { createEvaluationContext, evaluateTicket, ReportBuilder, type ReportSummary } from '../../../runtime/evaluate/index.js';
import type { OutageRow, TicketEvent } from '../../../runtime/log/events.js';
import { agreement, at, events, type EventRow } from './fixtures.js';

/** Evaluates every ticket of the rows and builds the report summary as of `asOf`. */
export function summaryOf(
  parts: Parameters<typeof agreement>[0],
  rows: EventRow[],
  asOf: string,
  outageRows?: OutageRow[],
): { summary: ReportSummary; builder: ReportBuilder } {
  const context = createEvaluationContext(agreement(parts));
  const builder = new ReportBuilder(context, at(asOf));
  const byTicket = new Map<string, TicketEvent[]>();
  for (const event of events(rows)) {
    const list = byTicket.get(event.ticket) ?? [];
    list.push(event);
    byTicket.set(event.ticket, list);
  }
  for (const ticketEvents of byTicket.values()) builder.addTicket(evaluateTicket(context, ticketEvents, at(asOf)));
  if (outageRows) builder.setOutages(outageRows);
  return { summary: builder.finish({ invalidRows: 0, skipped: [] }), builder };
}
