import { TICKET_EVENT_KINDS, type ReplyAuthor, type TicketEvent } from './events.js';
import { InstantColumn, NarrowUint32Column, StringPool, Uint32Column } from './columns.js';
import { LineIndex } from './line-index.js';
import { TicketIdTable, type TicketIdsPart } from './ticket-ids.js';
import { MAX_CHANNELS } from '../../language/checker/channel-limit.js';
import type { ValidTicketRow } from './ticket-row.js';

/** The link of a ticket's last event: no next one. */
const NO_NEXT = 0;
const KIND_BITS = 4;
/** Bits of a channel: enough for MAX_CHANNELS, which the language checks (SLA3085). */
const CHANNEL_BITS = 32 - Math.clz32(MAX_CHANNELS);
const VALUE_SHIFT = KIND_BITS + CHANNEL_BITS;
/** Kind code of an event found invalid after reading (with --skip-invalid). */
export const SKIPPED_KIND = 15;
const MAX_VALUE = (1 << (32 - VALUE_SHIFT)) - 1;
const KIND_ESCALATED = TICKET_EVENT_KINDS.indexOf('escalated');
/** How many recent values `valueId` remembers (a power of two). */
const RECENT_VALUES = 16;
const KIND_CREATED = TICKET_EVENT_KINDS.indexOf('created');

/** The most channels an agreement may declare for `slac check` (docs/check.md "Limits"; SLA3085). */
export { MAX_CHANNELS };

