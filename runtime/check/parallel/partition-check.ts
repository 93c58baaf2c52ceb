import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { AgreementModel } from '../../../language/model/model.js';
import { evaluateTicket } from '../../evaluate/index.js';
import type { TicketEvent } from '../../log/events.js';
import { csvRowParser, ndjsonRowParser, type LogFormat } from '../../log/log-rows.js';
import { TICKET_LOG_SHAPE, type TicketOrder } from '../../log/ticket-log.js';
import type { CheckOptions } from '../options.js';
import { CheckSession } from '../session.js';
import { countEventsAfterAsOf, gatherTicketEvents } from '../ticket-events-up-to.js';
import { OwnedLines } from './owned-lines.js';
import { PartitionRows } from './partition-rows.js';
import { toTicketJson, renderCsv } from '../../report/index.js';
import { ticketItemText } from '../../report/json-text.js';
import type { EvaluatedTicket, PartitionFindings, RenderedTickets } from './protocol.js';

/** Tickets per batch of verdicts. */
const BATCH_TICKETS = 1024;

/**
 * One worker's share of a check: the whole log is read, but only the rows
 * of this partition's tickets are validated and kept, by the same
 * session as a one-thread check; then its tickets are evaluated, oldest
 * `created` first, a batch at a time.
 */
export class PartitionCheck {
  private readonly session: CheckSession;
  private order: TicketOrder | undefined;
  private tickets: Uint32Array = new Uint32Array(0);
  private next = 0;
  private ignored = 0;
  private readonly events: TicketEvent[] = [];

  constructor(
    model: AgreementModel,
    options: CheckOptions,
    private readonly display: string,
    private readonly partition: number,
    private readonly partitions: number,
  ) {
    this.session = new CheckSession(model, options, display);
  }

  /**
   * Reads the log; false when it is not UTF-8 or cannot be read. An NDJSON
   * line is parsed only by the worker of its ticket; a CSV log is split into
   * records by every worker (a quoted field may hold a line break, so only a
   * reader from the top knows where records start), and each keeps its rows.
   */
  async read(path: string, format: LogFormat): Promise<boolean> {
    let push: (text: string) => void;
    let end: () => void;
    if (format === 'csv') {
      const parser = csvRowParser(this.display, TICKET_LOG_SHAPE, new PartitionRows(this.partition, this.partitions, this.session.tickets));
      push = (text) => parser.push(text);
      end = () => parser.end();
    } else {
      const parser = ndjsonRowParser(this.display, TICKET_LOG_SHAPE, this.session.tickets);
      const lines = new OwnedLines(this.partition, this.partitions, (text) => parser.push(text));
      push = (text) => lines.write(text);
      end = () => {
        lines.end();
        parser.end();
      };
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) push(decoder.decode(chunk as Buffer, { stream: true }));
      push(decoder.decode());
    } catch {
      return false;
    }
    end();
    return true;
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

  /** Evaluates the next batch of tickets at `asOf`, as `CheckSession` does. */
  evaluateBatch(asOf: number, render?: RenderedTickets['format']): EvaluatedTicket[] {
    const order = this.order!;
    const store = this.session.tickets.store;
    const context = this.session.context;
    const events = this.events;
    const batch: EvaluatedTicket[] = [];
    while (this.next < this.tickets.length && batch.length < BATCH_TICKETS) {
      const ticket = this.tickets[this.next++]!;
      const created = order.created[ticket]!;
      if (created > asOf) {
        this.ignored += countEventsAfterAsOf(store, ticket);
        continue;
      }
      const { ignored, createdLine } = gatherTicketEvents(store, ticket, asOf, events);
      this.ignored += ignored;
      events.sort((a, b) => a.time - b.time || a.seq - b.seq);
      const verdict = evaluateTicket(context, events, asOf);
      const evaluated: EvaluatedTicket = { created, firstLine: store.lineOf(store.firstEventOf(ticket)), createdLine, verdict };
      if (render) evaluated.text = ticketText(toTicketJson(verdict, context), render);
      batch.push(evaluated);
    }
    return batch;
  }
}

/** Ticket numbers with a `created`, by creation time, ties in order of first appearance. */
function ticketsByCreation(created: Float64Array): Uint32Array {
  const order: number[] = [];
  for (let ticket = 0; ticket < created.length; ticket++) if (!Number.isNaN(created[ticket]!)) order.push(ticket);
  return Uint32Array.from(order).sort((a, b) => created[a]! - created[b]! || a - b);
}

/** A ticket as the JSON report lists it (an agreement's report: no indent), or its CSV rows. */
function ticketText(ticket: ReturnType<typeof toTicketJson>, format: RenderedTickets['format']): string {
  if (format === 'json') return ticketItemText(ticket, '\n');
  const rows = renderCsv([ticket]);
  return rows.slice(rows.indexOf('\n') + 1);
}
