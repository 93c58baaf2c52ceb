import type { AgreementModel } from '../../language/model/model.js';
import { buildReport, type Report, type TicketVerdictJson } from '../report/index.js';
import { formatLogError, type LogError } from '../log/log-error.js';
import { feedCheckRows } from './feed-rows.js';
import type { CheckOptions } from './options.js';
import { CheckSession, type CheckSummary } from './session.js';

/** The JSON report of `slac check`, with what the log reader adds. */
export type CheckReport = Report & CheckSummary;

export interface CheckEventsOptions extends CheckOptions {
  /** Outage rows (`start`, `end`, `kind`, `description`), as objects. */
  outages?: Array<Record<string, unknown>>;
}

/** Invalid rows given to `checkEvents` (without skipInvalid); lists them all. */
export class InvalidLogError extends Error {
  constructor(
    readonly errors: readonly LogError[],
    readonly errorCount: number,
  ) {
    const more = errorCount > errors.length ? `\n... and ${errorCount - errors.length} more` : '';
    super(`The log is invalid:\n${errors.map(formatLogError).join('\n')}${more}`);
    this.name = 'InvalidLogError';
  }
}

/**
 * Checks ticket events held in memory (objects as parsed from NDJSON; the
 * ticket log is named `events` in messages, row N on line N) and returns the
 * report `slac check --format json` gives. Throws InvalidLogError for
 * invalid rows unless `skipInvalid` is set.
 */
export function checkEvents(model: AgreementModel, rows: ReadonlyArray<Record<string, unknown>>, options: CheckEventsOptions = {}): CheckReport {
  const session = new CheckSession(model, options, 'events');
  if (session.optionProblems.length === 0) feedCheckRows(session, rows, options.outages);
  const tickets: TicketVerdictJson[] = [];
  const outcome = session.conclude({ ticket: (ticket) => tickets.push(ticket) });
  if (!outcome.ok) throw new InvalidLogError(outcome.errors, outcome.errorCount);
  return buildReport(outcome.summary, tickets) as CheckReport;
}
