import { statSync } from 'node:fs';
import { ImportFileError, type ImportJob } from '../import-source.js';
import { countClientless, isUnreadableClientValue, noteClientValue, noteMissingClientField, readClientValue, skipForClientValue, type ClientFieldWords } from '../client-field.js';
import { LatestCopies } from '../latest-copies.js';
import { placeText, SkippedTickets, type TicketProblem } from '../skipped-tickets.js';
import { countTableRows, type TableRow } from '../table-reader.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { textOf } from '../json-file.js';
import { GlpiAuthors } from './authors.js';
import { readGlpiTime, type GlpiTime } from './local-time.js';
import { CREATE_ITEM_ACTION, glpiValueName, PRIORITY_NAMES, REQUEST_TYPE_NAMES, SEARCH_OPTIONS, STATUS_NAMES, TRUE_VALUES, undefinedValueText } from './mapping.js';
import { glpiFileOf, readGlpiRecords, type GlpiFile, type JsonValues, type RecordPlace, type UnreadableRecord } from './records.js';
import { TABLE_ORDER, type GlpiTable } from './tables.js';
import { writeGlpiTicket, type GlpiTicket, type TicketDate } from './ticket-rows.js';

/** Tickets in GLPI's trash are left out, so that their other rows say why. */
type Known = Map<string, GlpiTicket | 'deleted'>;

/** One run: the job, and what earlier tables told. */
interface GlpiRun {
  job: ImportJob;
  entities: Map<string, string>;
  authors: GlpiAuthors;
  tickets: Known;
  /** Tickets skipped for another reason than the trash, so that their other rows say why. */
  skipped: SkippedTickets;
  /** Ticket rows of the wrong number of fields, by what their id column reads: where they are, for the rows that may be theirs. */
  misalignedRows: Map<string, string>;
  /** Whether a ticket row had the column `--client-field` names (its value may be empty). */
  clientFieldSeen: boolean;
  /** The record of each ticket updated last (`date_mod`), of those given more than once. */
  copies: LatestCopies;
}

/** What a row of a table does with the run. */
type RowReader = (run: GlpiRun, row: TableRow, place: RecordPlace, shown: string, json: JsonValues | undefined) => void;

/**
 * Turns GLPI's tables (a database export as CSV, or REST API pages as JSON)
 * into slac's ticket log. Names and roles are read first, then tickets, then
 * `glpi_logs` (status and priority changes, written with each ticket at the
 * end) and followups (replies, written as they are read). Every record is
 * accounted for in `job.summary`. Returns the number of tickets written.
 */
export async function importGlpi(job: ImportJob): Promise<number> {
  const files: GlpiFile[] = [];
  for (const file of job.files) {
    const glpiFile = glpiFileOf(file);
    if (glpiFile !== undefined) files.push(glpiFile);
    else job.summary.fileNote(file.shown, await countTableRows(file.path, file.shown), 'not a GLPI table slac reads (by its name): not read');
  }
  if (!files.some((file) => file.table === 'tickets')) {
    throw new ImportFileError(`no tickets among ${job.files.map((f) => f.shown).join(', ')}; glpi needs glpi_tickets.csv or a page of GET /apirest.php/Ticket/`);
  }
  const copies = new LatestCopies((value) => timeOrUndefined(readGlpiTime(textOf(value) ?? '', job.assumeTimezone)));
  const run: GlpiRun = { job, entities: new Map(), authors: new GlpiAuthors(), tickets: new Map(), skipped: new SkippedTickets('ticket', job.summary), misalignedRows: new Map(), clientFieldSeen: false, copies };
  for (const source of files.filter((file) => file.table === 'tickets')) await learnTicketCopies(run, source);
  const total = files.reduce((sum, { file }) => sum + statSync(file.path).size, 0);
  let done = 0;
  for (const table of TABLE_ORDER) {
    for (const source of files.filter((file) => file.table === table)) {
      const { shown } = source.file;
      if (isEmptyQueryResult(source)) {
        noteEmptyTable(job, shown);
        continue;
      }
      await readGlpiRecords(source, {
        row: (row, place, json) => READERS[table](run, row, place, shown, json),
        unreadable: (place, reason, record) => {
          // A ticket left out so is remembered, so that its history and followups say why (or where its row may be).
          job.summary.skip(shown, place, 'unreadable records', reason);
          if (table === 'tickets' && record !== undefined) rememberUnreadableTicket(run, record, placeText(shown, place));
        },
        warn: (place, group, reason) => job.summary.warn(shown, place, group, reason),
        progress: (bytes) => job.onProgress?.(done + bytes, total),
      }, table === 'tickets' ? job.clientField?.trim() : undefined);
      done += statSync(source.file.path).size;
      job.onProgress?.(done, total);
    }
  }
  let written = 0;
  for (const ticket of run.tickets.values()) {
    if (ticket === 'deleted') continue;
    writeGlpiTicket(ticket, job);
    written++;
  }
  noteMissingClientField(job, written, run.clientFieldSeen, CLIENT_FIELD_WORDS);
  run.skipped.noteUnnamed(job.summary, 'rows');
  return written;
}

