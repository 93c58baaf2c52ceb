import { CrJoinedRowScan } from './cr-joined-rows.js';
import { MAX_LINE_LENGTH } from './line-splitter.js';

const TAB = 9;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The syntax of the file a scan reads: CSV (a log or an exported table), or NDJSON (a log). */
export type CrOnlySyntax = 'csv' | 'ndjson';

/**
 * Tells, from its first bytes, a CSV or NDJSON file whose lines end in a
 * bare carriage return (CR only: classic Mac OS, and Excel for Mac's "CSV
 * (Macintosh)"). The readers split lines at line feeds (LF, CRLF), so such
 * a file would read as one line: a CSV header of every row run together,
 * whose cells are then columns named twice or unknown, or an NDJSON line
 * with "non-whitespace character after JSON", errors that say nothing of
 * the cause.
 *
 * The rule looks only at the first line: the text from the start of the
 * file to its first line feed (in CSV, outside quotes). The file is CR-only
 * when
 * 1. that line holds no line feed at all (it runs to the end of the file, or
 *    past the longest line a reader reads, `MAX_LINE_LENGTH`), and
 * 2. it holds a carriage return outside quotes with more of the line after
 *    it (a line ended there, and another began). In NDJSON the CR must be
 *    outside every JSON string, object and list, and "more" is more than
 *    JSON whitespace: a CR inside an object is whitespace JSON allows.
 * So a CRLF or LF file is never CR-only, whatever CRs it holds (a lone CR
 * in a row, or even in its first line, is in a file that has a line feed);
 * nor is a CR inside a quoted field or a JSON string, nor a one-line file
 * that ends in CR (it reads as it is). A CR-only CSV file whose cells hold
 * line feeds (inside quotes, as Excel writes a line break in a cell) is
 * CR-only still; in NDJSON every line feed ends a line, as the reader splits.
 *
 * CSV quotes are counted, not parsed: each `"` opens or closes a quoted
 * field (a doubled quote closes and opens again), which is RFC 4180's
 * reading of every well-formed line. JSON strings end at a `"` that no
 * backslash escapes.
 *
 * An NDJSON first row cut short (its brackets or a string never closed)
 * would put every later CR inside it; so when the line's brackets and
 * quotes are left open at its end, a CR after which a whole JSON object
 * stands alone (up to the next CR or the line's end, `CrJoinedRowScan`)
 * ends a line too. A line that closes them is one JSON value, whatever
 * objects its CRs stand between.
 *
 * `joinsRows` says the same of a first line that ends in a line feed: it
 * is not a CR-only file (the rows after it are read), but that line is
 * rows joined by CRs, which its error says (SLA4012).
 */
export class CrOnlyLineScan {
  private quoted = false;
  /** In a JSON string, the last character was a backslash: the next one is escaped. */
  private escaped = false;
  /** How deep in JSON objects and lists the scan is. */
  private depth = 0;
  /** The last character outside quotes was a CR (or a run of them). */
  private afterReturn = false;
  /** A CR outside quotes was followed by more of the line. */
  private bareReturn = false;
  /** Characters (bytes or UTF-16 code units) scanned so far. */
  private scanned = 0;
  /** Undefined while the first line goes on; then whether the file is CR-only. */
  private verdict: boolean | undefined;
  /** Once the verdict is known: whether the first line holds rows joined by CRs, however it ends. */
  joinsRows = false;
  /** NDJSON: the pieces of the first line between CRs, for a first row cut short. */
  private readonly pieces = new CrJoinedRowScan();

  constructor(private readonly syntax: CrOnlySyntax = 'csv') {}

  /** Scans the next chunk of bytes; the verdict once it is known. */
  pushBytes(chunk: Uint8Array): boolean | undefined {
    if (this.verdict === undefined) this.scan(chunk.length, (at) => chunk[at]!);
    return this.verdict;
  }

  /** Scans the next chunk of text; the verdict once it is known. */
  pushText(chunk: string): boolean | undefined {
    if (this.verdict === undefined) this.scan(chunk.length, (at) => chunk.charCodeAt(at));
    return this.verdict;
  }

  /** The verdict at the end of the file: a first line that runs to the end is CR-only if a CR ended a line in it. */
  end(): boolean {
    if (this.verdict === undefined) this.decide(this.rowsJoined(false), true);
    return this.verdict!;
  }

  /** Sets the verdict: CR-only when the first line joins rows and `noLineFeed` (it runs to the end, or too long). */
  private decide(joinsRows: boolean, noLineFeed: boolean): void {
    this.joinsRows = joinsRows;
    this.verdict = joinsRows && noLineFeed;
  }

  /** Whether the first line, scanned to here, joins rows; `tooLong`: it goes on past what a reader reads. */
  private rowsJoined(tooLong: boolean): boolean {
    if (this.bareReturn || this.syntax === 'csv') return this.bareReturn;
    // A line too long is read by no one; a line that ends must be left open for its CRs to be inside a row cut short.
    const leftOpen = tooLong || this.depth > 0 || this.quoted;
    return leftOpen && this.pieces.wholeRowAfterReturn;
  }

