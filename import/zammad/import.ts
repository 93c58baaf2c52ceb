import { statSync } from 'node:fs';
import type { ImportJob, InputFile } from '../import-source.js';
import { EMPTY_PAGE, type ImportSummary } from '../import-summary.js';
import { countClientless, uncountClientless, noteClientValue, noteMissingClientField, readClientValue, skipForClientValue, type ClientFieldWords } from '../client-field.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { formatLogTime, parseWarehouseTime, warehouseTimeAdvice } from '../warehouse-time.js';
import { INEXACT_ID, inexactIdKey, inexactIdReason, isInexactId, isRecord, jsonExcerpt, readJsonFile, textOf, valueShown } from '../json-file.js';
import { placeText, SkippedTickets } from '../skipped-tickets.js';
import { ownValue } from '../../language/model/own-keys.js';
import { zammadDocumentOf, type ZammadDocument } from './documents.js';
import { StateTypes } from './state-types.js';
import {
  CREATION_STATE,
  DESCRIPTION_WINDOW_MS,
  HISTORY_ATTRIBUTES,
  NOTE_TYPES,
  PRIORITY_NAMES_BY_ID,
  SENDER_AUTHORS,
  SENDER_NAMES_BY_ID,
  STATE_NAMES_BY_ID,
} from './mapping.js';

/** A state or priority change from the ticket history. */
interface Change {
  time: number;
  attribute: 'state' | 'priority';
  from: string;
  to: string;
  /** The history row's id: Zammad's own order for changes in the same second. */
  order: number;
}

/** What the import keeps per ticket until the end: a few values and its state and priority changes. */
interface TicketState {
  /** Zammad's internal id, which its API paths name. */
  id: string;
  number: string;
  created: number;
  /** The times that date the current state if the history does not (`currentSince`), read once the state types are known. */
  stateTimes: { close_at: unknown; updated_at: unknown };
  state: string;
  priority: string;
  channel: string;
  client: string | undefined;
  /** Whether the record has the field `--client-field` names (its value may be empty). */
  hasClientField: boolean;
  changes: Change[];
  historyRead: boolean;
  /** State changes of its history skipped: for a time that is not a time, or for want of a value_to. */
  skippedStateChanges: { undated: number; valueless: number };
  /** Where the ticket's record is, for the warning on a state that cannot be dated. */
  place: { file: string; path: string };
  articleSeen: boolean;
  /** The ids of its articles read: an articles file given again (another day's export) is read once. */
  articleIds: Set<string>;
  /** The ticket's `article_count`: articles it has, none of which may be in the export. */
  articleCount: number;
  /** Replies in the second the ticket was created (an automatic answer): held, as slac check wants the created row before them. */
  repliesAtCreation: ImportedRow[];
  /** The summary's notes reading the record made (a client listing several values): taken back if a later record replaces it. */
  notes: ReadonlyMap<string, number>;
}

/** A time that dates the current state and the key it comes from; or why none does. */
type CurrentSince =
  | { time: number; from: 'close_at or updated_at' | 'creation'; unreadable?: { file: string; path: string; reason: string } }
  | { file: string; path: string; problem: string; missing: boolean };

type Record_ = Record<string, unknown>;

/** A value as trimmed text, empty when missing or not text. */
function jsonText(value: unknown): string {
  return textOf(value) ?? '';
}

/**
 * Turns Zammad's REST API responses into slac's ticket log: ticket pages
 * first (numbers, clients, current values), then each ticket's history
 * (state and priority changes, written with the ticket at the end) and
 * articles (replies, written as they are read). Files are told apart by
 * their shape. Every record is accounted for in `job.summary`. Returns the
 * number of tickets written.
 */
