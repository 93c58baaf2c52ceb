import { formatInstant } from '../clock/index.js';
import { chunkValue, Float64Column, Uint32Column } from '../log/columns.js';
import { TicketIdTable, type TicketIdsPart } from '../log/ticket-ids.js';
import type { EscalationVerdict } from './escalation.js';
import { JoinedTicketIds } from './joined-ticket-ids.js';
import type { EscalationRow } from './summary.js';

const STATUSES = ['met', 'late', 'missed', 'pending'] as const;
/** Up to this many kinds, a row's kind is found by comparing with each (see `kindOf`). */
const KINDS_SCANNED = 8;
type Status = (typeof STATUSES)[number];
const HAS_ESCALATED_AT = 1;
const HAS_LATE_MINUTES = 2;

function kindIndexOf(code: number): number {
  return code >>> 4;
}

function statusOf(code: number): Status {
  return STATUSES[(code >>> 2) & 3]!;
}

/**
 * Values of some rows only, by row number, rows added in increasing order:
 * 12 bytes a row that has one instead of 8 for every row.
 */
class SparseColumn {
  private readonly rows = new Uint32Column();
  private readonly values = new Float64Column();

  add(row: number, value: number): void {
    this.rows.push(row);
    this.values.push(value);
  }

  clear(): void {
    this.rows.clear();
    this.values.clear();
  }

  /** The column's own chunks, not copies (see `SparseColumnPart`). */
  part(): SparseColumnPart {
    return { length: this.rows.length, rows: this.rows.chunksInUse(), values: this.values.chunksInUse() };
  }

  /** The value of a row that has one. */
  get(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows.get(mid) < row) lo = mid + 1;
      else hi = mid;
    }
    return this.values.get(lo);
  }
}

/** A `SparseColumn` as plain data: its row numbers and values, chunk by chunk (`chunkValue` reads them). */
export interface SparseColumnPart {
  length: number;
  rows: Uint32Array[];
  values: Float64Array[];
}

/** Reads a `SparseColumnPart`'s values in row order, as a list's rows are read one after another. */
class SparseColumnReader {
  private next = 0;

  constructor(private readonly part: SparseColumnPart) {}

  /** The value of `row`, which has one; rows are asked for in increasing order. */
  valueOf(row: number): number {
    const { part } = this;
    while (this.next < part.length && chunkValue(part.rows, this.next) < row) this.next++;
    if (this.next >= part.length || chunkValue(part.rows, this.next) !== row) throw new Error(`EscalationList: row ${row} has no value in its sparse column.`);
    return chunkValue(part.values, this.next++);
  }
}

/**
 * Where ticket ids are kept, by ticket number (the log's event store): the
 * list then keeps a number per row instead of an id string.
 */
export interface TicketIds {
  ticketId(ticket: number): string;
  /** Orders two tickets as `<` orders their ids. */
  compareTicketIds(a: number, b: number): number;
  /** Every id as plain data, numbered as here, when the ids can be handed over whole (the event store's). */
  ticketIdsPart?(): TicketIdsPart;
}

/** What a row shares with every other row of its escalation level. */
export interface LevelKind {
  level: number;
  who: string;
  metric: string | undefined;
  /** The zone the row's instants are shown in. */
  zone: string;
}

/** One row as `forEachRowFields` gives it: its instants as epoch ms (NaN: none), shown in `zone`. */
export interface EscalationFields {
  ticket: string;
  level: number;
  who: string;
  metric: string | undefined;
  due: number;
  zone: string;
  status: Status;
  escalatedAt: number;
  lateMinutes: number;
}

/**
 * An `EscalationList`'s rows as plain data, in the order added: what a
 * `--jobs` worker sends for the coordinator's list to `append`. Its
 * columns are the list's own chunks (`chunkValue` reads row `r`), not
 * copies: flattened into arrays of their own, the rows of a
 * 1,000,000-ticket check took 32 bytes a row more on each thread (about
 * 20 MB in all) at the moment both threads' memory was highest.
 */
export interface EscalationListPart {
  length: number;
  /** Per row: its ticket's number in `ids`. */
  tickets: Uint32Array[];
  ids: TicketIdsPart;
  kinds: readonly LevelKind[];
  /** Per row: (kind index * 4 + status index) * 4 + which of escalatedAt (1) and lateMinutes (2) it has. */
  codes: Uint32Array[];
  due: Float64Array[];
  escalatedAt: SparseColumnPart;
  lateMinutes: SparseColumnPart;
}

