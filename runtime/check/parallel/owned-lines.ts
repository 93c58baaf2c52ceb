import { MAX_LINE_LENGTH } from '../../log/line-splitter.js';
import { partitionOf } from './partition.js';

const QUOTE = 34;
const BACKSLASH = 92;
const BLANKS = /[ \t\r\n\ufeff]/;

/**
 * Passes on the lines of an NDJSON log that belong to one partition and
 * blanks out the others, keeping every line ending, so that the log parser
 * behind it numbers lines exactly as in the whole file and reads only this
 * partition's rows (a blank line is no row). Each line belongs to exactly
 * one partition: its ticket's (see partition.ts), or, for a line with no
 * readable ticket (bad JSON, an overlong line), the line number's.
 */
export class OwnedLines {
  private pending = '';
  private line = 0;
  /** The line being read is longer than any log line may be: its text is dropped. */
  private overlong = false;

  constructor(
    private readonly partition: number,
    private readonly partitions: number,
    private readonly push: (text: string) => void,
  ) {}

  /** Feeds the next chunk of text; hands on the text of this partition's complete lines. */
  write(chunk: string): void {
    const parts: string[] = [];
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      this.line++;
      if (this.overlong) {
        this.overlong = false;
        parts.push(this.line % this.partitions === this.partition ? `${'x'.repeat(MAX_LINE_LENGTH + 1)}\n` : '\n');
      } else if (this.pending.length > 0) {
        const text = this.pending + chunk.slice(start, newline);
        this.pending = '';
        parts.push(this.owns(text) ? `${text}\n` : '\n');
      } else {
        // The common row starts with its ticket: read it in place, without cutting the line out.
        const quick = leadingTicket(chunk, start, newline);
        const owned = quick !== undefined ? partitionOf(quick, this.partitions) === this.partition : this.owns(chunk.slice(start, newline));
        parts.push(owned ? chunk.slice(start, newline + 1) : '\n');
      }
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (parts.length > 0) this.push(parts.join(''));
    if (this.overlong || start === chunk.length) return;
    this.pending += start === 0 ? chunk : chunk.slice(start);
    // As the log parser does: an overlong line is never held whole.
    if (this.pending.length > MAX_LINE_LENGTH + 1) {
      this.pending = '';
      this.overlong = true;
    }
  }

  /** The last line, without a line ending. */
  end(): void {
    this.line++;
    if (this.overlong) {
      if (this.line % this.partitions === this.partition) this.push('x'.repeat(MAX_LINE_LENGTH + 1));
    } else if (this.pending.length > 0 && this.owns(this.pending)) this.push(this.pending);
    this.pending = '';
  }

  private owns(text: string): boolean {
    return this.partitionOfLine(text) === this.partition;
  }

  private partitionOfLine(text: string): number {
    if (text.length > MAX_LINE_LENGTH + 1) return this.line % this.partitions;
    const quick = quickTicket(text);
    if (quick !== undefined) return partitionOf(quick, this.partitions);
    let value: unknown;
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return this.line % this.partitions;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'ticket' in value) return partitionOf((value as { ticket: unknown }).ticket, this.partitions);
    return this.line % this.partitions;
  }
}

const LEADING = '{"ticket":"';

/**
 * The ticket of a line `{"ticket":"ID",...` between `start` and `end`
 * whose id has no escape: the value JSON.parse gives for a valid row. (Were
 * the line no valid row, any partition would do, as long as it is always
 * the same one: its one owner reports it.)
 */
function leadingTicket(chunk: string, start: number, end: number): string | undefined {
  if (!chunk.startsWith(LEADING, start)) return undefined;
  const from = start + LEADING.length;
  const close = chunk.indexOf('"', from);
  if (close === -1 || close >= end) return undefined;
  for (let at = from; at < close; at++) if (chunk.charCodeAt(at) === BACKSLASH) return undefined;
  return chunk.slice(from, close);
}

/**
 * The `ticket` of a flat one-line JSON object, read without parsing the
 * row; undefined (the caller parses the line) for anything less plain: an
 * escape, a nested value, a second `ticket` key, a value that is not a
 * string or a number. Either way the value is the one JSON.parse gives.
 */
export function quickTicket(text: string): string | number | undefined {
  if (text.indexOf('\\') !== -1 || text.indexOf('[') !== -1) return undefined;
  const open = text.indexOf('{');
  if (open === -1 || text.indexOf('{', open + 1) !== -1) return undefined;
  for (let at = 0; at < open; at++) if (!BLANKS.test(text[at]!)) return undefined;
  const key = text.indexOf('"ticket"', open);
  if (key === -1 || text.indexOf('"ticket"', key + 8) !== -1) return undefined;
  // Without escapes, quotes pair up: an even count before the key makes it a token, not text inside a string.
  let quotes = 0;
  for (let at = text.indexOf('"', open); at !== -1 && at < key; at = text.indexOf('"', at + 1)) quotes++;
  if (quotes % 2 !== 0) return undefined;
  let at = key + 8;
  while (at < text.length && BLANKS.test(text[at]!)) at++;
  if (text[at] !== ':') return undefined;
  at++;
  while (at < text.length && BLANKS.test(text[at]!)) at++;
  if (text.charCodeAt(at) === QUOTE) {
    const close = text.indexOf('"', at + 1);
    return close === -1 ? undefined : text.slice(at + 1, close);
  }
  const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?(?=[\s,}])/.exec(text.slice(at, at + 40));
  return number ? Number(number[0]) : undefined;
}
