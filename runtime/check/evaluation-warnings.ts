import { EARLIEST_INSTANT, formatInstant, LATEST_INSTANT } from '../clock/index.js';
import type { OutageRowsBeforeReporting, TicketVerdict } from '../evaluate/index.js';
import type { OutageLogCollector } from '../log/outage-log.js';
import { clientNameKey, type AgreementModel } from '../../language/model/model.js';
import { creditedUptimeMetrics } from '../report/agreement-sets.js';
import { logError, quotedText, type LogError } from '../log/log-error.js';

/**
 * Warnings about the evaluation itself, not a row of the log: events left out
 * by `--as-of`, and targets that never fall due. They go wherever the log's
 * warnings go (stderr in every format, and the JSON report's `warnings`), so
 * a report that looks empty or calm says why.
 */

/**
 * Credit tiers on an uptime metric, when no outage log was given: uptime is
 * measured from that log alone, so those tiers cannot apply, and the
 * credits reported would read lower than they are, without a word. Named
 * after the option not given, as an option's own errors are (`--as-of`), so
 * that it reads the same whatever the ticket log is called.
 */
export function uncountedUptimeCreditsWarning(model: AgreementModel, outagesGiven: boolean): LogError | undefined {
  if (outagesGiven) return undefined;
  const metrics = creditedUptimeMetrics(model).map((metric) => metric.name);
  if (metrics.length === 0) return undefined;
  const many = metrics.length > 1;
  return logError('SLA4064', '--outages', 0, undefined, { metrics: metrics.map((name) => `'${name}'`).join(' and '), is: many ? 'are' : 'is', it: many ? 'them' : 'it' });
}

/** The warnings that were raised, in order: each function above returns undefined when there is nothing to say. */
export function raisedWarnings(...warnings: (LogError | undefined)[]): LogError[] {
  return warnings.filter((warning): warning is LogError => warning !== undefined);
}

/**
 * Events after the as-of instant are left out of the report; a mistyped
 * `--as-of` before every event would otherwise give "Tickets: 0" and exit 0.
 */
export function ignoredEventsWarning(file: string, ignored: number, asOf: string): LogError | undefined {
  if (ignored === 0) return undefined;
  return logError('SLA4040', file, 0, undefined, { count: ignored, events: ignored === 1 ? 'event is' : 'events are', asOf });
}

/**
 * Outage log rows that begin after a given `--as-of` count in no uptime
 * period (the last one ends at as-of), so a mistyped `--as-of` would give
 * a calm 100% without a word. A row that began before is clipped, not left
 * out. Without `--as-of` (undefined here) nothing is said: the as-of is then
 * the latest ticket event, and an outage log that runs on past the ticket
 * log is no mistake.
 */
export function ignoredOutagesWarning(outages: OutageLogCollector | undefined, givenAsOf: number | undefined, asOfText: string): LogError | undefined {
  if (outages === undefined || givenAsOf === undefined) return undefined;
  const ignored = outages.rows.filter((row) => row.start > givenAsOf).length;
  if (ignored === 0) return undefined;
  return logError('SLA4040', outages.file, 0, undefined, { count: ignored, events: ignored === 1 ? 'outage row is' : 'outage rows are', asOf: asOfText });
}

/**
 * Outage rows that end before the agreement took effect, where uptime is
 * first measured: no period counts them, and the report showed a calm 100%
 * without a word (a mistyped year, or a log that starts too early). Named by
 * the first such row, and counted. Where uptime clocks keep different zones,
 * a row may end before the effective date in one and after it in another:
 * the warning then names the metrics none of whose periods counts the rows.
 */
export function outagesBeforeReportingWarning(file: string | undefined, before: OutageRowsBeforeReporting, effective: string | undefined): LogError | undefined {
  const { rows } = before;
  if (file === undefined || rows.length === 0 || effective === undefined) return undefined;
  const first = rows.reduce((earliest, row) => (row.line < earliest.line ? row : earliest));
  const many = rows.length !== 1;
  const periodOf = before.everyMetric ? '' : ` of ${before.missedBy.map((title) => `'${title}'`).join(' or ')}`;
  return logError('SLA4059', file, first.line, undefined, { count: rows.length, rows: many ? 'outage rows end' : 'outage row ends', effective, first: many ? ' (the first of them on this line)' : '', periodOf, them: many ? 'them' : 'it' });
}