/**
 * Every valid event of a ticket log, held compactly until the whole file is
 * read (a log need not be grouped or sorted). Per event: the time in whole
 * seconds (4 bytes), kind + channel + value packed in 2 bytes (4 when the
 * log has more than 63 distinct values: see `NarrowUint32Column`), and a
 * link to the ticket's next event (2 bytes while every link spans at most
 * 65,535 events, 4 otherwise); ticket ids, severities, statuses and authors
 * are interned.
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
  private readonly packed = new NarrowUint32Column();
  /**
   * Per event, how many events on its ticket's next one is (NO_NEXT after
   * its last): a ticket's events are seldom far apart in a log (grouped by
   * ticket, as `slac import` writes, or sorted by time over a few days), so
   * a link nearly always fits in 16 bits, and the column widens to 32 at
   * the first that does not.
   */
  private readonly next = new NarrowUint32Column();
  private readonly lines = new LineIndex();
  /** Values met lately and their ids, by the length of their text (see `valueId`). */
  private readonly recentValues: (string | undefined)[] = new Array<string | undefined>(RECENT_VALUES).fill(undefined);
  private readonly recentValueIds = new Int32Array(RECENT_VALUES);
  /**
   * One bit per ticket: set when its events may break the order rules
   * (`checkTicketOrder`), clear while its first event is its only `created`
   * and no later row is before it. A ticket left clear needs no walk of its
   * events: every one of them is valid.
   */
  private readonly unordered = new Uint32Column();
  /** The time of the row added last, and the last row whose time is before that of the row before it (see `addToTicket`). */
  private previousTime = -Infinity;
  private lastTimeDrop = 0;
  private compacted = false;
  /** The latest time of any event added, and the ticket holding it (-1: none yet). */
  private latest = -Infinity;
  private latestOwner = -1;
  /** The earliest time of any event added: with `latest`, spares most checks the walk of `eventsOutside`. */
  private earliest = Infinity;

  constructor(private readonly channels: readonly string[]) {
    if (channels.length > MAX_CHANNELS) throw new Error(`slac check handles at most ${MAX_CHANNELS} channels`);
  }

  get eventCount(): number {
    return this.times.length;
  }

  get ticketCount(): number {
    return this.tickets.size;
  }

  /** Bytes of typed arrays held: what the log's size costs (docs/check.md, "Memory per ticket"). */
  get byteLength(): number {
    const perEvent = this.times.byteLength + this.packed.byteLength + this.next.byteLength + this.lines.byteLength;
    return perEvent + this.tickets.byteLength + this.firstEvent.byteLength + (this.lastEvent?.byteLength ?? 0) + this.unordered.byteLength;
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
    const time = row.time;
    if (time < this.previousTime) this.lastTimeDrop = seq;
    this.previousTime = time;
    if (ticket === this.firstEvent.length) {
      this.firstEvent.push(seq);
      lastEvent.push(seq);
      if ((ticket & 31) === 0) this.unordered.push(0);
      if (row.kind !== KIND_CREATED) this.markUnordered(ticket);
    } else {
      const last = lastEvent.get(ticket);
      this.next.set(last, seq - last);
      lastEvent.set(ticket, seq);
      // A second `created`, or a row that may be before the ticket's first. While the ticket is unmarked its
      // rows are no earlier than its first; if no row since its last one went back in time, this row is no
      // earlier than that one, so neither: the rule holds without reading a time (a log sorted by time, or
      // grouped by ticket). Any other row, or one added after `compact`, has its ticket walked.
      if (row.kind === KIND_CREATED || last < this.lastTimeDrop || this.compacted) this.markUnordered(ticket);
    }
    if (time > this.latest) {
      this.latest = time;
      this.latestOwner = ticket;
    }
    if (time < this.earliest) this.earliest = time;
    const value = row.kind === KIND_ESCALATED ? row.level : row.value === undefined ? 0 : this.valueId(row.value) + 1;
    if (value > MAX_VALUE) throw new Error(`slac check handles at most ${MAX_VALUE} distinct statuses`);
    this.times.push(time);
    this.packed.push(row.kind | ((row.channel + 1) << KIND_BITS) | (value << VALUE_SHIFT));
    this.next.push(NO_NEXT);
    this.lines.add(seq, line);
  }

  /**
   * `values.idOf`, remembering recent values by their length: a log repeats
   * a handful of severities, statuses and authors, and the byte reader hands
   * the same string object for each, so the comparison is most often of two
   * pointers rather than a Map look-up.
   */
  private valueId(value: string): number {
    const slot = value.length & (RECENT_VALUES - 1);
    if (this.recentValues[slot] === value) return this.recentValueIds[slot]!;
    const id = this.values.idOf(value);
    this.recentValues[slot] = value;
    this.recentValueIds[slot] = id;
    return id;
  }

  /** Gives back memory only reading needs (see `TicketIdTable.compact`); adding rows still works. */
  compact(): void {
    this.tickets.compact();
    this.lastEvent = undefined;
    this.compacted = true;
  }

  private markUnordered(ticket: number): void {
    this.unordered.set(ticket >>> 5, this.unordered.get(ticket >>> 5) | (1 << (ticket & 31)));
  }

  /**
   * Whether the ticket's events may break the order rules; false when its
   * first event in the file is its only `created` and no other is before it
   * in (time, file order), so every one of them is valid as it stands.
   */
  mayBeUnordered(ticket: number): boolean {
    return (this.unordered.get(ticket >>> 5) & (1 << (ticket & 31))) !== 0;
  }

  /**
   * The latest time of any event when a ticket that `mayBeUnordered` says is
   * in order holds it (so it is valid, and the latest valid time); undefined
   * otherwise, or for an empty store.
   */
  latestOrderedTime(): number | undefined {
    return this.latestOwner >= 0 && !this.mayBeUnordered(this.latestOwner) ? this.latest : undefined;
  }

  /**
   * The line of the first valid event, in file order, at `time`; 0 when
   * none. A walk of every event: only for an error message (SLA4053), so
   * that no check keeps the line of its latest event.
   */
  firstLineAt(time: number): number {
    for (let event = 0; event < this.eventCount; event++) {
      if (this.times.get(event) === time && this.kindOf(event) !== SKIPPED_KIND) return this.lineOf(event);
    }
    return 0;
  }

  /**
   * The valid events whose time is not in [from, to): how many, and the
   * first in file order (its line and time); undefined when none. A walk of
   * every event, made once a check (SLA4061).
   */
  eventsOutside(from: number, to: number): { events: number; line: number; time: number } | undefined {
    if (this.earliest >= from && this.latest < to) return undefined;
    let events = 0;
    let first = -1;
    for (let event = 0; event < this.eventCount; event++) {
      const time = this.times.get(event);
      if ((time >= from && time < to) || this.kindOf(event) === SKIPPED_KIND) continue;
      if (events++ === 0) first = event;
    }
    return events === 0 ? undefined : { events, line: this.lineOf(first), time: this.times.get(first) };
  }

  /** Each ticket's last event, found by walking its events (only for a row added after `compact`). */
  private lastEvents(): Uint32Column {
    const last = new Uint32Column();
    for (let ticket = 0; ticket < this.firstEvent.length; ticket++) {
      let event = this.firstEvent.get(ticket);
      for (let link = this.next.get(event); link !== NO_NEXT; link = this.next.get(event)) event += link;
      last.push(event);
    }
    return last;
  }

  /** The id of ticket number `ticket`. */
  ticketId(ticket: number): string {
    return this.tickets.textOf(ticket);
  }

  /** Every ticket id as plain data, numbered as here (see `TicketIdTable.part`). */
  ticketIdsPart(): TicketIdsPart {
    return this.tickets.part();
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
    const link = this.next.get(event);
    return link === NO_NEXT ? -1 : event + link;
  }

  /** Indexes of a ticket's events in file order (skipped ones included). */
  eventsOf(ticket: number): number[] {
    const events: number[] = [];
    for (let event = this.firstEvent.get(ticket); event >= 0; event = this.nextEventOf(event)) events.push(event);
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

  /** The line of the ticket's first row in the file. */
  firstLineOf(ticket: number): number {
    return this.lines.lineOf(this.firstEvent.get(ticket));
  }

  /** Marks an event invalid; it is then left out of the ticket's events. */
  skip(event: number): void {
    this.packed.set(event, (this.packed.get(event) & ~((1 << KIND_BITS) - 1)) | SKIPPED_KIND);
  }

  /**
   * The event as the evaluator takes it. Every event gets the same fields in
   * the same order, absent ones undefined: objects of one shape keep the
   * evaluator's property reads monomorphic (nine kinds with optional fields
   * would give V8 more shapes than its inline caches follow).
   */
  toTicketEvent(event: number, ticket: string): TicketEvent {
    const packed = this.packed.get(event);
    const kind = packed & ((1 << KIND_BITS) - 1);
    const channel = ((packed >>> KIND_BITS) & MAX_CHANNELS) - 1;
    const value = packed >>> VALUE_SHIFT;
    const name = TICKET_EVENT_KINDS[kind]!;
    const text = name === 'escalated' || value === 0 ? undefined : this.values.values[value - 1]!;
    return {
      ticket,
      time: this.times.get(event),
      event: name,
      severity: name === 'created' || name === 'severity' ? text : undefined,
      channel: channel >= 0 ? this.channels[channel]! : undefined,
      status: name === 'status' ? text : undefined,
      author: name === 'reply' ? (text as ReplyAuthor | undefined) : undefined,
      level: name === 'escalated' ? value : undefined,
      line: this.lines.lineOf(event),
      seq: event,
    };
  }
}
