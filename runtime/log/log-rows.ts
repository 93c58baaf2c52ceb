import { suggestName } from '../../language/binder/suggest.js';
import { ByteLineSplitter, type ByteLineHandler } from './byte-line-splitter.js';
import { crJoinedLineHint, crOnlyArgs, CrOnlyLineScan, refusingCrOnly, type CrOnlySyntax } from './cr-only-lines.js';
import { CsvRecordSplitter, joinedHeaderRow, repeatsHeader, type CsvProblem } from './csv-records.js';
import { delimiterHint } from './delimiter-hint.js';
import { LineSplitter, MAX_LINE_LENGTH } from './line-splitter.js';
import { loneSurrogateValue } from './lone-surrogates.js';
import { logError, quotedText, type LogError } from './log-error.js';
import { listOf } from './log-vocabulary.js';
import { duplicateKey, numberTextOf } from './ndjson-keys.js';
import { spellingOf } from './number-spelling.js';
import { FlatRowReader } from './ndjson-flat-row.js';

export { formatFromExtension, type LogFormat } from './log-format.js';

/** Receives each row of a log as an object keyed by the log's keys. */
export interface LogRowHandler {
  /** `values` may be reused for the next row (CSV and NDJSON readers do): copy what must be kept. */
  row(values: Record<string, unknown>, line: number): void;
  /**
   * A row that cannot be read, or a warning; `fatal` when the whole log
   * cannot be read (a missing file, a header without a required column).
   */
  problem(error: LogError, fatal?: boolean): void;
  /**
   * Optional fast path for NDJSON read from a file: takes the line
   * `bytes[start, end)` (valid UTF-8) straight from the file's bytes and
   * returns true, or returns false and the line is decoded and goes to
   * `row` as usual. A handler that takes a line must keep exactly what `row`
   * would keep of it.
   */
  rowBytes?(bytes: Buffer, start: number, end: number, line: number): boolean;
  /**
   * The same for a CSV line (valid UTF-8) that is a whole record: `columns`
   * says where the shape's keys are. False: the line is read as text.
   */
  rowFieldBytes?(bytes: Buffer, start: number, end: number, columns: CsvColumns, line: number): boolean;
}

/** What a reader needs to know about the kind of log it reads. */
export interface LogShape {
  keys: readonly string[];
  required: readonly string[];
  /**
   * The other kind of log, which a user may give in this one's place (the
   * outage log as the ticket log, or the other way round): its required
   * keys, what it is, and where it goes instead.
   */
  mistakenFor?: MistakenLog;
  /**
   * Builds a CSV row's object from its fields, given each key's column (-1:
   * no such column). Written out per shape so that every row object has the
   * same hidden class, which keeps reading a large CSV fast.
   */
  fromFields?: (fields: readonly string[], columns: readonly number[]) => Record<string, unknown>;
  /**
   * Keys whose JSON number must be written as its value's own text (a
   * ticket id): the general NDJSON path hands on any other spelling as a
   * `NumberSpelling`, for the row's check to refuse.
   */
  spelledNumberKeys?: readonly string[];
  /**
   * Keys of free text (an outage's description), not checked for half a
   * character (SLA4052): a report writes one as U+FFFD, as it would any
   * text it cannot show, and the row, an outage, is still read.
   */
  proseKeys?: readonly string[];
}

/** The other kind of log a log of one shape may be mistaken for. */
export interface MistakenLog {
  required: readonly string[];
  /** What a file with those keys is, for messages: "an outage log". */
  name: string;
  /** Where to give it instead: "give it with --outages FILE, not as the ticket log". */
  advice: string;
}

/** Warns once per unknown key and file: never silently ignored, never a flood. */
class UnknownKeys {
  /** Known keys, and unknown ones already warned about. */
  private readonly seen: Set<string>;
  constructor(
    private readonly shape: LogShape,
    private readonly file: string,
    private readonly handler: LogRowHandler,
  ) {
    this.seen = new Set(shape.keys);
  }

  check(key: string, line: number): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const hint = mistakenKeyHint(key, this.shape) || misspeltKeyHint(key, this.shape);
    this.handler.problem(logError('SLA4011', this.file, line, key, { expected: listOf(this.shape.keys), hint }));
  }
}

