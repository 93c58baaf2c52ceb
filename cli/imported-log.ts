import type { ImportedRowSink } from '../import/import-source.js';
import type { ImportedRow } from '../import/ticket-log-writer.js';
import { formatLogTime } from '../import/warehouse-time.js';
import type { TicketEventKind } from '../runtime/log/events.js';
import type { LogRowHandler } from '../runtime/log/log-rows.js';
import type { UnmentionedValues } from '../runtime/check/unmentioned-values.js';

/**
 * The ticket log of `slac check --log-format zendesk|...`: the rows a
 * helpdesk adapter makes, handed to the check session as they come, never
 * written to a file. Row N is line N of the log `slac import` would write,
 * and is given to the session as exactly the object that log's line N
 * parses to, so both ways give the same report. Messages about a row name
 * the exported record it comes from, when the adapter says which.
 */
export class ImportedLog implements ImportedRowSink {
  /** Rows per event, as `slac import` counts them for its summary. */
  readonly eventCounts = new Map<TicketEventKind, number>();
  private rows = 0;
  private handler: LogRowHandler | undefined;
  private readonly places = new RowPlaces();

  /**
   * `name` stands for the rows as a whole in messages (`exports/ (zendesk
   * rows)`); `values` counts the statuses and priorities the agreement never
   * mentions.
   */
  constructor(
    readonly name: string,
    private readonly values: UnmentionedValues,
  ) {}

  /** Where the rows go: the session's ticket collector (or a portfolio's router). */
  into(handler: LogRowHandler): void {
    this.handler = handler;
  }

  write(row: ImportedRow): void {
    const line = ++this.rows;
    this.eventCounts.set(row.event, (this.eventCounts.get(row.event) ?? 0) + 1);
    if (row.source) this.places.set(line, row.source.file, row.source.line);
    // The keys and values of the NDJSON line `slac import` writes for this row.
    const values: Record<string, unknown> = { ticket: row.ticket, time: formatLogTime(row.time), event: row.event };
    if (row.severity !== undefined) {
      values.severity = row.severity;
      this.values.severity(row.severity, row.client, line);
    }
    if (row.channel !== undefined) values.channel = row.channel;
    if (row.status !== undefined) {
      values.status = row.status;
      if (row.event === 'status') this.values.status(row.status, row.client, line);
    }
    if (row.author !== undefined) values.author = row.author;
    if (row.client !== undefined) values.client = row.client;
    this.handler!.row(values, line);
  }

  /** The message about a row, moved to the exported record it comes from when that is known. */
  relocate<T extends { file: string; line: number; code?: string; message?: string }>(error: T): T {
    if (error.file !== this.name || error.line === 0) return error;
    const place = this.places.get(error.line);
    if (!place) return error;
    return { ...error, file: place.file, line: place.line, ...this.relocatedReference(error, place.file) };
  }

  /**
   * A message naming another row of the log ("already created on line 12")
   * names its exported record instead: `line 3` in the same file,
   * `users.json:3` in another. Such messages end their template with "line
   * N" after any value they quote from the log, so the last one is the
   * reference. By code, so that the report's listed rows, which keep code
   * and message, move alike.
   */
  private relocatedReference(error: { code?: string; message?: string }, file: string): { message?: string } {
    if (error.code === undefined || !REFERENCING_CODES.has(error.code) || error.message === undefined) return {};
    const match = /line (\d+)(?!.*line \d)/.exec(error.message);
    const place = match ? this.places.get(Number(match[1])) : undefined;
    if (!match || !place) return {};
    const moved = place.file === file ? `line ${place.line}` : `${place.file}:${place.line}`;
    return { message: error.message.slice(0, match.index) + moved + error.message.slice(match.index + match[0].length) };
  }

  /** `relocate` for each, in place (the report's lists of skipped rows and warnings). */
  relocateAll<T extends { file: string; line: number }>(errors: T[]): void {
    for (let index = 0; index < errors.length; index++) errors[index] = this.relocate(errors[index]!);
  }
}

/** The codes whose message names another row of the log by its line: a created event (SLA4008, SLA4009), an invalid created row (SLA4055). */
const REFERENCING_CODES: ReadonlySet<string> = new Set(['SLA4008', 'SLA4009', 'SLA4055']);

/** Row number -> exported file and line, compactly (6 bytes a row), for adapters that give them. */
class RowPlaces {
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  /** Per row, its file's number + 1 (0: not known), and its line. */
  private fileOf = new Uint16Array(0);
  private lineOf = new Uint32Array(0);

  set(row: number, file: string, line: number): void {
    let number = this.fileNumbers.get(file);
    if (number === undefined) {
      number = this.files.length;
      // More exported files than a Uint16 holds: the rest are named by row number only.
      if (number >= 0xfffe) return;
      this.files.push(file);
      this.fileNumbers.set(file, number);
    }
    if (row >= this.lineOf.length) this.grow(row + 1);
    this.fileOf[row] = number + 1;
    this.lineOf[row] = line;
  }

  get(row: number): { file: string; line: number } | undefined {
    const number = row < this.fileOf.length ? this.fileOf[row]! : 0;
    return number === 0 ? undefined : { file: this.files[number - 1]!, line: this.lineOf[row]! };
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.lineOf.length * 2, 1024);
    const files = new Uint16Array(capacity);
    files.set(this.fileOf);
    const lines = new Uint32Array(capacity);
    lines.set(this.lineOf);
    this.fileOf = files;
    this.lineOf = lines;
  }
}