/**
 * Tickets created before the agreement took effect are checked, and counted
 * in the objectives and credits of their periods, as if it applied: a log
 * that starts before `effective` would otherwise show months the agreement
 * never covered as missed, without a word.
 */
export function beforeEffectiveWarning(file: string, count: number, effective: string | undefined): LogError | undefined {
  if (count === 0 || effective === undefined) return undefined;
  return logError('SLA4050', file, 0, undefined, count === 1 ? { count, tickets: 'ticket was', effective, they: 'it is', their: 'its' } : { count, tickets: 'tickets were', effective, they: 'they are', their: 'their' });
}

/**
 * Metrics whose target never falls due (`N business days` on a calendar with
 * no N-th open day ahead), once per metric: the first such ticket, by the
 * line of its `created` event. The metric stays pending, as an hours target
 * the calendar never reaches does.
 */
export class NeverDueTargets {
  private readonly warned = new Set<string>();
  readonly warnings: LogError[] = [];
  /** The metric of each warning. */
  readonly metrics: string[] = [];

  constructor(private readonly file: string) {}

  /** Notes the metrics of one ticket whose target is infinite. */
  add(verdict: TicketVerdict, createdLine: number, targetText: (metric: string) => string): void {
    for (const metric in verdict.metrics) {
      if (Number.isFinite(verdict.metrics[metric]!.targetMinutes) || this.warned.has(metric)) continue;
      this.warned.add(metric);
      this.metrics.push(metric);
      this.warnings.push(logError('SLA4041', this.file, createdLine, undefined, { ticket: verdict.id, metric, target: targetText(metric) }));
    }
  }
}

/** Log events dated outside the clock's years: how many, and the first in file order (its line and time). */
export interface OutsideClockYears {
  events: number;
  line: number;
  time: number;
}

/**
 * The clock counts open time from 1800 to 2400 only, a log row may be dated
 * 0000 to 9999: a ticket of 0050 (a two-digit year) fell due in 1800 or was
 * met in 0 minutes without a word. Its rows are still checked (an invalid
 * row would stop every report on an old log that ran well); the warning
 * names the first, with its time in the report's zone, which may read as
 * year -0001 there.
 */
export function outsideClockYearsWarning(file: string, found: OutsideClockYears | undefined, zone: string): LogError | undefined {
  if (found === undefined) return undefined;
  const many = found.events !== 1;
  return logError('SLA4061', file, found.line, undefined, { count: found.events, rows: many ? 'rows' : 'row', are: many ? 'are' : 'is', they: many ? 'they are' : 'it is', time: formatInstant(found.time, zone) });
}

/** The partitions' (or clients') findings as one reader of the whole log finds them: counts added, the first line kept. */
export function mergeOutsideClockYears(parts: readonly (OutsideClockYears | undefined)[]): OutsideClockYears | undefined {
  let merged: OutsideClockYears | undefined;
  for (const part of parts) {
    if (part === undefined) continue;
    if (merged === undefined) merged = { ...part };
    else merged = { events: merged.events + part.events, ...(part.line < merged.line ? { line: part.line, time: part.time } : { line: merged.line, time: merged.time }) };
  }
  return merged;
}

/** The valid events of a store outside the clock's years (EARLIEST_INSTANT to LATEST_INSTANT). */
export function outsideClockYearsOf(store: { eventsOutside(from: number, to: number): OutsideClockYears | undefined }): OutsideClockYears | undefined {
  return store.eventsOutside(EARLIEST_INSTANT, LATEST_INSTANT);
}

/**
 * An outage log whose rows name two clients or more, read for one agreement
 * (SLA4065): only a portfolio applies a row to its client, so every row
 * counted as this agreement's downtime without a word, and a provider's
 * log of all its clients lowered each one's uptime and raised its credits.
 * Named at the first row of the second client, beside the first client.
 */
export function outageClientsWarning(outages: Pick<OutageLogCollector, 'file' | 'rows'> | undefined): LogError | undefined {
  if (outages === undefined) return undefined;
  const firsts = new Map<string, { client: string; line: number }>();
  for (const row of outages.rows) {
    if (row.client === undefined || row.client.trim() === '') continue;
    const key = clientNameKey(row.client);
    if (!firsts.has(key)) firsts.set(key, { client: row.client, line: row.line });
  }
  if (firsts.size < 2) return undefined;
  const [first, second] = [...firsts.values()];
  return logError('SLA4065', outages.file, second!.line, 'client', { count: firsts.size, value: second!.client, other: quotedText(first!.client), otherLine: first!.line });
}
