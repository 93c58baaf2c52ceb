import type { ReplyAuthor, TicketEventKind } from '../../runtime/log/events.js';
import { countClientless, noteClientValue, readClientValue, UNNAMED_CLIENT_ADVICE } from '../client-field.js';
import type { ImportJob } from '../import-source.js';
import { placeText, SkippedTickets } from '../skipped-tickets.js';
import { INEXACT_ID, isInexactId, namedPart } from '../json-file.js';
import { DELETED_STATUS, isMergeVia, isSystemVia, RESOLVED_STATUSES, ROLE_AUTHORS, STATUS_EVENTS, SYSTEM_USER_IDS, viaChannel } from './mapping.js';
import { OUTCOME, OutcomeTally } from './outcome-tally.js';
import { NONE, PendingRows, type RowChain } from './pending-rows.js';
import { RecentUpdateIds, rememberUpdateId, type TicketUpdateIds } from './update-ids.js';

/** A child event of an update (a ticket event's `child_events`, an audit's `events`), in one shape for both exports. */
export interface ChildEvent {
  kind: 'create' | 'change' | 'comment' | 'other';
  /** The field set or changed (create, change). */
  field?: string | undefined;
  value?: unknown;
  previous?: unknown;
  /** Comments: public or a private note. */
  public?: boolean | undefined;
  /** Comments: the author's user id, as exported (a number, or text). */
  author?: unknown;
  /** The child's own via, when it differs from the update's. */
  via?: unknown;
}

/** Where an update is, for the summary: the file, its line (pages per line), and its JSON path `records[index]`. */
export interface UpdatePlace {
  file: string;
  line: number | undefined;
  /** The page's key of the updates: `ticket_events` or `audits`. */
  records: string;
  index: number;
  /** The update's key of its children: `child_events` or `events`. */
  children: string;
}

/**
 * What the import keeps of a ticket while it is open; dropped when it is
 * closed or deleted. It is the chain of its rows in `PendingRows` (without
 * the client: written when the ticket closes, or at the end, so a deleted
 * ticket leaves none), held in the ticket itself rather than in an object
 * of its own: one object less to fetch on every update of a large export.
 */
interface OpenTicket extends RowChain {
  /** The ticket's id as the log writes it. */
  id: string;
  key: IdKey;
  /** The time of its creation: no row of it is earlier. */
  created: number;
  status: string | undefined;
  severity: string | undefined;
  requester: IdKey | undefined;
  organization: IdKey | undefined;
  /** The value of `--client-field`, when the export has it. */
  clientValue: string | undefined;
  /** Closed by the update being read: written and forgotten at its end. */
  closed: boolean;
  /** The ids of its updates read so far (Zendesk's `id` of a ticket event or audit), to read a repeated one once. */
  updateIds: TicketUpdateIds;
}

/** Users' roles and organisations' names, from the users and organisations files, by the `idKey` of their ids. */
export interface Directory {
  roles: Map<IdKey, string>;
  inactive: Set<IdKey>;
  organizations: Map<IdKey, string>;
}

/**
 * Zendesk's updates of tickets, in the order the export gives them, as
 * slac's ticket log. Keeps only the open tickets: a ticket's rows wait until
 * it is closed (then they are written and the ticket forgotten) or deleted
 * (then they are dropped), and the rest are written by `finish`.
 */
export class ZendeskTickets {
  private readonly open = new Map<IdKey, OpenTicket>();
  /**
   * The tickets closed so far: a closed ticket is never created again in
   * Zendesk, so its creation coming again is a page or file given twice,
   * which would write the ticket twice (slac check refuses a second
   * creation, SLA4009). An id each, where the open ones hold their rows.
   */
  private readonly closedEarlier = new Set<IdKey>();
  /**
   * When the tickets deleted so far were deleted (a few: their rows are
   * dropped), so that a later update (a ticket restored from Zendesk's
   * deleted view) says the ticket was deleted, and when, rather than that
   * no creation of it is open.
   */
  private readonly deletedAt = new Map<IdKey, number>();
  /** Users seen as assignees: agents then, even if the users file now says end-user. */
  private readonly assignees = new Set<IdKey>();
  /** The summary's counts of mapped records, kept in integers (millions of child events) and settled by `finish`. */
  readonly tally: OutcomeTally;
  written = 0;
  /** The field `--client-field` names, trimmed as the other sources trim it. */
  private readonly clientField: string | undefined;
  /** Whether an update of some ticket set the field `--client-field` names (its value may be empty). */
  clientFieldSeen = false;
  /** The open tickets' rows. */
  private readonly rows = new PendingRows();
  /** Tickets whose creation was skipped (a few), so that their later updates say so rather than that no creation is open. */
  private readonly skipped = new SkippedTickets();
  /** The ids of the last updates read, for repeats of updates of tickets no longer held (see update-ids.ts). */
  private readonly recentUpdates = new RecentUpdateIds();

