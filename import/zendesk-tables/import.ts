import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { detachString } from '../../runtime/log/columns.js';
import type { ReplyAuthor } from '../../runtime/log/events.js';
import { noteClientless } from '../client-field.js';
import type { ImportSummary } from '../import-summary.js';
import { countTableRows, readTable, TableReadError, type RowCount, type TableRow } from '../table-reader.js';
import type { ImportJob, InputFile } from '../import-source.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { parseWarehouseTime, warehouseTimeAdvice } from '../warehouse-time.js';
import { CREATION_STATUS, DELETED_STATUS, readBoolean, RESOLVED_STATUSES, ROLE_AUTHORS, STATUS_EVENTS, SYSTEM_USER_IDS } from './mapping.js';
import { readClientCell, type ClientCellReading } from './client-cell.js';
import { CommentIds, HASH_START, hashValue } from './comment-ids.js';
import { ACTIVE_COLUMN, DELETED_COLUMN, readDeletedMark } from './fivetran-deleted.js';
import { OPTIONAL_COLUMNS, OTHER_TABLES, TICKET_TABLES, tableOfFile, type TicketTable } from './tables.js';
import { TicketStore, type FieldChange, type TicketState } from './ticket-store.js';

export type { InputFile } from '../import-source.js';

/** `clientField` is a column of the ticket table. */
export type ZendeskTablesImport = ImportJob;

/** What is done with a row of a table, with its line and its file as the user named it. */
type OnRow = (row: TableRow, line: number, shown: string) => void;

/** What a table's reading hears of besides its rows. */
interface TableHooks {
  /** Columns read besides the table's own (`--client-field`). */
  extraColumns?: string[];
  /** A row Fivetran marks as deleted, after it is listed. */
  onDeleted?: (row: TableRow) => void;
  /** A row too long to read, whose other values are known. */
  onUnreadable?: OnRow;
  /** A row of the wrong number of fields, its values under the columns they fall in (not to be trusted). */
  onMisaligned?: OnRow;
}

/**
 * Turns the Zendesk tables a warehouse holds (Fivetran's schema) into slac's
 * ticket log. Organisations and users are read first (for clients and
 * roles), then tickets, their field history, and their comments; comments go
 * straight to the log, and each ticket's status and priority changes are
 * written once the history is read. Every row of every file is accounted for
 * in `summary`. Returns the number of tickets written.
 */
