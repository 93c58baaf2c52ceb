import { MAX_LINE_LENGTH } from '../runtime/log/line-splitter.js';

/**
 * The longest value of a column an import reads: 1 MiB of characters, as a
 * log line may have. A longer value is reported, not held, so that a stray
 * quote cannot make the import hold the rest of the file.
 */
export const MAX_VALUE_LENGTH = MAX_LINE_LENGTH;

/** A record that cannot be read: the line it starts on and why. */
export interface TableRecordProblem {
  line: number;
  reason: string;
  /** A value too long to read: its field (0-based) and length; the record's other fields are in `fields`. */
  longField?: { index: number; length: number };
  fields?: string[];
  /**
   * For a quote error, the fields read whole before it: the record's start,
   * enough, often, to say whose row it was (an id column comes first).
   */
  fieldsBefore?: string[];
}

/** What a `TableRecordSplitter` hands on. */
export interface TableRecordEvents {
  /** A record: its fields (those of columns not kept are empty), with the 1-based line it starts on. */
  record(fields: string[], line: number): void;
  problem(problem: TableRecordProblem): void;
}

const enum State {
  /** At the start of a field (of a record when `fields` is empty and `started` false). */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: its end, or the first of a doubled quote. */
  QuoteInQuoted,
  /** A carriage return after a closing quote: a line ending if a line feed follows. */
  ReturnAfterQuote,
  /** After a problem: the rest of the line is not read. */
  SkipLine,
}

/**
 * Whether a line holds only empty cells (`,,,,`: a spreadsheet's empty row
 * saved as CSV) or only blanks. Most lines are told apart at their first character.
 */
function isBlankLine(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first !== 44 && first !== 32 && first !== 9 && first !== 13) return false;
  return /^[ \t,\r]*$/.test(text);
}

