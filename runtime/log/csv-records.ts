import { LineSplitter, MAX_LINE_LENGTH } from './line-splitter.js';

/** A CSV problem that makes a record unreadable. */
export interface CsvProblem {
  line: number;
  reason: string;
  /** The record's text, when it is one line (a header that cannot be read is shown a hint from it). */
  text?: string;
}

/** A record cut by a line break inside a quoted field: the fields so far and the open field's text. */
interface OpenRecord {
  fields: string[];
  value: string;
}

type ParsedRecord = string[] | { open: OpenRecord } | { problem: string };

const TOO_LONG = `is longer than ${MAX_LINE_LENGTH} characters, the most a log line or record may have`;

/**
 * Splits chunked CSV text into records (RFC 4180): fields separated by
 * commas, quoted fields may hold commas, doubled quotes and line breaks.
 * Each record is reported with the line it starts on; blank lines, and
 * lines of empty cells only (`,,,`), are skipped.
 * A record whose quoted field runs on is read on from where it stopped, never
 * from its start again, and is given up past `MAX_LINE_LENGTH` characters: one
 * stray quote near the top cannot make reading slow.
 */
export class CsvRecordSplitter {
  private readonly lines: LineSplitter;
  /** A record whose quoted field is still open, its first line and its length so far. */
  private openRecord: OpenRecord | undefined;
  private openLine = 0;
  private openLength = 0;

  constructor(
    private readonly onRecord: (fields: string[], line: number) => void,
    private readonly onProblem: (problem: CsvProblem) => void,
  ) {
    this.lines = new LineSplitter(
      (text, line) => this.acceptLine(text, line),
      (line) => this.tooLong(line),
    );
  }

  push(chunk: string): void {
    this.lines.push(chunk);
  }

  end(): void {
    this.lines.end();
    this.endRecords();
  }

  /**
   * For a caller that splits the text into lines itself (`ByteLineSplitter`):
   * `line` takes each line as `LineSplitter` hands it on, `longLine` the
   * number of one too long, and `endRecords` is called after the last.
   */
  line(text: string, line: number): void {
    this.acceptLine(text, line);
  }

  longLine(line: number): void {
    this.tooLong(line);
  }

  /** Whether a quoted field is open: the next line continues its record. */
  get inRecord(): boolean {
    return this.openRecord !== undefined;
  }

  endRecords(): void {
    if (this.openRecord !== undefined) {
      this.onProblem({ line: this.openLine, reason: 'a quoted field is not closed before the end of the file' });
      this.openRecord = undefined;
    }
  }

  private tooLong(line: number): void {
    if (this.openRecord !== undefined) this.giveUpOpenRecord();
    this.onProblem({ line, reason: `line ${line} ${TOO_LONG}` });
  }

  private giveUpOpenRecord(): void {
    this.onProblem({ line: this.openLine, reason: `the record that starts here ${TOO_LONG}; is a quoted field not closed?` });
    this.openRecord = undefined;
  }

  private acceptLine(text: string, line: number): void {
    if (this.openRecord !== undefined) {
      this.openLength += text.length + 1;
      if (this.openLength > MAX_LINE_LENGTH) return this.giveUpOpenRecord();
      const { fields, value } = this.openRecord;
      this.finishRecord(parseRecord(`\n${text}`, fields, value), this.openLine, this.openLength);
      return;
    }
    if (text.length === 0 || isEmptyRow(text)) return;
    if (text.indexOf('"') === -1) {
      this.onRecord(text.split(','), line);
      return;
    }
    this.finishRecord(parseRecord(text), line, text.length, text);
  }

  private finishRecord(parsed: ParsedRecord, line: number, length: number, text?: string): void {
    if ('open' in parsed) {
      this.openRecord = parsed.open;
      this.openLine = line;
      this.openLength = length;
      return;
    }
    this.openRecord = undefined;
    if (Array.isArray(parsed)) this.onRecord(parsed, line);
    else this.onProblem(text === undefined ? { line, reason: parsed.problem } : { line, reason: parsed.problem, text });
  }
}

/**
 * Whether a line holds only empty cells (`,,,,`: a spreadsheet's empty row
 * saved as CSV) or only blanks: a blank line, skipped as one. Most lines
 * start with a value and are told apart at their first character.
 */