/**
 * A hint on the first required key of the other kind of log: an NDJSON
 * outage log given as the ticket log says so at its first row. Said of one
 * key, not of each, and decided by the key alone, so that every reader
 * (`--jobs N` merges these warnings by key) gives it alike.
 */
function mistakenKeyHint(key: string, shape: LogShape): string {
  const other = shape.mistakenFor;
  if (other === undefined || key !== other.required[0]) return '';
  return `; '${key}' is a key of ${other.name}: if this file is one, ${other.advice}`;
}

/** `; did you mean 'ticket'?` for a key one slip away from a log key (`tickt`, `Ticket` in NDJSON, `serverity`). */
function misspeltKeyHint(key: string, shape: LogShape): string {
  const meant = suggestName(key, shape.keys);
  return meant === undefined ? '' : `; did you mean '${meant}'?`;
}

const BYTE_ORDER_MARK = '\uFEFF';
/**
 * Why a line that starts with a byte-order mark is no JSON object. The mark
 * is invisible in most editors, and JSON.parse names it as an unexpected
 * token that looks like nothing; a file has it only at its very start (where
 * it is dropped), so one inside a log is where another file was joined on.
 */
const MARK_INSIDE_REASON =
  'the line starts with a byte-order mark (U+FEFF, invisible in most editors), which belongs only at the start of a file, as where two files are joined into one: delete the mark';

/**
 * Feeds rows that are already objects (NDJSON parsed by the caller, or the
 * rows given to `checkEvents`) through the same checks as a file's rows.
 */
export function objectRowFeeder(file: string, shape: LogShape, handler: LogRowHandler): (value: unknown, line: number) => void {
  const unknown = new UnknownKeys(shape, file, handler);
  return (value, line) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      handler.problem(logError('SLA4012', file, line, undefined, { reason: `the row is ${Array.isArray(value) ? 'a list' : quotedText(JSON.stringify(value))}` }));
      return;
    }
    const row = value as Record<string, unknown>;
    for (const key in row) unknown.check(key, line);
    handler.row(row, line);
  };
}

/**
 * Parses chunks of an NDJSON log: one JSON object per non-blank line. A
 * file whose lines end in a bare CR is refused (SLA4051).
 */
export function ndjsonRowParser(file: string, shape: LogShape, handler: LogRowHandler): { push(chunk: string): void; end(): void } {
  const scan = new CrOnlyLineScan('ndjson');
  const reader = ndjsonLineReader(file, shape, handler, () => scan.joinsRows);
  return refusingCrOnly(new LineSplitter(reader.line, reader.longLine), () => refuseCrOnly(file, handler, 'ndjson'), 'ndjson', scan);
}

/**
 * `ndjsonRowParser` on the file's bytes (valid UTF-8): a line goes to the
 * handler's `rowBytes` first, and is decoded for the general path only if
 * that declines it. Rows, errors and line numbers are the same, a CR-only
 * file refused alike.
 */
export function ndjsonByteRowParser(file: string, shape: LogShape, handler: LogRowHandler): { push(chunk: Buffer): void; end(): void } {
  const scan = new CrOnlyLineScan('ndjson');
  const lines = ndjsonNumberedLines(file, shape, handler, () => scan.joinsRows);
  return refusingCrOnly(new ByteLineSplitter(lines.line, lines.longLine), () => refuseCrOnly(file, handler, 'ndjson'), 'ndjson', scan);
}

/**
 * Reads NDJSON lines, already split, into the handler: `line` for a line's
 * text (the general path, with the flat-row shortcut), `longLine` for a line
 * too long to read. The line splitters and the `--jobs` workers share it.
 * `firstLineJoinsRows`: whether line 1 holds rows joined by bare CRs (the
 * CR scan's `joinsRows`), which its error then says.
 */