export async function importZendeskTables(job: ZendeskTablesImport): Promise<number> {
  const tables = new Map<string, InputFile>();
  for (const file of job.files) {
    const table = tableOfFile(basename(file.path));
    if (table !== undefined && Object.hasOwn(TICKET_TABLES, table) && !tables.has(table)) tables.set(table, file);
  }
  if (!tables.has('ticket')) {
    throw new TableReadError(`no ticket table among ${job.files.map((f) => f.shown).join(', ')}; zendesk-tables needs ticket.csv (or ticket_data.csv)`);
  }
  const total = job.files.reduce((sum, file) => sum + statSync(file.path).size, 0);
  let done = 0;
  /** Reads the rows of a table still in Zendesk (see `TableHooks` for what else is heard of). */
  const read = async (table: TicketTable, onRow: OnRow, { extraColumns = [], onDeleted, onUnreadable, onMisaligned }: TableHooks = {}): Promise<void> => {
    const file = tables.get(table);
    if (!file) return;
    const optional = [DELETED_COLUMN, ACTIVE_COLUMN, ...OPTIONAL_COLUMNS[table]];
    const events = {
      row: (row: TableRow, line: number) => {
        const mark = readDeletedMark(row, line, file.shown, job.summary);
        if (mark === 'read') onRow(row, line, file.shown);
        else if (mark === 'deleted') onDeleted?.(row);
      },
      unreadable: (line: number, reason: string, partial?: TableRow, misaligned?: TableRow) => {
        job.summary.skip(file.shown, line, 'unreadable rows', reason);
        if (partial !== undefined) onUnreadable?.(partial, line, file.shown);
        else if (misaligned !== undefined) onMisaligned?.(misaligned, line, file.shown);
      },
      warn: (line: number, group: string, reason: string) => job.summary.warn(file.shown, line, group, reason),
      progress: (bytes: number) => job.onProgress?.(done + bytes, total),
    };
    await readTable(file.path, file.shown, [...TICKET_TABLES[table], ...extraColumns], events, { optional });
    done += statSync(file.path).size;
  };

  const organizations = new Map<string, string>();
  await read('organization', (row, line, shown) => {
    const id = cell(row, 'id');
    const name = cell(row, 'name');
    if (id === '' || name === '') return job.summary.skip(shown, line, 'organisation without id or name');
    // Copies: a value cut from a chunk of the file would keep the whole chunk alive.
    organizations.set(detachString(id), detachString(name));
    job.summary.took(shown, 'organisations (client names)');
  });

  const roles = new Map<string, string>();
  await read('user', (row, line, shown) => {
    const id = cell(row, 'id');
    const written = cell(row, 'role');
    // Zendesk writes roles in lower case; another export may not (`Agent`, `End-User`): read in any case, as statuses are.
    const role = written.toLowerCase();
    if (id === '' || !ROLE_AUTHORS.has(role)) return job.summary.skip(shown, line, 'user without id or with an unknown role', `user ${id || '(no id)'} has the role '${written}'; the roles are ${[...ROLE_AUTHORS.keys()].join(', ')}`);
    roles.set(detachString(id), detachString(role));
    job.summary.took(shown, 'users (roles of comment authors)');
  });

  const tickets = new TicketStore(tables.get('ticket')!.shown, tables.get('ticket_field_history')?.shown ?? '');
  const clientColumn = job.clientField === undefined ? [] : [job.clientField.trim().toLowerCase()];
  // A ticket Fivetran marks as deleted is left out as a ticket Zendesk calls deleted is: its other rows say so.
  const markDeleted = (row: TableRow): void => {
    const id = cell(row, 'id');
    if (id !== '' && tickets.find(id) < 0) tickets.addLeftOut(id, 'deleted');
    job.summary.skippedTicket([id]);
  };
  // A ticket whose row is too long to read is left out: its other rows name that row rather than call it missing.
  const markUnreadable = (row: TableRow, line: number, shown: string): void => {
    const id = cell(row, 'id');
    if (id !== '' && tickets.find(id) < 0) tickets.addLeftOut(id, { unreadableAt: `${shown}:${line}` });
    job.summary.skippedTicket([id]);
  };
  // A row of the wrong number of fields has no id to trust, so its ticket is not left out; a row of another table
  // naming the id its id column reads is told of it.
  const markMisaligned = (row: TableRow, line: number, shown: string): void => tickets.noteMisalignedRow(cell(row, 'id'), `${shown}:${line}`);
  await read('ticket', (row, line, shown) => readTicket(row, line, shown, job, organizations, tickets), {
    extraColumns: clientColumn,
    onDeleted: markDeleted,
    onUnreadable: markUnreadable,
    onMisaligned: markMisaligned,
  });

  /** Users who were assignees: agents at that time, even if the user table now says end-user. */
  const assignees = new Set<string>();
  await read('ticket_field_history', (row, line, shown) => readHistory(row, line, shown, job.summary, tickets, assignees));
  const comments = new CommentIds();
  await read('ticket_comment', (row, line, shown) => readComment(row, line, shown, job, tickets, roles, assignees, comments));

  tickets.unnamed.noteUnnamed(job.summary, 'rows', 'of tickets not in the ticket table');
  noteClientless(job, { tickets: 'tickets' });
  let written = 0;
  for (let ticket = 0; ticket < tickets.size; ticket++) {
    if (tickets.leftOutAt(ticket) !== undefined) continue;
    writeTicket(tickets.idAt(ticket), tickets.stateAt(ticket), job);
    written++;
  }
  for (const file of job.files) {
    const table = tableOfFile(basename(file.path));
    if (table !== undefined && tables.get(table) === file) continue;
    // Own keys only: a file named constructor.csv is no table (`in` would find Object's own members).
    const note = table === undefined ? undefined : Object.hasOwn(TICKET_TABLES, table) ? 'a second file of the same table: not read' : Object.hasOwn(OTHER_TABLES, table) ? OTHER_TABLES[table] : undefined;
    const rows = await countRows(file);
    job.summary.fileNote(file.shown, rows, note ?? 'not a table of the zendesk-tables source: not read');
  }
  return written;
}

