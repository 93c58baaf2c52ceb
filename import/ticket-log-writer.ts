import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TicketEvent, TicketEventKind } from '../runtime/log/events.js';
import { TICKET_LOG_KEYS } from '../runtime/log/log-vocabulary.js';
import { formatLogTime } from './warehouse-time.js';

/**
 * One row of slac's ticket log (SEMANTICS.md "Ticket log", with the 1.1
 * `client` key), as an importer produces it: the keys runtime/log/ validates
 * when `slac check` reads the log back.
 */
export type ImportedRow = Omit<TicketEvent, 'level' | 'line' | 'seq'> & {
  /** The client the ticket belongs to (language 1.1 portfolios). */
  client?: string;
  /**
   * The exported record the row comes from (file as the user named it,
   * 1-based line), so that `slac check --log-format` names it in messages
   * about the row. Not written to the log.
   */
  source?: { file: string; line: number };
};

export type ImportFormat = 'ndjson' | 'csv';

/** Buffered output is flushed at this size, so memory stays flat whatever the export's size. */
const FLUSH_AT = 1 << 16;

/** The log's columns, in order; `level` is never produced by an import. */
const COLUMNS = TICKET_LOG_KEYS.filter((key) => key !== 'level');

/**
 * Writes imported rows as NDJSON or CSV, to a file or through a callback
 * (standard output), in chunks. Counts the rows written per event. A file
 * is written beside its place and renamed into it only when the import
 * succeeds, so a failed import never leaves half a log under the name.
 */
export class TicketLogWriter {
  private buffer = '';
  private readonly fd: number | undefined;
  private readonly file: string | undefined;
  private readonly partial: string | undefined;
  readonly eventCounts = new Map<TicketEventKind, number>();

  constructor(
    private readonly format: ImportFormat,
    target: { file: string } | { write: (text: string) => void },
  ) {
    this.file = 'file' in target ? target.file : undefined;
    this.partial = this.file === undefined ? undefined : `${this.file}.${process.pid}.partial`;
    this.fd = this.partial === undefined ? undefined : openSync(this.partial, 'w');
    this.sink = 'write' in target ? target.write : undefined;
    if (format === 'csv') this.buffer = `${COLUMNS.join(',')}\n`;
  }

  private readonly sink: ((text: string) => void) | undefined;

  write(row: ImportedRow): void {
    this.eventCounts.set(row.event, (this.eventCounts.get(row.event) ?? 0) + 1);
    this.buffer += this.format === 'csv' ? csvLine(row) : ndjsonLine(row);
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Rows written so far. */
  get rows(): number {
    let total = 0;
    for (const count of this.eventCounts.values()) total += count;
    return total;
  }

  /** Finishes the log: into its file when `complete`, otherwise the partial file is removed. */
  close(complete: boolean): void {
    if (complete) this.flush();
    if (this.fd === undefined) return;
    closeSync(this.fd);
    if (complete) renameSync(this.partial!, this.file!);
    else rmSync(this.partial!, { force: true });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    if (this.fd !== undefined) writeSync(this.fd, this.buffer);
    else this.sink!(this.buffer);
    this.buffer = '';
  }
}

/**
 * One NDJSON line, built as text: the same keys, in the same order, and the
 * same escapes as `JSON.stringify` of the row, at a fraction of its cost
 * (imports write millions of rows). The parts that repeat from row to row
 * (a ticket's rows come together; events, statuses and priorities are few)
 * are made once and reused, so a row is one concatenation of ready parts.
 */
function ndjsonLine(row: ImportedRow): string {
  if (row.ticket !== lastTicket) {
    lastTicket = row.ticket;
    lastTicketStart = `{"ticket":${jsonString(row.ticket)},"time":"`;
  }
  if (row.client !== lastClient) {
    lastClient = row.client;
    lastClientEnd = row.client === undefined ? '}\n' : `,"client":${jsonString(row.client)}}\n`;
  }
  return (
    lastTicketStart +
    logTime(row.time) +
    member(EVENT_MEMBERS, '","event":', row.event) +
    (row.severity === undefined ? '' : member(SEVERITY_MEMBERS, ',"severity":', row.severity)) +
    (row.channel === undefined ? '' : member(CHANNEL_MEMBERS, ',"channel":', row.channel)) +
    (row.status === undefined ? '' : member(STATUS_MEMBERS, ',"status":', row.status)) +
    (row.author === undefined ? '' : member(AUTHOR_MEMBERS, ',"author":', row.author)) +
    lastClientEnd
  );
}

/** The start of the last ticket's lines, up to its time; the end of the last client's, from its client. */
let lastTicket: string | undefined;
let lastTicketStart = '';
let lastClient: string | undefined;
let lastClientEnd = '}\n';

/** `,"key":"value"` per value of a key, as `member` makes them (bounded: a log with many distinct values starts over). */
const EVENT_MEMBERS = new Map<string, string>();
const SEVERITY_MEMBERS = new Map<string, string>();
const CHANNEL_MEMBERS = new Map<string, string>();
const STATUS_MEMBERS = new Map<string, string>();
const AUTHOR_MEMBERS = new Map<string, string>();
const MEMBERS_KEPT = 1024;

/** `prefix` and `value` as a JSON string, from `members` when made before. The event's prefix closes the time's string. */
function member(members: Map<string, string>, prefix: string, value: string): string {
  let text = members.get(value);
  if (text === undefined) {
    if (members.size >= MEMBERS_KEPT) members.clear();
    text = `${prefix}${jsonString(value)}`;
    members.set(value, text);
  }
  return text;
}

/** Characters JSON.stringify escapes in a string: quotes, backslashes, controls, and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** The last instant formatted: a ticket's rows often share their time (a status and its `resolved`). */
let lastTime = Number.NaN;
let lastTimeText = '';
/** `2026-01-05T` per UTC day (epoch milliseconds of its midnight), so most rows format only the time of day. */
const dayPrefixes = new Map<number, string>();
const DAY = 86_400_000;

/** formatLogTime, for whole seconds without a Date per row. */
function logTime(time: number): string {
  if (time === lastTime) return lastTimeText;
  lastTime = time;
  if (!Number.isInteger(time / 1000)) return (lastTimeText = formatLogTime(time));
  const day = Math.floor(time / DAY) * DAY;
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 4096) dayPrefixes.clear();
    prefix = new Date(day).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = (time - day) / 1000;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return (lastTimeText = `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds % 60]}Z`);
}

/** `00` to `59`. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

function csvLine(row: ImportedRow): string {
  const values: Record<(typeof COLUMNS)[number], string | undefined> = {
    ticket: row.ticket,
    time: logTime(row.time),
    event: row.event,
    severity: row.severity,
    channel: row.channel,
    status: row.status,
    author: row.author,
    client: row.client,
  };
  return `${COLUMNS.map((key) => csvField(values[key])).join(',')}\n`;
}

function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