/**
 * Whether a CSV table other than the tickets is 0 bytes: what `mysql
 * --batch` writes for a query of no rows (not even the header), which
 * refused the whole import when GLPI had no followups. The tickets are no
 * such table: without them there is nothing to import.
 */
function isEmptyQueryResult(source: GlpiFile): boolean {
  return source.format === 'csv' && source.table !== 'tickets' && statSync(source.file.path).size === 0;
}

/** Reads an empty query result (`isEmptyQueryResult`) as a table without rows, warning that a failed export is empty too. */
function noteEmptyTable(job: ImportJob, shown: string): void {
  job.summary.fileNote(shown, 0, 'empty (0 bytes): read as a table without rows');
  job.summary.warnOnce(
    undefined,
    undefined,
    `${shown}: the file is empty (0 bytes), as mysql writes a query that gives no rows, so it is read as a table without rows; a failed export is empty too: if the table has rows in GLPI, export it again (the export of docs/import/glpi.md writes a header row even for a table without rows)`,
  );
}

/**
 * First pass over a file of tickets: when each record was last updated
 * (`date_mod`), so that a ticket given twice (exports of different days)
 * keeps the record GLPI updated last, whichever file comes first. Only a
 * record that can be written competes (a later one whose date is not a
 * time is listed with its own reason, and the older one written); one in
 * GLPI's trash does: it is GLPI's latest word, and keeps the ticket out.
 */
async function learnTicketCopies(run: GlpiRun, source: GlpiFile): Promise<void> {
  const { shown } = source.file;
  const learn = (row: TableRow, place: RecordPlace, json: JsonValues | undefined): void => {
    const id = cell(row, 'id');
    const trashed = TRUE_VALUES.has(cell(row, 'is_deleted'));
    if (id === '' || (!trashed && !canBeWritten(run, row, json))) return;
    run.copies.observe(id, placeText(shown, place), id, dateCell(row, 'date_mod'), undefined, trashed ? TRASHED : undefined);
  };
  await readGlpiRecords(source, { row: learn, unreadable: () => {}, warn: () => {} }, run.job.clientField?.trim());
}

/** Why a ticket's record in the trash, the latest of its records, writes nothing. */
const TRASHED = "is in GLPI's trash (is_deleted)";

/** Whether `readTicket` writes this record, not in the trash: its client value can be read, its date is a time. */
function canBeWritten(run: GlpiRun, row: TableRow, json: JsonValues | undefined): boolean {
  const { job } = run;
  if (isUnreadableClientValue(clientJsonValue(job, json), job.clientField?.trim())) return false;
  return 'time' in readGlpiTime(dateCell(row, 'date'), job.assumeTimezone);
}

function timeOrUndefined(read: GlpiTime): number | undefined {
  return 'time' in read ? read.time : undefined;
}

/**
 * Why a record of ticket `id` (at `at`) that can be written is left out
 * for another: one updated later, or one read before (updated at the same
 * time, or neither with a readable date_mod).
 */