  constructor(
    private readonly job: ImportJob,
    private readonly directory: Directory,
  ) {
    this.tally = new OutcomeTally(job.summary);
    this.clientField = job.clientField?.trim();
  }

  /**
   * One update of a ticket: its creation, field changes and comments, at
   * `time`, by `updater` (a user id as exported). Reads the first `count` of
   * `children` (the readers reuse one array and its events from update to
   * update). An update whose `updateId` was read before (a page boundary or
   * a file given twice) is counted and not read again.
   */
  update(ticketId: IdKey, updateId: IdKey | undefined, time: number, via: unknown, updater: unknown, children: readonly ChildEvent[], place: UpdatePlace, count = children.length): void {
    let ticket = this.open.get(ticketId);
    if (updateId !== undefined && this.readBefore(ticket, updateId)) return this.countReadBefore(count, place);
    let creating = false;
    for (let index = 0; index < count; index++) if (children[index]!.kind === 'create') creating = true;
    if (creating) {
      if (ticket !== undefined) {
        this.skipAll(count, place, 'second creation of an open ticket', `ticket ${ticketId} was created again while open`);
        return;
      }
      if (this.closedEarlier.has(ticketId)) {
        this.skipAll(count, place, 'creations of tickets closed earlier in the export', `ticket ${ticketId} was closed earlier in the export and is created again (a page or file given twice?): the first is kept`);
        return;
      }
      ticket = this.create(ticketId, time, via, children, count, place);
      if (updateId !== undefined) rememberUpdateId(ticket, updateId);
    }
    if (ticket === undefined) return this.skipUpdateOfNoOpenTicket(ticketId, count, place);
    if (time < ticket.created) {
      // An update recorded before the ticket existed describes it as created (slac check refuses a row before creation, SLA4008).
      time = ticket.created;
      this.job.summary.note('updates dated before their ticket was created: moved to its creation');
    }
    for (let index = 0; index < count; index++) {
      const child = children[index]!;
      if (child.kind === 'create') continue;
      if (child.kind === 'comment') this.comment(ticket, time, child, via, updater, creating, place, index);
      else if (child.kind === 'change') {
        if (this.change(ticket, time, child, via, place, index) === 'gone') {
          for (let rest = index + 1; rest < count; rest++) this.tally.took(place.file, OUTCOME['events of deleted tickets (left out)']);
          return;
        }
      } else this.tally.took(place.file, OUTCOME['other events (not part of the ticket log)']);
    }
    if (ticket.closed) {
      this.open.delete(ticket.key);
      this.closedEarlier.add(ticket.key);
      this.flush(ticket);
    }
  }

  /**
   * Whether the update `id` was read before: by the ticket's own ids while
   * it is held, else (a ticket closed, deleted or never open) by the window
   * of recent ids. Remembers `id` in both.
   */
  private readBefore(ticket: OpenTicket | undefined, id: IdKey): boolean {
    const recent = this.recentUpdates.has(id);
    if (!recent) this.recentUpdates.add(id);
    return ticket === undefined ? recent : rememberUpdateId(ticket, id) || recent;
  }

  private countReadBefore(count: number, place: UpdatePlace): void {
    const outcome = place.records === 'audits' ? OUTCOME['events of audits read before (in another file or page)'] : OUTCOME['child events of ticket events read before (in another file or page)'];
    for (let index = 0; index < count; index++) this.tally.took(place.file, outcome);
  }

  /** Skips an update of a ticket not open: deleted or closed earlier in the export, its creation skipped, else created before it began. */
  private skipUpdateOfNoOpenTicket(ticketId: IdKey, count: number, place: UpdatePlace): void {
    const deleted = this.deletedAt.get(ticketId);
    if (deleted !== undefined) {
      const at = new Date(deleted).toISOString().replace('.000Z', 'Z');
      return this.skipAll(count, place, 'updates of tickets deleted earlier in the export', `ticket ${ticketId} was deleted in Zendesk at ${at}, earlier in the export: the update is left out`);
    }
    if (this.closedEarlier.has(ticketId)) {
      return this.skipAll(count, place, 'updates of tickets closed earlier in the export', `ticket ${ticketId} was closed earlier in the export, and a closed ticket stays closed in Zendesk: the update is left out`);
    }
    const skipped = this.skipped.problemOf(String(ticketId), `update of ticket ${ticketId}`, 'updates');
    if (skipped !== undefined) return this.skipAll(count, place, skipped.group, skipped.reason);
    this.skipAll(count, place, 'updates of tickets not open in the export (created before it started)', `ticket ${ticketId}: no creation of it is open in the export`);
  }

