import { printableText } from '../../language/diagnostics/diagnostic.js';
import { memberForClient, OTHERS_CLIENT, type PortfolioMemberModel, type PortfolioModel } from '../../language/model/model.js';
import { formatInstant } from '../clock/index.js';
import { createEvaluationContext, type EvaluationContext } from '../evaluate/index.js';
import { compareLogErrors, logError, type LogError } from '../log/log-error.js';
import { mergeStrayWarnings } from '../log/stray-values.js';
import { firstFoundLine, latestEventOutsideYears, type MadeAtLatest } from './latest-as-of.js';
import { OutageLogCollector } from '../log/outage-log.js';
import type { TimeTextsAt } from '../log/time-texts.js';
import type { OutageRow } from '../log/events.js';
import { ignoredEventsWarning, ignoredOutagesWarning, raisedWarnings } from './evaluation-warnings.js';
import type { CheckOptions } from './options.js';
import { CheckSession, PRINTED_ERRORS, toListedRow, type CheckOutcome, type ListedRow, type PreparedCheck, type ReportOutput, type SkippedRows } from './session.js';
import { listedClients, TicketRouter } from './ticket-router.js';

// The others member's name is the language's (the checker refuses a client so named): re-exported for the runtime's users.
export { OTHERS_CLIENT };

/** One client of a portfolio and the check of its tickets. */
export interface ClientRun {
  /** The client as reports name it: its first name, or `others`. */
  client: string;
  member: PortfolioMemberModel;
  session: CheckSession;
}

/** The head of a portfolio report, known before any ticket is evaluated. */
export interface PortfolioHead {
  portfolio: string;
  /** The common as-of instant, in the zone of the first client's report. */
  asOf: string;
}

/** Receives a portfolio report as it is made: client by client, ticket by ticket. */
export interface PortfolioReportOutput {
  begin?(head: PortfolioHead): void;
  /** Where the tickets of one client's report go (called just before they are evaluated). */
  client?(run: ClientRun): ReportOutput;
  /** One client's report is complete. */
  clientDone?(run: ClientRun, outcome: Extract<CheckOutcome, { ok: true }>): void;
  /** What is made at the latest event, for SLA4053: the report unless said (explain makes a timeline). */
  made?: MadeAtLatest;
}

/**
 * The warnings one client's evaluation raised (SLA4050, SLA4041), beyond
 * those of its rows (already among the portfolio's), with the client
 * named: they go wherever one agreement's go, stderr in every format, and
 * would otherwise be only in that client's JSON report. Events after
 * as-of (SLA4040) are counted once for the whole log instead.
 */
function evaluationWarningsOf(client: string, prepared: PreparedCheck, warnings: readonly LogError[]): LogError[] {
  return warnings
    .filter((warning) => !prepared.warnings.includes(warning) && warning.code !== 'SLA4040')
    .map((warning) => ({ ...warning, message: `client '${printableText(client)}': ${warning.message}` }));
}

/** Rows that went to no client: listed once, beside the clients' reports. */
export interface UnassignedRows {
  invalidRows: number;
  skipped: ListedRow[];
}

export type PortfolioOutcome =
  | { ok: true; asOf: number; /** The latest valid event of the whole log; -Infinity when it has none. */ latest: number; unassigned: UnassignedRows; warnings: LogError[] }
  | { ok: false; errors: LogError[]; errorCount: number; warnings: LogError[]; skipped?: SkippedRows };

/**
 * One run of a portfolio check: a check session per client (each with its
 * own evaluation context and vocabulary), fed by one pass over the ticket
 * log through the router. Every client's report is made at one as-of
 * instant: --as-of, or the latest event time of the whole log.
 */
export class PortfolioCheckSession {
  readonly runs: ClientRun[];
  readonly tickets: TicketRouter;
  outages: OutageLogCollector | undefined;