function otherRecord(run: GlpiRun, row: TableRow, id: string, at: string): string | undefined {
  const later = run.copies.laterCopy(id, at, `ticket ${id}`, id, dateCell(row, 'date_mod'));
  if (later !== undefined) return later;
  const earlier = run.tickets.get(id);
  if (earlier === undefined) return undefined;
  return earlier === 'deleted' ? `ticket ${id} has an earlier record, in GLPI's trash: the ticket is not written` : `ticket ${id} has an earlier record`;
}

/** Remembers a ticket record not read (`at`): why, by its id; or where a misaligned row whose id column reads an id is. */
function rememberUnreadableTicket(run: GlpiRun, record: UnreadableRecord, at: string): void {
  if ('why' in record) return run.skipped.add([record.id], record.why, at);
  if (!run.misalignedRows.has(record.maybeId)) run.misalignedRows.set(record.maybeId, at);
}

/** What the note on a `--client-field` no ticket has calls things. */
const CLIENT_FIELD_WORDS: ClientFieldWords = { tickets: 'tickets', ticket: 'ticket', hint: 'give a column of glpi_tickets (such as x_contract_code)' };

function cell(row: TableRow, column: string): string {
  return (row.get(column) ?? '').trim();
}

/**
 * A date column's text, empty for SQL NULL as MySQL writes it: `NULL`
 * (`mysql --batch`) or `\N` (`SELECT ... INTO OUTFILE`, `mysqldump --tab`).
 * Read as a time, it was one that is not: a Solved ticket whose solvedate
 * was NULL was written without its status. Neither is a time, so neither
 * can be one written so.
 */
function dateCell(row: TableRow, column: string): string {
  const text = cell(row, column);
  return text === 'NULL' || text === '\\N' ? '' : text;
}

/** A time of a row, noted in the summary when it had no offset; undefined (and the reason) when unreadable. */
function timeOf(run: GlpiRun, text: string): { time: number } | { problem: string } {
  const zone = run.job.assumeTimezone;
  const read = readGlpiTime(text, zone);
  if ('problem' in read) return read;
  if (!read.hadOffset) {
    run.job.summary.note(zone === undefined ? 'times without an offset (GLPI writes local times): read as UTC; pass --assume-timezone with the GLPI server\'s zone' : `times without an offset: read in ${zone}`);
  }
  if (read.ambiguous) run.job.summary.note(`times that ${zone} passes twice (the clocks went back): read as the first`);
  return read;
}

const READERS: Readonly<Record<GlpiTable, RowReader>> = {
  entities: ({ entities, job }, row, place, shown) => {
    const id = cell(row, 'id');
    const name = cell(row, 'name');
    if (id === '' || name === '') return job.summary.skip(shown, place, 'entities without id or name');
    entities.set(id, name);
    job.summary.took(shown, 'entities (client names)');
  },
  profiles: ({ authors, job }, row, place, shown) => {
    const id = cell(row, 'id');
    if (id === '') return job.summary.skip(shown, place, 'profiles without id');
    authors.profile(id, cell(row, 'interface'));
    job.summary.took(shown, 'profiles (interfaces)');
  },
  profiles_users: ({ authors, job }, row, place, shown) => {
    const user = cell(row, 'users_id');
    const profile = cell(row, 'profiles_id');
    if (user === '' || profile === '') return job.summary.skip(shown, place, 'profile assignments without user or profile');
    authors.userProfile(user, profile);
    job.summary.took(shown, 'profile assignments (roles of authors)');
  },
  users: ({ authors, job }, row, place, shown) => {
    const user = cell(row, 'id');
    const profile = cell(row, 'profiles_id');
    if (user === '') return job.summary.skip(shown, place, 'users without id');
    if (profile === '' || profile === '0') return job.summary.took(shown, 'users without a default profile (not read)');
    authors.userProfile(user, profile);
    job.summary.took(shown, 'users (default profiles)');
  },
  tickets_users: ({ authors, job }, row, place, shown) => {
    const ticket = cell(row, 'tickets_id');
    const user = cell(row, 'users_id');
    const type = cell(row, 'type');
    // A requester known only by e-mail (users_id 0) writes no followups as a user.
    if (user === '0') return job.summary.took(shown, 'actors known by e-mail only (not users)');
    if (ticket === '' || user === '' || !authors.actor(ticket, user, type)) {
      return job.summary.skip(shown, place, 'actors without ticket, user or known type', `actor of ticket ${ticket || '(none)'}: user '${user}', type '${type}' (1 requester, 2 assigned, 3 observer)`);
    }
    job.summary.took(shown, 'ticket actors (roles of authors)');
  },
  tickets: readTicket,
  logs: readLog,
  itilfollowups: readFollowup,
};

