import { LineSplitter } from './line-splitter.js';

/** A CSV problem that makes a record unreadable. */
export interface CsvProblem {
  line: number;
  reason: string;
}

type ParsedRecord = string[] | 'unterminated' | { problem: string };

/**
 * Splits chunked CSV text into records (RFC 4180): fields separated by
 * commas, quoted fields may hold commas, doubled quotes and line breaks.
 * Each record is reported with the line it starts on; blank lines are skipped.
 */
export class CsvRecordSplitter {
  private readonly lines: LineSplitter;
  /** Text of a record whose quoted field is still open, and its first line. */
  private openRecord: string | undefined;
  private openLine = 0;

  constructor(
    private readonly onRecord: (fields: string[], line: number) => void,
    private readonly onProblem: (problem: CsvProblem) => void,
  ) {
    this.lines = new LineSplitter((text, line) => this.acceptLine(text, line));
  }

  push(chunk: string): void {
    this.lines.push(chunk);
  }

  end(): void {
    this.lines.end();
    if (this.openRecord !== undefined) {
      this.onProblem({ line: this.openLine, reason: 'a quoted field is not closed before the end of the file' });
      this.openRecord = undefined;
    }
  }

  private acceptLine(text: string, line: number): void {
    if (this.openRecord !== undefined) {
      this.finishRecord(`${this.openRecord}\n${text}`, this.openLine);
      return;
    }
    if (text.length === 0) return;
    if (text.indexOf('"') === -1) {
      this.onRecord(text.split(','), line);
      return;
    }
    this.finishRecord(text, line);
  }

  private finishRecord(text: string, line: number): void {
    const parsed = parseQuotedRecord(text);
    if (parsed === 'unterminated') {
      this.openRecord = text;
      this.openLine = line;
      return;
    }
    this.openRecord = undefined;
    if (Array.isArray(parsed)) this.onRecord(parsed, line);
    else this.onProblem({ line, reason: parsed.problem });
  }
}

/** Parses one record that contains quotes; `unterminated` when a quoted field runs on. */
export function parseQuotedRecord(text: string): ParsedRecord {
  const fields: string[] = [];
  let position = 0;
  for (;;) {
    if (text.charCodeAt(position) === 34) {
      let value = '';
      let cursor = position + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) return 'unterminated';
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
