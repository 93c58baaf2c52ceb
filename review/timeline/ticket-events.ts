import { suggestionReach, suggestName } from '../../language/binder/suggest.js';
import { PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { PortfolioCheckSession, type CheckFileOptions } from '../../runtime/check.js';
import { CheckSession, type SkippedRows as ListedSkippedRows } from '../../runtime/check/session.js';
import { outsideClockYearsWarning } from '../../runtime/check/evaluation-warnings.js';
import type { LogError } from '../../runtime/log/log-error.js';
import { SKIPPED_KIND, type EventStore } from '../../runtime/log/event-store.js';
import type { TicketEvent } from '../../runtime/log/events.js';
import type { SkippedRow } from '../../runtime/evaluate/summary.js';
import { logFeedOf, type LogInput } from '../data/log-feed.js';

/** The logs to read, as `slac check` reads them (the report options are not needed). */
export type TicketLogFiles = Omit<CheckFileOptions, 'output'>;

/** Log files, or the rows a `LogFeed` gives (a helpdesk's export, `slac explain --log-format zendesk|...`). */
export type TicketLogInput = LogInput;

/** The rows `--skip-invalid` left out of the logs, as `slac check` lists them. */
export interface SkippedRows {
  invalidRows: number;
  skipped: SkippedRow[];
}

/**
 * The warnings of reading the rows, as `slac check` prints them (an ignored
 * column, a status on a created row that pauses nothing, a client changed
 * mid-ticket): they change what a timeline shows. The report's own
 * (SLA4040 events after as-of, SLA4050, SLA4041) are not among them.
 */
export interface RowWarnings {
  warnings: LogError[];
}

/** One ticket's events, found in a log read exactly as `slac check` reads it. */
export type TicketLookup =
  | (FoundTicket & SkippedRows & RowWarnings)
  /** The logs are invalid (as `slac check` would refuse them); `skipped`: the rows --skip-invalid left out before that. */
  | InvalidLogs;

/** Why the logs give no timeline, with the rows --skip-invalid left out (all of them, when no valid row was left). */
type InvalidLogs = { ok: false; problem: 'invalid'; errors: LogError[]; errorCount: number; skipped?: ListedSkippedRows };

/** The ticket found in one agreement's tickets, or why it has nothing to explain. */
type FoundTicket =
  | {
      ok: true;
      /** The agreement the ticket is evaluated against (its client's, in a portfolio). */
      agreement: AgreementModel;
      /** The portfolio client the ticket went to. */
      client?: string;
      /** Its valid events, in file order (those after `asOf` included: the timeline leaves them out). */
      events: TicketEvent[];
      /** The check's as-of instant: --as-of, or the latest event of the whole log. */
      asOf: number;
    }
  /** No ticket has that id; `suggestion` is a close one, if any. */
  | { ok: false; problem: 'unknown'; suggestion?: string; ticketCount: number }
  /** The ticket was created after the as-of instant, so the check leaves it out. */
  | { ok: false; problem: 'notYetCreated'; created: number; asOf: number; agreement: AgreementModel };

/** The tickets of one agreement of a read log: all of them, or a portfolio client's. */
export interface TicketSource {
  agreement: AgreementModel;
  /** The portfolio client, as reports name it. */
  client?: string;
  store: EventStore;
}

/** Logs read and checked as `slac check` reads them, ready to evaluate, or why not. */
export type ReadLogs =
  | ({ ok: true; sources: TicketSource[]; asOf: number } & SkippedRows & RowWarnings)
  | InvalidLogs;

/**
 * Reads the logs as `slac check` does: the same validation, the same as-of
 * instant, the same routing of a portfolio's tickets to clients. A
 * portfolio's as-of instant is the latest event of the whole log, so its
 * check is concluded in full, as `slac check` would.
 */
export async function readLogsAsCheckDoes(model: AgreementModel | PortfolioModel, files: TicketLogInput): Promise<ReadLogs> {
  const feed = logFeedOf(files);
  if (model.format === PORTFOLIO_FORMAT) {
    const session = new PortfolioCheckSession(model, files, feed.ticketLog);
    if (session.optionProblems.length > 0) return invalid(session.optionProblems);
    const formatError = await feed.feed(session);
    if (formatError) return invalid([formatError]);
    const left: SkippedRows = { invalidRows: 0, skipped: [] };
    const outcome = session.conclude({ clientDone: (_run, client) => addSkipped(left, client.summary), made: 'timeline' });
    if (!outcome.ok) return { ok: false, problem: 'invalid', errors: outcome.errors, errorCount: outcome.errorCount, ...(outcome.skipped === undefined ? {} : { skipped: outcome.skipped }) };
    addSkipped(left, outcome.unassigned);
    const sources = session.runs.map((run) => ({ agreement: run.member.agreement, client: run.client, store: run.session.tickets.store }));
    return { ok: true, sources, asOf: outcome.asOf, ...left, warnings: outcome.warnings.filter((warning) => !REPORT_WARNINGS.has(warning.code)) };
  }
  const session = new CheckSession(model, files, feed.ticketLog);
  if (session.optionProblems.length > 0) return invalid(session.optionProblems);
  const formatError = await feed.feed(session);
  if (formatError) return invalid([formatError]);
  const prepared = session.prepare();
  if (!prepared.ok) return { ok: false, problem: 'invalid', errors: prepared.errors, errorCount: prepared.errorCount };
  // As `slac check` picks it, or refuses the log (no event, or the latest outside the years 0000-9999), with the rows skipped as invalid listed.
  const asOf = session.asOfInstant(prepared, 'timeline');
  if (typeof asOf !== 'number') return { ok: false, problem: 'invalid', errors: asOf.errors, errorCount: asOf.errorCount, ...(asOf.skipped === undefined ? {} : { skipped: asOf.skipped }) };
  // Rows where the clock counts no open time are warned about as check warns (SLA4061): the timeline's due times there mean nothing.
  const clockWarning = outsideClockYearsWarning(session.ticketFile, prepared.outsideClock, session.context.reportZone);
  const warnings = clockWarning ? [...prepared.warnings, clockWarning] : prepared.warnings;
  return { ok: true, sources: [{ agreement: model, store: session.tickets.store }], asOf, invalidRows: prepared.invalidRows, skipped: session.skippedRows(), warnings };
}

/** The warnings a portfolio's check raises about its report, not about the rows (one agreement's are raised only by its evaluation). */
const REPORT_WARNINGS: ReadonlySet<string> = new Set(['SLA4040', 'SLA4041', 'SLA4050']);

function addSkipped(sum: SkippedRows, rows: SkippedRows): void {
  sum.invalidRows += rows.invalidRows;
  for (const row of rows.skipped) sum.skipped.push(row); // not push(...): a log may skip 100,000s of rows
}

/** A ticket's valid events in a store (the rows the check skipped left out), in file order. */
export function eventsOfTicket(store: EventStore, ticket: number): TicketEvent[] {
  const id = store.ticketId(ticket);
  return store.eventsOf(ticket).filter((event) => store.kindOf(event) !== SKIPPED_KIND).map((event) => store.toTicketEvent(event, id));
}

/** Reads the logs as `slac check` does and picks out one ticket's events. */
export async function findTicketEvents(model: AgreementModel | PortfolioModel, ticket: string, files: TicketLogInput): Promise<TicketLookup> {
  const read = await readLogsAsCheckDoes(model, files);
  if (!read.ok) return read;
  const left: SkippedRows & RowWarnings = { invalidRows: read.invalidRows, skipped: read.skipped, warnings: read.warnings };
  let ticketCount = 0;
  const suggestions: string[] = [];
  for (const source of read.sources) {
    const found = pick(source.store, ticket, read.asOf, source.agreement);
    if (found.ok) return source.client === undefined ? { ...found, ...left } : { ...found, client: source.client, ...left };
    if (found.problem !== 'unknown') return { ...found, ...left };
    ticketCount += found.ticketCount;
    if (found.suggestion !== undefined) suggestions.push(found.suggestion);
  }
  const suggestion = suggestName(ticket, suggestions);
  return { ok: false, problem: 'unknown', ticketCount, ...(suggestion === undefined ? {} : { suggestion }), ...left };
}

function invalid(errors: readonly LogError[]): Extract<ReadLogs, { ok: false }> {
  return { ok: false, problem: 'invalid', errors: [...errors], errorCount: errors.length };
}

/** The ticket's valid events in one store, or why there are none to explain. */
function pick(store: EventStore, ticket: string, asOf: number, agreement: AgreementModel): FoundTicket {
  const limit = suggestionReach(ticket);
  const near: string[] = [];
  for (let index = 0; index < store.ticketCount; index++) {
    const id = store.ticketId(index);
    if (id !== ticket) {
      // Only ids within the suggestion's reach are worth an edit distance.
      if (Math.abs(id.length - ticket.length) <= limit) near.push(id);
      continue;
    }
    const events = eventsOfTicket(store, index);
    const created = events.find((event) => event.event === 'created')?.time;
    if (created !== undefined && created > asOf) return { ok: false, problem: 'notYetCreated', created, asOf, agreement };
    if (events.length === 0) break;
    return { ok: true, agreement, events, asOf };
  }
  const suggestion = suggestName(ticket, near);
  return { ok: false, problem: 'unknown', ticketCount: store.ticketCount, ...(suggestion === undefined ? {} : { suggestion }) };
}
