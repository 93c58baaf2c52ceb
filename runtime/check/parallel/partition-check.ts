import type { AgreementModel } from '../../../language/model/model.js';
import { metricVerdictsByIndex, ReportBuilder } from '../../evaluate/index.js';
import type { TicketEvent } from '../../log/events.js';
import { logTimeTexts } from '../../log/time-texts.js';
import { csvNumberedLines, ndjsonNumberedLines } from '../../log/log-rows.js';
import { createdTime, TICKET_LOG_SHAPE, type TicketOrder } from '../../log/ticket-log.js';
import type { CheckOptions } from '../options.js';
import { NeverDueTargets } from '../evaluation-warnings.js';
import { outsideYearsIn } from '../latest-as-of.js';
import { CheckSession, hasNeverDueTarget, ticketsByCreation } from '../session.js';
import { evaluateTicketUpTo } from '../ticket-events-up-to.js';
import { exchangeBlocks, type BlockExchangeSetup, type ExchangeStop } from './block-exchange.js';
import { PlacedNeverDueList } from './never-due-parts.js';
import type { PartitionFindings, PartitionReport, RenderedBatch, RenderedTickets } from './protocol.js';
import { TicketTexts } from './ticket-texts.js';

/**
 * One thread's share of a check: the rows of this partition's tickets are
 * read, validated and kept by the same session as a one-thread check, with
 * their line numbers in the whole log; then its tickets are evaluated,
 * oldest `created` first, into a report of their own (a `ReportPart`) that
 * the coordinator merges with the other partitions'. When the report lists
 * every ticket (JSON, CSV), each ticket's text is rendered here too, with
 * its place in the one-thread order, for the coordinator to interleave.
 */
export class PartitionCheck {
  private readonly session: CheckSession;
  private order: TicketOrder | undefined;
  private tickets: Uint32Array = new Uint32Array(0);
  private next = 0;
  private ignored = 0;
  private readonly events: TicketEvent[] = [];
  private evaluation: PartitionEvaluation | undefined;

  constructor(
    model: AgreementModel,
    options: CheckOptions,
    private readonly display: string,
  ) {
    this.session = new CheckSession(model, options, display);
  }

  /**
   * Reads this partition's lines of an NDJSON or CSV log, which every
   * worker scans a share of (block-exchange.ts); false when the log cannot
   * be read, is not UTF-8, or (CSV) has a record over several lines, of
   * which `onRecordOverLines` hears the first line as soon as it is read,
   * and `onNotUtf8` the first time a block is found not UTF-8. `onRead`
   * hears how many bytes of the log it has read.
   */
  read(
    exchange: BlockExchangeSetup,
    stop?: ExchangeStop,
    onRead?: (bytesRead: number) => void,
    onRecordOverLines?: (line: number) => void,
    onNotUtf8?: () => void,
  ): Promise<boolean> {
    const rows = this.session.tickets;
    this.session.quoteTimesFrom(logTimeTexts(exchange.path, exchange.csv ? 'csv' : 'ndjson', TICKET_LOG_SHAPE));
    const lines = exchange.csv ? csvNumberedLines(this.display, TICKET_LOG_SHAPE, rows, exchange.csv.header) : ndjsonNumberedLines(this.display, TICKET_LOG_SHAPE, rows);
    const sink = { ...lines, ...(onRecordOverLines ? { recordOverLines: onRecordOverLines } : {}), ...(onNotUtf8 ? { notUtf8: onNotUtf8 } : {}) };
    return exchangeBlocks(exchange, sink, stop, onRead);
  }

