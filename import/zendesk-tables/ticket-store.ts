import { detachString, Float64Column, StringPool, Uint32Column } from '../../runtime/log/columns.js';
import { SkippedTickets } from '../skipped-tickets.js';
import { IdIndex } from './id-index.js';

/** A status or priority change from the field history. */
export interface FieldChange {
  time: number;
  field: 'status' | 'priority';
  value: string;
  line: number;
  /** The history file, as the user named it (for messages of `slac check --log-format`). */
  file: string;
}

/** A ticket as the import writes it: its row's values, plus its status and priority changes. */
export interface TicketState {
  created: number;
  /** `updated_at` as a time; undefined when empty, missing or not a time. */
  updated: number | undefined;
  /** `updated_at` as written, for the message when it is not a time. */
  updatedText: string;
  status: string;
  priority: string;
  channel: string;
  requester: string;
  client: string | undefined;
  changes: FieldChange[];
  /** The ticket's row: file as the user named it, and line. */
  source: { file: string; line: number };
}

/** What the ticket table's row of a ticket says (its changes come from the history). */
export type TicketRow = Omit<TicketState, 'changes' | 'source'> & { line: number };

/**
 * Why a ticket of the ticket table is left out: deleted, its row could not
 * be read (and where that row is), or its row was skipped (why, in a few words).
 */
export type LeftOut = 'deleted' | { unreadableAt: string } | { skipped: string };

/** `clients` of a ticket without a client. */
const NO_CLIENT = 0xffffffff;

/** In `changeFields`: the field of a change. */
const FIELD_CODES = { status: 0, priority: 1 } as const;
const FIELDS = ['status', 'priority'] as const;

/**
 * The tickets of the ticket table, by id, and their status and priority
 * changes: what the import holds until the history and comments are read
 * and the tickets' own rows written. A provider's export has millions of
 * tickets, so nothing here is an object per ticket (some 1,100 bytes a
 * ticket when each was an object with its changes as objects): each ticket
 * is a number (`IdIndex`, in order of first appearance), its values sit in
 * columns of typed arrays at that number, its texts (status, priority,
 * channel, requester, client) as numbers of a pool of distinct texts, and
 * its changes in columns of their own, linked from the last to the first.
 * About 150 bytes a ticket with three changes (`byteLength`).
 */
export class TicketStore {
  /** Tickets skipped without an id, which rows not tied to a ticket of the table may be of (said once, in a note). */
  readonly unnamed = new SkippedTickets();
  private readonly ids = new IdIndex();
  /** The few tickets left out, by number; their columns hold zeros. */
  private readonly leftOut = new Map<number, LeftOut>();
  private readonly created = new Float64Column();
  /** NaN when `updated_at` is empty, missing or not a time. */
  private readonly updated = new Float64Column();
  /** `updated_at` as written, kept only when it is not a time (for the messages that quote it). */
  private readonly updatedTexts = new Map<number, string>();
  private readonly lines = new Float64Column();
  /** Texts, as their numbers in `texts`. */
  private readonly statuses = new Uint32Column();
  private readonly priorities = new Uint32Column();
  private readonly channels = new Uint32Column();
  private readonly requesters = new Uint32Column();
  /** NO_CLIENT for a ticket without a client. */
  private readonly clients = new Uint32Column();
  private readonly texts = new StringPool();
  /** Per ticket, the number + 1 of its last change read; 0 when it has none. */
  private readonly lastChanges = new Uint32Column();
  /** Per change, the number + 1 of the change read before it of its ticket; 0 for its first. */
  private readonly previousChanges = new Uint32Column();
  private readonly changeTimes = new Float64Column();
  private readonly changeLines = new Float64Column();
  private readonly changeFields = new Uint32Column();
  private readonly changeValues = new Uint32Column();

  /** Where the first row of the wrong number of fields whose id column reads an id is (file:line), by that id: a few. */
  private readonly misalignedRows = new Map<string, string>();

  /** The ticket table and the history table, as the user named them. */
  constructor(
    private readonly ticketFile: string,
    private readonly historyFile: string,
  ) {}

  /** The number of ticket `id`, or -1 when the ticket table has no row of it. */
  find(id: string): number {
    return this.ids.find(id);
  }

  /** Tickets numbered, left out ones included. */
  get size(): number {
    return this.ids.size;
  }

  idAt(ticket: number): string {
    return this.ids.idAt(ticket);
  }