/**
 * Every escalation a report lists, kept compactly: 16 bytes per row in
 * chunked typed arrays (and 12 more for each escalated-at instant and late
 * minutes, which few rows have), instead of an object per verdict and
 * another per row. A million tickets owe about 650,000 escalations; as
 * objects they took 150-250 MB, here about 12 MB. Rows are made one at a time, in
 * report order, when the report is written.
 */
export class EscalationList {
  /** Ticket number (in `ticketIds`, or in `ownIds`). */
  private readonly tickets = new Uint32Column();
  private readonly due = new Float64Column();
  /** Only the rows that have one (a few: most escalations are met on time or missed); see `code`. */
  private readonly escalatedAt = new SparseColumn();
  private readonly lateMinutes = new SparseColumn();
  /** (Kind index * 4 + status index) * 4 + which of escalatedAt (1) and lateMinutes (2) the row has. */
  private readonly codes = new Uint32Column();
  private readonly kinds: LevelKind[] = [];
  private readonly kindIndex = new Map<string, number>();
  /** Ids of tickets added without a ticket number. */
  private readonly ownIds: string[] = [];
  private order: Uint32Array | undefined;
  /** With `listed`: the due of the last row that may be listed, once as many owed rows are kept. */
  private lastListedDue = Infinity;

  /**
   * @param zoneOf the zone a verdict's instants are shown in (the same for every verdict of a level).
   * @param ticketIds where ticket numbers given to `add` are looked up; without it, ids are kept as given.
   * @param listed when given, the list keeps only the rows a report that lists this many owed
   *   escalations needs (see `keepOnlyListed`); without it, every row.
   */
  constructor(
    private readonly zoneOf: (verdict: EscalationVerdict) => string,
    private readonly ticketIds?: TicketIds,
    private readonly listed?: number,
  ) {}

  get length(): number {
    return this.tickets.length;
  }

  /** Adds a verdict; `ticket` is its ticket's number in `ticketIds` (required with one). */
  add(verdict: EscalationVerdict, ticket?: number): void {
    if (!this.mayBeListed(verdict.status, verdict.due)) return;
    this.order = undefined;
    if (this.ticketIds) {
      if (ticket === undefined) throw new Error('EscalationList: a ticket number is needed with ticketIds.');
      this.tickets.push(ticket);
    } else {
      this.tickets.push(this.ownIds.length);
      this.ownIds.push(verdict.ticket);
    }
    const kindStatus = this.kindOf(verdict) * 4 + STATUSES.indexOf(verdict.status);
    this.pushRow(verdict.due, verdict.escalatedAt ?? NaN, verdict.lateMinutes ?? NaN, kindStatus);
    this.keepOnlyListed();
  }

  /**
   * A list for a report that lists only the first `listed` owed (missed or
   * late) escalations in report order (the text report: 50 of the hundreds
   * of thousands a large log owes; the totals are counted apart) keeps only
   * owed rows, and, whenever it holds twice as many as that, only the first
   * `listed` of them: a row with that many before it in report order can
   * never be listed, since rows added later only come before it or after.
   * The rows kept are added again in report order, ties (broken by the order
   * added) among them included, and before any row added later. A row due
   * after the last of those is turned away at once (most are: tickets come
   * oldest first: `mayBeListed`).
   */
  private keepOnlyListed(): void {
    const listed = this.listed;
    if (listed === undefined || listed === 0 || this.length < 2 * listed) return;
    const first = this.sorted().subarray(0, listed);
    this.lastListedDue = this.due.get(first[listed - 1]!);
    // Read out before the columns are emptied and filled again, in place (a compaction allocates nothing large).
    const kept = Array.from(first, (index) => {
      const code = this.codes.get(index);
      return {
        ticket: this.tickets.get(index),
        due: this.due.get(index),
        escalatedAt: code & HAS_ESCALATED_AT ? this.escalatedAt.get(index) : NaN,
        lateMinutes: code & HAS_LATE_MINUTES ? this.lateMinutes.get(index) : NaN,
        kindStatus: code >>> 2,
      };
    });
    for (const column of [this.tickets, this.due, this.escalatedAt, this.lateMinutes, this.codes]) column.clear();
    this.order = undefined;
    for (const row of kept) {
      this.tickets.push(row.ticket);
      this.pushRow(row.due, row.escalatedAt, row.lateMinutes, row.kindStatus);
    }
  }