function readTicket(run: GlpiRun, row: TableRow, place: RecordPlace, shown: string, json: JsonValues | undefined): void {
  const { job, tickets } = run;
  const id = cell(row, 'id');
  if (id === '') {
    run.skipped.addUnnamed(placeText(shown, place));
    return job.summary.skip(shown, place, 'tickets without id', 'the ticket has no id');
  }
  const trashed = TRUE_VALUES.has(cell(row, 'is_deleted'));
  // A record that cannot be written is listed below with its own reason, not as a copy of another.
  const copy = trashed || canBeWritten(run, row, json) ? otherRecord(run, row, id, placeText(shown, place)) : undefined;
  if (copy !== undefined) return job.summary.skip(shown, place, 'second records of a ticket', copy);
  if (trashed) {
    tickets.set(id, 'deleted');
    job.summary.skip(shown, place, "tickets in GLPI's trash", `ticket ${id} is in GLPI's trash (is_deleted)`);
    return job.summary.skippedTicket([id]);
  }
  const clientSkip = skipForClientValue(job, clientJsonValue(job, json), `ticket ${id}`, 'tickets', shown, place);
  if (clientSkip !== undefined) return run.skipped.add([id], clientSkip);
  const opened = timeOf(run, dateCell(row, 'date'));
  if ('problem' in opened) {
    job.summary.skip(shown, place, 'tickets without a readable date', `ticket ${id}: date: ${opened.problem}`);
    return run.skipped.add([id], 'it has no readable date');
  }
  // Read whole, not dropped when unreadable: the ticket's status, without log rows, may need them (ticket-rows.ts says why).
  const optionalTime = (column: string): TicketDate => (dateCell(row, column) === '' ? undefined : timeOf(run, dateCell(row, column)));
  const valueOf = (field: 'status' | 'priority', written: string): string => ticketValue(run, field, written, shown, place, id);
  tickets.set(id, {
    id,
    created: opened.time,
    status: valueOf('status', cell(row, 'status')),
    priority: valueOf('priority', cell(row, 'priority')),
    channel: channelOf(job, cell(row, 'requesttypes_id')),
    client: clientOf(run, row, json),
    solved: optionalTime('solvedate'),
    closed: optionalTime('closedate'),
    modified: optionalTime('date_mod'),
    changes: [],
    historyRead: false,
    skippedStatusChanges: { undated: 0, outOfRange: 0 },
    repliesAtCreation: [],
    followupIds: new Set(),
    source: { file: shown, place },
  });
  job.summary.took(shown, 'tickets');
}

/**
 * A ticket's status or priority by GLPI's name. A number outside GLPI's
 * values 1-6 is left out with a warning, as a log row with one is skipped:
 * written as it is, the ticket got the status "9" unremarked. So is a name
 * GLPI's English interface does not show (`Nouveau`, from an export of a
 * French GLPI's displayed values): kept, it was a status no agreement's
 * `pause when status` names. Translations are not read: they differ by
 * language and version, and GLPI stores the number anyway.
 */
function ticketValue(run: GlpiRun, field: 'status' | 'priority', written: string, shown: string, place: RecordPlace, id: string): string {
  const names = field === 'status' ? STATUS_NAMES : PRIORITY_NAMES;
  const name = glpiValueName(written, names);
  if (name !== undefined || written === '') return name ?? '';
  const left = field === 'status' ? 'the ticket is written without its status' : 'the ticket is written without a severity';
  const group = /^\d+$/.test(written)
    ? `tickets whose ${field} is not between GLPI's ${field} values 1-6: written without it`
    : "tickets whose status or priority is a name GLPI's English interface does not show (a translated one): written without it; export the numbers GLPI stores (its database's status and priority columns)";
  run.job.summary.warn(shown, place, group, `ticket ${id}: the ${field} '${written}' ${undefinedValueText(field, written, names)}; ${left}`);
  return '';
}

