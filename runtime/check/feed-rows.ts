import { objectRowFeeder, type LogRowHandler } from '../log/log-rows.js';
import { OUTAGE_LOG_SHAPE } from '../log/outage-log.js';
import { TICKET_LOG_SHAPE } from '../log/ticket-log.js';
import type { TimeTextsAt } from '../log/time-texts.js';

// No file system here: the emitted evaluator bundles this module.

/** Where the log readers put rows: an agreement's check session, or a portfolio's. */
export interface LogRowSinks {
  readonly tickets: LogRowHandler;
  useOutageLog(file: string): LogRowHandler;
  /** Where the ticket rows' `time` texts can be read again for a message (a log read from a file). */
  quoteTimesFrom?(texts: TimeTextsAt): void;
}

/**
 * Feeds rows held in memory into a session's collectors: the ticket log is
 * named `events` in messages and the outage log `outages`, row N on line N.
 */
export function feedCheckRows(sinks: LogRowSinks, rows: ReadonlyArray<Record<string, unknown>>, outages?: ReadonlyArray<Record<string, unknown>>): void {
  const feedTicket = objectRowFeeder('events', TICKET_LOG_SHAPE, sinks.tickets);
  rows.forEach((row, index) => feedTicket(row, index + 1));
  if (outages === undefined) return;
  const feedOutage = objectRowFeeder('outages', OUTAGE_LOG_SHAPE, sinks.useOutageLog('outages'));
  outages.forEach((row, index) => feedOutage(row, index + 1));
}