  /** Whether a row is kept: every row without `listed`; with it, one that may be listed (owed, and due no later than the last kept). */
  private mayBeListed(status: Status, due: number): boolean {
    if (this.listed === undefined) return true;
    return isOwed(status) && this.listed > 0 && !(due > this.lastListedDue);
  }

  /** Adds a row's due, its escalated-at instant and late minutes (NaN: none), and its kind and status; its ticket is pushed already. */
  private pushRow(due: number, escalatedAt: number, lateMinutes: number, kindStatus: number): void {
    this.due.push(due);
    const row = this.due.length - 1;
    let flags = 0;
    if (!Number.isNaN(escalatedAt)) {
      this.escalatedAt.add(row, escalatedAt);
      flags |= HAS_ESCALATED_AT;
    }
    if (!Number.isNaN(lateMinutes)) {
      this.lateMinutes.add(row, lateMinutes);
      flags |= HAS_LATE_MINUTES;
    }
    this.codes.push(kindStatus * 4 + flags);
  }

  /** The rows as plain data, in the order added (see `EscalationListPart`): the list's own columns, valid until it changes. */
  part(): EscalationListPart {
    const { tickets, ids } = this.ticketsPart();
    return {
      length: this.length,
      tickets,
      ids,
      kinds: this.kinds,
      codes: this.codes.chunksInUse(),
      due: this.due.chunksInUse(),
      escalatedAt: this.escalatedAt.part(),
      lateMinutes: this.lateMinutes.part(),
    };
  }

  /**
   * The rows' tickets as numbers in plain ids: the ticket ids' own table
   * when it can be handed over (nothing is copied), else a table of the ids.
   */
  private ticketsPart(): { tickets: Uint32Array[]; ids: TicketIdsPart } {
    // A list of the rows a report lists (a few dozen) sends their ids alone, not the whole table.
    if (this.ticketIds?.ticketIdsPart && this.listed === undefined) return { tickets: this.tickets.chunksInUse(), ids: this.ticketIds.ticketIdsPart() };
    const table = new TicketIdTable();
    const tickets = new Uint32Column();
    for (let row = 0; row < this.length; row++) tickets.push(table.idOf(this.idOf(this.tickets.get(row))));
    return { tickets: tickets.chunksInUse(), ids: table.part() };
  }

  /**
   * Adds another list's rows after these, in their order: as if their
   * verdicts were added here. Only a list of `JoinedTicketIds` (a
   * `ReportBuilder.ofParts`'s) takes them: their ids join its numbering.
   */
  append(part: EscalationListPart): void {
    if (!(this.ticketIds instanceof JoinedTicketIds)) throw new Error('EscalationList: rows of another list join only a list of JoinedTicketIds.');
    this.order = undefined;
    const first = this.ticketIds.add(part.ids);
    const kinds = part.kinds.map((kind) => this.indexOfKind(kind, () => kind.zone));
    const escalatedAt = new SparseColumnReader(part.escalatedAt);
    const lateMinutes = new SparseColumnReader(part.lateMinutes);
    for (let row = 0; row < part.length; row++) {
      const code = chunkValue(part.codes, row);
      // Read whether or not the row is kept: the readers go through the rows in order.
      const escalated = code & HAS_ESCALATED_AT ? escalatedAt.valueOf(row) : NaN;
      const late = code & HAS_LATE_MINUTES ? lateMinutes.valueOf(row) : NaN;
      const kindStatus = code >>> 2;
      const due = chunkValue(part.due, row);
      if (!this.mayBeListed(STATUSES[kindStatus & 3]!, due)) continue;
      this.tickets.push(first + chunkValue(part.tickets, row));
      this.pushRow(due, escalated, late, kinds[kindStatus >>> 2]! * 4 + (kindStatus & 3));
      this.keepOnlyListed();
    }
  }

  /** The rows in report order (due, then ticket, then level), made as they are read. */
  *rows(filter?: (status: Status) => boolean): IterableIterator<EscalationRow> {
    const order = this.sorted();
    for (let position = 0; position < order.length; position++) {
      const index = order[position]!;
      if (filter && !filter(statusOf(this.codes.get(index)))) continue;
      yield this.row(index);
    }
  }