/**
 * The channel of a request type: GLPI's name of a built-in one; the id of
 * one an administrator added (a note says so, for the agreement's
 * `matches`); as written when the REST API expanded it to its name.
 */
function channelOf(job: ImportJob, requestType: string): string {
  if (requestType === '0') return '';
  const name = REQUEST_TYPE_NAMES.get(requestType);
  if (name !== undefined) return name;
  if (/^\d+$/.test(requestType)) job.summary.note("tickets whose requesttypes_id is not one of GLPI's built-in request types (1-6): the channel is the id; name it in a channel's matches");
  return requestType;
}

/**
 * The value of a REST page's ticket that `--client-field` names, as read:
 * undefined for a CSV row, whose cells are text, or without the option.
 */
function clientJsonValue(job: ImportJob, json: JsonValues | undefined): unknown {
  return job.clientField === undefined ? undefined : json?.get(job.clientField.trim().toLowerCase());
}

/**
 * The client: the column `--client-field` names (in a REST page, read as
 * the other JSON sources read it: an object's name, a list's first), or
 * the entity's name (as the REST API expands it, its last part).
 */
function clientOf(run: GlpiRun, row: TableRow, json: JsonValues | undefined): string | undefined {
  const { job, entities } = run;
  if (job.clientField !== undefined) {
    const column = job.clientField.trim().toLowerCase();
    if (row.has(column)) run.clientFieldSeen = true;
    const { client, shape } = json === undefined ? { client: cell(row, column) || undefined, shape: undefined } : readClientValue(json.get(column));
    noteClientValue(job, shape, 'tickets');
    countClientless(job, client);
    return client;
  }
  const entity = cell(row, 'entities_id');
  if (entity === '') return undefined;
  if (!/^\d+$/.test(entity)) return entity.split(' > ').pop()!.trim();
  const name = entities.get(entity);
  if (name !== undefined) return name;
  job.summary.note('tickets whose entity is not among the entities read: the client is the entity id');
  return entity;
}

/** The ticket a history or followup row (`what`: 'history', 'followup') belongs to, or the reason it cannot go with one. */
function ticketOf({ tickets, skipped, misalignedRows }: GlpiRun, row: TableRow, what: string): GlpiTicket | TicketProblem {
  const id = cell(row, 'items_id');
  const ticket = tickets.get(id);
  if (ticket === 'deleted') return { group: 'rows of tickets in the trash', reason: `${what} of ticket ${id} is in GLPI's trash` };
  if (ticket !== undefined) return ticket;
  const misaligned = misalignedRows.get(id);
  const hint = misaligned === undefined ? '' : `; its row may be the one at ${misaligned}, which could not be read (its id column reads '${id}')`;
  return skipped.problemOf(id, `${what} of ticket ${id}`, 'rows') ?? { group: 'rows of tickets not among the tickets read', reason: `${what} of ticket ${id || '(no items_id)'} is not among the tickets read${hint}` };
}

/**
 * Skips a history or followup row (`what`) whose itemtype is empty: it may
 * be a ticket's, or a change's or problem's; counted among the other
 * items', a ticket's status change or reply was left out unremarked.
 */
function skipWithoutItemtype(run: GlpiRun, shown: string, place: RecordPlace, row: TableRow, what: 'history' | 'followup'): void {
  const item = cell(row, 'items_id') || '(no items_id)';
  run.job.summary.skip(shown, place, `${what === 'history' ? 'history' : 'followups'} without an itemtype`, `${what} of item ${item}: the row has no itemtype, so whether it is of a ticket cannot be told`);
}