export async function importZammad(job: ImportJob): Promise<number> {
  const total = job.files.reduce((sum, file) => sum + statSync(file.path).size, 0);
  const tickets = new Map<string, TicketState>();
  const types = new StateTypes();
  const skipped = new SkippedTickets('ticket', job.summary);
  const numbers: TicketNumbers = new Map();
  const later: InputFile[] = [];
  let done = 0;
  for (const file of job.files) {
    const document = zammadDocumentOf(readJsonFile(file), file);
    if (document.kind === 'tickets') {
      if (document.records.length === 0) job.summary.fileNote(file.shown, 0, EMPTY_PAGE);
      eachRecord(document, file, job.summary, (record, path) => readTicket(record, path, file.shown, job, { tickets, skipped, numbers }));
      done += statSync(file.path).size;
      job.onProgress?.(done, total);
    } else if (document.kind === 'states') {
      eachRecord(document, file, job.summary, (record, path) => {
        if (types.learn(record)) job.summary.took(file.shown, 'ticket states (their state types)');
        else job.summary.skip(file.shown, path, 'ticket states without a name or state type', 'the state has no name, state_type or state_type_id');
      });
    } else later.push(file);
  }
  for (const file of later) {
    // Parsed a second time rather than kept: memory holds one page at a time.
    const document = zammadDocumentOf(readJsonFile(file), file);
    if (document.kind === 'states') continue;
    if (document.kind === 'history') eachRecord(document, file, job.summary, (record, path) => readHistory(record, path, file.shown, job.summary, tickets, skipped));
    else eachRecord(document, file, job.summary, (record, path) => readArticle(record, path, file.shown, job, tickets, skipped));
    done += statSync(file.path).size;
    job.onProgress?.(done, total);
  }
  for (const ticket of tickets.values()) {
    warnMissingArticles(ticket, job.summary);
    writeTicket(ticket, job, types);
  }
  noteUnknownStates(types, job.summary);
  skipped.noteUnnamed(job.summary);
  noteMissingClientField(job, tickets.size, [...tickets.values()].some((ticket) => ticket.hasClientField), CLIENT_FIELD_WORDS);
  return tickets.size;
}

/**
 * Warns of a ticket whose record says it has articles (`article_count`) of
 * which the export holds none: its articles file is missing (the loop over
 * tickets stopped, a request failed), so it has no reply, and its first
 * response would be a breach, unremarked.
 */
function warnMissingArticles(ticket: TicketState, summary: ImportSummary): void {
  if (ticket.articleSeen || ticket.articleCount <= 0) return;
  const reason = `ticket ${ticket.number}: its article_count is ${ticket.articleCount}, but none of its articles is in the export, so it has no reply; export GET /api/v1/ticket_articles/by_ticket/${ticket.id}`;
  summary.warn(ticket.place.file, ticket.place.path, 'tickets with articles (article_count) of which none is in the export: written without replies', reason);
}

/**
 * Names the states that are neither built in nor in a ticket_states file:
 * whether one closes a ticket (an admin's `gelöst`, of type closed) cannot
 * be told, so it is a status only, and a ticket set to it is never resolved.
 */
function noteUnknownStates(types: StateTypes, summary: ImportSummary): void {
  if (types.unknown.size === 0) return;
  const names = [...types.unknown].map((name) => `'${name}'`).join(', ');
  summary.note(
    `states that are neither Zammad's built-in ones nor in a ticket_states file (${names}): written as statuses only, never as a resolution; add the response of GET /api/v1/ticket_states to the export, whose state types tell which states close a ticket`,
    types.unknown.size,
  );
}

/** What the note on a `--client-field` no ticket has calls things. */
const CLIENT_FIELD_WORDS: ClientFieldWords = { tickets: 'tickets', ticket: 'ticket', hint: 'give a key of a ticket record (a custom attribute such as x_account_code)' };

function eachRecord(document: ZammadDocument, file: InputFile, summary: ImportSummary, read: (record: Record_, path: string) => void): void {
  document.records.forEach((record, index) => {
    const path = document.path(index);
    if (isRecord(record)) read(record, path);
    else summary.skip(file.shown, path, 'records that are not JSON objects', `the ${document.kind} record is not a JSON object`);
  });
}

