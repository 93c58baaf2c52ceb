import { MAX_LINE_LENGTH } from './line-splitter.js';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/** Receives one line as a range of bytes (without its line ending); the bytes may be reused once it returns. */
export type ByteLineHandler = (bytes: Buffer, start: number, end: number, line: number) => void;

/**
 * `LineSplitter` on the file's bytes instead of decoded text: a large NDJSON
 * log is then split without first decoding every character to a string
 * (docs/performance.md); a line is decoded only if its reader needs
 * the text. Lines, their numbers and which lines are too long are the same
 * as `LineSplitter` gives for the decoded text (a test compares both):
 * LF and CRLF endings, up to two leading byte-order marks dropped (the
 * decoder's and the splitter's), and a line's length counted in UTF-16 code
 * units, as a string's length is. The bytes must be UTF-8 (the reader checks
 * them before they come here).
 */
export class ByteLineSplitter {
  /** The unfinished line carried over from the previous chunk. */
  private pending = Buffer.allocUnsafe(1 << 12);
  private pendingLength = 0;
  /** Its length in UTF-16 code units. */
  private pendingUnits = 0;
  private lineNumber = 0;
  private started = false;
  /** The first bytes of the file while fewer than six have come. */
  private head: Buffer | undefined;
  /** The line being read is too long: the rest of it is dropped. */
  private skipping = false;

  constructor(
    private readonly onLine: ByteLineHandler,
    private readonly onLongLine: (line: number) => void = () => undefined,
    private readonly maxLength: number = MAX_LINE_LENGTH,
  ) {}

  /** Feeds the next chunk of bytes; calls `onLine` for every line it completes. */
  push(chunk: Buffer): void {
    let start = 0;
    if (!this.started) {
      // The marks are looked for once the first six bytes are in (a file's first chunk nearly always has them).
      const head = this.head === undefined ? chunk : Buffer.concat([this.head, chunk]);
      if (head.length < 6) {
        this.head = head;
        return;
      }
      this.head = undefined;
      this.started = true;
      chunk = head;
      start = afterByteOrderMarks(chunk);
    }
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline !== -1) {
      if (this.skipping) {
        this.skipping = false;
        this.lineNumber++;
      } else if (this.pendingLength > 0) {
        this.append(chunk, start, newline);
        this.emit(this.pending, 0, this.pendingLength);
        this.pendingLength = 0;
        this.pendingUnits = 0;
      } else {
        this.emit(chunk, start, newline);
      }
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (this.skipping || start === chunk.length) return;
    this.append(chunk, start, chunk.length);
    if (this.pendingUnits > this.maxLength + 1) {
      this.pendingLength = 0;
      this.pendingUnits = 0;
      this.skipping = true;
      this.onLongLine(this.lineNumber + 1);
    }
  }

  /** Flushes a last line that has no line ending. */
  end(): void {
    if (!this.started) {
      const head = this.head ?? Buffer.alloc(0);
      this.head = undefined;
      this.started = true;
      const start = afterByteOrderMarks(head);
      if (start < head.length) this.push(head.subarray(start));
    }
    if (this.skipping) {
      this.skipping = false;
      this.lineNumber++;
      return;
    }
    if (this.pendingLength > 0) {
      const length = this.pendingLength;
      this.pendingLength = 0;
      this.pendingUnits = 0;
      this.emit(this.pending, 0, length);
    }
  }

  private emit(bytes: Buffer, start: number, end: number): void {
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
    // Bytes are never fewer than code units, so only a line of many bytes needs counting.
    if (end - start > this.maxLength && utf16Length(bytes, start, end) > this.maxLength) this.onLongLine(++this.lineNumber);
    else this.onLine(bytes, start, end, ++this.lineNumber);
  }

  /** Copies `bytes[start, end)` after the pending bytes, so that they do not pin the chunk. */
  private append(bytes: Buffer, start: number, end: number): void {
    const length = this.pendingLength + end - start;
    if (length > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(length, this.pending.length * 2));
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    bytes.copy(this.pending, this.pendingLength, start, end);
    this.pendingLength = length;
    this.pendingUnits += utf16Length(bytes, start, end);
  }
}

/** Where a file's text starts: after up to two UTF-8 byte-order marks. */
function afterByteOrderMarks(chunk: Buffer): number {
  let start = 0;
  for (let mark = 0; mark < 2 && chunk[start] === 0xef && chunk[start + 1] === 0xbb && chunk[start + 2] === 0xbf; mark++) start += 3;
  return start;
}

/**
 * UTF-16 code units of UTF-8 bytes: one per character, two for a character
 * written in four bytes. Counts lead bytes, so a character cut between two
 * ranges is counted once, in the range holding its first byte.
 */
export function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let at = start; at < end; at++) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}
