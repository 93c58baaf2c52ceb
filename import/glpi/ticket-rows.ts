import type { ImportJob } from '../import-source.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { OPENING_STATUS, RESOLVED_STATUSES, STATUS_EVENTS } from './mapping.js';
import type { RecordPlace } from './records.js';

/** A date column of a ticket: its time, or why its text is not one; undefined when it is empty. */
export type TicketDate = { time: number } | { problem: string } | undefined;

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
  solved: TicketDate;
  closed: TicketDate;
  modified: TicketDate;
  /** Where the ticket's row is, for the warnings on a status its dates cannot date. */
  source: { file: string; place: RecordPlace };
  changes: GlpiChange[];
  historyRead: boolean;
  /** Status changes of its log skipped: for a time that is not a time, or a value outside 1-6. */
  skippedStatusChanges: { undated: number; outOfRange: number };
  /** The ids of its followups read: a followup given twice (the table and REST pages, or two days' exports) is read once. */
  followupIds: Set<string>;
  /** Replies in the second the ticket was opened (an automatic acknowledgement): held, as slac check wants the created row before them. */
  repliesAtCreation: ImportedRow[];
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
  let status = firstStatus === undefined ? (ticket.historyRead ? statusAtCreation(ticket, job) : '') : firstStatus.from;
  const created: ImportedRow = { ...base, time: ticket.created, event: 'created' };
  if (severity !== '') created.severity = severity;
  if (ticket.channel !== '') created.channel = ticket.channel;
  job.sink.write(created);
  if (!ticket.historyRead) changes.push(...statusesWithoutHistory(ticket, job));
  if (status !== '') writeStatus(status, '', ticket.created, base, job);
  for (const reply of ticket.repliesAtCreation) job.sink.write(reply);
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

/**
 * The status a ticket with log rows but no usable status change was opened
 * with: its current one, unless status changes were skipped (a time that is
 * not a time, a value outside 1-6). Then the current status is the one after
 * them, and dated at the opening a Solved ticket would be solved at once: no
 * status, and a warning.
 */
function statusAtCreation(ticket: GlpiTicket, job: ImportJob): string {
  const { undated, outOfRange } = ticket.skippedStatusChanges;
  const skipped = undated + outOfRange;
  if (skipped === 0 || ticket.status === '') return ticket.status;
  const reason = `ticket ${ticket.id}: its status at creation cannot be told: ${skippedStatusChangesText(undated, outOfRange)}, and its status '${ticket.status}' is the one after ${skipped === 1 ? 'it' : 'them'}; the ticket is written without a status`;
  const group = outOfRange === 0 ? 'tickets whose every status change has no readable time: written without a status' : 'tickets whose every status change was skipped (no readable time or a value outside 1-6): written without a status';
  job.summary.warn(ticket.source.file, ticket.source.place, group, reason);
  return '';
}

/** Why a ticket's status changes were all skipped, in words. */
function skippedStatusChangesText(undated: number, outOfRange: number): string {
  const skipped = undated + outOfRange;
  if (skipped === 1) return undated === 1 ? 'its status change cannot be placed in time' : "its status change is not between GLPI's status values 1-6";
  if (outOfRange === 0) return `none of its ${skipped} status changes can be placed in time`;
  if (undated === 0) return `none of its ${skipped} status changes is between GLPI's status values 1-6`;
  return `none of its ${skipped} status changes can be read (${undated} cannot be placed in time, ${outOfRange} ${outOfRange === 1 ? 'is' : 'are'} not between GLPI's status values 1-6)`;
}

/**
 * A ticket without log rows: Solved at its solvedate, Closed at its closedate
 * (and Solved before it at its solvedate), else at date_mod; `New`, the
 * status a ticket is opened with, at its opening when none is given. Any
 * other status none of them dates, or whose date is not a time, is left out
 * with a warning: dated at the opening, a Solved ticket would be solved at once.
 */
function statusesWithoutHistory(ticket: GlpiTicket, job: ImportJob): GlpiChange[] {
  if (ticket.status === '') return [];
  const { summary } = job;
  const { file, place } = ticket.source;
  const change = (to: string, time: number): GlpiChange => ({ time: Math.max(ticket.created, time), field: 'status', from: '', to, order: 0 });
  const own = ticket.status === 'Solved' ? 'solvedate' : ticket.status === 'Closed' ? 'closedate' : undefined;
  const dates: [string, TicketDate][] = own === undefined ? [['date_mod', ticket.modified]] : [[own, own === 'solvedate' ? ticket.solved : ticket.closed], ['date_mod', ticket.modified]];
  const given = dates.find(([, date]) => date !== undefined);
  if (given === undefined && ticket.status === OPENING_STATUS) {
    summary.note(`tickets without status history in status "${OPENING_STATUS}" and without date_mod: their status is dated at their opening`);
    return [change(ticket.status, ticket.created)];
  }
  // The status a ticket is opened with is known at its opening, whatever date_mod says: dated there, as without one, and warned of.
  if (given !== undefined && 'problem' in given[1]! && ticket.status === OPENING_STATUS) {
    const reason = `ticket ${ticket.id}: status '${ticket.status}' cannot be dated by its ${given[0]}: ${given[1].problem}; it is the status a ticket is opened with, so it is dated at the ticket's opening, as without ${given[0]}`;
    summary.warn(file, place, `tickets without status history in status "${OPENING_STATUS}" whose date_mod is not a time: their status is dated at their opening`, reason);
    return [change(ticket.status, ticket.created)];
  }
  if (given === undefined || 'problem' in given[1]!) {
    const why = given === undefined ? `no ${dates.map(([column]) => column).join(' or ')}` : `its ${given[0]} ${(given[1] as { problem: string }).problem}`;
    // A Closed ticket's solvedate still dates its solution.
    const solved = ticket.status === 'Closed' && ticket.solved !== undefined && 'time' in ticket.solved ? [change('Solved', ticket.solved.time)] : [];
    const written = solved.length === 0 ? 'the ticket is written without its status' : 'the ticket is written Solved at its solvedate, without the Closed row';
    summary.warn(file, place, 'tickets without status history whose dates cannot date their status: written without it', `ticket ${ticket.id}: status '${ticket.status}' cannot be dated: no log rows, and ${why}; ${written}`);
    return solved;
  }
  summary.note('tickets without status history: their status is dated at solvedate, closedate or date_mod');
  const current = change(ticket.status, given[1]!.time);
  if (ticket.status !== 'Closed' || ticket.solved === undefined) return [current];
  if ('problem' in ticket.solved) {
    summary.warn(file, place, 'solvedates of closed tickets without status history that are not times: no Solved row', `ticket ${ticket.id}: its solvedate ${ticket.solved.problem}: the Solved row it dates is not written`);
    return [current];
  }
  return [change('Solved', ticket.solved.time), current];
}

function writeStatus(status: string, previous: string, time: number, base: Pick<ImportedRow, 'ticket' | 'client'>, job: ImportJob): void {
  if (RESOLVED_STATUSES.has(previous) && STATUS_EVENTS.get(status) !== 'closed') job.sink.write({ ...base, time, event: 'reopened' });
  job.sink.write({ ...base, time, event: 'status', status });
  const event = STATUS_EVENTS.get(status);
  if (event !== undefined) job.sink.write({ ...base, time, event });
}