/** A named value (`state`), or Zammad's built-in name for its id (`state_id`) when fetched without expand=true. */
function named(record: Record_, key: string, byId: ReadonlyMap<string, string>, summary: ImportSummary): string {
  const name = jsonText(record[key]);
  if (name !== '') return name;
  const id = jsonText(record[`${key}_id`]);
  if (id === '') return '';
  summary.note(`${key}s given only as ids (fetched without expand=true): read as Zammad's built-in names`);
  return byId.get(id) ?? id;
}

function readTicket(record: Record_, path: string, shown: string, job: ImportJob, { tickets, skipped, numbers }: TicketsRead): void {
  const { summary } = job;
  const field = job.clientField?.trim();
  // The field --client-field names is read by the client check, which names it (`account_id` is a client, not an id).
  const inexactKey = inexactIdKey(record, field);
  if (inexactKey !== undefined) {
    // Remembered, so that its history and articles say why (by its id, when that is not the id beyond 2^53).
    skipped.addInexact(inexactKey, [inexactKey === 'id' ? undefined : jsonText(record.id)], placeText(shown, path));
    return summary.skip(shown, path, 'tickets with an id beyond 2^53', inexactIdReason(record, 'ticket', field)!);
  }
  const id = jsonText(record.id);
  const clientSkip = skipForClientValue(job, field === undefined ? undefined : ownValue(record, field), `ticket ${id || '?'}`, 'tickets', shown, path);
  if (clientSkip !== undefined) {
    // The log names a ticket by its number: `slac explain` is asked for that.
    summary.skippedTicket([jsonText(record.number)]);
    return skipped.add([id], clientSkip, placeText(shown, path));
  }
  if (id === '') {
    skipped.addUnnamed(placeText(shown, path));
    return summary.skip(shown, path, 'tickets without id', 'the ticket has no id');
  }
  const number = numberProblem(record.number, id);
  if (number !== undefined) {
    // Its history and articles name it by id: they say why, unless another record of the ticket is written.
    summary.skip(shown, path, 'tickets without a readable number', number);
    if (!tickets.has(id)) skipped.add([id], 'it has no readable number');
    return;
  }
  const owner = numbers.get(jsonText(record.number));
  if (owner !== undefined && owner.id !== id) {
    summary.skip(shown, path, 'tickets whose number another ticket has', `ticket ${id}: its number ${jsonText(record.number)} is also that of ticket ${owner.id} (${owner.at}); the ticket is not written`);
    if (!tickets.has(id)) skipped.add([id], `its number ${jsonText(record.number)} is ticket ${owner.id}'s`);
    return;
  }
  const earlier = tickets.get(id);
  const created = parseWarehouseTime(jsonText(record.created_at));
  if (earlier !== undefined) {
    if (created === undefined || !updatedLater(record.updated_at, earlier.stateTimes.updated_at)) return summary.skip(shown, path, 'second records of a ticket', `ticket ${id} is listed earlier`);
    replaceEarlierRecord(earlier, record, placeText(shown, path), job);
  }
  if (created === undefined) {
    summary.skip(shown, path, 'tickets without a readable created_at', `ticket ${id}: created_at ${valueShown(record.created_at)} is not a time${warehouseTimeAdvice(jsonText(record.created_at))}`);
    summary.skippedTicket([jsonText(record.number)]);
    return skipped.add([id], 'it has no readable created_at');
  }
  const { value: read, notes } = summary.notesDuring(() => ({
    state: named(record, 'state', STATE_NAMES_BY_ID, summary),
    priority: named(record, 'priority', PRIORITY_NAMES_BY_ID, summary),
    client: clientOf(record, job),
  }));
  if (owner === undefined) numbers.set(jsonText(record.number), { id, at: placeText(shown, path) });
  tickets.set(id, {
    id,
    number: jsonText(record.number),
    created,
    stateTimes: { close_at: record.close_at, updated_at: record.updated_at },
    ...read,
    notes,
    channel: jsonText(record.create_article_type),
    hasClientField: job.clientField !== undefined && Object.hasOwn(record, job.clientField.trim()),
    changes: [],
    historyRead: false,
    skippedStateChanges: { undated: 0, valueless: 0 },
    place: { file: shown, path },
    articleSeen: false,
    articleIds: new Set(),
    articleCount: Number(jsonText(record.article_count)) || 0,
    repliesAtCreation: [],
  });
  summary.took(shown, 'tickets');
}

