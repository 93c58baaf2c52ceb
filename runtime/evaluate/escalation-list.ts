import { formatInstant } from '../clock/index.js';
import { Float64Column, Uint32Column } from '../log/columns.js';
import type { EscalationVerdict } from './escalation.js';
import type { EscalationRow } from './summary.js';

const STATUSES = ['met', 'late', 'missed', 'pending'] as const;
type Status = (typeof STATUSES)[number];

/**
 * Where ticket ids are kept, by ticket number (the log's event store): the
 * list then keeps a number per row instead of an id string.
 */
export interface TicketIds {
  ticketId(ticket: number): string;
  /** Orders two tickets as `<` orders their ids. */
  compareTicketIds(a: number, b: number): number;
}

/** What a row shares with every other row of its escalation level. */
interface LevelKind {
  level: number;
  who: string;
  metric: string | undefined;
  /** The zone the row's instants are shown in. */
  zone: string;
}

/**
 * Every escalation a report lists, kept compactly: 32 bytes per row in
 * chunked typed arrays, instead of an object per verdict and another per
 * row. A million tickets owe about half a million escalations; as objects
 * they took 150-250 MB, here about 18 MB. Rows are made one at a time, in
 * report order, when the report is written.
 */
export class EscalationList {
  /** Ticket number (in `ticketIds`, or in `ownIds`). */
  private readonly tickets = new Uint32Column();
  private readonly due = new Float64Column();
  /** NaN when the row has none. */
  private readonly escalatedAt = new Float64Column();
  private readonly lateMinutes = new Float64Column();
  /** Kind index * 4 + status index. */
  private readonly codes = new Uint32Column();
  private readonly kinds: LevelKind[] = [];
  private readonly kindIndex = new Map<string, number>();
  /** Ids of tickets added without a ticket number. */
  private readonly ownIds: string[] = [];
  private order: Uint32Array | undefined;

  /**
   * @param zoneOf the zone a verdict's instants are shown in (the same for every verdict of a level).
   * @param ticketIds where ticket numbers given to `add` are looked up; without it, ids are kept as given.
   */
  constructor(
    private readonly zoneOf: (verdict: EscalationVerdict) => string,
    private readonly ticketIds?: TicketIds,
  ) {}

  get length(): number {
    return this.tickets.length;
  }

  /** Adds a verdict; `ticket` is its ticket's number in `ticketIds` (required with one). */
  add(verdict: EscalationVerdict, ticket?: number): void {
    this.order = undefined;
    if (this.ticketIds) {
      if (ticket === undefined) throw new Error('EscalationList: a ticket number is needed with ticketIds.');
      this.tickets.push(ticket);
    } else {
      this.tickets.push(this.ownIds.length);
      this.ownIds.push(verdict.ticket);
    }
    this.due.push(verdict.due);
    this.escalatedAt.push(verdict.escalatedAt ?? NaN);
    this.lateMinutes.push(verdict.lateMinutes ?? NaN);
    this.codes.push(this.kindOf(verdict) * 4 + STATUSES.indexOf(verdict.status));
  }

  /** The rows in report order (due, then ticket, then level), made as they are read. */
  *rows(filter?: (status: Status) => boolean): IterableIterator<EscalationRow> {
    const order = this.sorted();
    for (let position = 0; position < order.length; position++) {
      const index = order[position]!;
      if (filter && !filter(STATUSES[this.codes.get(index) & 3]!)) continue;
      yield this.row(index);
    }
  }

  /** All rows at once, in report order. */
  toRows(): EscalationRow[] {
    return [...this.rows()];
  }

