/**
 * Runs the check once, as `slac check --format json` does (same sessions,
 * same log readers, same evaluation), and collects the site's figures from
 * its outcome: the JSON report's ticket objects as they are made, then its
 * summary and escalation rows.
 */
import type { AgreementModel, PortfolioModel } from '../../language/model/model.js';
import { PortfolioCheckSession } from '../../runtime/check.js';
import { CheckSession, type CheckOutcome } from '../../runtime/check/session.js';
import { formatInstant } from '../../runtime/clock/index.js';
import type { LogError } from '../../runtime/log/log-error.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import type { SkippedRow } from '../../runtime/evaluate/summary.js';
import { SiteDataCollector } from './collector.js';
import { logFeedOf, type LogInput } from './log-feed.js';
import type { SiteData } from './site-data.js';
import { ticketEventsOf } from './ticket-events.js';
import type { DateSpan } from './window.js';

/** One agreement's figures, and how to read back the events of its tickets. */
export interface AgreementFigures {
  data: SiteData;
  model: AgreementModel;
  /** A portfolio client's: the values its `with` gives the agreement's params, as its agreement document is compiled with them. */
  params?: Readonly<Record<string, string>>;
  /** The as-of instant of the check (epoch ms). */
  asOf: number;
  /** The evaluated events of the named tickets. */
  eventsOf(ids: ReadonlySet<string>): Map<string, TicketEvent[]>;
}

/**
 * The figures, or the check's failure as `slac check` has it: the errors
 * that stopped it and, with `--skip-invalid`, the rows left out before them
 * (`skipped`). Either way the command prints the rows left out, as `slac
 * check` lists them: the site only counts them.
 */
export type FiguresOutcome<T> =
  | { ok: true; figures: T; warnings: LogError[]; invalidRows: number; skipped: SkippedRow[] }
  | Extract<CheckOutcome, { ok: false }>;

/** What is reported: the span, its label, and where progress goes. */
export interface SpanOptions {
  span: DateSpan;
  spanLabel?: string;
}

/**
 * Checks the logs against one agreement and collects the site's figures:
 * log files, or the rows a `LogFeed` gives (a helpdesk's export).
 */
export async function agreementFigures(model: AgreementModel, options: LogInput & SpanOptions): Promise<FiguresOutcome<AgreementFigures>> {
  const feed = logFeedOf(options);
  const session = new CheckSession(model, options, feed.ticketLog);
  const collector = new SiteDataCollector(model, options.span);
  const output = collector.output();
  if (session.optionProblems.length === 0) {
    const formatError = await feed.feed(session);
    if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
  }
  const prepared = session.prepare();
  if (!prepared.ok) return prepared;
  // As CheckSession.conclude picks it, or refuses the log (no event, or the latest outside the years 0000-9999).
  const asOf = session.asOfInstant(prepared);
  if (typeof asOf !== 'number') return asOf;
  const outcome = session.evaluate(prepared, asOf, output);
  const data = collector.finish(outcome.summary, outcome.escalations.rows(), { outagesGiven: session.outagesGiven, ...spanLabelOf(options), ...latestEventOf(prepared.latest, session.context.reportZone) });
  const store = session.tickets.store;
  const { invalidRows, skipped } = outcome.summary;
  return { ok: true, warnings: outcome.warnings, invalidRows, skipped, figures: { data, model, asOf, eventsOf: (ids) => ticketEventsOf(store, ids, asOf) } };
}

/** A portfolio's figures: one agreement's per client, in the portfolio's order. */
export interface PortfolioFigures {
  portfolio: string;
  asOf: string;
  clients: AgreementFigures[];
  /** Rows that went to no client and were left out as invalid. */
  unassignedInvalidRows: number;
}

/**
 * Checks the logs against a portfolio (one pass, as `slac check` does:
 * the session of `checkPortfolioLogFiles`) and collects each client's figures.
 */
export async function portfolioFigures(portfolio: PortfolioModel, options: LogInput & SpanOptions): Promise<FiguresOutcome<PortfolioFigures>> {
  const collected: { client: string; model: AgreementModel; params: Readonly<Record<string, string>>; collector: SiteDataCollector; zone: string; data?: SiteData; store?: AgreementStore }[] = [];
  let head = { portfolio: portfolio.name, asOf: '' };
  const skipped: SkippedRow[] = [];
  const feed = logFeedOf(options);
  const session = new PortfolioCheckSession(portfolio, options, feed.ticketLog);
  if (session.optionProblems.length === 0) {
    const formatError = await feed.feed(session);
    if (formatError) return { ok: false, errors: [formatError], errorCount: 1, warnings: [] };
  }
  const outcome = session.conclude({
    begin: (portfolioHead) => (head = portfolioHead),
    client: (run) => {
      const collector = new SiteDataCollector(run.member.agreement, options.span);
      collected.push({ client: run.client, model: run.member.agreement, params: run.member.params, collector, zone: run.session.context.reportZone, store: run.session.tickets.store });
      return collector.output();
    },
    clientDone: (run, clientOutcome) => {
      const entry = collected[collected.length - 1]!;
      for (const row of clientOutcome.summary.skipped) skipped.push(row); // not push(...): there may be 100,000s
      entry.data = entry.collector.finish(clientOutcome.summary, clientOutcome.escalations.rows(), {
        outagesGiven: run.session.outagesGiven,
        client: run.client,
        ...(options.spanLabel === undefined ? {} : { spanLabel: options.spanLabel }),
      });
    },
  });
  if (!outcome.ok) return outcome;
  const asOf = outcome.asOf;
  for (const entry of collected) entry.data = { ...entry.data!, ...latestEventOf(outcome.latest, entry.zone) };
  const clients = collected.map((entry) => ({
    data: entry.data!,
    model: entry.model,
    params: entry.params,
    asOf,
    eventsOf: (ids: ReadonlySet<string>) => ticketEventsOf(entry.store!, ids, asOf),
  }));
  const invalidRows = collected.reduce((sum, entry) => sum + entry.data!.invalidRows, 0) + outcome.unassigned.invalidRows;
  return {
    ok: true,
    warnings: outcome.warnings,
    invalidRows,
    skipped: [...skipped, ...outcome.unassigned.skipped],
    figures: { portfolio: head.portfolio, asOf: head.asOf, clients, unassignedInvalidRows: outcome.unassigned.invalidRows },
  };
}

type AgreementStore = CheckSession['tickets']['store'];

function spanLabelOf(options: SpanOptions): { spanLabel?: string } {
  return options.spanLabel === undefined ? {} : { spanLabel: options.spanLabel };
}

/** The log's latest event in the report's zone, which tells a span after the whole log from one after the as-of instant only. */
function latestEventOf(latest: number, zone: string): { latestEvent?: string } {
  return latest > -Infinity ? { latestEvent: formatInstant(latest, zone) } : {};
}
