import type { AgreementModel, PortfolioModel } from '../../language/model/model.js';
import { formatFromExtension } from '../log/log-rows.js';
import { logError } from '../log/log-error.js';
import { OUTAGE_LOG_SHAPE } from '../log/outage-log.js';
import { readLogFile } from '../log/read-file.js';
import type { LogRowSinks } from './feed-rows.js';
import type { CheckOptions } from './options.js';
import { PortfolioCheckSession, type PortfolioOutcome, type PortfolioReportOutput } from './portfolio-session.js';
import { CheckSession, type CheckOutcome, type ReportOutput } from './session.js';

/**
 * A ticket log that is not a file: rows made on the fly (by a helpdesk
 * adapter, `slac check --log-format zendesk`) and pushed into the session.
 */
export interface StreamedRowsOptions extends CheckOptions {
  /** How messages not tied to a row name the rows as a whole (there is no log file). */
  ticketLog: string;
  /** Feeds every row into `sinks.tickets`, row N as line N; resolves when the last row is in. */
  feed: (sinks: LogRowSinks) => Promise<void>;
  /** Path of the outage log, if any; its format comes from its extension. */
  outages?: string;
  /** How files are named in messages (default: as given). */
  displayName?: (path: string) => string;
}

/**
 * Checks streamed ticket rows (and an outage log file) against an agreement:
 * the same session as `checkLogFiles`, so the same rows give the same report.
 */
export async function checkStreamedRows(model: AgreementModel, options: StreamedRowsOptions & { output?: ReportOutput }): Promise<CheckOutcome> {
  const session = new CheckSession(model, options, options.ticketLog);
  if (session.optionProblems.length > 0) return session.conclude();
  const formatError = await feedStreamedRows(session, options);
  if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
  return session.conclude(options.output);
}

/** The same against every agreement of a portfolio (SEMANTICS.md 1.1 "Portfolios"). */
export async function checkPortfolioStreamedRows(portfolio: PortfolioModel, options: StreamedRowsOptions & { output?: PortfolioReportOutput }): Promise<PortfolioOutcome> {
  const session = new PortfolioCheckSession(portfolio, options, options.ticketLog);
  if (session.optionProblems.length > 0) return session.conclude();
  const formatError = await feedStreamedRows(session, options);
  if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
  return session.conclude(options.output);
}

/** The rows, then the outage log; the error for an outage log whose format its extension does not tell. */
async function feedStreamedRows(sinks: LogRowSinks, options: StreamedRowsOptions): Promise<ReturnType<typeof logError> | undefined> {
  await options.feed(sinks);
  if (options.outages === undefined) return undefined;
  const shown = (options.displayName ?? ((path: string) => path))(options.outages);
  const format = formatFromExtension(options.outages);
  if (!format) return logError('SLA4020', shown, 0, undefined, { file: shown });
  await readLogFile(options.outages, shown, format, OUTAGE_LOG_SHAPE, sinks.useOutageLog(shown));
  return undefined;
}