  private scan(length: number, codeAt: (at: number) => number): void {
    if (this.syntax === 'ndjson') this.scanJson(length, codeAt);
    else this.scanCsv(length, codeAt);
    if (this.verdict !== undefined) return;
    this.scanned += length;
    // A reader stops at a line this long (too long to read): the verdict is due before it does.
    if (this.scanned > MAX_LINE_LENGTH) this.decide(this.rowsJoined(true), true);
  }

  private scanCsv(length: number, codeAt: (at: number) => number): void {
    for (let at = 0; at < length; at++) {
      const code = codeAt(at);
      if (code === QUOTE) this.quoted = !this.quoted;
      if (this.quoted && code !== QUOTE) continue;
      if (code === NEWLINE) {
        this.decide(false, false); // the header line ends at a line feed: LF or CRLF
        return;
      }
      if (this.afterReturn && code !== CARRIAGE_RETURN) this.bareReturn = true;
      this.afterReturn = code === CARRIAGE_RETURN;
    }
  }

  private scanJson(length: number, codeAt: (at: number) => number): void {
    for (let at = 0; at < length; at++) {
      const code = codeAt(at);
      if (code === NEWLINE) {
        this.decide(this.rowsJoined(false), false); // the reader ends a line at every line feed, inside a string too
        return;
      }
      this.pieces.push(code);
      if (this.quoted) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.quoted = false;
        continue;
      }
      if (code === CARRIAGE_RETURN) {
        if (this.depth === 0) this.afterReturn = true; // between rows; inside one it is whitespace
        continue;
      }
      if (code === SPACE || code === TAB) continue;
      if (this.afterReturn) this.bareReturn = true;
      this.afterReturn = false;
      if (code === QUOTE) this.quoted = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
      else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && this.depth > 0) this.depth--;
    }
  }
}

/**
 * A CSV or NDJSON parser that refuses a CR-only file (`CrOnlyLineScan`)
 * before it reads a line of it: `refuse` is called once, and the parser
 * gets nothing more.
 * Until the verdict, chunks go on to the parser, which hands on no line of
 * them (it has seen no line feed, nor a line too long). A caller that
 * passes its own `scan` may ask it, from the first line on, whether that
 * line joins rows (`joinsRows`).
 */
export function refusingCrOnly<Chunk extends Uint8Array | string>(
  parser: { push(chunk: Chunk): void; end(): void },
  refuse: () => void,
  syntax: CrOnlySyntax = 'csv',
  scan: CrOnlyLineScan = new CrOnlyLineScan(syntax),
): { push(chunk: Chunk): void; end(): void } {
  let deciding = true;
  let refused = false;
  const decided = (verdict: boolean | undefined): void => {
    if (verdict === undefined) return;
    deciding = false;
    if (verdict) {
      refused = true;
      refuse();
    }
  };
  return {
    push: (chunk) => {
      if (deciding) decided(typeof chunk === 'string' ? scan.pushText(chunk) : scan.pushBytes(chunk));
      if (!refused) parser.push(chunk);
    },
    end: () => {
      if (deciding) decided(scan.end());
      if (!refused) parser.end();
    },
  };
}

/**
 * The command that converts a CR-only file, for messages: into a copy
 * (`tr '\r' '\n' < tickets.csv > tickets-lf.csv`), or `inPlace`, for a file
 * whose name says what it is (an exported table's). A name with characters
 * a shell reads is quoted.
 */
export function crToLfCommand(file: string, inPlace = false): string {
  const convert = (to: string): string => `tr '\\r' '\\n' < ${shellWord(file)} > ${shellWord(to)}`;
  if (inPlace) return `${convert(`${file}.lf`)} && mv ${shellWord(`${file}.lf`)} ${shellWord(file)}`;
  const dot = file.lastIndexOf('.');
  return convert(dot > 0 && dot > file.lastIndexOf('/') ? `${file.slice(0, dot)}-lf${file.slice(dot)}` : `${file}-lf`);
}

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w./+@%:,-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * What SLA4051 says of a CR-only file: who writes such line ends (Excel for
 * Mac only writes CSV), and the command that converts it (`crToLfCommand`).
 */
export function crOnlyArgs(file: string, syntax: CrOnlySyntax, inPlace = false): { writers: string; command: string } {
  const writers = syntax === 'csv' ? 'as classic Mac OS and Excel for Mac\'s "CSV (Macintosh)" write them' : 'as classic Mac OS wrote them';
  return { writers, command: crToLfCommand(file, inPlace) };
}

/**
 * What the error of an NDJSON first line that ends in a line feed but holds
 * rows joined by bare CRs adds to JSON's own words (SLA4012): the file is
 * read on at its line feeds, and the same command converts that line too.
 */
export function crJoinedLineHint(file: string): string {
  return `; the line holds rows joined by bare carriage returns (CR only, as classic Mac OS wrote them): convert the line ends to line feeds: ${crToLfCommand(file)}`;
}
