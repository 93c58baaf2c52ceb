import { targetFor, type AgreementModel } from '../../language/model/model.js';
import { createEvaluationContext, metricVerdictsByIndex, ReportBuilder, type MetricVerdict, type TicketVerdict, type BreachList, type EscalationList, type EvaluationContext, type ReportSummary, type SkippedRow } from '../evaluate/index.js';
import { formatInstant } from '../clock/index.js';
import { toTicketJson, type TicketVerdictJson } from '../report/index.js';
import type { OutageRow, TicketEvent } from '../log/events.js';
import { LogErrorList } from '../log/error-list.js';
import { logError, type LogError } from '../log/log-error.js';
import { vocabularyOf } from '../log/log-vocabulary.js';
import { OutageLogCollector } from '../log/outage-log.js';
import { checkTicketOrder, createdTime, NO_CREATED, TicketLogCollector, type TicketOrder } from '../log/ticket-log.js';
import type { EventStore } from '../log/event-store.js';
import type { TimeTextsAt } from '../log/time-texts.js';
import type { ReportHead } from './json-stream.js';
import { beforeEffectiveWarning, ignoredEventsWarning, ignoredOutagesWarning, NeverDueTargets, outageClientsWarning, outagesBeforeReportingWarning, outsideClockYearsOf, outsideClockYearsWarning, raisedWarnings, uncountedUptimeCreditsWarning, type OutsideClockYears } from './evaluation-warnings.js';
import { evaluateTicketUpTo } from './ticket-events-up-to.js';
import { latestEventOutsideYears, type MadeAtLatest } from './latest-as-of.js';
import { byCreation, sortByCreation } from './creation-order.js';
import { resolveOptions, type CheckOptions, type ResolvedOptions } from './options.js';

/** How many errors are kept (and printed) when the check fails on invalid rows. */
export const PRINTED_ERRORS = 50;

/** A skipped row or warning as listed in the report: its code always given. */
export interface ListedRow extends SkippedRow {
  code: string;
}

/** The report's summary with what the log reader adds. */
export interface CheckSummary extends ReportSummary {
  /** Valid events after the as-of instant, left out of the report. */
  ignoredAfterAsOf: number;
  /** Unknown keys and other warnings, once per key and file. */
  warnings: ListedRow[];
}

/** Receives the report as it is made, for streaming writers. */
export interface ReportOutput {
  /** Called once, before the first ticket. */
  begin?(head: ReportHead): void;
  /** Each evaluated ticket, oldest `created` first (ties in log order). */
  ticket?(ticket: TicketVerdictJson): void;
  /**
   * Each evaluated ticket's verdict, in the same order, for a writer that
   * makes its text straight from it (runtime/report/verdict-text.ts):
   * called instead of `ticket` when given, which saves the intermediate
   * `TicketVerdictJson` per ticket.
   */
  verdict?(verdict: TicketVerdict, context: EvaluationContext): void;
  /** Tickets evaluated so far, of how many; every few thousand tickets. */
  progress?(done: number, total: number): void;
  /**
   * True when the writer lists the escalations from the outcome's
   * `escalations`, one row at a time: the summary's list is then left empty,
   * which saves its memory on a large log.
   */
  streamsEscalations?: boolean;
  /**
   * The report lists only the first this many owed (missed or late)
   * escalations, in report order (the text report: 50; CSV: none): the check
   * then keeps only those, not every escalation of the log.
   */
  listedEscalations?: number;
}

/** A session whose logs are read and checked, ready to evaluate. */
export interface PreparedCheck {
  ok: true;
  order: TicketOrder;
  invalidRows: number;
  warnings: LogError[];
  /** The latest valid event time; -Infinity when the log has none. */
  latest: number;
  /** Valid events dated where the clock counts no open time (SLA4061); undefined when none. */
  outsideClock: OutsideClockYears | undefined;
}

export type CheckOutcome =
  | {
      ok: true;
      summary: CheckSummary;
      breaches: BreachList;
      /** Every escalation row, in report order, made as they are read. */
      escalations: EscalationList;
      warnings: LogError[];
    }
  /**
   * Invalid input: the first errors by line, how many there were, and
   * warnings; `skipped`, the rows --skip-invalid left out before the check
   * found nothing left to report on (SLA4019) or a latest event outside the
   * years 0000-9999 (SLA4053); they are listed, as with a report.
   */
  | { ok: false; errors: LogError[]; errorCount: number; warnings: LogError[]; skipped?: SkippedRows };

