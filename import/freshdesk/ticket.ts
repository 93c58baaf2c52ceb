import { apiTimeProblem, readApiTime } from '../api-time.js';
import { countClientless, noteClientValue, readClientValue } from '../client-field.js';
import type { ImportJob } from '../import-source.js';
import { isRecord, textOf } from '../json-file.js';
import { ownValue } from '../../language/model/own-keys.js';
import { skipTicket, type Skipped } from '../skipped-tickets.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { PENDING_STATUS, PRIORITY_NAMES, REOPENED_STATUS, RESOLVED_STATUSES, SOURCE_NAMES, STATUS_EVENTS, STATUS_NAMES } from './mapping.js';

/** What the import keeps of a ticket once it is written: enough to place its conversations. */
export interface TicketEntry {
  ticket: string;
  created: number;
  requester: string | undefined;
  client: string | undefined;
  /** Whether the ticket, or its `custom_fields`, has the field `--client-field` names (its value may be empty). */
  hasClientField: boolean;
  /** Whether a conversation file gave a conversation of it (a reply or not). */
  conversationsSeen?: boolean;
  /** The ids of its conversations read so far: one given twice (inline and in a file, or in overlapping pages) is read once. */
  conversationIds?: Set<string>;
  /** Its stats and place, kept when conversation files may give its replies: without any, the stats date them (`writeMissingConversations`). */
  statsForReplies?: { stats: unknown; place: TicketPlace };
}

/** A status the ticket's `stats` date: Freshdesk keeps only the latest of each. */
interface StatusPoint {
  time: number;
  status: string;
  /** A reopening (`reopened_at`), which is a `reopened` row only after a resolution the export keeps. */
  reopening: boolean;
  order: number;
}

/** Where a ticket is: its file and line (NDJSON) or JSON path. */
export interface TicketPlace {
  file: string;
  where: number | string;
}

/** The status name of a Freshdesk status number (a custom status keeps its number). */
export function statusName(value: unknown, job: ImportJob): string | undefined {
  const number = textOf(value);
  if (number === undefined) return undefined;
  const name = STATUS_NAMES.get(number);
  if (name === undefined) job.summary.note('custom statuses (not 2-5): kept as their number; name them in the agreement by number');
  return name ?? number;
}

/** Why Freshdesk keeps a ticket out of the log (deleted, spam), and the summary's group; undefined for any other ticket. */
export function withheldReason(ticket: Record<string, unknown>): { group: string; why: string } | undefined {
  if (ticket.deleted === true) return { group: 'deleted tickets', why: 'was deleted in Freshdesk' };
  if (ticket.spam === true) return { group: 'spam tickets', why: 'is marked as spam' };
  return undefined;
}

/**
 * Maps a ticket with its `stats` onto log rows and writes them at once:
 * `created` with its priority and channel, then the statuses the stats date
 * (resolved_at, closed_at, reopened_at, pending_since while still pending,
 * and the current status at status_updated_at). Freshdesk has no status
 * history: earlier pending spells, earlier resolutions and priority changes
 * are not in the export. Returns the entry its conversations need, or,
 * when it skips the ticket, why in a few words, for its conversations.
 */
export function writeTicket(ticket: Record<string, unknown>, place: TicketPlace, job: ImportJob, companies: ReadonlyMap<string, string>): TicketEntry | Skipped {
  const { summary } = job;
  const skip = (group: string, reason: string, why: string): Skipped => skipTicket(summary, place.file, place.where, group, reason, why);
  const id = textOf(ticket.id);
  if (id === undefined) return skip('tickets without id', 'the ticket has no id', 'it has no id');
  const withheld = withheldReason(ticket);
  if (withheld !== undefined) return skip(withheld.group, `ticket ${id} ${withheld.why}`, `it ${withheld.why}`);
  const created = readApiTime(ticket.created_at, job);
  if (created === undefined) return skip('tickets without a readable created_at', `ticket ${id}: created_at ${ticket.created_at === undefined ? '(missing) is not a time' : apiTimeProblem(ticket.created_at, job)}`, 'it has no readable created_at');
  const entry: TicketEntry = { ticket: id, created, requester: textOf(ticket.requester_id), client: clientOf(ticket, job, companies), hasClientField: hasClientField(ticket, job) };
  const base = { ticket: id, ...(entry.client === undefined ? {} : { client: entry.client }) };
  const write = (row: Omit<ImportedRow, 'ticket' | 'client'>): void => job.sink.write({ ...base, ...row });

  const priority = textOf(ticket.priority);
  const source = textOf(ticket.source);
  const channel = source === undefined ? undefined : SOURCE_NAMES.get(source);
  if (source !== undefined && channel === undefined) summary.note('tickets from sources Freshdesk does not document (not 1, 2, 3, 7, 9, 10): no channel');
  write({
    time: created,
    event: 'created',
    ...(priority === undefined ? {} : { severity: PRIORITY_NAMES.get(priority) ?? priority }),
    ...(channel === undefined ? {} : { channel }),
  });
  writeStatuses(entry, ticket, place, job, write);
  summary.took(place.file, 'tickets');
  return entry;
}

