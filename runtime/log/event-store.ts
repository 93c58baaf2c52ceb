import { TICKET_EVENT_KINDS, type ReplyAuthor, type TicketEvent } from './events.js';
import { InstantColumn, StringPool, Uint32Column } from './columns.js';
import { TicketIdTable } from './ticket-ids.js';
import type { ValidTicketRow } from './ticket-row.js';

const NONE = 0xffffffff;
const KIND_BITS = 4;
const CHANNEL_BITS = 6;
const VALUE_SHIFT = KIND_BITS + CHANNEL_BITS;
/** Kind code of an event found invalid after reading (with --skip-invalid). */
export const SKIPPED_KIND = 15;
const MAX_VALUE = (1 << (32 - VALUE_SHIFT)) - 1;
/** The most channels an agreement may declare for `slac check` (docs/check.md "Limits"). */
export const MAX_CHANNELS = (1 << CHANNEL_BITS) - 1;
const KIND_ESCALATED = TICKET_EVENT_KINDS.indexOf('escalated');

/**
 * Every valid event of a ticket log, held compactly until the whole file is
 * read (a log need not be grouped or sorted). Per event: the time in whole
 * seconds (4 bytes), kind + channel + value packed in 4 bytes, and a link to
 * the ticket's next event (4 bytes); ticket ids, severities, statuses and
 * authors are interned.
 * The event's index is its order in the file (`seq`); its line is recovered
 * from a sparse index, since lines usually advance with it.
 */
export class EventStore {
  private readonly tickets = new TicketIdTable();
  private readonly values = new StringPool();
  private readonly firstEvent = new Uint32Column();
  /** Each ticket's last event while reading; dropped by `compact` and rebuilt if a row comes after. */
  private lastEvent: Uint32Column | undefined = new Uint32Column();
  private readonly times = new InstantColumn();
  private readonly packed = new Uint32Column();
  private readonly next = new Uint32Column();
  private readonly lines = new LineIndex();

  constructor(private readonly channels: readonly string[]) {
    if (channels.length > MAX_CHANNELS) throw new Error(`slac check handles at most ${MAX_CHANNELS} channels`);
  }

  get eventCount(): number {
    return this.times.length;
  }

  get ticketCount(): number {
    return this.tickets.size;
  }

  /** Stores one validated row read from `line`. */
  add(row: ValidTicketRow, line: number): void {
    this.addToTicket(this.tickets.idOf(row.ticket), row, line);
  }

  /**
   * The number of the ticket whose id is the ASCII bytes `bytes[start, end)`
   * (`hash`: `hashOfAscii` of them), numbered as `add` numbers the id's text.
   */
  ticketOfAscii(bytes: Uint8Array, start: number, end: number, hash: number): number {
    return this.tickets.idOfAscii(bytes, start, end, hash);
  }

  /** `add` for a row whose ticket is already numbered (`ticketOfAscii`); `row.ticket` is not read. */
  addToTicket(ticket: number, row: ValidTicketRow, line: number): void {
    const seq = this.times.length;
    const lastEvent = (this.lastEvent ??= this.lastEvents());
    if (ticket === this.firstEvent.length) {
      this.firstEvent.push(seq);
      lastEvent.push(seq);
    } else {
      this.next.set(lastEvent.get(ticket), seq);
      lastEvent.set(ticket, seq);
    }
    const value = row.kind === KIND_ESCALATED ? row.level : row.value === undefined ? 0 : this.values.idOf(row.value) + 1;
    if (value > MAX_VALUE) throw new Error(`slac check handles at most ${MAX_VALUE} distinct statuses`);
    this.times.push(row.time);
    this.packed.push(row.kind | ((row.channel + 1) << KIND_BITS) | (value << VALUE_SHIFT));
    this.next.push(NONE);
    this.lines.add(seq, line);
  }

  /** Gives back memory only reading needs (see `TicketIdTable.compact`); adding rows still works. */
  compact(): void {
    this.tickets.compact();
    this.lastEvent = undefined;
  }