/** The rows --skip-invalid left out: how many, and the rows as listed. */
export interface SkippedRows {
  invalidRows: number;
  rows: ListedRow[];
}

/** `skipped` of a failed outcome: the rows left out, when there are any. */
export function skippedOf(invalidRows: number, errors: LogErrorList): { skipped?: SkippedRows } {
  return invalidRows > 0 ? { skipped: { invalidRows, rows: errors.sorted().map(toListedRow) } } : {};
}

/**
 * One run of the check: the collectors that the logs are read into, then
 * (`conclude`) the order checks, the evaluation and the report. Files and
 * in-memory rows go through exactly this, so both give the same report.
 */
export class CheckSession {
  readonly context: EvaluationContext;
  readonly options: ResolvedOptions;
  readonly tickets: TicketLogCollector;
  outages: OutageLogCollector | undefined;
  private sharedOutageRows: readonly OutageRow[] | undefined;
  /** The file of `sharedOutageRows`, which its warnings name. */
  private sharedOutageFile: string | undefined;
  private appearanceOf: ((ticket: string) => number) | undefined;
  private readonly optionErrors: LogError[];
  private readonly errors: LogErrorList;

  /**
   * `context`, when given, is the evaluation context of `model`, shared with
   * other sessions (the clients of a portfolio that use the same agreement
   * file share its compiled calendars and their caches).
   */
  constructor(
    model: AgreementModel,
    options: CheckOptions,
    readonly ticketFile: string,
    context?: EvaluationContext,
  ) {
    const { resolved, errors } = resolveOptions(options);
    this.options = resolved;
    this.optionErrors = errors;
    this.context = context ?? createEvaluationContext(model);
    this.errors = new LogErrorList(resolved.skipInvalid ? Infinity : PRINTED_ERRORS);
    this.tickets = new TicketLogCollector(ticketFile, vocabularyOf(model, resolved.assumeZone), this.errors);
  }

  /** SLA4008 quotes an event's time as the log file wrote it, read again from `texts`. */
  quoteTimesFrom(texts: TimeTextsAt): void {
    this.tickets.timeTextsAt = texts;
  }

  /** Problems that stop the run before any reading (bad options). */
  get optionProblems(): readonly LogError[] {
    return this.optionErrors;
  }

  /** Whether an outage log was given (its own, or a portfolio's shared rows): without one, no uptime is measured. */
  get outagesGiven(): boolean {
    return this.outages !== undefined || this.sharedOutageRows !== undefined;
  }

  useOutageLog(file: string): OutageLogCollector {
    this.outages = new OutageLogCollector(file, this.options.assumeZone);
    return this.outages;
  }

  /**
   * Rows of a shared outage log that apply to this agreement, already
   * validated (a portfolio reads its outage log once for every client).
   */
  useOutageRows(rows: readonly OutageRow[], file: string): void {
    this.sharedOutageRows = rows;
    this.sharedOutageFile = file;
  }

  /**
   * Where each ticket first appears in the log the rows came from, when
   * that is not the order they reached this session (a portfolio's rows
   * that waited for a client): tickets created at the same time are
   * listed in that order.
   */
  orderTiesBy(appearanceOf: (ticket: string) => number): void {
    this.appearanceOf = appearanceOf;
  }

  /** Checks ticket order, evaluates every ticket and builds the report. */
  conclude(output: ReportOutput = {}): CheckOutcome {
    const prepared = this.prepare();
    if (!prepared.ok) return prepared;
    const asOf = this.asOfInstant(prepared);
    if (typeof asOf !== 'number') return asOf;
    return this.evaluate(prepared, asOf, output);
  }

  /**
   * The instant the check is made at: --as-of, or the latest event of the
   * log; or why there is none (SLA4019, no event left) or why it cannot be
   * (SLA4053, the latest event outside the years 0000 to 9999 in the report
   * zone, named by its line). `slac report` and `slac explain` evaluate a
   * prepared check themselves and ask this too, so they refuse such a log
   * as `slac check` does (they said only "give an earlier --as-of");
   * explain names what it makes (`made`: the timeline).
   */
  asOfInstant(prepared: PreparedCheck, made: MadeAtLatest = 'report'): number | Extract<CheckOutcome, { ok: false }> {
    const asOf = this.options.asOf ?? (prepared.latest > -Infinity ? prepared.latest : undefined);
    const refused = (error: LogError): Extract<CheckOutcome, { ok: false }> => ({ ok: false, errors: [error], errorCount: 1, warnings: prepared.warnings, ...skippedOf(prepared.invalidRows, this.errors) });
    if (asOf === undefined) return refused(logError('SLA4019', this.ticketFile, 0, undefined));
    const outside = this.options.asOf === undefined ? latestEventOutsideYears(this.ticketFile, asOf, [this.context.reportZone], () => this.tickets.store.firstLineAt(asOf), made) : undefined;
    return outside ? refused(outside) : asOf;
  }

