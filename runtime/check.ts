import type { AgreementModel } from '../language/model/model.js';
import type { LogFormat } from './log/log-rows.js';
import { readCheckLogs } from './check/read-logs.js';
import type { CheckOptions } from './check/options.js';
import { CheckSession, type CheckOutcome, type ReportOutput } from './check/session.js';

export type { CheckOptions } from './check/options.js';
export { checkEvents, InvalidLogError, type CheckEventsOptions, type CheckReport } from './check/events.js';
export { JsonReportStream, type ReportHead } from './check/json-stream.js';
export { PRINTED_ERRORS, type CheckOutcome, type CheckSummary, type ListedRow, type ReportOutput } from './check/session.js';
export { checkPortfolioEvents, checkPortfolioLogFiles, type PortfolioFileOptions } from './check/portfolio-files.js';
export {
  OTHERS_CLIENT,
  PortfolioCheckSession,
  type ClientRun,
  type PortfolioHead,
  type PortfolioOutcome,
  type PortfolioReportOutput,
  type UnassignedRows,
} from './check/portfolio-session.js';

export interface CheckFileOptions extends CheckOptions {
  /** Path of the ticket log. */
  log: string;
  /** Path of the outage log, if any. */
  outages?: string;
  /** Overrides the format taken from the file extension (both logs). */
  logFormat?: LogFormat;
  /** How files are named in messages (default: as given). */
  displayName?: (path: string) => string;
  /** Bytes of the ticket log read so far, and its size; after each chunk. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Receives the report head and each ticket as they are made. */
  output?: ReportOutput;
}

/**
 * Checks a ticket log (and outage log) file against an agreement, reading
 * them as streams. Memory grows with the number of tickets, not of events;
 * tickets go to `options.output` one by one and are not kept.
 */
export async function checkLogFiles(model: AgreementModel, options: CheckFileOptions): Promise<CheckOutcome> {
  const display = options.displayName ?? ((path: string) => path);
  const session = new CheckSession(model, options, display(options.log));
  if (session.optionProblems.length > 0) return session.conclude();
  const formatError = await readCheckLogs(session, options);
  if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
  return session.conclude(options.output);
}