function cell(row: TableRow, column: string): string {
  return (row.get(column) ?? '').trim();
}

/** The client of a ticket: the named column (`readClientCell`), or its organisation's name (its id when the organisation is not in the table). */
function clientOf(row: TableRow, id: string, place: { shown: string; line: number }, job: ZendeskTablesImport, organizations: ReadonlyMap<string, string>): ClientCellReading {
  if (job.clientField !== undefined) return readClientCell(cell(row, job.clientField.trim().toLowerCase()), id, job, place.shown, place.line);
  return { client: organizationClient(row, job, organizations) };
}

function organizationClient(row: TableRow, job: ZendeskTablesImport, organizations: ReadonlyMap<string, string>): string | undefined {
  const organization = cell(row, 'organization_id');
  if (organization === '') return undefined;
  const name = organizations.get(organization);
  if (name !== undefined) return name;
  job.summary.note('tickets whose organisation is not in the organisation table: the client is the organisation id');
  return organization;
}

function readTicket(row: TableRow, line: number, shown: string, job: ZendeskTablesImport, organizations: ReadonlyMap<string, string>, tickets: TicketStore): void {
  const id = cell(row, 'id');
  if (id === '') {
    tickets.unnamed.addUnnamed(`${shown}:${line}`);
    return job.summary.skip(shown, line, 'ticket without id', 'the row has no ticket id');
  }
  if (tickets.find(id) >= 0) return job.summary.skip(shown, line, 'second row of a ticket', `ticket ${id} has an earlier row`);
  const status = cell(row, 'status').toLowerCase();
  if (status === DELETED_STATUS) {
    tickets.addLeftOut(id, 'deleted');
    job.summary.skip(shown, line, 'deleted tickets', `ticket ${id} was deleted in Zendesk`);
    return job.summary.skippedTicket([id]);
  }
  const created = parseWarehouseTime(cell(row, 'created_at'));
  if (created === undefined) {
    // Left out rather than forgotten: its history and comments say it was skipped, not that it is missing.
    tickets.addLeftOut(id, { skipped: 'it has no readable created_at' });
    job.summary.skip(shown, line, 'ticket without a readable created_at', `ticket ${id}: created_at '${cell(row, 'created_at')}' is not a time${warehouseTimeAdvice(cell(row, 'created_at'))}`);
    return job.summary.skippedTicket([id]);
  }
  const client = clientOf(row, id, { shown, line }, job, organizations);
  if ('skipped' in client) {
    tickets.addLeftOut(id, { skipped: client.skipped });
    return job.summary.skippedTicket([id]);
  }
  tickets.addTicket(id, {
    created,
    updated: parseWarehouseTime(cell(row, 'updated_at')),
    updatedText: cell(row, 'updated_at'),
    status,
    priority: cell(row, 'priority').toLowerCase(),
    channel: cell(row, 'via_channel'),
    requester: cell(row, 'requester_id'),
    client: client.client,
    line,
  });
  // The row's outcome waits for the history: its status may be one that cannot be dated (writeTicket).
}

/**
 * Why a row of another table cannot go with its ticket, if it cannot: the
 * summary's group, and the reason, which names the row as `what` and how it
 * belongs to its ticket (`comment on ticket 7`, `status of ticket 7`).
 */
function ticketProblem(id: string, ticketNumber: number, tickets: TicketStore, what: string, relation: 'on' | 'of'): { group: string; reason: string } | undefined {
  if (id === '') return { group: 'rows without a ticket id', reason: `${what} with an empty ticket id` };
  if (ticketNumber < 0) {
    tickets.unnamed.countUnknown();
    const misaligned = tickets.misalignedRowOf(id);
    const hint = misaligned === undefined ? '' : `; its row may be the one at ${misaligned}, which could not be read (its id column reads '${id}')`;
    return { group: 'rows of tickets not in the ticket table', reason: `${what} ${relation} ticket ${id}: the ticket is not in the ticket table${hint}` };
  }
  const ticket = tickets.leftOutAt(ticketNumber);
  if (ticket === undefined) return undefined;
  if (ticket === 'deleted') return { group: 'rows of deleted tickets', reason: `${what} ${relation} ticket ${id}: the ticket was deleted` };
  if ('skipped' in ticket) return { group: 'rows of skipped tickets', reason: `${what} ${relation} ticket ${id}: the ticket was skipped: ${ticket.skipped}` };
  return { group: 'rows of tickets whose row could not be read', reason: `${what} ${relation} ticket ${id}: the ticket's row (${ticket.unreadableAt}) could not be read` };
}