  private row(index: number): EscalationRow {
    const code = this.codes.get(index);
    const kind = this.kinds[code >>> 2]!;
    const ticket = this.idOf(this.tickets.get(index));
    const due = formatInstant(this.due.get(index), kind.zone);
    const status = STATUSES[code & 3]!;
    // Keys in the order the report lists them.
    const row: EscalationRow =
      kind.metric === undefined
        ? { ticket, level: kind.level, who: kind.who, due, status }
        : { ticket, level: kind.level, who: kind.who, metric: kind.metric, due, status };
    const escalatedAt = this.escalatedAt.get(index);
    if (!Number.isNaN(escalatedAt)) row.escalatedAt = formatInstant(escalatedAt, kind.zone);
    const lateMinutes = this.lateMinutes.get(index);
    if (!Number.isNaN(lateMinutes)) row.lateMinutes = lateMinutes;
    return row;
  }

  private idOf(ticket: number): string {
    return this.ticketIds ? this.ticketIds.ticketId(ticket) : this.ownIds[ticket]!;
  }

  private compareTickets(a: number, b: number): number {
    if (this.ticketIds) return this.ticketIds.compareTicketIds(a, b);
    const idA = this.ownIds[a]!;
    const idB = this.ownIds[b]!;
    return idA === idB ? 0 : idA < idB ? -1 : 1;
  }

  private sorted(): Uint32Array {
    if (this.order) return this.order;
    const count = this.tickets.length;
    const compare = (a: number, b: number): number => this.compareRows(a, b);
    let order = byWholeSecondDue(this.due, count);
    if (order) {
      // Then the rows of each due instant in full report order.
      for (let start = 0; start < count; ) {
        const due = this.due.get(order[start]!);
        let end = start + 1;
        while (end < count && this.due.get(order[end]!) === due) end++;
        if (end - start > 1) order.subarray(start, end).sort(compare);
        start = end;
      }
    } else {
      order = new Uint32Array(count);
      for (let index = 0; index < count; index++) order[index] = index;
      order.sort(compare);
    }
    this.order = order;
    return order;
  }

  /** Report order: due, then ticket id, then level, then the order added (as a stable sort of the verdicts would leave them). */
  private compareRows(a: number, b: number): number {
    const { due, tickets, codes, kinds } = this;
    const byDue = due.get(a) - due.get(b);
    if (byDue !== 0) return byDue;
    const byTicket = this.compareTickets(tickets.get(a), tickets.get(b));
    if (byTicket !== 0) return byTicket;
    return kinds[codes.get(a) >>> 2]!.level - kinds[codes.get(b) >>> 2]!.level || a - b;
  }

  private kindOf(verdict: EscalationVerdict): number {
    const key = `${verdict.level}\u0000${verdict.who}\u0000${verdict.metric ?? ''}\u0000${verdict.metric === undefined}`;
    let index = this.kindIndex.get(key);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push({ level: verdict.level, who: verdict.who, metric: verdict.metric, zone: this.zoneOf(verdict) });
      this.kindIndex.set(key, index);
    }
    return index;
  }
}

/**
 * Row numbers ordered by due, ties in the order added, or undefined when a
 * due is not a whole second or the dues span too long. Sorted as numbers
 * (each key is the due in seconds after the earliest, times a power of two
 * above the row count, plus the row number: exact in a double), because a
 * sort with a comparator copies every element into the JavaScript heap: a
 * million-ticket log owes over half a million rows.
 */
function byWholeSecondDue(due: Float64Column, count: number): Uint32Array | undefined {
  let earliest = Infinity;
  let latest = -Infinity;
  for (let index = 0; index < count; index++) {
    const seconds = due.get(index) / 1000;
    if (!Number.isInteger(seconds)) return undefined;
    earliest = Math.min(earliest, seconds);
    latest = Math.max(latest, seconds);
  }
  const rows = 2 ** Math.ceil(Math.log2(count + 1));
  if (count === 0 || (latest - earliest + 1) * rows > Number.MAX_SAFE_INTEGER) return undefined;
  const keys = new Float64Array(count);
  for (let index = 0; index < count; index++) keys[index] = (due.get(index) / 1000 - earliest) * rows + index;
  keys.sort();
  const order = new Uint32Array(count);
  for (let position = 0; position < count; position++) order[position] = keys[position]! % rows;
  return order;
}
