import type { ImportSummary } from '../import-summary.js';
import { valueShown } from '../json-file.js';
import { logYearProblem, readWarehouseTime, warehouseTimeAdvice } from '../warehouse-time.js';
import { COMMENT_TYPES } from './mapping.js';
import { idKey, INEXACT_ID, isInexactId, text, updatePath, type ChildEvent, type UpdatePlace, type ZendeskTickets } from './tickets.js';

type Json = Record<string, unknown>;

/**
 * One page of the Incremental Ticket Event Export: each ticket event is an
 * update (`ticket_id`, `timestamp` or `created_at`, `updater_id`, `via`)
 * whose `child_events` are Create and Change events (the field as a key of
 * its own, `previous_value`) and, with `include=comment_events`, Comment
 * events (`public`, `author_id`); without it, `comment_present` and
 * `comment_public` on a child stand for the comment, by the updater.
 */
export function readTicketEventsPage(records: unknown[], line: number | undefined, file: string, summary: ImportSummary, tickets: ZendeskTickets, clientField?: string): void {
  const place: UpdatePlace = { file, line, records: 'ticket_events', index: 0, children: 'child_events' };
  for (let index = 0; index < records.length; index++) {
    place.index = index;
    const event = records[index] as Json | null;
    if (isInexactId(event?.ticket_id)) {
      summary.skip(file, updatePath(place), 'ticket events whose ticket_id is beyond 2^53', `the ticket_id ${String(event!.ticket_id)} ${INEXACT_ID}`);
      if (createsTicket(event!.child_events)) tickets.skippedUnnamedCreation(file, updatePath(place));
      continue;
    }
    const ticket = idKey(event?.ticket_id);
    if (event === null || typeof event !== 'object' || ticket === undefined) {
      summary.skip(file, updatePath(place), 'ticket events without a ticket_id', 'the ticket event has no ticket_id');
      if (event !== null && typeof event === 'object' && createsTicket(event.child_events)) tickets.skippedUnnamedCreation(file, updatePath(place));
      continue;
    }
    const time = exportTime(event.timestamp, event.created_at, summary);
    if (time === undefined) {
      summary.skip(file, updatePath(place), 'ticket events without a readable time', `ticket ${ticket}: neither timestamp nor created_at is a time${exportTimeAdvice(event.timestamp, event.created_at)}`);
      if (createsTicket(event.child_events)) tickets.skippedCreation(ticket, UNTIMED_CREATION);
      continue;
    }
    const children = Array.isArray(event.child_events) ? (event.child_events as unknown[]) : [];
    const count = children.length;
    const mapped = childEvents(count);
    for (let c = 0; c < count; c++) ticketEventChild(children[c] as Json | null, clientField, mapped[c]!);
    tickets.update(ticket, updateIdOf(event.id), time, event.via, event.updater_id, mapped, place, count);
  }
}

/**
 * The child events of the update being read: one array and its events,
 * refilled for every update (`ZendeskTickets.update` keeps none of them), so
 * the millions of child events of an export make no objects of their own.
 */
const pool: ChildEvent[] = [];

/** Why a ticket whose creation has no readable time is skipped, for its later updates. */
const UNTIMED_CREATION = 'its creation has no readable time';

/** Whether an update's children (`child_events`, an audit's `events`) create the ticket. */
function createsTicket(children: unknown): boolean {
  return Array.isArray(children) && children.some((child) => child !== null && typeof child === 'object' && ((child as Json).event_type ?? (child as Json).type) === 'Create');
}

/** At least `count` events of the pool, to be refilled. */
function childEvents(count: number): ChildEvent[] {
  while (pool.length < count) pool.push({ kind: 'other', field: undefined, value: undefined, previous: undefined, public: undefined, author: undefined, via: undefined });
  return pool;
}

/** Refills `into` with a child of a ticket event. */
function ticketEventChild(child: Json | null, clientField: string | undefined, into: ChildEvent): void {
  into.field = into.value = into.previous = into.public = into.author = into.via = undefined;
  if (child === null || typeof child !== 'object') return void (into.kind = 'other');
  const type = child.event_type ?? child.type;
  if ((typeof type === 'string' && COMMENT_TYPES.has(type)) || child.comment_present === true) {
    const isPublic = child.public ?? child.comment_public;
    into.kind = 'comment';
    into.public = isPublic !== false;
    into.author = child.author_id;
    into.via = child.via;
    return;
  }
  if (type !== 'Create' && type !== 'Change') return void (into.kind = 'other');
  into.kind = type === 'Create' ? 'create' : 'change';
  into.via = child.via;
  // The export writes the field set or changed as a key of its own, looked for in this order,
  // one by one rather than in a loop: constant keys are loads V8 makes fast (millions of children).
  // JSON has no undefined values, so `!== undefined` is `in` here.
  const field =
    child.status !== undefined ? 'status'
    : child.priority !== undefined ? 'priority'
    : child.requester_id !== undefined ? 'requester_id'
    : child.organization_id !== undefined ? 'organization_id'
    : child.assignee_id !== undefined ? 'assignee_id'
    : undefined;
  if (field !== undefined) return void ((into.field = field), (into.value = child[field]), (into.previous = child.previous_value));
  if (clientField !== undefined && Object.hasOwn(child, clientField)) ((into.field = clientField), (into.value = child[clientField]), (into.previous = child.previous_value));
}

