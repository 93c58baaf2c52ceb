import type { ImportJob } from '../import-source.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { RESOLVED_STATUSES, STATUS_EVENTS } from './mapping.js';

/** A status or priority change from `glpi_logs`, with GLPI's names. */
export interface GlpiChange {
  time: number;
  field: 'status' | 'priority';
  from: string;
  to: string;
  /** The log row's id (or its place in the file): GLPI's order for changes in the same second. */
  order: number;
}

/** What the import keeps of a ticket until its history is read. */
export interface GlpiTicket {
  id: string;
  created: number;
  status: string;
  priority: string;
  channel: string;
  client: string | undefined;
  /** `solvedate` and `closedate`, or `date_mod`: when the current status was set, for tickets without history. */
  solved: number | undefined;
  closed: number | undefined;
  modified: number | undefined;
  changes: GlpiChange[];
  historyRead: boolean;
}

/**
 * Writes a ticket's `created` row, its first status, and its status and
 * priority changes in time order. The log's `old_value` of the first change
 * is the value the ticket was opened with; without history, the current
 * status is dated by the ticket's own dates.
 */
export function writeGlpiTicket(ticket: GlpiTicket, job: ImportJob): void {
  const { summary } = job;
  const base = { ticket: ticket.id, ...(ticket.client === undefined ? {} : { client: ticket.client }) };
  const changes = ticket.changes.sort((a, b) => a.time - b.time || a.order - b.order);
  for (const change of changes) {
    if (change.time >= ticket.created) continue;
    change.time = ticket.created;
    summary.note('history dated before its ticket was opened: moved to its opening');
  }
  const firstPriority = changes.find((change) => change.field === 'priority');
  const firstStatus = changes.find((change) => change.field === 'status');
  let severity = firstPriority === undefined ? ticket.priority : firstPriority.from;
  let status = firstStatus === undefined ? (ticket.historyRead ? ticket.status : '') : firstStatus.from;
  const created: ImportedRow = { ...base, time: ticket.created, event: 'created' };
  if (severity !== '') created.severity = severity;
  if (ticket.channel !== '') created.channel = ticket.channel;
  job.sink.write(created);
  if (!ticket.historyRead) changes.push(...statusesWithoutHistory(ticket, job));
  if (status !== '') writeStatus(status, '', ticket.created, base, job);
  for (const change of changes) {
    if (change.field === 'priority') {
      if (change.to === severity) continue;
      severity = change.to;
      job.sink.write({ ...base, time: change.time, event: 'severity', severity });
    } else if (change.to !== status) {
      writeStatus(change.to, status, change.time, base, job);
      status = change.to;
    }
  }
}

/** A ticket without log rows: Solved at its solvedate, Closed at its closedate, any other status at date_mod. */
function statusesWithoutHistory(ticket: GlpiTicket, job: ImportJob): GlpiChange[] {
  if (ticket.status === '') return [];
  job.summary.note('tickets without status history: their status is dated at solvedate, closedate or date_mod');
  const at = (time: number | undefined): number => Math.max(ticket.created, time ?? ticket.modified ?? ticket.created);
  const change = (to: string, time: number | undefined): GlpiChange => ({ time: at(time), field: 'status', from: '', to, order: 0 });
  if (ticket.status === 'Closed') return ticket.solved === undefined ? [change('Closed', ticket.closed)] : [change('Solved', ticket.solved), change('Closed', ticket.closed)];
  if (ticket.status === 'Solved') return [change('Solved', ticket.solved)];
  return [change(ticket.status, ticket.modified)];
}

function writeStatus(status: string, previous: string, time: number, base: Pick<ImportedRow, 'ticket' | 'client'>, job: ImportJob): void {
  if (RESOLVED_STATUSES.has(previous) && STATUS_EVENTS.get(status) !== 'closed') job.sink.write({ ...base, time, event: 'reopened' });
  job.sink.write({ ...base, time, event: 'status', status });
  const event = STATUS_EVENTS.get(status);
  if (event !== undefined) job.sink.write({ ...base, time, event });
}