  /** Remembers that the update creating ticket `ticketId` was skipped, and why in a few words, for its later updates. */
  skippedCreation(ticketId: IdKey, why: string): void {
    this.skipped.add([String(ticketId)], why);
    this.job.summary.skippedTicket([String(ticketId)]);
  }

  /**
   * Counts an update creating a ticket that was skipped for want of an exact
   * ticket_id (none, or one beyond 2^53): its later updates cannot be tied
   * to it, and `finish` says once that they may be its.
   */
  skippedUnnamedCreation(file: string, path: string): void {
    this.skipped.addUnnamed(placeText(file, path));
  }

  /** Writes the tickets still open at the end of the export. */
  finish(): void {
    for (const ticket of this.open.values()) this.flush(ticket);
    this.open.clear();
    this.skipped.noteUnnamed(this.job.summary, 'updates', 'of tickets with no creation open in the export');
    this.tally.settle();
  }

  private create(key: IdKey, time: number, via: unknown, children: readonly ChildEvent[], count: number, place: UpdatePlace): OpenTicket {
    const id = String(key);
    const ticket: OpenTicket = { id, key, created: time, status: undefined, severity: undefined, requester: undefined, organization: undefined, clientValue: undefined, first: NONE, last: NONE, count: 0, closed: false, updateIds: undefined };
    let status: string | undefined;
    for (let index = 0; index < count; index++) {
      const child = children[index]!;
      if (child.kind !== 'create') continue;
      if (child.field === 'status') {
        status = text(child.value)?.toLowerCase();
        this.tally.took(place.file, OUTCOME['creations (status)']);
      } else if (child.field === 'priority') {
        ticket.severity = text(child.value)?.toLowerCase();
        this.tally.took(place.file, OUTCOME['creations (priority)']);
      } else {
        this.remember(ticket, child.field, child.value);
        this.tally.took(place.file, OUTCOME['creations (other fields)']);
      }
    }
    this.rows.add(ticket, time, 'created', ticket.severity, viaChannel(via), undefined, undefined);
    if (status !== undefined) this.setStatus(ticket, time, status);
    this.open.set(key, ticket);
    return ticket;
  }

  /** Keeps a field the ticket's state needs: requester (for authors), organisation and `--client-field` (for the client). */
  private remember(ticket: OpenTicket, field: string | undefined, value: unknown): boolean {
    if (field === undefined) return false;
    if (field === this.clientField) {
      // A number beyond 2^53 (bare, or where readClientValue reads an object or list) was read rounded:
      // two clients could become one, as two ids would.
      if (isInexactId(namedPart(value))) this.job.summary.note(`${field} values beyond 2^53 (JSON numbers lose digits there), which --client-field names: not read, so no client is taken from them; export the field as text`);
      else this.rememberClient(ticket, field, value);
      this.clientFieldSeen = true;
    }
    if (isInexactId(value) && (field === 'requester_id' || field === 'organization_id' || field === 'assignee_id')) {
      this.job.summary.note('requester, organisation and assignee ids beyond 2^53 (JSON numbers lose digits there): not read, so no user or client is taken from them; export ids as text');
      return true;
    }
    if (field === 'requester_id') ticket.requester = idKey(value);
    else if (field === 'organization_id') ticket.organization = idKey(value);
    else if (field === 'assignee_id') {
      const assignee = idKey(value);
      if (assignee !== undefined) this.assignees.add(assignee);
    } else return field === this.clientField;
    return true;
  }

  /**
   * Keeps the client a value of the field `--client-field` names, read as the
   * other sources read it. An object or list with no name to read is noted
   * and not read, as a number beyond 2^53 is: the field comes in a ticket's
   * events, so a ticket cannot be skipped for one of them as the other
   * sources skip it; the ticket keeps the client it had.
   */
  private rememberClient(ticket: OpenTicket, field: string, value: unknown): void {
    const { client, shape } = readClientValue(value, text);
    if (shape === 'no name') return this.job.summary.note(`${field} values with no text, value, name or displayName (objects or lists), which --client-field names: no client is taken from them; ${UNNAMED_CLIENT_ADVICE}`);
    noteClientValue(this.job, shape);
    ticket.clientValue = client;
  }

