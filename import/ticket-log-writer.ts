import type { ReplyAuthor, TicketEvent, TicketEventKind } from '../runtime/log/events.js';
import { TICKET_LOG_KEYS } from '../runtime/log/log-vocabulary.js';
import type { ImportedRowSink } from './import-source.js';
import { NdjsonRowEncoder, SLACK } from './ndjson-row-bytes.js';
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

/** Output is flushed at this size, so memory stays flat whatever the export's size. */
const FLUSH_AT = 1 << 18;

/** The log's columns, in order; `level` is never produced by an import. */
const COLUMNS = TICKET_LOG_KEYS.filter((key) => key !== 'level');

/**
 * A file written beside its place and put in place only when complete (the
 * CLI's AtomicFile): `write` is done with the bytes when it returns, and
 * throws why it failed (a full disk), as `commit` does.
 */
export interface StagedOutputFile {
  write(bytes: Uint8Array): void;
  commit(): void;
  discard(): void;
}

/**
 * Writes imported rows as NDJSON or CSV, to a file or through a callback
 * (standard output), in chunks. Counts the rows written per event. The file
 * is put in place only when the import succeeds, so a failed import never
 * leaves half a log under the name. Lines are put as UTF-8 into one reused
 * buffer (NDJSON encoded there directly, see `NdjsonRowEncoder`), which goes
 * to the file as it is.
 */
export class TicketLogWriter implements ImportedRowSink {
  private bytes = Buffer.allocUnsafe(FLUSH_AT + 4096);
  /** `bytes`, as NdjsonRowEncoder writes it. */
  private view = viewOf(this.bytes);
  private length = 0;
  private readonly ndjson = new NdjsonRowEncoder();
  private readonly file: StagedOutputFile | undefined;
  /** Rows per event, in the order first written: one lookup per row. */
  private readonly counters = new Map<TicketEventKind, { rows: number }>();

  /** Where the bytes go when not to a file: standard output, written before it returns. */
  private readonly bytesSink: ((bytes: Uint8Array) => void) | undefined;
  /** Otherwise, where the text goes (tests, a standard output that may keep what it is given). */
  private readonly sink: ((text: string) => void) | undefined;

  constructor(
    private readonly format: ImportFormat,
    target: { file: StagedOutputFile } | { bytes: (bytes: Uint8Array) => void } | { write: (text: string) => void },
  ) {
    this.file = 'file' in target ? target.file : undefined;
    this.bytesSink = 'bytes' in target ? target.bytes : undefined;
    this.sink = 'write' in target ? target.write : undefined;
    if (format === 'csv') this.writeText(`${COLUMNS.join(',')}\n`);
  }

  write(row: ImportedRow): void {
    this.writeFields(row.ticket, row.time, row.event, row.severity, row.channel, row.status, row.author, row.client);
  }

  /** `write` of the row of these fields, without making it (see `ImportedRowSink.writeFields`). */
  writeFields(
    ticket: string,
    time: number,
    event: TicketEventKind,
    severity: string | undefined,
    channel: string | undefined,
    status: string | undefined,
    author: ReplyAuthor | undefined,
    client: string | undefined,
  ): void {
    const counter = this.counters.get(event);
    if (counter === undefined) this.counters.set(event, { rows: 1 });
    else counter.rows++;
    if (this.format === 'csv') this.writeText(csvLine({ ticket, time, event, severity, channel, status, author, client }));
    else {
      this.makeRoom(this.ndjson.prepareFields(ticket, time, event, severity, channel, status, author, client) + SLACK);
      this.length = this.ndjson.encodeInto(this.view, this.length);
    }
    if (this.length >= FLUSH_AT) this.flush();
  }

  /** Rows written per event, in the order of their first row. */
  get eventCounts(): Map<TicketEventKind, number> {
    return new Map([...this.counters].map(([event, counter]) => [event, counter.rows]));
  }

  /** Rows written so far. */
  get rows(): number {
    let total = 0;
    for (const counter of this.counters.values()) total += counter.rows;
    return total;
  }

  /** Finishes the log: into its file when `complete`, otherwise what was written is removed. */
  close(complete: boolean): void {
    if (!complete) {
      this.file?.discard();
      return;
    }
    this.flush();
    this.file?.commit();
  }

  private writeText(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.makeRoom(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** Room for `size` more bytes in the buffer: flushed first when they would not fit, grown when the buffer is too small. */
  private makeRoom(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    this.flush();
    if (size > this.bytes.length) {
      this.bytes = Buffer.allocUnsafe(size);
      this.view = viewOf(this.bytes);
    }
  }

  private flush(): void {
    if (this.length === 0) return;
    // Lines are whole in the buffer, so the text passed to a sink never splits a character.
    if (this.file !== undefined) this.file.write(this.bytes.subarray(0, this.length));
    else if (this.bytesSink !== undefined) this.bytesSink(this.bytes.subarray(0, this.length));
    else this.sink!(this.bytes.toString('utf8', 0, this.length));
    this.length = 0;
  }
}

function viewOf(bytes: Buffer): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

function csvLine(row: ImportedRow): string {
  const values: Record<(typeof COLUMNS)[number], string | undefined> = {
    ticket: row.ticket,
    time: formatLogTime(row.time),
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