function readLog(run: GlpiRun, row: TableRow, place: RecordPlace, shown: string): void {
  const { summary } = run.job;
  if (cell(row, 'itemtype') === '') return skipWithoutItemtype(run, shown, place, row, 'history');
  if (cell(row, 'itemtype') !== 'Ticket') return summary.took(shown, 'history of other items (not read)');
  const ticket = ticketOf(run, row, 'history');
  if (!('id' in ticket)) return summary.skip(shown, place, ticket.group, ticket.reason);
  ticket.historyRead = true;
  const field = SEARCH_OPTIONS.get(cell(row, 'id_search_option'));
  if (field === undefined) {
    return summary.took(shown, cell(row, 'linked_action') === CREATE_ITEM_ACTION ? 'ticket creations' : 'other ticket history (not part of the ticket log)');
  }
  const time = timeOf(run, dateCell(row, 'date_mod'));
  if ('problem' in time && field === 'status') ticket.skippedStatusChanges.undated++;
  if ('problem' in time) return summary.skip(shown, place, 'changes without a readable time', `ticket ${ticket.id}: date_mod: ${time.problem}`);
  const names = field === 'status' ? STATUS_NAMES : PRIORITY_NAMES;
  const from = glpiValueName(cell(row, 'old_value'), names);
  const to = glpiValueName(cell(row, 'new_value'), names);
  if (from === undefined || to === undefined) {
    if (field === 'status') ticket.skippedStatusChanges.outOfRange++;
    return summary.skip(shown, place, `${field} values GLPI does not define`, `ticket ${ticket.id}: ${undefinedChangeText(field, cell(row, 'old_value'), cell(row, 'new_value'), names)}`);
  }
  ticket.changes.push({ time: time.time, field, from, to, order: Number(cell(row, 'id')) || 0 });
  summary.took(shown, `${field} changes`);
}

/**
 * A status or priority change with a value GLPI does not define: numbers
 * outside 1-6 as the change writes them; a name (`Résolu`, from an export
 * of a French GLPI's displayed history) named, as it is no number at all.
 */
function undefinedChangeText(field: 'status' | 'priority', from: string, to: string, names: ReadonlyMap<string, string>): string {
  const change = `the ${field} change '${from}' to '${to}'`;
  const unread = [from, to].filter((value) => glpiValueName(value, names) === undefined);
  const name = unread.find((value) => !/^\d*$/.test(value.trim()));
  if (name === undefined) return `${change} ${undefinedValueText(field, unread[0]!, names)}`;
  return `${change}: '${name}' ${undefinedValueText(field, name, names)}`;
}

function readFollowup(run: GlpiRun, row: TableRow, place: RecordPlace, shown: string): void {
  const { job } = run;
  const { summary } = job;
  if (cell(row, 'itemtype') === '') return skipWithoutItemtype(run, shown, place, row, 'followup');
  if (cell(row, 'itemtype') !== 'Ticket') return summary.took(shown, 'followups of changes and problems (not read)');
  const ticket = ticketOf(run, row, 'followup');
  if (!('id' in ticket)) return summary.skip(shown, place, ticket.group, ticket.reason);
  // Written again, a followup given twice was two replies.
  const followupId = cell(row, 'id');
  if (followupId !== '' && ticket.followupIds.has(followupId)) return summary.took(shown, 'followups read before (in another file or page)');
  if (followupId !== '') ticket.followupIds.add(followupId);
  if (TRUE_VALUES.has(cell(row, 'is_private'))) return summary.took(shown, 'private followups (not replies)');
  const time = timeOf(run, dateCell(row, 'date'));
  if ('problem' in time) return summary.skip(shown, place, 'followups without a readable date', `followup of ticket ${ticket.id}: date: ${time.problem}`);
  if (time.time < ticket.created) return summary.skip(shown, place, 'followups dated before their ticket was opened', `followup of ticket ${ticket.id} is dated before the ticket's date`);
  const user = cell(row, 'users_id');
  const author = run.authors.authorOf(user, ticket.id, summary);
  if (author === undefined) {
    return summary.skip(shown, place, 'followups by users with no profile and no part in the ticket', `followup of ticket ${ticket.id}: user ${user} has no profile read and is not an actor of the ticket`);
  }
  const reply: ImportedRow = { ticket: ticket.id, time: time.time, event: 'reply', author, ...(ticket.client === undefined ? {} : { client: ticket.client }) };
  if (time.time === ticket.created) ticket.repliesAtCreation.push(reply);
  else job.sink.write(reply);
  summary.took(shown, `replies (${author})`);
}
