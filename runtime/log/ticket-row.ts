import type { ReplyAuthor } from './events.js';
import { readLogTime } from './local-time.js';
import { logError, type LogError } from './log-error.js';
import {
  caseHint,
  eventKindIndex,
  listOf,
  matchKey,
  REPLY_AUTHORS,
  type LogVocabulary,
} from './log-vocabulary.js';
import { TICKET_EVENT_KINDS } from './events.js';
import { NumberSpelling } from './number-spelling.js';
import { strayKeysOf } from './stray-values.js';
import { epochHint } from './time-advice.js';
import { trimmedText } from './trimmed-text.js';

/** The raw values of one row, as read from CSV (strings) or NDJSON (any JSON). */
export interface TicketRowValues {
  ticket: unknown;
  time: unknown;
  event: unknown;
  severity: unknown;
  channel: unknown;
  status: unknown;
  author: unknown;
  level: unknown;
  /** The client (1.1): read only when checking a portfolio, where it routes the ticket. */
  client?: unknown;
}

/**
 * One row after validation. The validator fills one reused object per log, so
 * that reading millions of rows allocates nothing per row.
 */
export interface ValidTicketRow {
  ticket: string;
  time: number;
  /** Index into TICKET_EVENT_KINDS. */
  kind: number;
  /** Severity on `created` (defaulted) and `severity`; status; author; otherwise undefined. */
  value: string | undefined;
  /** Level on `escalated`, otherwise 0. */
  level: number;
  /** Index into the vocabulary's channels, or -1. */
  channel: number;
  /** The keys given that the event does not read, as bits `1 << key` (see stray-values.ts); 0 nearly always. */
  stray: number;
}

export function emptyValidRow(): ValidTicketRow {
  return { ticket: '', time: 0, kind: 0, value: undefined, level: 0, channel: -1, stray: 0 };
}

export const KIND_CREATED = 0;
const KIND_REPLY = 1;
const KIND_STATUS = 2;
const KIND_SEVERITY = 3;
const KIND_ESCALATED = 5;

/** Text of an optional value: absent, null and blank are all "not given". */
function textOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const text = trimmedText(value);
  return text.length === 0 ? undefined : text;
}

const EVENT_REASON = `every row has an event (${listOf(TICKET_EVENT_KINDS)})`;