  /** The order checks (as `CheckSession.prepare`), and what they found. */
  prepare(readable: boolean): PartitionFindings {
    const collector = this.session.tickets;
    const prepared = this.session.prepare();
    const found = { errors: collector.errors.sorted(), errorTotal: collector.errors.total, warnings: collector.warnings, fatal: !readable || collector.fatal.length > 0 };
    if (!prepared.ok) return { ...found, invalidRows: 0, latest: -Infinity, earliest: Infinity, tickets: 0 };
    this.order = prepared.order;
    const store = this.session.tickets.store;
    this.tickets = ticketsByCreation(store, prepared.order);
    const earliest = this.tickets.length > 0 ? createdTime(store, prepared.order, this.tickets[0]!) : Infinity;
    const findings: PartitionFindings = { ...found, invalidRows: prepared.invalidRows, latest: prepared.latest, earliest, tickets: this.tickets.length };
    if (prepared.outsideClock) findings.outsideClock = prepared.outsideClock;
    // The global latest is outside the years only if the latest of the partition that holds it is.
    if (this.session.options.asOf === undefined && prepared.latest > -Infinity && outsideYearsIn(prepared.latest, this.session.context.reportZone)) {
      findings.latestLine = store.firstLineAt(prepared.latest);
    }
    return findings;
  }

  /** Tickets evaluated (or left out as created after as-of) so far. */
  get evaluatedCount(): number {
    return this.next;
  }

  get done(): boolean {
    return this.next >= this.tickets.length;
  }

  /**
   * Starts evaluating at `asOf`, rendering each ticket's text in `render`'s
   * format when given, and keeping the escalation rows of a report that
   * lists only the first `listedEscalations` owed ones, when given.
   */
  startEvaluation(asOf: number, render?: RenderedTickets['format'], listedEscalations?: number): void {
    const context = this.session.context;
    this.evaluation = {
      asOf,
      builder: new ReportBuilder(context, asOf, { ticketIds: this.session.tickets.store, listedEscalations }),
      neverDue: new NeverDueTargets(this.display),
      placedNeverDue: new PlacedNeverDueList(),
      ...(render ? { texts: new TicketTexts(render, context), places: [] } : {}),
    };
  }

  /**
   * Evaluates up to `limit` more tickets, as `CheckSession` evaluates them,
   * into this partition's report (and texts).
   */
  evaluateSome(limit: number): void {
    const { asOf, builder, neverDue, placedNeverDue, texts, places } = this.evaluation!;
    const order = this.order!;
    const store = this.session.tickets.store;
    const context = this.session.context;
    const events = this.events;
    for (const stop = Math.min(this.tickets.length, this.next + limit); this.next < stop; ) {
      const ticket = this.tickets[this.next++]!;
      const created = createdTime(store, order, ticket);
      const { verdict, ignored, createdLine } = evaluateTicketUpTo(context, store, ticket, created, asOf, events);
      this.ignored += ignored;
      if (!verdict) continue;
      // The ticket's first line places it in the one-thread order: needed only by a warning or a rendered text.
      if (hasNeverDueTarget(metricVerdictsByIndex(context, verdict))) {
        const before = neverDue.warnings.length;
        neverDue.add(verdict, createdLine, (metric) => this.session.targetText(metric, verdict));
        placedNeverDue.placeNew(neverDue, before, created, store.firstLineOf(ticket));
      }
      builder.addTicket(verdict, ticket);
      if (texts) {
        texts.add(verdict);
        places!.push(created, store.firstLineOf(ticket));
      }
    }
  }

  /** The texts of the tickets evaluated since the last call, each with its place (created, first line). */
  takeRendered(): RenderedBatch {
    const evaluation = this.evaluation!;
    const { bytes, ends } = evaluation.texts!.take();
    const places = Float64Array.from(evaluation.places!);
    evaluation.places = [];
    return { count: ends.length, places, text: bytes, ends };
  }

  /** What this partition's tickets came to, once all are evaluated. */
  report(): PartitionReport {
    const evaluation = this.evaluation!;
    return { report: evaluation.builder.part(), neverDue: evaluation.placedNeverDue.placed, ignored: this.ignored };
  }
}

/** A partition's evaluation under way. */
interface PartitionEvaluation {
  asOf: number;
  builder: ReportBuilder;
  neverDue: NeverDueTargets;
  placedNeverDue: PlacedNeverDueList;
  /** When rendering: the texts, and each ticket's created and first line, one after the other. */
  texts?: TicketTexts;
  places?: number[];
}