/**
 * One page of ticket audits (`GET /api/v2/tickets/{id}/audits.json`): each
 * audit is an update (`ticket_id`, `created_at`, `author_id`, `via`) whose
 * `events` are Create and Change events (`field_name`, `value`,
 * `previous_value`), Comment events (`public`, `author_id`) and others
 * (notifications, CCs...).
 */
export function readAuditsPage(records: unknown[], line: number | undefined, file: string, summary: ImportSummary, tickets: ZendeskTickets): void {
  const place: UpdatePlace = { file, line, records: 'audits', index: 0, children: 'events' };
  for (let index = 0; index < records.length; index++) {
    place.index = index;
    const audit = records[index] as Json | null;
    if (isInexactId(audit?.ticket_id)) {
      summary.skip(file, updatePath(place), 'audits whose ticket_id is beyond 2^53', `the ticket_id ${String(audit!.ticket_id)} ${INEXACT_ID}`);
      if (createsTicket(audit!.events)) tickets.skippedUnnamedCreation(file, updatePath(place));
      continue;
    }
    const ticket = idKey(audit?.ticket_id);
    if (audit === null || typeof audit !== 'object' || ticket === undefined) {
      summary.skip(file, updatePath(place), 'audits without a ticket_id', 'the audit has no ticket_id');
      if (audit !== null && typeof audit === 'object' && createsTicket(audit.events)) tickets.skippedUnnamedCreation(file, updatePath(place));
      continue;
    }
    const time = exportTime(undefined, audit.created_at, summary);
    if (time === undefined) {
      summary.skip(file, updatePath(place), 'audits without a readable time', `ticket ${ticket}: created_at ${valueShown(audit.created_at)} is not a time${warehouseTimeAdvice(audit.created_at)}`);
      if (createsTicket(audit.events)) tickets.skippedCreation(ticket, UNTIMED_CREATION);
      continue;
    }
    const events = Array.isArray(audit.events) ? (audit.events as unknown[]) : [];
    const count = events.length;
    const mapped = childEvents(count);
    for (let e = 0; e < count; e++) auditEvent(events[e] as Json | null, mapped[e]!);
    tickets.update(ticket, updateIdOf(audit.id), time, audit.via, audit.author_id, mapped, place, count);
  }
}

/** An update's own id, to read it once; none when it is beyond 2^53 (read rounded, two updates could share it). */
function updateIdOf(id: unknown): ReturnType<typeof idKey> {
  return isInexactId(id) ? undefined : idKey(id);
}

/** Refills `into` with an event of an audit. */
function auditEvent(event: Json | null, into: ChildEvent): void {
  into.field = into.value = into.previous = into.public = into.author = into.via = undefined;
  if (event === null || typeof event !== 'object') return void (into.kind = 'other');
  const type = event.type;
  if (typeof type === 'string' && COMMENT_TYPES.has(type)) {
    into.kind = 'comment';
    into.public = event.public !== false;
    into.author = event.author_id;
    into.via = event.via;
    return;
  }
  if (type !== 'Create' && type !== 'Change') return void (into.kind = 'other');
  into.kind = type === 'Create' ? 'create' : 'change';
  into.field = text(event.field_name);
  into.value = event.value;
  into.previous = event.previous_value;
  into.via = event.via;
}

/**
 * After "neither timestamp nor created_at is a time": the timestamp when it
 * is a number outside the log's years, and the created_at when what is wrong
 * with it is an offset no clock has or its year; '' otherwise.
 */
function exportTimeAdvice(seconds: unknown, createdAt: unknown): string {
  const yearProblem = typeof seconds === 'number' ? logYearProblem(seconds * 1000) : undefined;
  const advice = warehouseTimeAdvice(createdAt);
  return `${yearProblem === undefined ? '' : `; timestamp ${String(seconds)}: ${yearProblem}`}${advice === '' ? '' : `; created_at ${valueShown(createdAt)}${advice}`}`;
}

/**
 * An instant of the export: Unix seconds (`timestamp`), or an ISO time
 * (`created_at`) when the timestamp is not a number of seconds the log can
 * write (1e16 seconds is no date at all: it stopped the import with exit
 * 70); a time without an offset is UTC, noted in `summary`.
 */
export function exportTime(seconds: unknown, iso: unknown, summary: ImportSummary): number | undefined {
  if (typeof seconds === 'number') {
    if (logYearProblem(seconds * 1000) === undefined) return seconds * 1000;
    if (typeof iso === 'string' && readWarehouseTime(iso) !== undefined) summary.note('timestamps outside the years 0000 to 9999 (UTC): the time is the created_at');
  }
  if (typeof iso !== 'string') return undefined;
  const read = readWarehouseTime(iso);
  // Whether the text had an offset is the reader's to say: `-05`, hours alone, is one.
  if (read !== undefined && !read.hadOffset) summary.note('times without an offset: taken as UTC');
  return read?.time;
}