/** A text value, or null (wrong type; an error is recorded). */
function textValue(values: TicketRowValues, key: keyof TicketRowValues, file: string, line: number, errors: LogError[]): string | undefined | null {
  const result = textOf(values[key]);
  if (result === null) errors.push(logError('SLA4014', file, line, key, { value: `'${key}'`, expected: 'text', actual: describe(values[key]) + epochHint(key, values[key]) }));
  return result;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  // JSON.parse reads 2e400 as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to read';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Validates one ticket log row against SEMANTICS.md "Ticket log". Fills `into`
 * and returns true, or pushes one error per bad key and returns false
 * (`into` then holds only the row's ticket, '' when unreadable, and kind).
 * Warnings about a row that is still read (an ambiguous local time) go to
 * `warnings`.
 */
export function validateTicketRow(
  values: TicketRowValues,
  file: string,
  line: number,
  vocabulary: LogVocabulary,
  into: ValidTicketRow,
  errors: LogError[],
  warnings?: LogError[],
): boolean {
  const before = errors.length;
  const text = (key: keyof TicketRowValues): string | undefined | null => textValue(values, key, file, line, errors);
  const required = (key: keyof TicketRowValues, value: string | undefined | null, reason: string): void => {
    if (value === undefined) errors.push(logError('SLA4001', file, line, key, { reason }));
  };

  const ticketRaw = values.ticket;
  const numberProblem = numberIdProblem(ticketRaw);
  if (numberProblem !== undefined) errors.push(logError('SLA4014', file, line, 'ticket', { value: "'ticket'", ...numberProblem }));
  const ticket = numberProblem !== undefined ? null : typeof ticketRaw === 'number' && Number.isFinite(ticketRaw) ? String(ticketRaw) : text('ticket');
  required('ticket', ticket, 'every row names its ticket');
  const timeText = text('time');
  required('time', timeText, 'every row has a time');
  let time: number | undefined;
  if (typeof timeText === 'string') {
    time = readLogTime(timeText, vocabulary.assumeZone, { file, line, key: 'time' }, errors, warnings);
  }
  const eventText = text('event');
  required('event', eventText, EVENT_REASON);
  let kind = -1;
  if (typeof eventText === 'string') {
    kind = eventKindIndex(eventText);
    if (kind < 0) errors.push(logError('SLA4003', file, line, 'event', { value: eventText, expected: listOf(TICKET_EVENT_KINDS) }));
  }

  let severity = text('severity');
  if (typeof severity === 'string' && !vocabulary.severities.has(severity)) {
    // Not a name: perhaps a value the helpdesk records for one (`matches`, 1.1).
    const meant = vocabulary.severityMatches.get(matchKey(severity));
    if (meant !== undefined) severity = meant;
    else errors.push(logError('SLA4004', file, line, 'severity', { value: severity, expected: listOf([...vocabulary.severities]), hint: caseHint(severity, vocabulary.severities) }));
  }
  const channelText = text('channel');
  let channel = -1;
  if (typeof channelText === 'string') {
    channel = vocabulary.channelIndex.get(channelText) ?? vocabulary.channelMatches.get(matchKey(channelText)) ?? -1;
    if (channel < 0) {
      errors.push(logError('SLA4005', file, line, 'channel', { value: channelText, expected: expectedChannels(vocabulary.channels), hint: caseHint(channelText, vocabulary.channels) }));
    }
  }

  let value: string | undefined;
  let level = 0;
  if (kind === KIND_CREATED) value = severity ?? vocabulary.defaultSeverity;
  else if (kind === KIND_SEVERITY) {
    required('severity', severity, "a 'severity' event gives the new severity");
    value = severity ?? undefined;
  } else if (kind === KIND_STATUS) {
    const status = text('status');
    required('status', status, "a 'status' event gives the new status");
    value = status ?? undefined;
  } else if (kind === KIND_REPLY) {
    const author = text('author');
    required('author', author, "a 'reply' event says who replied (agent, customer or system)");
    value = author ?? undefined;
    if (value !== undefined && !REPLY_AUTHORS.includes(value as ReplyAuthor)) {
      errors.push(logError('SLA4006', file, line, 'author', { value }));
    }
  } else if (kind === KIND_ESCALATED) {
    level = readLevel(values.level, file, line, errors);
  }

  if (errors.length > before) {
    // What is known of an invalid row, so that a `created` one can be named by its ticket's other rows (SLA4055).
    into.ticket = typeof ticket === 'string' ? ticket : '';
    into.kind = kind;
    return false;
  }
  into.ticket = ticket as string;
  into.time = time!;
  into.kind = kind;
  into.value = value;
  into.level = level;
  into.channel = channel;
  into.stray = strayKeysOf(values as unknown as Record<string, unknown>, kind);
  return true;
}

const PLAIN_ID = `whole number up to ${Number.MAX_SAFE_INTEGER} written in plain digits, or text (write other ids in quotes)`;

/**
 * What is wrong with a ticket id given as a JSON number, or undefined. Its
 * text is the id, so it must be the number's own digits: a fraction, `-0`
 * or another spelling of a whole number (`7.0`, `7e0`, which JSON reads as
 * 7) would be, or would merge with, another ticket's id.
 */
function numberIdProblem(raw: unknown): { expected: string; actual: string } | undefined {
  if (raw instanceof NumberSpelling) return { expected: PLAIN_ID, actual: `the number ${raw.written}, which JSON reads as ${String(raw.value)}` };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
  if (Object.is(raw, -0)) return { expected: PLAIN_ID, actual: 'the number -0, which JSON reads as 0' };
  if (!Number.isInteger(raw)) return { expected: PLAIN_ID, actual: `the number ${String(raw)}` };
  // A number beyond 2^53 has already been rounded by JSON: two tickets would merge.
  if (!Number.isSafeInteger(raw)) return { expected: `whole number up to ${Number.MAX_SAFE_INTEGER} or text (write longer ids in quotes)`, actual: 'a number too large to read exactly' };
  return undefined;
}

/**
 * Escalation levels are whole numbers from 1, written in digits as a number
 * or as text. A JSON number spelled otherwise (`2.0`, `1e0`) is refused
 * with what JSON reads it as, as a ticket id so spelled is: the CSV cell
 * `2.0` is no level either.
 */
function readLevel(raw: unknown, file: string, line: number, errors: LogError[]): number {
  // The flat reader reads `-0` itself (as -0), the general path as a spelling.
  const spelling = Object.is(raw, -0) ? new NumberSpelling('-0', 0) : raw;
  if (spelling instanceof NumberSpelling) {
    const actual = `the number ${spelling.written}, which JSON reads as ${String(spelling.value)}`;
    errors.push(logError('SLA4014', file, line, 'level', { value: "'level'", expected: 'whole number from 1 written in plain digits', actual }));
    return 0;
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === null || text === '') {
    errors.push(logError('SLA4001', file, line, 'level', { reason: "an 'escalated' event gives the level reached" }));
    return 0;
  }
  if (typeof text !== 'string') {
    errors.push(logError('SLA4014', file, line, 'level', { value: "'level'", expected: 'whole number', actual: describe(raw) }));
    return 0;
  }
  const level = /^\d{1,6}$/.test(text) ? Number(text) : 0;
  if (level < 1) errors.push(logError('SLA4007', file, line, 'level', { value: text }));
  return level;
}

/**
 * What SLA4005 expects: the channels, or, for an agreement that declares
 * none, a row without one ("expected one of (none declared)" told neither).
 */
function expectedChannels(channels: readonly string[]): string {
  return channels.length === 0 ? 'the agreement declares no channel, so a row names none: leave the channel empty' : `expected one of ${listOf(channels)}`;
}