  /**
   * The checks that need the whole log (ticket order); fails on any invalid
   * row unless skipping them. A portfolio prepares every client's session
   * first, so that they all share one as-of instant.
   */
  prepare(): PreparedCheck | Extract<CheckOutcome, { ok: false }> {
    const warnings = [...this.tickets.warnings, ...(this.outages?.warnings ?? [])];
    const fatal = [...this.optionErrors, ...this.tickets.fatal, ...(this.outages?.fatal ?? [])];
    if (fatal.length > 0) return { ok: false, errors: fatal, errorCount: fatal.length, warnings };
    const store = this.tickets.store;
    store.compact();
    const tickets = this.tickets;
    const order = checkTicketOrder(store, this.ticketFile, this.errors, false, { textsAt: tickets.timeTextsAt, zone: this.context.reportZone, invalidCreatedLine: (id) => tickets.invalidCreatedLine(id) });
    for (const error of this.outages?.errors ?? []) this.errors.add(error);
    const invalidRows = this.tickets.invalidRows + order.invalidRows + (this.outages?.invalidRows ?? 0);
    if (this.errors.total > 0 && !this.options.skipInvalid) {
      return { ok: false, errors: this.errors.sorted(), errorCount: this.errors.total, warnings };
    }
    return { ok: true, order, invalidRows, warnings, latest: order.latest, outsideClock: outsideClockYearsOf(store) };
  }

  /** The rows --skip-invalid left out so far (all of them, once prepared), as the report lists them. */
  skippedRows(): ListedRow[] {
    return this.errors.sorted().map(toListedRow);
  }

  /** Evaluates every ticket at `asOf` and builds the report. */
  evaluate(prepared: PreparedCheck, asOf: number, output: ReportOutput = {}): Extract<CheckOutcome, { ok: true }> {
    const { order, invalidRows, warnings } = prepared;
    const head: ReportHead = { agreement: this.context.model.agreement?.name ?? '', asOf: formatInstant(asOf, this.context.reportZone) };
    const title = this.context.model.agreement?.title;
    if (title !== undefined) head.title = title;
    output.begin?.(head);
    const builder = new ReportBuilder(this.context, asOf, { ticketIds: this.tickets.store, listedEscalations: output.listedEscalations });
    const outageRows = this.sharedOutageRows ?? this.outages?.rows;
    if (outageRows) builder.setOutages(outageRows);
    const neverDue = new NeverDueTargets(this.ticketFile);
    const ignoredAfterAsOf = this.evaluateTickets(order, asOf, builder, output, neverDue);
    const ignoredWarning = ignoredEventsWarning(this.ticketFile, ignoredAfterAsOf, head.asOf);
    // A portfolio's shared outage log is counted once, by the portfolio, not by each client.
    const outagesWarning = ignoredOutagesWarning(this.outages, this.options.asOf, head.asOf);
    const earlyWarning = beforeEffectiveWarning(this.ticketFile, builder.createdBeforeEffective, this.context.model.agreement?.effective);
    const clockWarning = outsideClockYearsWarning(this.ticketFile, prepared.outsideClock, this.context.reportZone);
    const unmeasuredWarning = outagesBeforeReportingWarning(this.sharedOutageFile ?? this.outages?.file, builder.outageRowsBeforeReporting(), this.context.model.agreement?.effective);
    const uncountedWarning = uncountedUptimeCreditsWarning(this.context.model, outageRows !== undefined);
    // Only an agreement's own outage log: a portfolio's shared rows are applied to each client already.
    const clientsWarning = outageClientsWarning(this.outages);
    const allWarnings = [...warnings, ...raisedWarnings(clockWarning, ignoredWarning, outagesWarning, clientsWarning, unmeasuredWarning, uncountedWarning, earlyWarning), ...neverDue.warnings];
    const summary: CheckSummary = {
      ...builder.finish({ invalidRows, skipped: this.skippedRows(), listEscalations: output.streamsEscalations !== true }),
      ignoredAfterAsOf,
      warnings: allWarnings.map(toListedRow),
    };
    return { ok: true, summary, breaches: builder.breaches(), escalations: builder.escalations, warnings: allWarnings };
  }