  constructor(
    readonly portfolio: PortfolioModel,
    private readonly options: CheckOptions,
    readonly ticketFile: string,
  ) {
    const members: [string, PortfolioMemberModel][] = portfolio.clients.map((client) => [client.names[0] ?? '', client]);
    if (portfolio.others) members.push([OTHERS_CLIENT, portfolio.others]);
    // Params only fill in the documents: clients of one agreement file are evaluated alike, with one context.
    const contexts = new Map<string, EvaluationContext>();
    const contextOf = (member: PortfolioMemberModel): EvaluationContext => {
      let context = contexts.get(member.path);
      if (!context) contexts.set(member.path, (context = createEvaluationContext(member.agreement)));
      return context;
    };
    this.runs = members.map(([client, member]) => ({ client, member, session: new CheckSession(member.agreement, options, ticketFile, contextOf(member)) }));
    const keep = options.skipInvalid === true ? Infinity : PRINTED_ERRORS;
    this.tickets = new TicketRouter(ticketFile, portfolio, this.runs.map((run) => run.session.tickets), keep);
  }

  /** Problems with the options, which are the same for every client. */
  get optionProblems(): readonly LogError[] {
    return this.runs[0]?.session.optionProblems ?? [];
  }

  /** Each client's SLA4008 quotes times as the shared log file wrote them. */
  quoteTimesFrom(texts: TimeTextsAt): void {
    for (const run of this.runs) run.session.quoteTimesFrom(texts);
  }

  useOutageLog(file: string): OutageLogCollector {
    this.outages = new OutageLogCollector(file, this.runs[0]?.session.options.assumeZone);
    return this.outages;
  }

  /** Checks every client's tickets, then evaluates them client by client. */
  conclude(output: PortfolioReportOutput = {}): PortfolioOutcome {
    this.tickets.finish();
    for (const run of this.runs) run.session.orderTiesBy((ticket) => this.tickets.appearanceOf(ticket));
    const shared = [...this.tickets.warnings, ...(this.outages?.warnings ?? [])];
    const fatal = [...this.optionProblems, ...this.tickets.fatal, ...(this.outages?.fatal ?? [])];
    if (fatal.length > 0) return { ok: false, errors: fatal, errorCount: fatal.length, warnings: shared };
    // Warnings about the whole log (unknown keys) belong in every client's report.
    const fileWarnings = shared.filter((warning) => warning.code !== 'SLA4031');
    for (const run of this.runs) for (const warning of fileWarnings) run.session.tickets.warnings.push(warning);
    this.shareOutages();
    const prepared: PreparedCheck[] = [];
    const errors = [...this.tickets.errors.sorted(), ...(this.outages?.errors ?? [])];
    let errorCount = this.tickets.errors.total + (this.outages?.errors.length ?? 0);
    for (const run of this.runs) {
      const result = run.session.prepare();
      if (result.ok) prepared.push(result);
      else {
        for (const error of result.errors) errors.push(error); // not push(...): there may be 100,000s
        errorCount += result.errorCount;
      }
    }
    // Each client's reader counts the values its rows' events do not read (SLA4054): one warning of them all per key and event.
    const warnings = mergeStrayWarnings([...shared, ...this.runs.flatMap((run) => run.session.tickets.warnings.filter((warning) => !fileWarnings.includes(warning)))].sort(compareLogErrors));
    if (prepared.length < this.runs.length || (errorCount > 0 && this.options.skipInvalid !== true)) {
      return { ok: false, errors: errors.sort(compareLogErrors).slice(0, PRINTED_ERRORS), errorCount, warnings };
    }
    const latest = prepared.reduce((max, check) => Math.max(max, check.latest), -Infinity);
    const asOf = this.runs[0]?.session.options.asOf ?? (latest > -Infinity ? latest : undefined);
    if (asOf === undefined) return { ok: false, errors: [logError('SLA4019', this.ticketFile, 0, undefined)], errorCount: 1, warnings, ...this.skippedWithoutReport(prepared) };
    const zones = this.runs.map((run) => run.session.context.reportZone);
    const outside = this.runs[0]?.session.options.asOf === undefined ? latestEventOutsideYears(this.ticketFile, asOf, zones, () => this.firstLineAt(asOf), output.made) : undefined;
    if (outside) return { ok: false, errors: [outside], errorCount: 1, warnings, ...this.skippedWithoutReport(prepared) };
    const zone = this.runs[0]?.session.context.reportZone ?? 'UTC';
    const asOfText = formatInstant(asOf, zone);
    output.begin?.({ portfolio: this.portfolio.name, asOf: asOfText });
    let ignoredAfterAsOf = 0;
    const clientWarnings: LogError[] = [];
    this.runs.forEach((run, index) => {
      const outcome = run.session.evaluate(prepared[index]!, asOf, output.client?.(run) ?? {});
      ignoredAfterAsOf += outcome.summary.ignoredAfterAsOf;
      for (const warning of evaluationWarningsOf(run.client, prepared[index]!, outcome.warnings)) clientWarnings.push(warning);
      output.clientDone?.(run, outcome);
    });
    const unassignedErrors = [...this.tickets.errors.sorted(), ...(this.outages?.errors ?? [])].sort(compareLogErrors);
    const unassigned = { invalidRows: this.tickets.invalidRows + (this.outages?.invalidRows ?? 0), skipped: unassignedErrors.map(toListedRow) };
    return { ok: true, asOf, latest, unassigned, warnings: [...warnings, ...clientWarnings, ...this.afterAsOfWarnings(ignoredAfterAsOf, asOfText)].sort(compareLogErrors) };
  }