export function ndjsonLineReader(
  file: string,
  shape: LogShape,
  handler: LogRowHandler,
  firstLineJoinsRows: () => boolean = () => false,
): { line(text: string, line: number): void; longLine(line: number): void } {
  const feed = objectRowFeeder(file, shape, handler);
  const flat = new FlatRowReader(shape.keys);
  const checkedKeys = shape.keys.filter((key) => !shape.proseKeys?.includes(key));
  const longLine = (line: number): void =>
    handler.problem(logError('SLA4012', file, line, undefined, { reason: `line ${line} is longer than ${MAX_LINE_LENGTH} characters, the most a log line may have` }));
  const readLine = (text: string, line: number): void => {
    // The common flat row needs neither JSON.parse nor the key checks (see FlatRowReader).
    if (flat.read(text)) {
      handler.row(flat.values, line);
      return;
    }
    if (text.length === 0 || text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = text.startsWith(BYTE_ORDER_MARK) ? MARK_INSIDE_REASON : (error as Error).message;
      handler.problem(logError('SLA4012', file, line, undefined, { reason: line === 1 && firstLineJoinsRows() ? reason + crJoinedLineHint(file) : reason }));
      return;
    }
    const row = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const repeated = row === undefined ? undefined : duplicateKey(text, row);
    if (repeated !== undefined) {
      handler.problem(logError('SLA4042', file, line, repeated));
      return;
    }
    // Only a \u escape makes half a character: lines without one are not scanned again.
    const lone = row !== undefined && text.includes('\\u') ? loneSurrogateValue(row, checkedKeys) : undefined;
    if (lone !== undefined) {
      handler.problem(logError('SLA4052', file, line, lone.key, { value: lone.value }));
      return;
    }
    if (shape.spelledNumberKeys !== undefined) keepSpellings(text, value, shape.spelledNumberKeys);
    feed(value, line);
  };
  return { line: readLine, longLine };
}

/**
 * Replaces each of `keys` whose number in the parsed row `value` is not
 * written as its value's own text on the line `text` by its spelling. Only
 * rows with such a number are scanned again (the flat reader already took
 * the plain ones).
 */
function keepSpellings(text: string, value: unknown, keys: readonly string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const row = value as Record<string, unknown>;
  for (const key of keys) {
    const number = row[key];
    if (typeof number !== 'number') continue;
    const written = numberTextOf(text, key);
    const spelling = written === undefined ? undefined : spellingOf(number, written);
    if (spelling !== undefined) row[key] = spelling;
  }
}

/**
 * Whether a CSV header names every required column of the other kind of
 * log and lacks one of this one's: then it is that log, given in the wrong
 * place, and one error says so instead of a warning per column and an
 * error per missing one.
 */
function isMistakenHeader(columns: readonly (string | undefined)[], shape: LogShape): boolean {
  const other = shape.mistakenFor;
  if (other === undefined) return false;
  return other.required.every((key) => columns.includes(key)) && shape.required.some((key) => !columns.includes(key));
}

/**
 * Parses chunks of a CSV log: a header row naming the keys, then one row per
 * record. A file whose lines end in a bare CR is refused (SLA4051).
 */
export function csvRowParser(file: string, shape: LogShape, handler: LogRowHandler): { push(chunk: string): void; end(): void } {
  return refusingCrOnly(csvRecordReader(file, shape, handler).records, () => refuseCrOnly(file, handler, 'csv'));
}

/**
 * A log whose lines end in a bare CR (cr-only-lines.ts) is refused as a
 * whole, at its first line: read, it would be one row of every row (a CSV
 * header, or an NDJSON line that is no JSON).
 */
function refuseCrOnly(file: string, handler: LogRowHandler, syntax: CrOnlySyntax): void {
  handler.problem(logError('SLA4051', file, 1, undefined, crOnlyArgs(file, syntax)), true);
}

/**
 * `csvRowParser` on the file's bytes (valid UTF-8): a line that holds a
 * whole record without quotes goes to the handler's `rowFieldBytes` first;
 * every other line, and every line that declines, is decoded and read as
 * text, quoted fields and their line breaks included. Rows, errors and
 * line numbers are the same, a CR-only file refused alike.
 */
export function csvByteRowParser(file: string, shape: LogShape, handler: LogRowHandler): { push(chunk: Buffer): void; end(): void } {
  const reader = csvRecordReader(file, shape, handler);
  const lines = new ByteLineSplitter(csvByteLineReader(reader, handler), (line) => reader.records.longLine(line));
  const parser = {
    push: (chunk: Buffer) => lines.push(chunk),
    end: () => {
      lines.end();
      reader.records.endRecords();
    },
  };
  return refusingCrOnly(parser, () => refuseCrOnly(file, handler, 'csv'));
}

