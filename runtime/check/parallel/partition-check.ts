import type { AgreementModel } from '../../../language/model/model.js';
import { evaluateTicket } from '../../evaluate/index.js';
import type { TicketEvent } from '../../log/events.js';
import { ndjsonNumberedLines } from '../../log/log-rows.js';
import { TICKET_LOG_SHAPE, type TicketOrder } from '../../log/ticket-log.js';
import type { CheckOptions } from '../options.js';
import { CheckSession } from '../session.js';
import { countEventsAfterAsOf, gatherTicketEvents } from '../ticket-events-up-to.js';
import { exchangeBlocks, type BlockExchangeSetup, type ExchangeStop } from './block-exchange.js';
import type { EvaluatedTicket, PartitionFindings, RenderedTickets } from './protocol.js';
import { TicketTexts } from './ticket-texts.js';
import { encodeVerdicts, type VerdictBatch } from './verdict-batch.js';

/** Tickets per batch of verdicts. */
const BATCH_TICKETS = 1024;

/**
 * One worker's share of a check: the rows of this partition's tickets are
 * read, validated and kept by the same session as a one-thread check, with
 * their line numbers in the whole log; then its tickets are evaluated, oldest
 * `created` first, a batch at a time.
 */
export class PartitionCheck {
  private readonly session: CheckSession;
  private order: TicketOrder | undefined;
  private tickets: Uint32Array = new Uint32Array(0);
  private next = 0;
  private ignored = 0;
  private readonly events: TicketEvent[] = [];
  private texts: TicketTexts | undefined;

  constructor(
    model: AgreementModel,
    options: CheckOptions,
    private readonly display: string,
  ) {
    this.session = new CheckSession(model, options, display);
  }

  /**
   * Reads this partition's lines of an NDJSON log, which every worker scans
   * a share of (block-exchange.ts); false when the log cannot be read or is
   * not UTF-8.
   */
  read(exchange: BlockExchangeSetup, stop?: ExchangeStop): Promise<boolean> {
    return exchangeBlocks(exchange, ndjsonNumberedLines(this.display, TICKET_LOG_SHAPE, this.session.tickets), stop);
  }

  /** The order checks (as `CheckSession.prepare`), and what they found. */
  prepare(readable: boolean): PartitionFindings {
    const collector = this.session.tickets;
    const prepared = this.session.prepare();
    const found = { errors: collector.errors.sorted(), errorTotal: collector.errors.total, warnings: collector.warnings, fatal: !readable || collector.fatal.length > 0 };
    if (!prepared.ok) return { ...found, invalidRows: 0, latest: -Infinity, tickets: 0 };
    this.order = prepared.order;
    this.tickets = ticketsByCreation(prepared.order.created);
    return { ...found, invalidRows: prepared.invalidRows, latest: prepared.latest, tickets: this.tickets.length };
  }

  /** Events after `asOf` left out so far. */
  get ignoredAfterAsOf(): number {
    return this.ignored;
  }

  get done(): boolean {
    return this.next >= this.tickets.length;
  }

  /** Evaluates the next batch of tickets at `asOf` and encodes it for the main thread (with their text when rendering). */
  evaluateBatch(asOf: number, render?: RenderedTickets['format']): VerdictBatch {
    const batch = this.evaluateTickets(asOf, render);
    return encodeVerdicts(batch, render ? this.texts!.take() : undefined);
  }

  /**
   * Evaluates the next batch of tickets at `asOf` for the thread that makes
   * the report (the main thread checks one partition itself): the same
   * tickets as `evaluateBatch`, each with its own text when rendering.
   */
  evaluateOnThisThread(asOf: number, render?: RenderedTickets['format']): EvaluatedTicket[] {
    const batch = this.evaluateTickets(asOf, render);
    if (!render) return batch;
    const { bytes, ends } = this.texts!.take();
    let start = 0;
    for (let index = 0; index < batch.length; index++) {
      batch[index]!.text = bytes.subarray(start, ends[index]);
      start = ends[index]!;
    }
    return batch;
  }

  /** The next batch of tickets evaluated at `asOf`, as `CheckSession` evaluates them; their text, when rendering, in `this.texts`. */
  private evaluateTickets(asOf: number, render?: RenderedTickets['format']): EvaluatedTicket[] {
    const order = this.order!;
    const store = this.session.tickets.store;
    const context = this.session.context;
    const events = this.events;
    const batch: EvaluatedTicket[] = [];
    if (render && !this.texts) this.texts = new TicketTexts(render, context);
    const texts = render ? this.texts : undefined;
    while (this.next < this.tickets.length && batch.length < BATCH_TICKETS) {
      const ticket = this.tickets[this.next++]!;
      const created = order.created[ticket]!;
      if (created > asOf) {
        this.ignored += countEventsAfterAsOf(store, ticket);
        continue;
      }
      const { ignored, createdLine } = gatherTicketEvents(store, ticket, asOf, events);
      this.ignored += ignored;
      // Unsorted, as in `CheckSession`: the timeline sorts the ticket's events (time, then file order).
      const verdict = evaluateTicket(context, events, asOf);
      const evaluated: EvaluatedTicket = { created, firstLine: store.lineOf(store.firstEventOf(ticket)), createdLine, verdict };
      texts?.add(verdict);
      batch.push(evaluated);
    }
    return batch;
  }
}

/** Ticket numbers with a `created`, by creation time, ties in order of first appearance (as `CheckSession` orders them). */
function ticketsByCreation(created: Float64Array): Uint32Array {
  const order: number[] = [];
  let sorted = true;
  for (let ticket = 0; ticket < created.length; ticket++) {
    if (Number.isNaN(created[ticket]!)) continue;
    if (order.length > 0 && created[ticket]! < created[order[order.length - 1]!]!) sorted = false;
    order.push(ticket);
  }
  // Most logs list tickets as they were created: then no sort is needed.
  const tickets = Uint32Array.from(order);
  return sorted ? tickets : tickets.sort((a, b) => created[a]! - created[b]! || a - b);
}