  /**
   * What `--as-of` left out, for the whole portfolio as for one agreement
   * (SLA4040): each client's report counts its own events, and the
   * outage log, shared by the clients, is counted once here.
   */
  private afterAsOfWarnings(ignoredEvents: number, asOfText: string): LogError[] {
    const outagesWarning = ignoredOutagesWarning(this.outages, this.runs[0]?.session.options.asOf, asOfText);
    return raisedWarnings(ignoredEventsWarning(this.ticketFile, ignoredEvents, asOfText), outagesWarning);
  }

  /** The line of the first valid event at `time` among every client's rows (SLA4053); 0 when none. */
  private firstLineAt(time: number): number {
    return firstFoundLine(this.runs.map((run) => run.session.tickets.store.firstLineAt(time)));
  }

  /** The rows --skip-invalid left out of every client and of none, when they left nothing to report on. */
  private skippedWithoutReport(prepared: readonly PreparedCheck[]): { skipped?: SkippedRows } {
    const invalidRows = prepared.reduce((sum, check) => sum + check.invalidRows, this.tickets.invalidRows + (this.outages?.invalidRows ?? 0));
    if (invalidRows === 0) return {};
    const unassigned = [...this.tickets.errors.sorted(), ...(this.outages?.errors ?? [])].map(toListedRow);
    // In the order the CLI lists them beside a report: client by client, then the rows of no client.
    const rows = [...this.runs.flatMap((run) => run.session.skippedRows()), ...unassigned];
    return { skipped: { invalidRows, rows } };
  }

  /**
   * The outage log is read once: a row with a client applies to that
   * client's agreement, a row without one to every client. A client the
   * portfolio does not list is routed as its tickets are, to `others`.
   */
  private shareOutages(): void {
    if (!this.outages) return;
    const rows = this.outages.rows.filter((row) => this.outageRowHasMember(row));
    for (const run of this.runs) {
      run.session.useOutageRows(rows.filter((row) => row.client === undefined || row.client.trim() === '' || memberForClient(this.portfolio, row.client) === run.member), this.outages!.file);
    }
  }

  /**
   * Whether an outage row goes to some client: a row naming a client the
   * portfolio does not list, without `others`, would count for nobody (a
   * misspelt name), so it is an invalid row of no client (SLA4056), as such
   * a ticket's rows are (SLA4030).
   */
  private outageRowHasMember(row: OutageRow): boolean {
    if (row.client === undefined || row.client.trim() === '' || memberForClient(this.portfolio, row.client)) return true;
    this.outages!.problem(logError('SLA4056', this.outages!.file, row.line, 'client', { client: row.client, portfolio: this.portfolio.name, clients: listedClients(this.portfolio) }));
    return false;
  }
}
