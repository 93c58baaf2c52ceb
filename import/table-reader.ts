import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { crOnlyArgs, refusingCrOnly } from '../runtime/log/cr-only-lines.js';
import { delimiterHint } from '../runtime/log/delimiter-hint.js';
import { joinedHeaderRow } from '../runtime/log/csv-records.js';
import { logError } from '../runtime/log/log-error.js';
import { ImportFileError } from './import-source.js';
import { MAX_VALUE_LENGTH, TableRecordSplitter } from './table-records.js';
import { Utf8Place } from './utf8-text.js';

/** One row of a warehouse table, keyed by the header's column names (lower case). */
export type TableRow = ReadonlyMap<string, string>;

/** What a table reader reports besides its rows. */
export interface TableReaderEvents {
  /** A row, with the 1-based line it starts on. */
  row(row: TableRow, line: number): void;
  /**
   * A record that is not a row of the table (bad quoting, wrong field count,
   * a value too long to read), with the 1-based line it starts on. For a value
   * too long, `partial` holds the record's other values: enough, often, to
   * say whose row it was. For a row of another number of fields than the
   * header's, `misaligned` holds its values under the columns they fall in:
   * not to be trusted (a comma too many shifts every later value), but
   * enough to recognise the row by a value another table gives; so it
   * does, for a row lost to a quote error, the values read before it (a
   * stray quote of an earlier row may have made this line look like a row's
   * start), the other columns empty.
   */
  unreadable(line: number, reason: string, partial?: TableRow, misaligned?: TableRow): void;
  /**
   * A row read, but only once mended (the header joined onto its end, SLA4057):
   * `group` says what was mended, for the summary's notes, `reason` the row's own.
   */
  warn(line: number, group: string, reason: string): void;
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

/** Which columns a table reader holds besides those it needs: all of them, or those named. */
export interface TableColumns {
  /** Columns read when the header has them; the others are read past, however long their values. */
  optional?: readonly string[];
}

/**
 * Streams a CSV table, one chunk in memory at a time, whatever the size of
 * the table. The header row names the columns; `columns` lists those the
 * importer needs, and a header without one of them makes the whole table
 * unreadable. With `read.optional`, only `columns` and those are held, and
 * the values of other columns (comment bodies, descriptions) are read past
 * whatever their length; without it, every column is held. A value held may
 * have `MAX_VALUE_LENGTH` characters: a longer one makes its row unreadable,
 * named with its column and length.
 */
export async function readTable(path: string, shown: string, columns: readonly string[], events: TableReaderEvents, read?: TableColumns): Promise<number> {
  let header: string[] | undefined;
  /** The header's first cell as written, which a row joined onto the header's repeat ends with (SLA4057). */
  let headerFirst = '';
  let headerLine = 0;
  let rows = 0;
  let problem: string | undefined;
  /** The header's indices of the columns held. */
  let held: number[] = [];
  const rowOf = (fields: readonly string[]): Map<string, string> => {
    const row = new Map<string, string>();
    for (const index of held) row.set(header![index]!, fields[index]!);
    return row;
  };
  /** A row with the header joined onto its end (SLA4057): read without it, or refused when its last value cannot be told. */
  const readJoinedHeader = (fields: readonly string[], line: number): boolean => {
    const joined = joinedHeaderRow(fields, header!, headerFirst, (index) => held.includes(index));
    if (joined === undefined) return false;
    if ('inexact' in joined) {
      events.unreadable(line, logError('SLA4058', shown, line, undefined, { headerLine, value: headerFirst.replace(/^\uFEFF/, '') }).message);
      return true;
    }
    const reason = logError('SLA4057', shown, line, undefined, { headerLine }).message;
    events.warn(line, 'rows with the header row joined onto their end (a part of the table without a final line break): read without it', reason);
    events.row(rowOf(joined.fields), line);
    return true;
  };
  const splitter = new TableRecordSplitter({
    record: (fields, line) => {
      if (problem !== undefined) return;
      if (header === undefined) {
        header = fields.map((field) => field.trim().toLowerCase());
        headerFirst = fields[0] ?? '';
        headerLine = line;
        problem = headerProblem(header, fields, columns, shown, line);
        held = heldColumns(header, columns, read);
        if (read !== undefined) {
          const isHeld = header.map((_, index) => held.includes(index));
          // Past the header's width, the fields where a repeat of the header joined onto a row puts the names of the
          // columns held (SLA4057): as few as the row's own held fields.
          const width = header.length;
          splitter.keep((index) => (index < width ? isHeld[index] === true : isHeld[index - width + 1] === true));
        }
        return;
      }
      rows++;
      if (fields.length !== header.length) {
        if (readJoinedHeader(fields, line)) return;
        events.unreadable(line, `the row has ${fields.length} fields but the header has ${header.length}`, undefined, rowOf(Array.from(header, (_, index) => fields[index] ?? '')));
        return;
      }
      if (held.length > 0 && held.every((index) => fields[index]!.trim().toLowerCase() === header![index])) {
        // The message of a log's row that does the same (SLA4049), without its code: this is a skipped record.
        events.unreadable(line, logError('SLA4049', shown, line, undefined, { headerLine }).message);
        return;
      }
      events.row(rowOf(fields), line);
    },
    problem: (bad) => {
      if (problem !== undefined) return;
      if (header === undefined) {
        problem = `${shown}:${bad.line}: the header cannot be read: ${bad.reason}`;
        return;
      }
      rows++;
      if (bad.fieldsBefore !== undefined) return events.unreadable(bad.line, bad.reason, undefined, rowOf(Array.from(header, (_, index) => bad.fieldsBefore![index] ?? '')));
      if (bad.longField === undefined || bad.fields === undefined) return events.unreadable(bad.line, bad.reason);
      const { index, length } = bad.longField;
      const partial = bad.fields.length === header.length ? rowOf(bad.fields) : undefined;
      events.unreadable(bad.line, `the value of column '${header[index] ?? index + 1}' has ${length} characters, more than the ${MAX_VALUE_LENGTH} slac reads of a value; the row is not read`, partial);
    },
  });
  // A table whose lines end in a bare CR would read as one header of every row run together: refused, as a log is
  // (SLA4051), and converted where it is, since its name names its table.
  const input = refusingCrOnly(splitter, () => {
    problem = `${shown}:1: ${logError('SLA4051', shown, 1, undefined, crOnlyArgs(shown, 'csv', true)).message}`;
  });
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const place = new Utf8Place();
  const decode = (chunk?: Buffer): string => {
    try {
      const text = chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
      if (chunk !== undefined) place.passed(chunk);
      return text;
    } catch {
      const { line, offset, byte } = place.refused(chunk);
      throw new TableReadError(`${shown}:${line}: not UTF-8 text: the byte at offset ${offset} (0x${byte}) is not part of a UTF-8 character; export the table as UTF-8`);
    }
  };
  try {
    for await (const chunk of stream) {
      input.push(decode(chunk as Buffer));
      events.progress?.(stream.bytesRead);
      if (problem !== undefined) break;
    }
    if (problem === undefined) input.push(decode());
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TableReadError(`${shown}: no such file`);
    if (code !== undefined) throw new TableReadError(`${shown}: ${(error as Error).message}`);
    throw error;
  } finally {
    stream.destroy();
  }
  if (problem === undefined) input.end();
  if (problem !== undefined) throw new TableReadError(problem);
  if (header === undefined) throw new TableReadError(`${shown}: the file is empty; a table starts with a header row`);
  return rows;
}

/** The rows of a table an import does not read, or why they could not be counted (its header cannot be read). */
export type RowCount = number | { notCounted: string };

/**
 * Counts the rows of a table an import does not read, so that the summary
 * accounts for them, without holding any value. A table whose rows cannot
 * be counted (a header that cannot be read, text that is not UTF-8) is
 * not "0 rows": why is given instead, as the place in the file
 * (`line 1: ...`) without the file's name, which the summary line has.
 */
export async function countTableRows(path: string, shown: string): Promise<RowCount> {
  try {
    return await readTable(path, shown, [], { row: () => undefined, unreadable: () => undefined, warn: () => undefined }, { optional: [] });
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    const message = error.message.startsWith(`${shown}:`) ? error.message.slice(shown.length + 1) : error.message;
    return { notCounted: message.replace(/^(\d+): /, 'line $1: ').trim() };
  }
}

/** The header's indices of the columns held: all, or those needed and those optional. */
function heldColumns(header: readonly string[], columns: readonly string[], read: TableColumns | undefined): number[] {
  const named = read === undefined ? undefined : new Set([...columns, ...(read.optional ?? [])]);
  const held: number[] = [];
  header.forEach((name, index) => {
    if (named === undefined || named.has(name)) held.push(index);
  });
  return held;
}
