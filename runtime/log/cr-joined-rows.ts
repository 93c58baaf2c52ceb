const TAB = 9;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Where the scan is in the text since the last CR. */
type Piece = 'blank' | 'inRow' | 'closedRow' | 'other';

/**
 * Whether some piece of an NDJSON line after a carriage return is a whole
 * JSON object alone, up to the next CR or the line's end: a row that a CR
 * began. `CrOnlyLineScan` counts a CR as a line end only between rows, by
 * the brackets and quotes of the whole line; a first row cut short (its
 * brackets or a string never closed) puts every later CR inside it, and
 * this scan, which starts again at each CR, still sees the rows after it.
 * A raw CR inside a JSON string is no JSON, so every CR may start a piece.
 */
export class CrJoinedRowScan {
  private piece: Piece = 'blank';
  private depth = 0;
  private quoted = false;
  private escaped = false;
  /** A CR has been seen: the piece being scanned follows one. */
  private afterReturn = false;
  /** A piece after a CR was a whole object. */
  private found = false;

  /** Whether a whole object stood alone after a CR, the piece still open counted as ending here. */
  get wholeRowAfterReturn(): boolean {
    return this.found || this.pieceIsRow();
  }

  /** Scans one character (byte or UTF-16 code unit) of the line, not its line feed. */
  push(code: number): void {
    if (code === CARRIAGE_RETURN) {
      if (this.pieceIsRow()) this.found = true;
      this.afterReturn = true;
      this.piece = 'blank';
      this.depth = 0;
      this.quoted = false;
      this.escaped = false;
      return;
    }
    if (this.piece === 'other') return;
    if (this.quoted) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) this.quoted = false;
      return;
    }
    if (code === SPACE || code === TAB) return;
    if (this.piece === 'blank') {
      this.piece = code === OPEN_BRACE ? 'inRow' : 'other';
      this.depth = 1;
      return;
    }
    if (this.piece === 'closedRow') {
      this.piece = 'other'; // more than whitespace after the object
      return;
    }
    if (code === QUOTE) this.quoted = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      this.depth--;
      if (this.depth === 0) this.piece = 'closedRow';
    }
  }

  private pieceIsRow(): boolean {
    return this.afterReturn && this.piece === 'closedRow';
  }
}