/** What the ticket pages have told so far: the tickets by id, those skipped, and which ticket (and where) each number names. */
interface TicketsRead {
  tickets: Map<string, TicketState>;
  skipped: SkippedTickets;
  numbers: TicketNumbers;
}

/**
 * The ticket each number was first read for, and where: two tickets of
 * one number were written as one, with two created rows, which slac check
 * then refused (SLA4009) without naming the export's records.
 */
type TicketNumbers = Map<string, { id: string; at: string }>;

/**
 * Why a ticket's `number`, the name users know it by and the log writes,
 * cannot be read: none, or not a string or a number (an object, a list,
 * true, null, an empty string), or a number JSON readers round. Written under its internal `id`
 * instead, the ticket had a name Zammad's users do not know, which may be
 * another ticket's number, unremarked.
 */
function numberProblem(number: unknown, id: string): string | undefined {
  if (isInexactId(number)) return `ticket ${id}: the number ${String(number)} ${INEXACT_ID}`;
  if (jsonText(number) !== '') return undefined;
  const given = number === undefined ? 'it has no number' : `its number ${jsonExcerpt(number)} is not a ticket number (a string or a number)`;
  return `ticket ${id}: ${given}, so the ticket cannot be named as Zammad's users know it; the ticket is not written`;
}

/**
 * Whether a second record of a ticket was updated after the first: two
 * exports of different days (Monday's pages and Tuesday's) give a ticket
 * twice, and the earlier record lacks what happened since (without a
 * history file, a ticket closed on Tuesday stayed open). A record with a
 * readable `updated_at` is later than one without; otherwise the first is
 * kept.
 */
function updatedLater(updated: unknown, earlier: unknown): boolean {
  const time = parseWarehouseTime(jsonText(updated));
  const before = parseWarehouseTime(jsonText(earlier));
  return time !== undefined && (before === undefined || time > before);
}

/** Counts the earlier record of a ticket as skipped for the later one at `later`, which replaces it. */
function replaceEarlierRecord(earlier: TicketState, record: Record_, later: string, job: ImportJob): void {
  const { summary } = job;
  summary.untake(earlier.place.file, 'tickets');
  summary.unnote(earlier.notes);
  uncountClientless(job, earlier.client);
  const updated = parseWarehouseTime(jsonText(record.updated_at))!;
  summary.skip(earlier.place.file, earlier.place.path, 'second records of a ticket', `ticket ${earlier.id} is listed again, updated later (${formatLogTime(updated)}), at ${later}: the latest record is kept`);
}

/**
 * When a ticket's current state was set, if its history does not say:
 * close_at for a state that closes it, else updated_at; at its creation
 * for `new`, the state a ticket is created in, when both are missing.
 * Otherwise, when that time is missing or not a time, why, for the warning
 * that writes the ticket without its state if it has no history: dated at
 * its creation instead, a closed ticket would be closed at once.
 */
function currentSince(record: Record_, state: string, closing: boolean, created: number, place: { file: string; path: string }): CurrentSince {
  const key = closing && jsonText(record.close_at) !== '' ? 'close_at' : 'updated_at';
  const text = jsonText(record[key]);
  if (text === '') {
    if (state === CREATION_STATE) return { time: created, from: 'creation' };
    return { ...place, problem: closing ? 'no close_at or updated_at' : 'no updated_at', missing: true };
  }
  const since = parseWarehouseTime(text);
  // The state a ticket is created in is known at its creation, whatever its updated_at says: dated there, as without one, and warned of.
  if (since === undefined && state === CREATION_STATE) {
    const reason = `state '${state}' cannot be dated by its ${key}: '${text}' is not a time${warehouseTimeAdvice(text)}; it is the state a ticket is created in, so it is dated at the ticket's creation, as without ${key}`;
    return { time: created, from: 'creation', unreadable: { ...place, reason } };
  }
  if (since === undefined) return { ...place, problem: `its ${key} '${text}' is not a time${warehouseTimeAdvice(text)}`, missing: false };
  return { time: Math.max(created, since), from: 'close_at or updated_at' };
}

