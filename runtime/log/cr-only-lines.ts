import { MAX_LINE_LENGTH } from './line-splitter.js';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;

/**
 * Tells, from its first bytes, a CSV file whose lines end in a bare carriage
 * return (CR only: classic Mac OS, and Excel for Mac's "CSV (Macintosh)").
 * The readers split lines at line feeds (LF, CRLF), so such a file would read
 * as one line: a header of every row run together, whose cells are then
 * columns named twice or unknown, errors that say nothing of the cause.
 *
 * The rule looks only at the header line: the text from the start of the
 * file to its first line feed outside quotes. The file is CR-only when
 * 1. that line holds no line feed at all (it runs to the end of the file, or
 *    past the longest line a reader reads, `MAX_LINE_LENGTH`), and
 * 2. it holds a carriage return outside quotes with more of the line after
 *    it (a line ended there, and another began).
 * So a CRLF or LF file is never CR-only, whatever CRs it holds (a lone CR
 * in a row, or even in its header line, is in a file that has a line feed);
 * nor is a CR inside a quoted field, nor a one-line file that ends in CR (it
 * reads as it is). A CR-only file whose cells hold line feeds (inside quotes,
 * as Excel writes a line break in a cell) is CR-only still.
 *
 * Quotes are counted, not parsed: each `"` opens or closes a quoted field
 * (a doubled quote closes and opens again), which is RFC 4180's reading of
 * every well-formed line.
 */
export class CrOnlyLineScan {
  private quoted = false;
  /** The last character outside quotes was a CR (or a run of them). */
  private afterReturn = false;
  /** A CR outside quotes was followed by more of the line. */
  private bareReturn = false;
  /** Characters (bytes or UTF-16 code units) scanned so far. */
  private scanned = 0;
  /** Undefined while the header line goes on; then whether the file is CR-only. */
  private verdict: boolean | undefined;

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

  /** The verdict at the end of the file: a header line that runs to the end is CR-only if a CR ended a line in it. */
  end(): boolean {
    this.verdict ??= this.bareReturn;
    return this.verdict;
  }

  private scan(length: number, codeAt: (at: number) => number): void {
    for (let at = 0; at < length; at++) {
      const code = codeAt(at);
      if (code === QUOTE) this.quoted = !this.quoted;
      if (this.quoted && code !== QUOTE) continue;
      if (code === NEWLINE) {
        this.verdict = false; // the header line ends at a line feed: LF or CRLF
        return;
      }
      if (this.afterReturn && code !== CARRIAGE_RETURN) this.bareReturn = true;
      this.afterReturn = code === CARRIAGE_RETURN;
    }
    this.scanned += length;
    // A reader stops at a line this long (too long to read): the verdict is due before it does.
    if (this.scanned > MAX_LINE_LENGTH) this.verdict = this.bareReturn;
  }
}

/**
 * A CSV parser that refuses a CR-only file (`CrOnlyLineScan`) before it reads
 * a line of it: `refuse` is called once, and the parser gets nothing more.
 * Until the verdict, chunks go on to the parser, which hands on no line of
 * them (it has seen no line feed, nor a line too long).
 */
export function refusingCrOnly<Chunk extends Uint8Array | string>(
  parser: { push(chunk: Chunk): void; end(): void },
  refuse: () => void,
): { push(chunk: Chunk): void; end(): void } {
  const scan = new CrOnlyLineScan();
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