/** Skips a row of another table that cannot go with its ticket `id` (`ticketProblem`), for the sake of that ticket. */
function skipOfTicket(summary: ImportSummary, shown: string, line: number, problem: { group: string; reason: string }, id: string): void {
  summary.skip(shown, line, problem.group, problem.reason);
  summary.skippedTicket([id], false);
}

/** Fields of the history that become log rows, and the one read for roles. */
const HISTORY_FIELDS = new Set(['status', 'priority']);

function readHistory(row: TableRow, line: number, shown: string, summary: ImportSummary, tickets: TicketStore, assignees: Set<string>): void {
  const id = cell(row, 'ticket_id');
  const field = cell(row, 'field_name').toLowerCase();
  const value = cell(row, 'value');
  const ticket = id === '' ? -1 : tickets.find(id);
  const problem = ticketProblem(id, ticket, tickets, field || 'change', 'of');
  if (problem) return skipOfTicket(summary, shown, line, problem, id);
  if (field === 'assignee_id') {
    if (value !== '') assignees.add(detachString(value));
    return summary.took(shown, 'assignee changes (assignees are agents)');
  }
  if (!HISTORY_FIELDS.has(field)) return summary.skip(shown, line, 'fields that are not part of the ticket log', `ticket ${id}: the field '${field}' is not part of the ticket log`);
  const time = parseWarehouseTime(cell(row, 'updated'));
  if (time === undefined) return summary.skip(shown, line, 'changes without a readable time', `ticket ${id}: updated '${cell(row, 'updated')}' is not a time${warehouseTimeAdvice(cell(row, 'updated'))}`);
  if (value === '') return summary.skip(shown, line, 'changes without a value', `ticket ${id}: the ${field} change has no value`);
  tickets.addChange(ticket, { time, field: field as FieldChange['field'], value: value.toLowerCase(), line });
  summary.took(shown, `${field} changes`);
}

/** The columns of a comment the import reads: two rows of one comment id that agree on them (as read) are the same comment. */
const COMMENT_VALUES = ['ticket_id', 'created', 'public', 'user_id'] as const;

/**
 * Whether a comment row repeats a comment read before, as warehouse syncs
 * write a row twice: a copy with the same values (as read: `TRUE` and
 * `true`, or a time written two ways, are one value) is counted and read
 * once; a copy with other values is skipped and listed (the first row stays,
 * as it was written), since nothing tells which of the two is right.
 */
function repeatsComment(row: TableRow, line: number, shown: string, summary: ImportSummary, comments: CommentIds, time: number | undefined): boolean {
  const commentId = cell(row, 'id');
  if (commentId === '') {
    if (!row.has('id')) summary.note('comment table without an id column: a comment a sync wrote twice cannot be told apart, and is read twice');
    return false;
  }
  const [ticket, created, isPublic, user] = COMMENT_VALUES.map((column) => cell(row, column)) as [string, string, string, string];
  const hash = hashValue(hashValue(hashValue(hashValue(HASH_START, ticket), time ?? created), readBoolean(isPublic) ?? isPublic), user);
  const earlier = comments.earlier(commentId, line, hash);
  if (earlier === undefined) return false;
  if (earlier.same) {
    summary.took(shown, 'repeated rows of a comment (same id and values as an earlier row): read once');
    return true;
  }
  const here = COMMENT_VALUES.map((column) => `${column} '${cell(row, column)}'`).join(', ');
  summary.skip(shown, line, 'rows of a comment read before with other values (the first row is kept)', `comment ${commentId}: line ${earlier.line} has the same comment id with other values (here ${here}); the row of line ${earlier.line} is kept`);
  return true;
}