  /** Each ticket's last event, found by walking its events (only for a row added after `compact`). */
  private lastEvents(): Uint32Column {
    const last = new Uint32Column();
    for (let ticket = 0; ticket < this.firstEvent.length; ticket++) {
      let event = this.firstEvent.get(ticket);
      while (this.next.get(event) !== NONE) event = this.next.get(event);
      last.push(event);
    }
    return last;
  }

  /** The id of ticket number `ticket`. */
  ticketId(ticket: number): string {
    return this.tickets.textOf(ticket);
  }

  /** Orders two tickets by their ids as text (as `<` compares strings). */
  compareTicketIds(a: number, b: number): number {
    return this.tickets.compare(a, b);
  }

  /** The first of a ticket's events in file order; walk on with `nextEventOf`. */
  firstEventOf(ticket: number): number {
    return this.firstEvent.get(ticket);
  }

  /** The ticket's next event in file order after `event`, or -1 after its last. */
  nextEventOf(event: number): number {
    const next = this.next.get(event);
    return next === NONE ? -1 : next;
  }

  /** Indexes of a ticket's events in file order (skipped ones included). */
  eventsOf(ticket: number): number[] {
    const events: number[] = [];
    for (let event = this.firstEvent.get(ticket); event !== NONE; event = this.next.get(event)) events.push(event);
    return events;
  }

  timeOf(event: number): number {
    return this.times.get(event);
  }

  kindOf(event: number): number {
    return this.packed.get(event) & ((1 << KIND_BITS) - 1);
  }

  lineOf(event: number): number {
    return this.lines.lineOf(event);
  }

  /** Marks an event invalid; it is then left out of the ticket's events. */
  skip(event: number): void {
    this.packed.set(event, (this.packed.get(event) & ~((1 << KIND_BITS) - 1)) | SKIPPED_KIND);
  }

  /** The event as the evaluator takes it. */
  toTicketEvent(event: number, ticket: string): TicketEvent {
    const packed = this.packed.get(event);
    const kind = packed & ((1 << KIND_BITS) - 1);
    const channel = ((packed >>> KIND_BITS) & MAX_CHANNELS) - 1;
    const value = packed >>> VALUE_SHIFT;
    const name = TICKET_EVENT_KINDS[kind]!;
    const result: TicketEvent = { ticket, time: this.times.get(event), event: name, line: this.lines.lineOf(event), seq: event };
    if (channel >= 0) result.channel = this.channels[channel]!;
    if (name === 'escalated') result.level = value;
    else if (value > 0) {
      const text = this.values.values[value - 1]!;
      if (name === 'created' || name === 'severity') result.severity = text;
      else if (name === 'status') result.status = text;
      else if (name === 'reply') result.author = text as ReplyAuthor;
    }
    return result;
  }
}

/**
 * seq -> line, storing only the places where the distance between them
 * changes. When that distance changes often (the rows of one client of a
 * portfolio are a fraction of the log's, so their lines skip), every line
 * is stored instead: 4 bytes per event, and no search.
 */
class LineIndex {
  private readonly seqs: number[] = [];
  private readonly deltas: number[] = [];
  private dense: Uint32Column | undefined;

  add(seq: number, line: number): void {
    if (this.dense) {
      this.dense.push(line);
      return;
    }
    const delta = line - seq;
    if (this.deltas.length === 0 || this.deltas[this.deltas.length - 1] !== delta) {
      if (this.seqs.length >= 1024 && this.seqs.length * 4 > seq) {
        this.makeDense(seq);
        this.dense!.push(line);
        return;
      }
      this.seqs.push(seq);
      this.deltas.push(delta);
    }
  }

  lineOf(seq: number): number {
    if (this.dense) return this.dense.get(seq);
    let low = 0;
    let high = this.seqs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.seqs[middle]! <= seq) low = middle;
      else high = middle - 1;
    }
    return seq + (this.deltas[low] ?? 0);
  }

  private makeDense(count: number): void {
    const dense = new Uint32Column();
    for (let seq = 0; seq < count; seq++) dense.push(this.lineOf(seq));
    this.dense = dense;
    this.seqs.length = 0;
    this.deltas.length = 0;
  }
}