/**
 * Reads CSV lines, already split, into the handler, for a caller that knows
 * each line's number and that every line holds whole records (no quoted
 * field runs on to the next line): the `--jobs` workers, each of which
 * reads only some of the log's lines, after its header row (`header`, the
 * log's first line that is not empty, and its number). Rows, errors and
 * line numbers are those of `csvByteRowParser`.
 */
export function csvNumberedLines(file: string, shape: LogShape, handler: LogRowHandler, header: { text: string; line: number }): { line: ByteLineHandler; longLine: (line: number) => void } {
  const reader = csvRecordReader(file, shape, handler);
  reader.records.line(header.text, header.line);
  return { line: csvByteLineReader(reader, handler), longLine: (line) => reader.records.longLine(line) };
}

/**
 * Where a CSV log's keys are, read from its header row's fields (see
 * `csvNumberedLines`), or undefined when the header cannot be used (a
 * required column missing, one named twice, the other kind of log): a
 * reader of it would stop at the header.
 */
export function csvHeaderColumns(file: string, shape: LogShape, header: { text: string; line: number }): CsvColumns | undefined {
  const reader = csvRecordReader(file, shape, { row: () => undefined, problem: () => undefined });
  reader.records.line(header.text, header.line);
  return reader.usableColumns();
}

/** A CSV line goes to the handler's `rowFieldBytes` when it holds a whole record, else is decoded and read as text. */
function csvByteLineReader({ records, usableColumns }: CsvRecordReader, handler: LogRowHandler): ByteLineHandler {
  return (bytes, start, end, line) => {
    const columns = handler.rowFieldBytes && !records.inRecord ? usableColumns() : undefined;
    if (columns !== undefined && handler.rowFieldBytes!(bytes, start, end, columns, line)) return;
    records.line(bytes.toString('utf8', start, end), line);
  };
}

/** Where a CSV log's keys are, once its header is read and usable. */
export interface CsvColumns {
  /** For each key of the shape, its column, or -1. */
  columnOfKey: readonly number[];
  /** How many fields the header has, and so every row. */
  count: number;
}

/** The CSV record splitter of a log, with its header's columns once they are read and usable. */
interface CsvRecordReader {
  records: CsvRecordSplitter;
  usableColumns: () => CsvColumns | undefined;
}

