import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvRecordSplitter, repeatsHeader } from '../runtime/log/csv-records.js';
import { delimiterHint } from '../runtime/log/delimiter-hint.js';
import { logError } from '../runtime/log/log-error.js';
import { ImportFileError } from './import-source.js';

/** One row of a warehouse table, keyed by the header's column names (lower case). */
export type TableRow = ReadonlyMap<string, string>;

/** What a table reader reports besides its rows. */
export interface TableReaderEvents {
  /** A row, with the 1-based line it starts on. */
  row(row: TableRow, line: number): void;
  /** A line that is not a row of the table (bad quoting, wrong field count). */
  unreadable(line: number, reason: string): void;
  /** Bytes read so far, after each chunk. */
  progress?(bytesRead: number): void;
}

/** Thrown when a table cannot be read at all (missing file, not UTF-8, no header). */
export class TableReadError extends ImportFileError {}

/**
 * What makes a header unusable: a column named twice (the last would win
 * unseen, as SLA4023 says of a CSV log), or a needed column missing, with
 * the hint a log gets when the header was separated by semicolons or tabs.
 */
function headerProblem(header: readonly string[], fields: readonly string[], columns: readonly string[], shown: string, line: number): string | undefined {
  const twice = header.find((name, index) => name !== '' && header.indexOf(name) !== index);
  if (twice !== undefined) return `${shown}:${line}: ${logError('SLA4023', shown, line, undefined, { key: twice }).message}; name each column once`;
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length === 0) return undefined;
  const named = missing.map((m) => `'${m}'`).join(', ');
  return `${shown}:${line}: the header has no ${named} column${missing.length === 1 ? '' : 's'}${delimiterHint(fields, columns, 'an exported table')}`;
}

/**
 * Streams a CSV table through runtime/log's record splitter: one chunk in
 * memory at a time, whatever the size of the table. The header row names
 * the columns; `columns` lists those the importer needs, and a header
 * without one of them makes the whole table unreadable.
 */
export async function readTable(path: string, shown: string, columns: readonly string[], events: TableReaderEvents): Promise<number> {
  let header: string[] | undefined;
  let headerLine = 0;
  let rows = 0;
  let problem: string | undefined;
  const splitter = new CsvRecordSplitter(
    (fields, line) => {
      if (problem !== undefined) return;
      if (header === undefined) {
        header = fields.map((field) => field.trim().toLowerCase());
        headerLine = line;
        problem = headerProblem(header, fields, columns, shown, line);
        return;
      }
      rows++;
      if (fields.length !== header.length) {
        events.unreadable(line, `the row has ${fields.length} fields but the header has ${header.length}`);
        return;
      }
      if (repeatsHeader(fields, header)) {
        // The message of a log's row that does the same (SLA4049), without its code: this is a skipped record.
        events.unreadable(line, logError('SLA4049', shown, line, undefined, { headerLine }).message);
        return;
      }
      const row = new Map<string, string>();
      for (let index = 0; index < header.length; index++) row.set(header[index]!, fields[index]!);
      events.row(row, line);
    },
    (bad) => {
      rows++;
      events.unreadable(bad.line, bad.reason);
    },
  );
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new TableReadError(`${shown}: not UTF-8 text; export the table as UTF-8`);
    }
  };
  try {
    for await (const chunk of stream) {
      splitter.push(decode(chunk as Buffer));
      events.progress?.(stream.bytesRead);
      if (problem !== undefined) break;
    }
    if (problem === undefined) splitter.push(decode());
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TableReadError(`${shown}: no such file`);
    if (code !== undefined) throw new TableReadError(`${shown}: ${(error as Error).message}`);
    throw error;
  } finally {
    stream.destroy();
  }
  if (problem === undefined) splitter.end();
  if (problem !== undefined) throw new TableReadError(problem);
  if (header === undefined) throw new TableReadError(`${shown}: the file is empty; a table starts with a header row`);
  return rows;
}