  /** The target as written in the agreement, for a message. */
  targetText(metricName: string, verdict: TicketVerdict): string {
    const metric = this.context.model.metrics.find((candidate) => candidate.name === metricName);
    return (metric && targetFor(metric, verdict.severity, verdict.channel)?.text) ?? '?';
  }

  /** Each ticket's place in order of first appearance, when `orderTiesBy` gave one. */
  private appearanceRanks(): Uint32Array | undefined {
    const appearanceOf = this.appearanceOf;
    if (!appearanceOf) return undefined;
    const store = this.tickets.store;
    const ranks = new Uint32Array(store.ticketCount);
    for (let ticket = 0; ticket < ranks.length; ticket++) ranks[ticket] = appearanceOf(store.ticketId(ticket));
    return ranks;
  }

  /** Evaluates tickets oldest first; returns how many events fell after as-of. */
  private evaluateTickets(order: TicketOrder, asOf: number, builder: ReportBuilder, output: ReportOutput, neverDue: NeverDueTargets): number {
    const store = this.tickets.store;
    let ignored = 0;
    const tickets = ticketsByCreation(store, order, this.appearanceRanks());
    let done = 0;
    // One list reused for every ticket: the evaluator copies what it keeps.
    const events: TicketEvent[] = [];
    // One function for every ticket, about the ticket at hand: called only for a target that is never due.
    let verdict: TicketVerdict | undefined;
    const targetText = (metric: string): string => this.targetText(metric, verdict!);
    for (const ticket of tickets) {
      if (++done % 4096 === 0) output.progress?.(done, tickets.length);
      const evaluated = evaluateTicketUpTo(this.context, store, ticket, createdTime(store, order, ticket), asOf, events);
      ignored += evaluated.ignored;
      verdict = evaluated.verdict;
      if (!verdict) continue;
      if (hasNeverDueTarget(metricVerdictsByIndex(this.context, verdict))) neverDue.add(verdict, evaluated.createdLine, targetText);
      builder.addTicket(verdict, ticket);
      emitTicket(output, verdict, this.context);
    }
    return ignored;
  }
}

/**
 * Hands one evaluated ticket to the report's writer: its verdict when the
 * writer takes verdicts, else its JSON object; nothing is made for a writer
 * that takes neither (the text report needs only the summary).
 */
export function emitTicket(output: ReportOutput, verdict: TicketVerdict, context: EvaluationContext): void {
  if (output.verdict) output.verdict(verdict, context);
  else if (output.ticket) output.ticket(toTicketJson(verdict, context));
}

/** Whether a metric's target is never due (not finite): only then has `NeverDueTargets` anything to warn about. */
export function hasNeverDueTarget(metricVerdicts: readonly (MetricVerdict | undefined)[]): boolean {
  for (let index = 0; index < metricVerdicts.length; index++) {
    const metricVerdict = metricVerdicts[index];
    if (metricVerdict !== undefined && !Number.isFinite(metricVerdict.targetMinutes)) return true;
  }
  return false;
}

/**
 * Ticket indexes with a `created`, by creation time, ties in order of first
 * appearance: the index's own order, or `appearance` (by index) when given.
 */
export function ticketsByCreation(store: EventStore, order: TicketOrder, appearance?: Uint32Array): Uint32Array {
  const created = order.createdEvents;
  let count = 0;
  for (let i = 0; i < created.length; i++) if (created[i] !== NO_CREATED) count++;
  const tickets = new Uint32Array(count);
  const createdAt = (ticket: number): number => store.timeOf(created[ticket]!);
  const place = appearance === undefined ? undefined : (ticket: number) => appearance[ticket]!;
  const before = byCreation(createdAt, place);
  let next = 0;
  let sorted = true;
  for (let i = 0; i < created.length; i++) {
    if (created[i] === NO_CREATED) continue;
    if (next > 0 && before(tickets[next - 1]!, i) > 0) sorted = false;
    tickets[next++] = i;
  }
  // Most logs list tickets as they were created: then no sort is needed.
  return sorted ? tickets : sortByCreation(tickets, createdAt, place);
}

/** A log error as the report lists it. */
export function toListedRow(error: LogError): ListedRow {
  return {
    file: error.file,
    line: error.line,
    ...(error.key === undefined ? {} : { key: error.key }),
    code: error.code,
    message: error.message,
  };
}