/** Whether the ticket, or its `custom_fields`, has the field `--client-field` names. */
function hasClientField(ticket: Record<string, unknown>, job: ImportJob): boolean {
  if (job.clientField === undefined) return false;
  const field = job.clientField.trim();
  return Object.hasOwn(ticket, field) || (isRecord(ticket.custom_fields) && Object.hasOwn(ticket.custom_fields, field));
}

/** The value of the field `--client-field` names: the ticket's own, else its custom field's; undefined without the option. */
export function clientFieldValue(ticket: Record<string, unknown>, job: ImportJob): unknown {
  if (job.clientField === undefined) return undefined;
  const field = job.clientField.trim();
  const own = ownValue(ticket, field);
  // An object or list is a value too (a lookup, a multi-select): read as readClientValue reads it.
  if (textOf(own) !== undefined || (typeof own === 'object' && own !== null)) return own;
  return isRecord(ticket.custom_fields) ? ownValue(ticket.custom_fields, field) : undefined;
}

/** The ticket's client: the field `--client-field` names, else its company's name (or id). */
function clientOf(ticket: Record<string, unknown>, job: ImportJob, companies: ReadonlyMap<string, string>): string | undefined {
  if (job.clientField !== undefined) {
    const { client, shape } = readClientValue(clientFieldValue(ticket, job));
    noteClientValue(job, shape, 'tickets');
    countClientless(job, client);
    return client;
  }
  const company = textOf(ticket.company_id);
  if (company === undefined) return undefined;
  const name = companies.get(company);
  if (name !== undefined) return name;
  job.summary.note('tickets whose company is in no companies file: the client is the company id');
  return company;
}

/** The warnings' group: a stats time that is not one dates nothing, and what it would date is listed, not left out unsaid. */
const UNREADABLE_STATS_TIMES = 'stats times that are not times: the status or reply each would date is not written';

/**
 * The instant of one of the ticket's `stats` times (`key` names it, as
 * `stats.resolved_at`), or undefined: when it is null or missing (nothing
 * to date), or when it is not a time, which is a warning naming the
 * ticket's place, the key, the value and `dates`, the row it would date
 * and that is not written.
 */
function statsTime(value: unknown, key: string, dates: string, place: TicketPlace, entry: TicketEntry, job: ImportJob): number | undefined {
  if (value === null || value === undefined) return undefined;
  const at = readApiTime(value, job);
  if (at === undefined) job.summary.warn(place.file, place.where, UNREADABLE_STATS_TIMES, `ticket ${entry.ticket}: ${key} ${apiTimeProblem(value, job)}: ${dates} is not written`);
  return at;
}

function statusPoints(ticket: Record<string, unknown>, entry: TicketEntry, place: TicketPlace, job: ImportJob): StatusPoint[] {
  const stats = isRecord(ticket.stats) ? ticket.stats : {};
  const current = statusName(ticket.status, job);
  const points: StatusPoint[] = [];
  const add = (key: string, value: unknown, status: string | undefined, reopening = false): void => {
    if (status === undefined) return;
    const at = statsTime(value, key, `the status ${status} it dates`, place, entry, job);
    if (at === undefined) return;
    points.push({ time: Math.max(at, entry.created), status, reopening, order: points.length });
    if (at < entry.created) job.summary.note('stats dated before their ticket was created: moved to its creation');
  };
  add('stats.resolved_at', stats.resolved_at, 'Resolved');
  add('stats.closed_at', stats.closed_at, 'Closed');
  add('stats.reopened_at', stats.reopened_at, REOPENED_STATUS, true);
  // A pending spell that has ended has an end the export does not keep: only the current one is dated.
  if (current === PENDING_STATUS) add('stats.pending_since', stats.pending_since, PENDING_STATUS);
  const [currentKey, currentTime] = isRecord(ticket.stats) ? ['stats.status_updated_at', stats.status_updated_at] : ['updated_at', ticket.updated_at];
  add(currentKey, currentTime, current);
  if (!isRecord(ticket.stats)) job.summary.note('tickets exported without stats (include=stats): their current status is dated at updated_at');
  if (current !== undefined && (currentTime === null || currentTime === undefined) && !points.some((point) => point.status === current)) {
    const given = currentTime === null ? 'is null' : 'is missing';
    job.summary.warn(place.file, place.where, UNDATED_CURRENT_STATUS, `ticket ${entry.ticket}: its status ${current} is dated by no time: ${currentKey} ${given}, and no other stats time dates it; the status is not written`);
  }
  return points.sort((a, b) => a.time - b.time || a.order - b.order);
}