function isEmptyRow(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 44 && first !== 32 && first !== 9) return false;
  return /^[ \t,]*$/.test(text);
}

/** Parses one record that contains quotes; `unterminated` when a quoted field runs on. */
export function parseQuotedRecord(text: string): string[] | 'unterminated' | { problem: string } {
  const parsed = parseRecord(text);
  return 'open' in parsed ? 'unterminated' : parsed;
}

/**
 * Parses a record's text, or the next line of a record whose quoted field
 * `open` is still open (`text` then starts inside that field).
 */
function parseRecord(text: string, fields: string[] = [], open?: string): ParsedRecord {
  let position = 0;
  let value = open;
  for (;;) {
    if (value !== undefined || text.charCodeAt(position) === 34) {
      let cursor = value === undefined ? position + 1 : position;
      value ??= '';
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) return { open: { fields, value: value + text.slice(cursor) } };
        value += text.slice(cursor, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      fields.push(value);
      value = undefined;
      if (position === text.length) return fields;
      if (text.charCodeAt(position) !== 44) {
        return { problem: `field ${fields.length} has text after its closing quote; double a quote inside a quoted field ("")` };
      }
      position++;
      continue;
    }
    const comma = text.indexOf(',', position);
    const field = comma === -1 ? text.slice(position) : text.slice(position, comma);
    if (field.indexOf('"') !== -1) {
      return { problem: `field ${fields.length + 1} has a quote but does not start with one; quote the whole field and double the quote inside ("")` };
    }
    fields.push(field);
    if (comma === -1) return fields;
    position = comma + 1;
  }
}

/**
 * Whether a row's cells are the header's names again (`headerNames`: its
 * cells trimmed and in lower case, as headers are read; trimming drops a
 * byte-order mark too), as where CSV files are joined end to end. Most
 * rows differ at the first cell.
 */
export function repeatsHeader(fields: readonly string[], headerNames: readonly string[]): boolean {
  if (fields.length === 0 || fields.length !== headerNames.length) return false;
  for (let index = 0; index < fields.length; index++) {
    if (fields[index]!.trim().toLowerCase() !== headerNames[index]) return false;
  }
  return true;
}

/** A row with the header row joined onto its end (`joinedHeaderRow`): the row's own fields, or why they cannot be told. */
export type JoinedHeaderRow = { fields: string[] } | { inexact: true };

/**
 * Whether a row has a repeat of the header joined onto its end, as where a
 * CSV file without a final line break is joined to another (`cat a.csv
 * b.csv`): the row's last field and the header's first name fuse into one
 * field, so the row has twice the header's fields less one, and its last
 * fields are the header's other names. `headerNames` are the header's cells
 * as headers are read (trimmed, lower case), `headerFirst` its first cell
 * as written; `compared(index)` says whether the header's column `index`
 * was held (a reader that reads past columns compares only those it holds).
 * The row's own last field is the fused field less the header's first name
 * when that ends it exactly as the header wrote it (the parts of one export
 * have one header); otherwise the row cannot be told from the header's
 * name. Undefined when the row is not such a row.
 */
export function joinedHeaderRow(fields: readonly string[], headerNames: readonly string[], headerFirst: string, compared: (index: number) => boolean = () => true): JoinedHeaderRow | undefined {
  const width = headerNames.length;
  if (width < 2 || fields.length !== 2 * width - 1) return undefined;
  let comparisons = 0;
  for (let index = 1; index < width; index++) {
    if (!compared(index)) continue;
    if (fields[width - 1 + index]!.trim().toLowerCase() !== headerNames[index]) return undefined;
    comparisons++;
  }
  const own = fields.slice(0, width);
  // The fused field is held only when the last column is: otherwise its value is read past, in this row as in every other.
  if (!compared(width - 1)) return comparisons === 0 ? undefined : { fields: own };
  const fused = fields[width - 1]!;
  if (!fused.trimEnd().toLowerCase().endsWith(headerNames[0]!)) return undefined;
  const name = headerFirst.replace(/^\uFEFF/, '');
  if (!fused.endsWith(name)) return { inexact: true };
  // The second file's byte-order mark, and the CR of a CRLF line whose LF is missing, are line and file marks, not text.
  own[width - 1] = fused.slice(0, fused.length - name.length).replace(/\uFEFF$/, '').replace(/\r$/, '');
  return { fields: own };
}