  /** A change of a field; 'gone' when it deleted the ticket. */
  private change(ticket: OpenTicket, time: number, child: ChildEvent, via: unknown, place: UpdatePlace, index: number): 'gone' | void {
    const { summary } = this.job;
    if (child.field === 'status') {
      const value = text(child.value)?.toLowerCase();
      if (value === undefined) return summary.skip(place.file, childPath(place, index), 'status changes without a value', `ticket ${ticket.id}: the status change has no value`);
      if (value === DELETED_STATUS) {
        this.open.delete(ticket.key);
        this.deletedAt.set(ticket.key, time);
        const rows = ticket.count;
        this.rows.drop(ticket);
        summary.skip(place.file, childPath(place, index), 'deleted tickets', `ticket ${ticket.id} was deleted in Zendesk: its ${rows} rows are left out`);
        summary.skippedTicket([String(ticket.id)]);
        summary.note('rows of tickets deleted in Zendesk: left out of the log', rows);
        return 'gone';
      }
      if (value === ticket.status) return this.tally.took(place.file, OUTCOME['status changes to the same status (no row)']);
      this.tally.took(place.file, OUTCOME['status changes']);
      if (value === 'closed' && isMergeVia(child.via ?? via)) summary.note('tickets closed by a merge into another ticket: closed at the merge');
      this.setStatus(ticket, time, value);
      return undefined;
    }
    if (child.field === 'priority') {
      const value = text(child.value)?.toLowerCase();
      if (value === undefined || value === '') return this.tally.took(place.file, OUTCOME['priorities cleared (the severity stays)']);
      if (value === ticket.severity) return this.tally.took(place.file, OUTCOME['priority changes to the same priority (no row)']);
      ticket.severity = value;
      this.rows.add(ticket, time, 'severity', value, undefined, undefined, undefined);
      return this.tally.took(place.file, OUTCOME['priority changes']);
    }
    if (this.remember(ticket, child.field, child.value)) return this.tally.took(place.file, OUTCOME['requester, organisation, assignee and client changes (read for authors and clients)']);
    this.tally.took(place.file, OUTCOME['other field changes (not part of the ticket log)']);
    return undefined;
  }

  /** A new status: its `status` row, a `reopened` before it after `solved`, `resolved`/`closed` after it; a closed ticket is written and forgotten after the update. */
  private setStatus(ticket: OpenTicket, time: number, status: string): void {
    if (ticket.status !== undefined && RESOLVED_STATUSES.has(ticket.status) && STATUS_EVENTS.get(status) !== 'closed' && !RESOLVED_STATUSES.has(status)) {
      this.rows.add(ticket, time, 'reopened', undefined, undefined, undefined, undefined);
    }
    ticket.status = status;
    this.rows.add(ticket, time, 'status', undefined, undefined, status, undefined);
    const event = STATUS_EVENTS.get(status);
    if (event !== undefined) this.rows.add(ticket, time, event, undefined, undefined, undefined, undefined);
    if (event === 'closed') ticket.closed = true;
  }

  private comment(ticket: OpenTicket, time: number, child: ChildEvent, via: unknown, updater: unknown, creating: boolean, place: UpdatePlace, index: number): void {
    const { summary } = this.job;
    if (child.public === false) return this.tally.took(place.file, OUTCOME['private notes (not replies)']);
    // The comment written with the ticket is its description, not an answer.
    if (creating) return this.tally.took(place.file, OUTCOME['ticket descriptions (not replies)']);
    const named = idKey(child.author) !== undefined ? child.author : updater;
    if (isInexactId(named)) return summary.skip(place.file, childPath(place, index), 'comments whose author id is beyond 2^53', `comment on ticket ${ticket.id}: the author id ${String(named)} ${INEXACT_ID}`);
    const user = idKey(named);
    const author = this.authorOf(user, child.via ?? via, ticket);
    if (author === undefined) {
      return summary.skip(place.file, childPath(place, index), 'comments by users not in the users file', `comment on ticket ${ticket.id}: user ${user ?? '(none)'} is not in the users file, nor the requester`);
    }
    this.rows.add(ticket, time, 'reply', undefined, undefined, undefined, author);
    this.tally.took(place.file, author === 'agent' ? OUTCOME['replies (agent)'] : author === 'customer' ? OUTCOME['replies (customer)'] : OUTCOME['replies (system)']);
  }

