import type { ReplyAuthor, TicketEventKind } from '../runtime/log/events.js';
import type { ImportSummary } from './import-summary.js';
import type { ImportedRow } from './ticket-log-writer.js';

/** An input file, as a path and as the user typed it (for messages). */
export interface InputFile {
  path: string;
  shown: string;
  /** The other names the user gave this same file by (its folder and the file, a link to it): it is read once. */
  alsoGivenAs?: string[];
}

/**
 * An entry of a folder given as input that is not a regular file (a
 * subfolder, a FIFO, a symbolic link to nothing), with what it is: named in
 * the summary, never opened.
 */
export interface PassedOverEntry {
  shown: string;
  what: string;
}

/** The files an import reads, and the entries of its folders it passed over. */
export interface ImportInputs {
  files: InputFile[];
  passedOver: PassedOverEntry[];
  /** The shown names of both, in the order given (a folder's entries in name order), for the summary to list them so. */
  order: string[];
}

/** Where an adapter puts the rows it maps: a log file (`slac import`) or a check session (`slac check --log-format`). */
export interface ImportedRowSink {
  write(row: ImportedRow): void;
  /**
   * The row `write` takes, as its fields (no `source`): for a sink that
   * keeps no row, such as the log writer, which spares an object per row
   * (an import writes millions). Optional: an importer that uses it calls
   * `write` on sinks without it, and both must store the same row.
   */
  writeFields?(ticket: string, time: number, event: TicketEventKind, severity: string | undefined, channel: string | undefined, status: string | undefined, author: ReplyAuthor | undefined, client: string | undefined): void;
}

/** One run of an adapter over a helpdesk's exported files. */
export interface ImportJob {
  files: readonly InputFile[];
  /** A field of the ticket that names the client, instead of the organisation's name (`--client-field`). */
  clientField?: string;
  /** The IANA zone of times the export writes without an offset (`--assume-timezone`); without it they are read as UTC. */
  assumeTimezone?: string;
  sink: ImportedRowSink;
  /** Every record of every file lands in it: mapped as something, or skipped with file, line (or JSON path) and reason. */
  summary: ImportSummary;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * A helpdesk export slac can read. Adapters stream: memory grows with the
 * number of open tickets, not with the size of the export. Problems with
 * whole files (unreadable, wrong shape) are thrown as `ImportFileError`;
 * problems with single records are skipped into the summary.
 */
export interface ImportSource {
  /** The name users type: `slac import NAME`, `slac check --log-format NAME`. */
  readonly name: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Extensions (lower case, with the dot) of the files taken from a folder argument, e.g. ['.json']. */
  readonly extensions: readonly string[];
  /**
   * Set when the source's times are always UTC, so `--assume-timezone` has
   * nothing to read: why, for the one line that refuses the option (taking
   * it and ignoring it would let the user believe their times were moved).
   */
  readonly timesInUtc?: string;
  /** Maps the files into `job.sink`; returns the number of tickets written. */
  run(job: ImportJob): Promise<number>;
}

/** Why `source` refuses `--assume-timezone`, or undefined when it reads the option. */
export function assumeTimezoneRefusal(source: ImportSource): string | undefined {
  if (source.timesInUtc === undefined) return undefined;
  return `--assume-timezone does not apply to ${source.name}: ${source.timesInUtc}; leave the option out.`;
}

/** A whole file that cannot be imported; the message names the file (and line or JSON path) and what is wrong. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
