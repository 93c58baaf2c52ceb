/**
 * Splits text arriving in chunks into lines without ever holding more than
 * one unfinished line, so a log of any size is read in constant memory.
 * Accepts LF and CRLF endings and drops a leading byte-order mark.
 */
export class LineSplitter {
  private pending = '';
  private lineNumber = 0;
  private started = false;

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  /** Feeds the next chunk; calls `onLine` for every line it completes. */
  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let text = this.pending.length > 0 ? this.pending + chunk : chunk;
    let start = 0;
    let newline = text.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.onLine(text.slice(start, end), ++this.lineNumber);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    // Copy the unfinished tail so that it does not pin the whole chunk.
    this.pending = start === 0 ? text : start < text.length ? text.slice(start) : '';
    text = '';
  }

  /** Flushes a last line that has no line ending. */
  end(): void {
    if (this.pending.length > 0) {
      const text = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
      this.pending = '';
      this.onLine(text, ++this.lineNumber);
    }
  }
}
