/**
 * The longest line (and CSV record) a log may have: 1 MiB of characters,
 * thousands of times a real log row. A longer line is reported, not read, so
 * that a file with no line breaks cannot make the reader slow or exhaust
 * memory (docs/check.md "Limits").
 */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * Splits text arriving in chunks into lines without ever holding more than
 * one unfinished line, so a log of any size is read in constant memory.
 * Accepts LF and CRLF endings and drops a leading byte-order mark. A line
 * longer than `MAX_LINE_LENGTH` goes to `onLongLine` (its number) instead.
 */
export class LineSplitter {
  private pending = '';
  private lineNumber = 0;
  private started = false;
  /** The line being read is too long: the rest of it is dropped. */
  private skipping = false;

  constructor(
    private readonly onLine: (text: string, line: number) => void,
    private readonly onLongLine: (line: number) => void = () => undefined,
    private readonly maxLength: number = MAX_LINE_LENGTH,
  ) {}

  /** Feeds the next chunk; calls `onLine` for every line it completes. */
  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    // Only the new chunk is searched: a long unfinished line is never scanned twice.
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      if (this.skipping) {
        this.skipping = false;
        this.lineNumber++;
      } else {
        let text = this.pending.length > 0 ? this.pending + chunk.slice(start, newline) : chunk.slice(start, newline);
        this.pending = '';
        if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
        if (text.length > this.maxLength) this.onLongLine(++this.lineNumber);
        else this.onLine(text, ++this.lineNumber);
      }
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (this.skipping || start === chunk.length) return;
    // Copy the unfinished tail so that it does not pin the whole chunk.
    this.pending += start === 0 ? chunk : chunk.slice(start);
    if (this.pending.length > this.maxLength + 1) {
      this.pending = '';
      this.skipping = true;
      this.onLongLine(this.lineNumber + 1);
    }
  }

  /** Flushes a last line that has no line ending. */
  end(): void {
    if (this.skipping) {
      this.skipping = false;
      this.lineNumber++;
      return;
    }
    if (this.pending.length > 0) {
      const text = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
      this.pending = '';
      if (text.length > this.maxLength) this.onLongLine(++this.lineNumber);
      else this.onLine(text, ++this.lineNumber);
    }
  }
}
