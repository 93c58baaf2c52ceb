import type { PortfolioModel } from '../../language/model/model.js';
import type { CheckFileOptions } from '../check.js';
import { feedCheckRows } from './feed-rows.js';
import { readCheckLogs } from './read-logs.js';
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
  const formatError = await readCheckLogs(session, options);
  if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
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
  if (session.optionProblems.length === 0) feedCheckRows(session, rows, options.outages);
  return session.conclude(output);
}