function readComment(row: TableRow, line: number, shown: string, job: ZendeskTablesImport, tickets: TicketStore, roles: ReadonlyMap<string, string>, assignees: ReadonlySet<string>, comments: CommentIds): void {
  const { summary } = job;
  const time = parseWarehouseTime(cell(row, 'created'));
  if (repeatsComment(row, line, shown, summary, comments, time)) return;
  const id = cell(row, 'ticket_id');
  const ticket = id === '' ? -1 : tickets.find(id);
  const problem = ticketProblem(id, ticket, tickets, 'comment', 'on');
  if (problem) return skipOfTicket(summary, shown, line, problem, id);
  if (time === undefined) return summary.skip(shown, line, 'comments without a readable time', `comment on ticket ${id}: created '${cell(row, 'created')}' is not a time${warehouseTimeAdvice(cell(row, 'created'))}`);
  const isPublic = readBoolean(cell(row, 'public'));
  if (isPublic === false) return summary.took(shown, 'internal notes (not replies)');
  if (isPublic === undefined) {
    return summary.skip(shown, line, 'comments whose public is neither true nor false', `comment on ticket ${id}: public '${cell(row, 'public')}' is neither true nor false (true, t, 1, yes or false, f, 0, no)`);
  }
  // The comment written with the ticket is its description, not an answer.
  if (time <= tickets.createdAt(ticket)) return summary.took(shown, 'ticket descriptions (not replies)');
  const author = authorOf(cell(row, 'user_id'), tickets.requesterOf(ticket), roles, assignees, summary);
  if (author === undefined) return summary.skip(shown, line, 'comments by users not in the user table', `comment on ticket ${id}: user ${cell(row, 'user_id') || '(none)'} is not in the user table, nor the requester`);
  const client = tickets.clientOf(ticket);
  job.sink.write({ ticket: id, time, event: 'reply', author, ...(client === undefined ? {} : { client }), source: { file: shown, line } });
  summary.took(shown, `replies (${author})`);
}

/**
 * Who wrote a comment. Zendesk's user table holds today's role: a deactivated
 * agent is an end-user there, so a user who was ever an assignee is an agent.
 */
function authorOf(user: string, requester: string, roles: ReadonlyMap<string, string>, assignees: ReadonlySet<string>, summary: ImportSummary): ReplyAuthor | undefined {
  if (SYSTEM_USER_IDS.has(user)) return 'system';
  const role = roles.get(user);
  if (assignees.has(user)) {
    if (role !== undefined && ROLE_AUTHORS.get(role) !== 'agent') summary.note('comments by end-users who were assignees: taken as agent replies');
    return 'agent';
  }
  if (role !== undefined) return ROLE_AUTHORS.get(role);
  if (user !== '' && user === requester) {
    summary.note('comments by requesters missing from the user table: taken as customer replies');
    return 'customer';
  }
  return undefined;
}

/** Writes a ticket's `created` row and its status and priority changes, in time order. */
function writeTicket(id: string, ticket: TicketState, job: ZendeskTablesImport): void {
  const base = { ticket: id, ...(ticket.client === undefined ? {} : { client: ticket.client }) };
  const changes = ticket.changes.sort((a, b) => a.time - b.time || a.line - b.line);
  for (const change of changes) {
    if (change.time >= ticket.created) continue;
    // A change recorded before the ticket existed describes it as created.
    change.time = ticket.created;
    job.summary.note('field changes dated before their ticket was created: moved to its creation');
  }
  const priorities = changes.filter((change) => change.field === 'priority');
  const statuses = changes.filter((change) => change.field === 'status');
  // The first priority, if set at creation, is the ticket's severity; otherwise the ticket table's, if it has no history.
  const initial = priorities[0]?.time === ticket.created ? priorities.shift()!.value : priorities.length === 0 ? ticket.priority : '';
  const created: ImportedRow = { ...base, time: ticket.created, event: 'created', source: ticket.source };
  if (initial !== '') created.severity = initial;
  if (ticket.channel !== '') created.channel = ticket.channel;
  job.sink.write(created);

  // The ticket row is accounted for here, once it is known whether its status can be dated.
  const { file, line } = ticket.source;
  let statusDated = true;
  if (statuses.length === 0 && ticket.status !== '') {
    const current = statusAtLastUpdate(ticket, job.summary);
    if (current !== undefined) statuses.push(current);
    statusDated = current !== undefined;
  } else if (statuses.length > 0) {
    if (ticket.updated === undefined && ticket.updatedText !== '') job.summary.note('tickets whose updated_at is not a time: not needed, their status history dates their status');
    warnOfOtherStatus(id, ticket, statuses[statuses.length - 1]!, job.summary);
  }
  if (statusDated) job.summary.took(file, 'tickets');
  else job.summary.skip(file, line, 'statuses that cannot be dated (the ticket is written without its status)', undatedStatusReason(id, ticket));
  writeChanges(base, ticket, [...statuses, ...priorities], initial, job);
}