/**
 * The warnings' group: a current status nothing dates is left out (dated at
 * creation, a resolved ticket would be resolved at once), and said so, not
 * left out unsaid. A time that is not a time is warned of on its own.
 */
const UNDATED_CURRENT_STATUS = 'current statuses no time dates (stats.status_updated_at, or updated_at without stats, null or missing): not written';

function writeStatuses(entry: TicketEntry, ticket: Record<string, unknown>, place: TicketPlace, job: ImportJob, write: (row: Omit<ImportedRow, 'ticket' | 'client'>) => void): void {
  let status: string | undefined;
  for (const point of statusPoints(ticket, entry, place, job)) {
    if (point.status === status) continue;
    const wasResolved = status !== undefined && RESOLVED_STATUSES.has(status);
    const resolves = RESOLVED_STATUSES.has(point.status);
    if (wasResolved && !resolves) write({ time: point.time, event: 'reopened' });
    else if (point.reopening) job.summary.note('reopenings whose earlier resolution Freshdesk no longer keeps (resolved_at holds only the latest): only the status is written');
    write({ time: point.time, event: 'status', status: point.status });
    const event = STATUS_EVENTS.get(point.status);
    if (event !== undefined && !(event === 'resolved' && wasResolved)) write({ time: point.time, event });
    status = point.status;
  }
}

/** The stats keys that date replies, for an export without conversations. */
const REPLY_STATS = ['first_responded_at', 'agent_responded_at', 'requester_responded_at'] as const;

/**
 * Writes the replies of a ticket of which the conversation files gave no
 * conversation, though its stats date replies: the export lost its
 * conversations (the loop over tickets stopped, a request failed), and
 * without a reply its first response would be a breach, unremarked. Its
 * stats date them, as for an export without conversations, with a warning.
 */
export function writeMissingConversations(entry: TicketEntry, job: ImportJob): void {
  const kept = entry.statsForReplies;
  if (kept === undefined || entry.conversationsSeen === true || !isRecord(kept.stats)) return;
  const stats = kept.stats;
  const dated = REPLY_STATS.find((key) => stats[key] !== null && stats[key] !== undefined);
  if (dated === undefined) return;
  const reason = `ticket ${entry.ticket}: its stats date replies (${dated} ${textOf(stats[dated]) ?? JSON.stringify(stats[dated])}), but no conversation of it is in the export: its replies are written from its stats; export GET /api/v2/tickets/${entry.ticket}/conversations`;
  job.summary.warn(kept.place.file, kept.place.where, 'tickets whose stats date replies but of which no conversation is in the export: replies written from their stats', reason);
  writeStatsReplies({ stats }, entry, kept.place, job);
}

/** Replies the stats date, for an export without conversations: the first and latest agent response and the latest requester response. */
export function writeStatsReplies(ticket: Record<string, unknown>, entry: TicketEntry, place: TicketPlace, job: ImportJob): void {
  if (!isRecord(ticket.stats)) return;
  const base = { ticket: entry.ticket, ...(entry.client === undefined ? {} : { client: entry.client }) };
  const { stats } = ticket;
  const first = statsTime(stats.first_responded_at, 'stats.first_responded_at', 'the agent reply it dates', place, entry, job);
  const latest = statsTime(stats.agent_responded_at, 'stats.agent_responded_at', 'the agent reply it dates', place, entry, job);
  const requester = statsTime(stats.requester_responded_at, 'stats.requester_responded_at', 'the customer reply it dates', place, entry, job);
  for (const at of new Set([first, latest])) if (at !== undefined) job.sink.write({ ...base, time: Math.max(at, entry.created), event: 'reply', author: 'agent' });
  if (requester !== undefined) job.sink.write({ ...base, time: Math.max(requester, entry.created), event: 'reply', author: 'customer' });
  if (first !== undefined || latest !== undefined || requester !== undefined) {
    job.summary.note('tickets without conversations in the export: replies dated by stats (first_responded_at, agent_responded_at, requester_responded_at); the replies in between are not known');
  }
}