/** The client: the field `--client-field` names, or the organisation (its id when fetched without expand=true). */
function clientOf(record: Record_, job: ImportJob): string | undefined {
  if (job.clientField !== undefined) {
    const { client, shape } = readClientValue(ownValue(record, job.clientField.trim()));
    noteClientValue(job, shape, 'tickets');
    countClientless(job, client);
    return client;
  }
  const organization = jsonText(record.organization);
  if (organization !== '') return organization;
  const id = jsonText(record.organization_id);
  if (id === '') return undefined;
  job.summary.note('tickets with an organisation id but no name (fetched without expand=true): the client is the organisation id');
  return id;
}

function readHistory(record: Record_, path: string, shown: string, summary: ImportSummary, tickets: Map<string, TicketState>, skipped: SkippedTickets): void {
  // Without an object, the entry may be a ticket's: counted among the articles', a state change was left out unremarked.
  if (jsonText(record.object) === '') return summary.skip(shown, path, 'history without an object', `history of o_id ${jsonText(record.o_id) || '(none)'}: the entry has no object, so whether it is a ticket's cannot be told`);
  if (jsonText(record.object) !== 'Ticket') return summary.took(shown, 'history of articles and other objects (not read)');
  const inexact = inexactIdReason(record, 'history');
  if (inexact !== undefined) return summary.skip(shown, path, 'history with an id beyond 2^53', inexact);
  const id = jsonText(record.o_id);
  const ticket = tickets.get(id);
  const problem = ticket === undefined ? skipped.problemOf(id, `history of ticket ${id}`, 'history') : undefined;
  if (problem !== undefined) return summary.skip(shown, path, problem.group, problem.reason);
  if (ticket === undefined) return summary.skip(shown, path, 'history of tickets not in the ticket files', `history of ticket ${id || '(no o_id)'}: the ticket is not in the ticket files`);
  ticket.historyRead = true;
  const type = jsonText(record.type);
  const attribute = jsonText(record.attribute);
  if (type === 'merged_into') return summary.took(shown, 'merges (the ticket is closed by its state "merged")');
  if (type !== 'updated' || !HISTORY_ATTRIBUTES.has(attribute)) return summary.took(shown, 'other ticket history (not part of the ticket log)');
  const time = parseWarehouseTime(jsonText(record.created_at));
  if (time === undefined && attribute === 'state') ticket.skippedStateChanges.undated++;
  if (time === undefined) return summary.skip(shown, path, 'changes without a readable time', `ticket ${ticket.number}: created_at ${valueShown(record.created_at)} is not a time${warehouseTimeAdvice(jsonText(record.created_at))}`);
  const to = jsonText(record.value_to);
  if (to === '' && attribute === 'state') ticket.skippedStateChanges.valueless++;
  if (to === '') return summary.skip(shown, path, 'changes without a value', `ticket ${ticket.number}: the ${attribute} change has no value_to`);
  ticket.changes.push({ time, attribute: attribute as Change['attribute'], from: jsonText(record.value_from), to, order: Number(jsonText(record.id)) || 0 });
  summary.took(shown, `${attribute} changes`);
}

