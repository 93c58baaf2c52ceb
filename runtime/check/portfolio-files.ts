import { statSync } from 'node:fs';
import type { PortfolioModel } from '../../language/model/model.js';
import { formatFromExtension } from '../log/log-rows.js';
import { logError } from '../log/log-error.js';
import { objectRowFeeder } from '../log/log-rows.js';
import { OUTAGE_LOG_SHAPE } from '../log/outage-log.js';
import { readLogFile } from '../log/read-file.js';
import { TICKET_LOG_SHAPE } from '../log/ticket-log.js';
import type { CheckFileOptions } from '../check.js';
import { PortfolioCheckSession, type PortfolioOutcome, type PortfolioReportOutput } from './portfolio-session.js';
import type { CheckEventsOptions } from './events.js';

export interface PortfolioFileOptions extends Omit<CheckFileOptions, 'output'> {
  output?: PortfolioReportOutput;
}

/**
 * Checks a ticket log (and outage log) file against every agreement of a
 * portfolio, reading each log once: each row goes to its client's agreement
 * as it is read (SEMANTICS.md 1.1 "Portfolios").
 */
export async function checkPortfolioLogFiles(portfolio: PortfolioModel, options: PortfolioFileOptions): Promise<PortfolioOutcome> {
  const display = options.displayName ?? ((path: string) => path);
  const session = new PortfolioCheckSession(portfolio, options, display(options.log));
  if (session.optionProblems.length > 0) return session.conclude();
  const formatError = (file: string): PortfolioOutcome => {
    const error = logError('SLA4020', display(file), 0, undefined, { file: display(file) });
    return { ok: false, errors: [error], errorCount: 1, warnings: [] };
  };
  const ticketFormat = options.logFormat ?? formatFromExtension(options.log);
  if (!ticketFormat) return formatError(options.log);
  let totalBytes = 0;
  try {
    totalBytes = statSync(options.log).size;
  } catch {
    // readLogFile reports the missing file with its own message.
  }
  const progress = options.onProgress && ((bytes: number) => options.onProgress!(bytes, totalBytes));
  await readLogFile(options.log, display(options.log), ticketFormat, TICKET_LOG_SHAPE, session.tickets, progress);
  if (options.outages !== undefined) {
    const outageFormat = options.logFormat ?? formatFromExtension(options.outages);
    if (!outageFormat) return formatError(options.outages);
    await readLogFile(options.outages, display(options.outages), outageFormat, OUTAGE_LOG_SHAPE, session.useOutageLog(display(options.outages)));
  }
  return session.conclude(options.output);
}

/**
 * The same check over rows held in memory (the ticket log is named `events`
 * in messages, row N on line N; the outage log `outages`).
 */
export function checkPortfolioEvents(
  portfolio: PortfolioModel,
  rows: ReadonlyArray<Record<string, unknown>>,
  options: CheckEventsOptions = {},
  output: PortfolioReportOutput = {},
): PortfolioOutcome {
  const session = new PortfolioCheckSession(portfolio, options, 'events');
  if (session.optionProblems.length === 0) {
    const feedTicket = objectRowFeeder('events', TICKET_LOG_SHAPE, session.tickets);
    rows.forEach((row, index) => feedTicket(row, index + 1));
    if (options.outages !== undefined) {
      const feedOutage = objectRowFeeder('outages', OUTAGE_LOG_SHAPE, session.useOutageLog('outages'));
      options.outages.forEach((row, index) => feedOutage(row, index + 1));
    }
  }
  return session.conclude(output);
}