  /**
   * Who wrote a comment: `system` when it came through a rule, Zendesk itself
   * or the API; otherwise by the user's role. The users file holds today's
   * role, and a deactivated agent is an end-user there: a user who was an
   * assignee earlier in the export counts as an agent.
   */
  private authorOf(user: IdKey | undefined, via: unknown, ticket: OpenTicket): ReplyAuthor | undefined {
    if (isSystemVia(via)) return 'system';
    if (user === undefined) return undefined;
    if (SYSTEM_USERS.has(user)) return 'system';
    const role = this.directory.roles.get(user);
    if (this.assignees.has(user)) {
      if (role !== undefined && ROLE_AUTHORS.get(role) !== 'agent') this.job.summary.note('comments by end-users who were assignees earlier in the export (deactivated agents): taken as agent replies');
      return 'agent';
    }
    if (role !== undefined) {
      if (role === 'end-user' && this.directory.inactive.has(user)) this.job.summary.note('comments by deactivated users whose role is end-user: taken as customer replies (a deactivated agent is an end-user in Zendesk)');
      return ROLE_AUTHORS.get(role);
    }
    if (user === ticket.requester) {
      this.job.summary.note('comments by requesters missing from the users file: taken as customer replies');
      return 'customer';
    }
    return undefined;
  }

  private flush(ticket: OpenTicket): void {
    const client = this.clientOf(ticket);
    countClientless(this.job, client);
    const { sink } = this.job;
    const id = ticket.id;
    if (sink.writeFields !== undefined) {
      this.rows.take(ticket, (time, event, severity, channel, status, author) =>
        sink.writeFields!(id, time, event as TicketEventKind, severity, channel, status, author as ReplyAuthor | undefined, client),
      );
    } else {
      this.rows.take(ticket, (time, event, severity, channel, status, author) =>
        sink.write({ ticket: id, time, event: event as TicketEventKind, severity, channel, status, author: author as ReplyAuthor | undefined, client }),
      );
    }
    this.written++;
  }

  /** The `--client-field` value, or the organisation's name (its id when no organisations file names it). */
  private clientOf(ticket: OpenTicket): string | undefined {
    if (this.job.clientField !== undefined) return ticket.clientValue;
    if (ticket.organization === undefined) return undefined;
    const name = this.directory.organizations.get(ticket.organization);
    if (name !== undefined) return name;
    this.job.summary.note('tickets whose organisation is not in an organisations file: the client is the organisation id');
    return String(ticket.organization);
  }

  private skipAll(count: number, place: UpdatePlace, group: string, reason: string): void {
    if (count === 0) return this.job.summary.skip(place.file, updatePath(place), group, reason);
    for (let index = 0; index < count; index++) this.job.summary.skip(place.file, childPath(place, index), group, reason);
  }
}

/** A value of the export as text: ids and names; undefined for null, empty or absent. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * An id of the export as a key of the import's maps: the id as a number
 * when `text` of it is a plain integer (as Zendesk's ids are), otherwise its
 * text; undefined when it has none. Two ids have the same key exactly when
 * they have the same text, and `String(key)` is that text. Numbers are
 * several times cheaper to look up than the text of each (millions of
 * lookups in a large export).
 */
export type IdKey = number | string;

// Ids beyond 2^53 are told apart as every JSON source tells them (see json-file.ts).
export { INEXACT_ID, isInexactId };

export function idKey(value: unknown): IdKey | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : String(value);
  if (typeof value === 'string') {
    if (value === '') return undefined;
    if (PLAIN_INTEGER.test(value)) {
      const number = Number(value);
      if (Number.isSafeInteger(number)) return number;
    }
    return value;
  }
  return typeof value === 'boolean' ? String(value) : undefined;
}

/** The text of an integer as `String` writes it: no sign on 0, no leading zeros. */
const PLAIN_INTEGER = /^(?:0|-?[1-9]\d*)$/;

/** Zendesk's own users, as keys. */
const SYSTEM_USERS: ReadonlySet<IdKey> = new Set([...SYSTEM_USER_IDS].map((id) => idKey(id)!));

/** The place of an update for the summary: a JSON path, prefixed by the line in a file of one page per line. */
export function updatePath(place: UpdatePlace): string {
  const path = `${place.records}[${place.index}]`;
  return place.line === undefined ? path : `line ${place.line}, ${path}`;
}

function childPath(place: UpdatePlace, index: number): string {
  return `${updatePath(place)}.${place.children}[${index}]`;
}