function readArticle(record: Record_, path: string, shown: string, job: ImportJob, tickets: Map<string, TicketState>, skipped: SkippedTickets): void {
  const { summary } = job;
  const inexact = inexactIdReason(record, 'article');
  if (inexact !== undefined) return summary.skip(shown, path, 'articles with an id beyond 2^53', inexact);
  const id = jsonText(record.ticket_id);
  const ticket = tickets.get(id);
  const problem = ticket === undefined ? skipped.problemOf(id, `article of ticket ${id}`, 'articles') : undefined;
  if (problem !== undefined) return summary.skip(shown, path, problem.group, problem.reason);
  if (ticket === undefined) return summary.skip(shown, path, 'articles of tickets not in the ticket files', `article of ticket ${jsonText(record.ticket_id) || '(no ticket_id)'}: the ticket is not in the ticket files`);
  // Written again, an article given twice (Monday's export and Tuesday's) was two replies.
  const articleId = jsonText(record.id);
  if (articleId !== '' && ticket.articleIds.has(articleId)) return summary.took(shown, 'articles read before (in another file or page)');
  if (articleId !== '') ticket.articleIds.add(articleId);
  const first = !ticket.articleSeen;
  ticket.articleSeen = true;
  if (record.internal === true || jsonText(record.internal) === 'true') return summary.took(shown, 'internal articles (not replies)');
  if (NOTE_TYPES.has(jsonText(record.type))) return summary.took(shown, 'public notes (not communication in Zammad, not replies)');
  const time = parseWarehouseTime(jsonText(record.created_at));
  if (time === undefined) return summary.skip(shown, path, 'articles without a readable time', `article of ticket ${ticket.number}: created_at ${valueShown(record.created_at)} is not a time${warehouseTimeAdvice(jsonText(record.created_at))}`);
  // The first article, written with the ticket, is its text, not an answer to it.
  if (first && time <= ticket.created + DESCRIPTION_WINDOW_MS) return summary.took(shown, 'ticket descriptions (the first article, not a reply)');
  if (time < ticket.created) return summary.skip(shown, path, 'articles dated before their ticket', `article of ticket ${ticket.number} is dated before the ticket was created`);
  const senderId = jsonText(record.sender_id);
  const sender = jsonText(record.sender) || SENDER_NAMES_BY_ID.get(senderId) || '';
  const author = SENDER_AUTHORS.get(sender);
  if (author === undefined) {
    const given = sender === '' ? `sender_id ${senderId || '(none)'}` : `sender '${sender}'`;
    return summary.skip(shown, path, 'articles with an unknown sender', `article of ticket ${ticket.number}: the ${given} is not Agent, Customer or System`);
  }
  const reply: ImportedRow = { ticket: ticket.number, time, event: 'reply', author, ...(ticket.client === undefined ? {} : { client: ticket.client }) };
  if (time === ticket.created) ticket.repliesAtCreation.push(reply);
  else job.sink.write(reply);
  summary.took(shown, `replies (${author})`);
}