  /** Why ticket number `ticket` is left out, or undefined when it is imported. */
  leftOutAt(ticket: number): LeftOut | undefined {
    return this.leftOut.get(ticket);
  }

  /** Adds a ticket left out (`id` is new). */
  addLeftOut(id: string, why: LeftOut): void {
    const ticket = this.addTicket(id, { created: 0, updated: undefined, updatedText: '', status: '', priority: '', channel: '', requester: '', client: undefined, line: 0 });
    this.leftOut.set(ticket, why);
  }

  /** A row of the ticket table at `where` (file:line) that has the wrong number of fields, and whose id column reads `id`. */
  noteMisalignedRow(id: string, where: string): void {
    if (id !== '' && !this.misalignedRows.has(id)) this.misalignedRows.set(detachString(id), where);
  }

  /** Where a row of the wrong number of fields whose id column reads `id` is, if there is one. */
  misalignedRowOf(id: string): string | undefined {
    return this.misalignedRows.get(id);
  }

  /** Adds a ticket from its row (`id` is new); gives its number. */
  addTicket(id: string, row: TicketRow): number {
    const ticket = this.ids.add(id);
    this.created.push(row.created);
    this.updated.push(row.updated ?? NaN);
    if (row.updated === undefined && row.updatedText !== '') this.updatedTexts.set(ticket, detachString(row.updatedText));
    this.lines.push(row.line);
    this.statuses.push(this.texts.idOf(row.status));
    this.priorities.push(this.texts.idOf(row.priority));
    this.channels.push(this.texts.idOf(row.channel));
    this.requesters.push(this.texts.idOf(row.requester));
    this.clients.push(row.client === undefined ? NO_CLIENT : this.texts.idOf(row.client));
    this.lastChanges.push(0);
    return ticket;
  }

  /** Adds a status or priority change of ticket number `ticket` (`file` is the history's). */
  addChange(ticket: number, change: Omit<FieldChange, 'file'>): void {
    const number = this.changeTimes.length;
    this.changeTimes.push(change.time);
    this.changeLines.push(change.line);
    this.changeFields.push(FIELD_CODES[change.field]);
    this.changeValues.push(this.texts.idOf(change.value));
    this.previousChanges.push(this.lastChanges.get(ticket));
    this.lastChanges.set(ticket, number + 1);
  }

  createdAt(ticket: number): number {
    return this.created.get(ticket);
  }

  clientOf(ticket: number): string | undefined {
    const client = this.clients.get(ticket);
    return client === NO_CLIENT ? undefined : this.texts.values[client];
  }

  requesterOf(ticket: number): string {
    return this.texts.values[this.requesters.get(ticket)]!;
  }

  /** Ticket number `ticket` as an object, with its changes in the order read (made for writing it, and let go after). */
  stateAt(ticket: number): TicketState {
    const updated = this.updated.get(ticket);
    const changes: FieldChange[] = [];
    for (let change = this.lastChanges.get(ticket); change !== 0; change = this.previousChanges.get(change - 1)) {
      const at = change - 1;
      changes.push({ time: this.changeTimes.get(at), field: FIELDS[this.changeFields.get(at)]!, value: this.texts.values[this.changeValues.get(at)]!, line: this.changeLines.get(at), file: this.historyFile });
    }
    return {
      created: this.created.get(ticket),
      updated: Number.isNaN(updated) ? undefined : updated,
      updatedText: this.updatedTexts.get(ticket) ?? '',
      status: this.texts.values[this.statuses.get(ticket)]!,
      priority: this.texts.values[this.priorities.get(ticket)]!,
      channel: this.texts.values[this.channels.get(ticket)]!,
      requester: this.requesterOf(ticket),
      client: this.clientOf(ticket),
      changes: changes.reverse(),
      source: { file: this.ticketFile, line: this.lines.get(ticket) },
    };
  }

  /** Bytes of the typed arrays (the pool of texts and the Maps of left-out tickets and unusual ids not counted). */
  get byteLength(): number {
    const columns = [this.created, this.updated, this.lines, this.statuses, this.priorities, this.channels, this.requesters, this.clients, this.lastChanges, this.previousChanges, this.changeTimes, this.changeLines, this.changeFields, this.changeValues];
    return this.ids.byteLength + columns.reduce((sum, column) => sum + column.byteLength, 0);
  }
}