/** The CSV record splitter of a log, the header's reading and the rows' checks behind it. */
function csvRecordReader(file: string, shape: LogShape, handler: LogRowHandler): CsvRecordReader {
  const unknown = new UnknownKeys(shape, file, handler);
  let columns: (string | undefined)[] | undefined;
  let unusable = false;
  // One object reused for every row, with every key from the start, so its shape never changes.
  const values: Record<string, unknown> = Object.fromEntries(shape.keys.map((key) => [key, undefined]));
  /** For each key of the shape, its column, or -1. */
  let columnOfKey: number[] = [];
  /** The header's cells as names (trimmed, in lower case), and its line: a row that repeats them is SLA4049. */
  let headerNames: string[] = [];
  /** The header's first cell as written, which a row joined onto the header's repeat ends with (SLA4057). */
  let headerFirst = '';
  let headerLine = 0;
  const readHeader = (fields: string[], line: number): void => {
    headerNames = fields.map((field) => field.trim().toLowerCase());
    headerFirst = fields[0] ?? '';
    headerLine = line;
    columns = [...headerNames];
    if (isMistakenHeader(columns, shape)) {
      const other = shape.mistakenFor!;
      handler.problem(logError('SLA4048', file, line, undefined, { keys: listOf(other.required, 'and'), name: other.name, advice: other.advice }), true);
      unusable = true;
      return;
    }
    const seen = new Set<string>();
    columns.forEach((name, index) => {
      if (name === undefined || name === '') {
        columns![index] = undefined;
        return;
      }
      if (seen.has(name)) {
        handler.problem(logError('SLA4023', file, line, name, { key: name }), true);
        unusable = true;
      }
      seen.add(name);
      if (shape.keys.includes(name)) return;
      unknown.check(name, line);
      columns![index] = undefined;
    });
    columnOfKey = shape.keys.map((key) => columns!.indexOf(key));
    for (const key of shape.required) {
      if (!seen.has(key)) {
        const named = listOf(fields.map((field) => field.trim().toLowerCase()).filter((name) => name !== ''));
        handler.problem(logError('SLA4013', file, line, key, { reason: `the header row has no '${key}' column; it names ${quotedText(named)}${delimiterHint(fields, shape.required, 'a CSV log')}` }), true);
        unusable = true;
      }
    }
  };
  /**
   * A header that cannot be read (text after a closing quote, a quote never
   * closed) names no column, so no row can be read either: one error at the
   * header's line, and the rows after it are not taken for a header.
   */
  const refuseHeader = (problem: CsvProblem): void => {
    const hint = problem.text === undefined ? '' : delimiterHint([problem.text.replaceAll('"', '')], shape.required, 'a CSV log');
    handler.problem(logError('SLA4013', file, problem.line, undefined, { reason: `the header row cannot be read, so no row can be: ${problem.reason}${hint}` }), true);
    columns = [];
    unusable = true;
  };
  let usable: CsvColumns | undefined;
  const usableColumns = (): CsvColumns | undefined => {
    if (usable === undefined && columns !== undefined && !unusable) usable = { columnOfKey, count: columns.length };
    return usable;
  };
  /**
   * The row's own fields when the header's repeat is joined onto its end
   * (SLA4057, a warning), else undefined once the row is refused: when its
   * last value cannot be told from the header's first name (SLA4058), or
   * when it is no such row and simply has another number of fields.
   */
  const ownFieldsOfJoinedRow = (fields: string[], line: number): string[] | undefined => {
    const joined = joinedHeaderRow(fields, headerNames, headerFirst);
    if (joined === undefined) {
      handler.problem(logError('SLA4013', file, line, undefined, { reason: `the row has ${fields.length} fields but the header has ${columns!.length}` }));
      return undefined;
    }
    if ('inexact' in joined) {
      handler.problem(logError('SLA4058', file, line, undefined, { headerLine, value: headerFirst.replace(/^\uFEFF/, '') }));
      return undefined;
    }
    handler.problem(logError('SLA4057', file, line, undefined, { headerLine }));
    return joined.fields;
  };
  const records = new CsvRecordSplitter(
    (fields, line) => {
      if (columns === undefined) return readHeader(fields, line);
      if (unusable) return;
      if (fields.length !== columns.length) {
        const own = ownFieldsOfJoinedRow(fields, line);
        if (own === undefined) return;
        fields = own;
      }
      if (repeatsHeader(fields, headerNames)) {
        handler.problem(logError('SLA4049', file, line, undefined, { headerLine }));
        return;
      }
      if (shape.fromFields) {
        handler.row(shape.fromFields(fields, columnOfKey), line);
        return;
      }
      const keys = shape.keys;
      for (let index = 0; index < keys.length; index++) {
        const column = columnOfKey[index]!;
        values[keys[index]!] = column < 0 ? undefined : fields[column];
      }
      handler.row(values, line);
    },
    (problem) => {
      if (columns === undefined) return refuseHeader(problem);
      handler.problem(logError('SLA4013', file, problem.line, undefined, { reason: problem.reason }));
    },
  );
  return { records, usableColumns };
}

/**
 * The lines of `ndjsonByteRowParser` one at a time, for a caller that splits
 * the log into lines itself and knows their numbers (the worker threads of
 * `slac check --jobs N`, runtime/check/parallel/line-blocks.ts): `line` takes
 * one line as `ByteLineSplitter` hands it on (valid UTF-8, without its
 * ending, not too long), `longLine` the number of a line that is too long.
 */
export function ndjsonNumberedLines(
  file: string,
  shape: LogShape,
  handler: LogRowHandler,
  firstLineJoinsRows?: () => boolean,
): { line: ByteLineHandler; longLine: (line: number) => void } {
  const reader = ndjsonLineReader(file, shape, handler, firstLineJoinsRows);
  const readLine = reader.line;
  const line: ByteLineHandler = handler.rowBytes
    ? (bytes, start, end, number) => {
        if (!handler.rowBytes!(bytes, start, end, number)) readLine(bytes.toString('utf8', start, end), number);
      }
    : (bytes, start, end, number) => readLine(bytes.toString('utf8', start, end), number);
  return { line, longLine: reader.longLine };
}