/** Writes a ticket's `created` row, its first state, and its state and priority changes in time order. */
function writeTicket(ticket: TicketState, job: ImportJob, types: StateTypes): void {
  const { summary } = job;
  const base = { ticket: ticket.number, ...(ticket.client === undefined ? {} : { client: ticket.client }) };
  const changes = ticket.changes.sort((a, b) => a.time - b.time || a.order - b.order);
  for (const change of changes) {
    if (change.time >= ticket.created) continue;
    change.time = ticket.created;
    summary.note('history dated before its ticket was created: moved to its creation');
  }
  const firstOf = (attribute: Change['attribute']): Change | undefined => changes.find((change) => change.attribute === attribute);
  // The history says what a value was before its first change; without a change, the ticket's value is the first.
  const firstPriority = firstOf('priority');
  const firstState = firstOf('state');
  let severity = firstPriority === undefined ? ticket.priority : firstPriority.from;
  let state = firstState === undefined ? (ticket.historyRead ? stateAtCreation(ticket, summary) : '') : firstState.from;
  const created: ImportedRow = { ...base, time: ticket.created, event: 'created' };
  if (severity !== '') created.severity = severity;
  if (ticket.channel !== '') created.channel = ticket.channel;
  job.sink.write(created);
  if (!ticket.historyRead && ticket.state !== '') {
    const since = currentSince(ticket.stateTimes, ticket.state, types.eventOf(ticket.state) !== undefined, ticket.created, ticket.place);
    if ('time' in since) {
      const { unreadable } = since;
      if (unreadable !== undefined) summary.warn(unreadable.file, unreadable.path, `tickets without history in state "${CREATION_STATE}" whose updated_at is not a time: their state is dated at their creation`, `ticket ${ticket.number}: ${unreadable.reason}`);
      else summary.note(
        since.from === 'creation'
          ? `tickets without history in state "${CREATION_STATE}" and without updated_at: their state is dated at their creation`
          : 'tickets without history: their current state is dated at close_at or updated_at',
      );
      changes.push({ time: since.time, attribute: 'state', from: '', to: ticket.state, order: 0 });
    } else {
      const reason = `ticket ${ticket.number}: state '${ticket.state}' cannot be dated: no history, and ${since.problem}; the ticket is written without its state`;
      const group = since.missing
        ? 'tickets without history and without close_at or updated_at: written without their state'
        : 'tickets without history whose close_at or updated_at is not a time: written without their state';
      summary.warn(since.file, since.path, group, reason);
    }
  }
  if (state !== '') writeState(state, '', ticket.created, base, job, types);
  for (const reply of ticket.repliesAtCreation) job.sink.write(reply);
  for (const change of changes) {
    if (change.attribute === 'priority') {
      if (change.to === severity) continue;
      severity = change.to;
      job.sink.write({ ...base, time: change.time, event: 'severity', severity });
    } else if (change.to !== state) {
      writeState(change.to, state, change.time, base, job, types);
      state = change.to;
    }
  }
}

/**
 * The state a ticket with history but no usable state change was created
 * with: its current one, unless state changes were skipped (a time that is
 * not a time, no value_to). Then the current state is the one after them,
 * and dated at creation a closed ticket would be closed at once: no state,
 * and a warning.
 */
function stateAtCreation(ticket: TicketState, summary: ImportSummary): string {
  const { undated, valueless } = ticket.skippedStateChanges;
  const skipped = undated + valueless;
  if (skipped === 0 || ticket.state === '') return ticket.state;
  const reason = `ticket ${ticket.number}: its state at creation cannot be told: ${skippedStateChangesText(undated, valueless)}, and its state '${ticket.state}' is the one after ${skipped === 1 ? 'it' : 'them'}; the ticket is written without a state`;
  const group = valueless === 0 ? 'tickets whose every state change has no readable time: written without a state' : 'tickets whose every state change was skipped (no readable time or no value_to): written without a state';
  summary.warn(ticket.place.file, ticket.place.path, group, reason);
  return '';
}

/** Why a ticket's state changes were all skipped, in words. */
function skippedStateChangesText(undated: number, valueless: number): string {
  const skipped = undated + valueless;
  if (skipped === 1) return undated === 1 ? 'its state change cannot be placed in time' : 'its state change has no value_to';
  if (valueless === 0) return `none of its ${skipped} state changes can be placed in time`;
  if (undated === 0) return `none of its ${skipped} state changes has a value_to`;
  return `none of its ${skipped} state changes can be read (${undated} cannot be placed in time, ${valueless} ${valueless === 1 ? 'has' : 'have'} no value_to)`;
}

/**
 * Writes a state's `status` row, with `resolved` for a state of type closed
 * and `closed` for one of type merged; leaving a closed state for any but
 * a merged one is a reopening.
 */
function writeState(state: string, previous: string, time: number, base: Pick<ImportedRow, 'ticket' | 'client'>, job: ImportJob, types: StateTypes): void {
  const event = types.eventOf(state);
  if (previous !== '' && types.eventOf(previous) === 'resolved' && event !== 'closed') job.sink.write({ ...base, time, event: 'reopened' });
  job.sink.write({ ...base, time, event: 'status', status: state });
  if (event !== undefined) job.sink.write({ ...base, time, event });
  if (event === 'closed') job.summary.note('tickets merged into another (state "merged"): closed at the merge');
}