/**
 * Warns of a ticket whose status in the ticket table is not the last of its
 * status history: the two tables were synced at different times, or the
 * history misses a change. The log follows the history, whose every status
 * has its time; the ticket table's status has none (`updated_at` is the time
 * of any change, a comment's too), so dating it there would make up when it
 * was set.
 */
function warnOfOtherStatus(id: string, ticket: TicketState, last: FieldChange, summary: ImportSummary): void {
  if (ticket.status === '' || ticket.status === last.value) return;
  const { file, line } = ticket.source;
  summary.warn(
    file,
    line,
    'tickets whose status in the ticket table is not the last of their status history: the log follows the history',
    `ticket ${id}: status '${ticket.status}' in the ticket table, but its status history ends with '${last.value}' (${last.file}:${last.line}); the log follows the history`,
  );
}

/**
 * The current status of a ticket without status history, dated at its last
 * update (`updated_at`), the latest it can have been set, or at creation for
 * `new`. Undefined when nothing dates it (no readable `updated_at`): a time
 * made up, such as its creation, would resolve a solved ticket at once.
 */
function statusAtLastUpdate(ticket: TicketState, summary: ImportSummary): FieldChange | undefined {
  if (ticket.updated === undefined) {
    return ticket.status === CREATION_STATUS ? { time: ticket.created, field: 'status', value: ticket.status, line: 0, file: ticket.source.file } : undefined;
  }
  summary.note('tickets without status history: their current status is dated at updated_at');
  if (ticket.updated < ticket.created) summary.note('tickets whose updated_at is before created_at: their current status is dated at creation');
  return { time: Math.max(ticket.created, ticket.updated), field: 'status', value: ticket.status, line: 0, file: ticket.source.file };
}

/** Why the current status of a ticket without status history is left out: its updated_at is missing or not a time. */
function undatedStatusReason(id: string, ticket: TicketState): string {
  const updated = ticket.updatedText === '' ? 'no updated_at' : `its updated_at '${ticket.updatedText}' is not a time${warehouseTimeAdvice(ticket.updatedText)}`;
  return `ticket ${id}: status '${ticket.status}' cannot be dated: no status history, and ${updated}`;
}

/** Writes a ticket's status and priority changes in time order, after its `created` row with the priority `initial`. */
function writeChanges(base: { ticket: string; client?: string }, ticket: TicketState, changes: FieldChange[], initial: string, job: ZendeskTablesImport): void {
  let status: string | undefined;
  let severity = initial;
  for (const change of changes.sort((a, b) => a.time - b.time || a.line - b.line)) {
    // A status without history comes from the ticket's row.
    const source = change.line === 0 ? ticket.source : { file: change.file, line: change.line };
    if (change.field === 'priority') {
      // Counted as a priority change, so said, as a status change to the same status is: no row is dropped unremarked.
      if (change.value === severity) {
        job.summary.note('priority changes to the priority the ticket already had: no row written');
        continue;
      }
      severity = change.value;
      job.sink.write({ ...base, time: change.time, event: 'severity', severity: change.value, source });
      continue;
    }
    if (change.value === status) {
      job.summary.note('status changes to the status the ticket already had: no row written');
      continue;
    }
    if (status !== undefined && RESOLVED_STATUSES.has(status) && STATUS_EVENTS.get(change.value) !== 'closed') {
      job.sink.write({ ...base, time: change.time, event: 'reopened', source });
    }
    status = change.value;
    job.sink.write({ ...base, time: change.time, event: 'status', status: change.value, source });
    const event = STATUS_EVENTS.get(change.value);
    if (event !== undefined) job.sink.write({ ...base, time: change.time, event, source });
  }
}

/** Rows of a file this import does not read, so that the summary accounts for them (or says why it cannot). */
export async function countRows(file: InputFile): Promise<RowCount> {
  return countTableRows(file.path, file.shown);
}