  /**
   * The rows in report order as fields, through one object reused for every
   * row, for a writer that formats instants itself (the JSON report's bytes):
   * `rows()` without an object and three strings per row.
   */
  forEachRowFields(visit: (fields: Readonly<EscalationFields>) => void): void {
    const order = this.sorted();
    const fields: EscalationFields = { ticket: '', level: 0, who: '', metric: undefined, due: 0, zone: '', status: 'met', escalatedAt: NaN, lateMinutes: NaN };
    for (let position = 0; position < order.length; position++) {
      const index = order[position]!;
      const code = this.codes.get(index);
      const kind = this.kinds[kindIndexOf(code)]!;
      fields.ticket = this.idOf(this.tickets.get(index));
      fields.level = kind.level;
      fields.who = kind.who;
      fields.metric = kind.metric;
      fields.due = this.due.get(index);
      fields.zone = kind.zone;
      fields.status = statusOf(code);
      fields.escalatedAt = code & HAS_ESCALATED_AT ? this.escalatedAt.get(index) : NaN;
      fields.lateMinutes = code & HAS_LATE_MINUTES ? this.lateMinutes.get(index) : NaN;
      visit(fields);
    }
  }

  /**
   * The first `count` rows in report order whose status passes `filter`,
   * without sorting every row: the text report lists 50 of the hundreds of
   * thousands a large log owes. Each row is compared with the last of
   * those kept so far, which turns most away.
   */
  firstRows(count: number, filter?: (status: Status) => boolean): EscalationRow[] {
    const kept: number[] = [];
    for (let index = 0; index < this.length && count > 0; index++) {
      if (filter && !filter(statusOf(this.codes.get(index)))) continue;
      if (kept.length === count && this.compareRows(index, kept[count - 1]!) >= 0) continue;
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compareRows(kept[mid]!, index) < 0) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, index);
      if (kept.length > count) kept.pop();
    }
    return kept.map((index) => this.row(index));
  }

  /** All rows at once, in report order. */
  toRows(): EscalationRow[] {
    return [...this.rows()];
  }

  private row(index: number): EscalationRow {
    const code = this.codes.get(index);
    const kind = this.kinds[kindIndexOf(code)]!;
    const ticket = this.idOf(this.tickets.get(index));
    const due = formatInstant(this.due.get(index), kind.zone);
    const status = statusOf(code);
    // Keys in the order the report lists them.
    const row: EscalationRow =
      kind.metric === undefined
        ? { ticket, level: kind.level, who: kind.who, due, status }
        : { ticket, level: kind.level, who: kind.who, metric: kind.metric, due, status };
    if (code & HAS_ESCALATED_AT) row.escalatedAt = formatInstant(this.escalatedAt.get(index), kind.zone);
    if (code & HAS_LATE_MINUTES) row.lateMinutes = this.lateMinutes.get(index);
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
    return kinds[kindIndexOf(codes.get(a))]!.level - kinds[kindIndexOf(codes.get(b))]!.level || a - b;
  }

  /** The index of a verdict's level kind. */
  private kindOf(verdict: EscalationVerdict): number {
    // An agreement has a few levels: comparing with each kind is quicker than making the key of every row.
    const kinds = this.kinds;
    if (kinds.length <= KINDS_SCANNED) {
      for (let index = 0; index < kinds.length; index++) {
        const kind = kinds[index]!;
        if (kind.level === verdict.level && kind.who === verdict.who && kind.metric === verdict.metric) return index;
      }
    }
    return this.indexOfKind(verdict, () => this.zoneOf(verdict));
  }

  /** The index of a level kind, added (in `zone`) when it is new. */
  private indexOfKind(kind: { level: number; who: string; metric?: string | undefined }, zone: () => string): number {
    const key = `${kind.level}\u0000${kind.who}\u0000${kind.metric ?? ''}\u0000${kind.metric === undefined}`;
    let index = this.kindIndex.get(key);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push({ level: kind.level, who: kind.who, metric: kind.metric, zone: zone() });
      this.kindIndex.set(key, index);
    }
    return index;
  }
}

/** Whether the report counts an escalation as owed: missed, or made late. */
export function isOwed(status: Status): boolean {
  return status === 'missed' || status === 'late';
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
