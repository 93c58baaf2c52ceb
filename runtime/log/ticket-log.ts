import { formatInstant } from '../clock/index.js';
import { EventStore } from './event-store.js';
import { LogErrorList } from './error-list.js';
import { logError, type LogError } from './log-error.js';
import type { CsvColumns, LogRowHandler, LogShape } from './log-rows.js';
import { OUTAGE_LOG_REQUIRED, TICKET_LOG_KEYS, TICKET_LOG_REQUIRED, type LogVocabulary } from './log-vocabulary.js';
import { StrayValues } from './stray-values.js';
import { TicketRowBytes } from './ticket-row-bytes.js';
import type { TimeTextsAt } from './time-texts.js';
import { emptyValidRow, KIND_CREATED, validateTicketRow, type TicketRowValues } from './ticket-row.js';

const field = (fields: readonly string[], column: number): string | undefined => (column < 0 ? undefined : fields[column]);

export const TICKET_LOG_SHAPE: LogShape = {
  keys: TICKET_LOG_KEYS,
  required: TICKET_LOG_REQUIRED,
  mistakenFor: { required: OUTAGE_LOG_REQUIRED, name: 'an outage log', advice: 'give it with --outages FILE, not as the ticket log' },
  // `7.0` or `-0` read as 7 or 0 would put a row on another ticket; a level
  // `2.0` or `1e0` is no more a level than the CSV cell `2.0` is.
  spelledNumberKeys: ['ticket', 'level'],
  fromFields: (fields, columns): TicketRowValues & Record<string, unknown> => ({
    ticket: field(fields, columns[0]!),
    time: field(fields, columns[1]!),
    event: field(fields, columns[2]!),
    severity: field(fields, columns[3]!),
    channel: field(fields, columns[4]!),
    status: field(fields, columns[5]!),
    author: field(fields, columns[6]!),
    level: field(fields, columns[7]!),
    client: field(fields, columns[8]!),
  }),
};

/**
 * Collects a ticket log while it is read: valid rows go to the compact
 * event store, bad ones to the error list (and are counted as invalid rows).
 */
export class TicketLogCollector implements LogRowHandler {
  readonly store: EventStore;
  private readonly warningList: LogError[] = [];
  /** Values given on rows whose event does not read them (SLA4054), counted as rows are read. */
  private readonly strays: StrayValues;
  /** Problems that make the whole log unreadable. */
  readonly fatal: LogError[] = [];
  invalidRows = 0;
  private readonly scratch = emptyValidRow();
  private readonly rowErrors: LogError[] = [];
  private bytesReader: TicketRowBytes | undefined;
  /** The rows' `time` as written, read again from the log file for a message; unset for rows not read from a file. */
  timeTextsAt: TimeTextsAt | undefined;
  /** The line of each ticket's first invalid `created` row (few: errors only), so that its other rows name it (SLA4055). */
  private readonly invalidCreatedLines = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly vocabulary: LogVocabulary,
    readonly errors: LogErrorList,
  ) {
    this.store = new EventStore(vocabulary.channels);
    this.strays = new StrayValues(file, this.warningList);
  }

  /** The warnings so far, in line order (an SLA4054 counting every row read so far). */
  get warnings(): LogError[] {
    this.strays.settle();
    return this.warningList;
  }

  row(values: Record<string, unknown>, line: number): void {
    const errors = this.rowErrors;
    errors.length = 0;
    if (validateTicketRow(values as unknown as TicketRowValues, this.file, line, this.vocabulary, this.scratch, errors, this.warningList)) {
      this.store.add(this.scratch, line);
      if (this.scratch.stray !== 0) this.strays.note(this.scratch.stray, this.scratch.kind, line);
      return;
    }
    this.invalidRows++;
    for (const error of errors) this.errors.add(error);
    const { ticket, kind } = this.scratch;
    if (kind === KIND_CREATED && ticket !== '' && !this.invalidCreatedLines.has(ticket)) this.invalidCreatedLines.set(ticket, line);
  }

  /** The line of the ticket's first invalid `created` row, if it had one. */
  invalidCreatedLine(ticket: string): number | undefined {
    return this.invalidCreatedLines.get(ticket);
  }

  /** The common valid NDJSON row, stored straight from its bytes (see TicketRowBytes). */
  rowBytes(bytes: Buffer, start: number, end: number, line: number): boolean {
    const reader = (this.bytesReader ??= new TicketRowBytes(this.vocabulary));
    if (!reader.read(bytes, start, end)) return false;
    const ticket = this.store.ticketOfAscii(bytes, reader.ticketStart, reader.ticketEnd, reader.ticketHash);
    this.store.addToTicket(ticket, reader.row, line);
    if (reader.row.stray !== 0) this.strays.note(reader.row.stray, reader.row.kind, line);
    return true;
  }

  /** The common valid CSV row, stored straight from its bytes (see TicketRowBytes.readCsv). */
  rowFieldBytes(bytes: Buffer, start: number, end: number, columns: CsvColumns, line: number): boolean {
    const reader = (this.bytesReader ??= new TicketRowBytes(this.vocabulary));
    if (!reader.readCsv(bytes, start, end, columns)) return false;
    const ticket = this.store.ticketOfAscii(bytes, reader.ticketStart, reader.ticketEnd, reader.ticketHash);
    this.store.addToTicket(ticket, reader.row, line);
    if (reader.row.stray !== 0) this.strays.note(reader.row.stray, reader.row.kind, line);
    return true;
  }

  problem(error: LogError, fatal = false): void {
    if (fatal) this.fatal.push({ ...error, wholeLog: true });
    else if (error.severity === 'warning') this.warningList.push(error);
    else {
      this.invalidRows++;
      this.errors.add(error);
    }
  }
}