/** The next comma, line feed or quote of an unquoted field. */
const UNQUOTED_END = /[,\n"]/g;
const NOT_BLANK = /[^ \t\r]/;

/**
 * Splits chunked CSV text (RFC 4180, as runtime/log's `CsvRecordSplitter`
 * reads it) into records without holding a whole record: the fields of
 * columns not kept are read past, however long, and only the kept ones are
 * held, each up to `MAX_VALUE_LENGTH`. A warehouse's comment bodies and
 * descriptions (HTML with inline images runs to megabytes) thus never stop
 * the columns an import reads from being read. A longer kept value makes
 * its record a problem naming the field and its length, reported once the
 * record ends (never held: memory stays bounded). All fields are kept until
 * `keep` says otherwise, so the header is read whole.
 *
 * Blank lines and lines of empty cells only (`,,,`) are skipped; a line
 * ending in CRLF reads as one in LF; a byte-order mark at the start is dropped.
 */
export class TableRecordSplitter {
  private kept: ((index: number) => boolean) | undefined;
  private state = State.FieldStart;
  private fields: string[] = [];
  /** The held text of the current field (empty for a field not kept), and its whole length. */
  private value = '';
  private valueLength = 0;
  private keepValue = true;
  private started = false;
  private blank = true;
  private line = 1;
  private recordLine = 1;
  private longField: { index: number; length: number } | undefined;
  private firstChunk = true;
  /** The text so far ends with a line feed: the line counted after it has no text. */
  private endsInNewline = false;

  constructor(private readonly events: TableRecordEvents) {}

  /** From the next record on, holds only the fields whose index `kept` accepts. */
  keep(kept: (index: number) => boolean): void {
    this.kept = kept;
  }

  push(chunk: string): void {
    if (this.firstChunk && chunk.length > 0) {
      this.firstChunk = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (chunk.length > 0) this.endsInNewline = chunk.charCodeAt(chunk.length - 1) === 10;
    let at = 0;
    while (at < chunk.length) at = this.step(chunk, at);
  }

  end(): void {
    switch (this.state) {
      case State.Quoted: {
        const last = this.endsInNewline ? this.line - 1 : this.line;
        this.events.problem({ line: this.recordLine, reason: `a quoted field is not closed before the end of the file (line ${last}): lines ${this.recordLine}-${last} are not read`, fieldsBefore: this.fields });
        break;
      }
      case State.SkipLine:
        break;
      case State.FieldStart:
        // After a comma at the very end: the record's last field is empty.
        if (this.started) {
          this.fields.push('');
          this.endRecord();
        }
        break;
      case State.ReturnAfterQuote:
        this.endRecord();
        break;
      default:
        // The last line has no line ending: its last field is still open.
        if (this.state === State.Unquoted && this.value.endsWith('\r')) this.value = this.value.slice(0, -1);
        this.endField();
        this.endRecord();
    }
    this.reset();
  }

  /** Reads from `at` of `chunk` as the state says; returns where it stopped. */
  private step(chunk: string, at: number): number {
    switch (this.state) {
      case State.FieldStart:
        return this.fieldStart(chunk, at);
      case State.Unquoted:
        return this.unquoted(chunk, at);
      case State.Quoted:
        return this.quoted(chunk, at);
      case State.QuoteInQuoted:
        return this.quoteInQuoted(chunk, at);
      case State.ReturnAfterQuote:
        if (chunk.charCodeAt(at) === 10) return this.endLine(at);
        return this.fail(at, `field ${this.fields.length} has text after its closing quote; double a quote inside a quoted field ("")`);
      case State.SkipLine: {
        const newline = chunk.indexOf('\n', at);
        if (newline === -1) return chunk.length;
        this.line++;
        this.reset();
        return newline + 1;
      }
    }
  }

  private fieldStart(chunk: string, at: number): number {
    if (!this.started) {
      this.started = true;
      this.recordLine = this.line;
      // Most records sit whole in the chunk without a quote: split them at once.
      const newline = chunk.indexOf('\n', at);
      if (newline !== -1) {
        const text = chunk.slice(at, newline);
        if (text.indexOf('"') === -1) {
          this.fields = text.split(',');
          const last = this.fields.length - 1;
          if (text.charCodeAt(text.length - 1) === 13) this.fields[last] = this.fields[last]!.slice(0, -1);
          const kept = this.kept;
          if (kept !== undefined) for (let index = 0; index <= last; index++) if (!kept(index)) this.fields[index] = '';
          this.blank = isBlankLine(text);
          return this.endLine(newline);
        }
      }
    }
    this.keepValue = this.kept === undefined || this.kept(this.fields.length);
    this.value = '';
    this.valueLength = 0;
    if (chunk.charCodeAt(at) === 34) {
      this.blank = false;
      this.state = State.Quoted;
      return at + 1;
    }
    this.state = State.Unquoted;
    return at;
  }

  private unquoted(chunk: string, at: number): number {
    UNQUOTED_END.lastIndex = at;
    const found = UNQUOTED_END.exec(chunk);
    const end = found === null ? chunk.length : found.index;
    this.take(chunk, at, end);
    if (this.blank && NOT_BLANK.test(chunk.slice(at, end))) this.blank = false;
    if (found === null) return end;
    const char = chunk.charCodeAt(end);
    if (char === 34) return this.fail(end, `field ${this.fields.length + 1} has a quote but does not start with one; quote the whole field and double the quote inside ("")`);
    if (char === 10 && this.value.endsWith('\r')) this.value = this.value.slice(0, -1);
    this.endField();
    if (char === 44) {
      this.state = State.FieldStart;
      return end + 1;
    }
    return this.endLine(end);
  }

  private quoted(chunk: string, at: number): number {
    const quote = chunk.indexOf('"', at);
    const end = quote === -1 ? chunk.length : quote;
    this.take(chunk, at, end);
    for (let newline = chunk.indexOf('\n', at); newline !== -1 && newline < end; newline = chunk.indexOf('\n', newline + 1)) this.line++;
    if (quote === -1) return end;
    this.state = State.QuoteInQuoted;
    return quote + 1;
  }

  private quoteInQuoted(chunk: string, at: number): number {
    const char = chunk.charCodeAt(at);
    if (char === 34) {
      this.take('"', 0, 1);
      this.state = State.Quoted;
      return at + 1;
    }
    if (char === 44) {
      this.endField();
      this.state = State.FieldStart;
      return at + 1;
    }
    if (char === 10) {
      this.endField();
      return this.endLine(at);
    }
    if (char === 13) {
      this.endField();
      this.state = State.ReturnAfterQuote;
      return at + 1;
    }
    return this.fail(at, `field ${this.fields.length + 1} has text after its closing quote; double a quote inside a quoted field ("")`);
  }

  /** Holds `chunk[from, to)` as part of the current value, if it is kept and not too long. */
  private take(chunk: string, from: number, to: number): void {
    this.valueLength += to - from;
    if (!this.keepValue || from === to) return;
    if (this.valueLength > MAX_VALUE_LENGTH) {
      this.keepValue = false;
      this.value = '';
      this.longField ??= { index: this.fields.length, length: 0 };
      return;
    }
    this.value += chunk.slice(from, to);
  }

  private endField(): void {
    if (this.longField !== undefined && this.longField.index === this.fields.length) this.longField.length = this.valueLength;
    // A line break inside a quoted value reads as LF, as the line-by-line reader of a log gives it.
    if (this.value.indexOf('\r\n') !== -1) this.value = this.value.replaceAll('\r\n', '\n');
    this.fields.push(this.value);
    this.value = '';
  }

  /** Ends the record at the line feed at `at`. */
  private endLine(at: number): number {
    this.line++;
    this.endRecord();
    this.reset();
    return at + 1;
  }

  private endRecord(): void {
    if (this.longField !== undefined) {
      const { index, length } = this.longField;
      this.events.problem({ line: this.recordLine, reason: `field ${index + 1} holds ${length} characters, more than the ${MAX_VALUE_LENGTH} a value may have`, longField: { index, length }, fields: this.fields });
      return;
    }
    if (this.blank) return;
    this.events.record(this.fields, this.recordLine);
  }

  /** Reports a problem with the record and reads past the rest of its line. */
  private fail(at: number, reason: string): number {
    this.events.problem({ line: this.recordLine, reason, fieldsBefore: this.fields });
    this.state = State.SkipLine;
    return at;
  }

  private reset(): void {
    this.state = State.FieldStart;
    this.fields = [];
    this.value = '';
    this.valueLength = 0;
    this.started = false;
    this.blank = true;
    this.longField = undefined;
  }
}