/** `TicketOrder.createdEvents` of a ticket left without a valid `created`. */
export const NO_CREATED = 0xffffffff;

/** What the order checks found out about each ticket, for evaluation. */
export interface TicketOrder {
  /**
   * Each ticket's valid `created` event, whose time is the ticket's
   * created instant (`createdTime`); NO_CREATED for a ticket left without
   * one. An event's number takes 4 bytes a ticket where its instant would
   * take 8.
   */
  createdEvents: Uint32Array;
  /** The latest time of any valid event; -Infinity for an empty log. */
  latest: number;
  /** Rows found invalid by these checks. */
  invalidRows: number;
}

/**
 * Checks each ticket's events in (time, file order): exactly one `created`,
 * and nothing before it. Offending events are reported and marked skipped
 * (used with --skip-invalid; without it nothing is evaluated anyway).
 * Only the tickets the store flagged while reading (`mayBeUnordered`) are
 * walked: the others are valid as they stand, `created` first; `walkAll`
 * walks every ticket (the general path, which tests compare with).
 */
export function checkTicketOrder(store: EventStore, file: string, errors: LogErrorList, walkAll = false, messages: OrderMessages = {}): TicketOrder {
  const created = new Uint32Array(store.ticketCount).fill(NO_CREATED);
  const latestOrdered = walkAll ? undefined : store.latestOrderedTime();
  let latest = latestOrdered ?? -Infinity;
  let invalidRows = 0;
  const early: EarlyEvent[] = [];
  const reject = (event: number, error: LogError): void => {
    store.skip(event);
    errors.add(error);
    invalidRows++;
  };
  for (let ticket = 0; ticket < store.ticketCount; ticket++) {
    if (!walkAll && !store.mayBeUnordered(ticket)) {
      created[ticket] = store.firstEventOf(ticket);
      // The latest time is known without a walk when an in-order ticket holds it (nearly always).
      if (latestOrdered === undefined) for (let event = store.firstEventOf(ticket); event >= 0; event = store.nextEventOf(event)) latest = Math.max(latest, store.timeOf(event));
      continue;
    }
    // The events walked in the store, and the id made only for a message: a large log has millions of tickets.
    let first = -1;
    for (let event = store.firstEventOf(ticket); event >= 0; event = store.nextEventOf(event)) {
      if (store.kindOf(event) === 0 && (first < 0 || store.timeOf(event) < store.timeOf(first))) first = event;
    }
    for (let event = store.firstEventOf(ticket); event >= 0; event = store.nextEventOf(event)) {
      if (first < 0) {
        const id = store.ticketId(ticket);
        const createdLine = messages.invalidCreatedLine?.(id);
        if (createdLine === undefined) reject(event, logError('SLA4010', file, store.lineOf(event), 'ticket', { ticket: id }));
        else reject(event, logError('SLA4055', file, store.lineOf(event), 'ticket', { ticket: id, createdLine }));
      } else if (event !== first && store.kindOf(event) === 0) {
        reject(event, logError('SLA4009', file, store.lineOf(event), 'event', { ticket: store.ticketId(ticket), firstLine: store.lineOf(first) }));
      } else if (isBefore(store, event, first)) {
        early.push({ event, first });
      } else {
        latest = Math.max(latest, store.timeOf(event));
      }
    }
    if (first >= 0) created[ticket] = first;
  }
  const written = messages.textsAt?.(new Set(early.map(({ event }) => store.lineOf(event)))) ?? new Map<number, string>();
  for (const { event, first } of early) {
    const line = store.lineOf(event);
    reject(event, logError('SLA4008', file, line, 'time', {
      value: written.get(line) ?? formatInstant(store.timeOf(event), messages.zone),
      createdLine: store.lineOf(first),
      hint: store.timeOf(event) === store.timeOf(first) ? ' (at the same instant but earlier in the file; ties are taken in file order)' : '',
    }));
  }
  return { createdEvents: created, latest, invalidRows };
}

/**
 * What the order checks' messages say beyond the store: how SLA4008 quotes
 * an event's time, as the log wrote it (`textsAt`, for a log read from a
 * file), else the instant in `zone` (the report's) with its offset, to the
 * second; and the line of a ticket's invalid `created` row, which SLA4055
 * names instead of saying it has none (SLA4010).
 */
export interface OrderMessages {
  textsAt?: TimeTextsAt | undefined;
  zone?: string;
  invalidCreatedLine?: (ticket: string) => number | undefined;
}

/** An event before its ticket's `created` (`first`), reported once the walk is done, when the texts are read. */
interface EarlyEvent {
  event: number;
  first: number;
}

/** The created instant (epoch ms) of a ticket that has one (`createdEvents[ticket] !== NO_CREATED`). */
export function createdTime(store: EventStore, order: TicketOrder, ticket: number): number {
  return store.timeOf(order.createdEvents[ticket]!);
}

/** Is `event` before `other` in (time, file order)? */
function isBefore(store: EventStore, event: number, other: number): boolean {
  const a = store.timeOf(event);
  const b = store.timeOf(other);
  return a < b || (a === b && event < other);
}
