import { formatLogTime } from './warehouse-time.js';

/** One row of the ticket log as the NDJSON encoder reads it (an `ImportedRow`'s written keys). */
export interface NdjsonRow {
  ticket: string;
  time: number;
  event: string;
  severity?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  author?: string | undefined;
  client?: string | undefined;
}

/**
 * Encodes rows of the ticket log as NDJSON lines straight into bytes: the
 * same keys, in the same order, with the same escapes as `JSON.stringify`
 * of the row (followed by a newline), as UTF-8. Imports write millions of
 * rows; building each line as a string and encoding it again on the way to
 * the file cost as much as the rest of the mapping. The parts that repeat
 * from row to row (a ticket's rows come together; events, statuses and
 * priorities are few) are encoded once and copied, and the time is written
 * two digits at a time. `prepare` then `encodeInto`, so the caller can make room
 * for the line's bytes first.
 *
 * The parts are copied four bytes at a time through a DataView (a loop of
 * single bytes cost more than building the line as a string): a part's
 * last word may write up to three bytes past its end, which the next part
 * overwrites, so the output needs `SLACK` bytes of room after the line.
 */
export class NdjsonRowEncoder {
  private ticket: string | undefined;
  /** `{"ticket":"…","time":"` of the last ticket: refilled, not made anew, for each ticket (garbage costs more than the refill). */
  private readonly ticketBytes = new StringMember();
  private client: string | undefined = undefined;
  /** `,"client":"…"}\n` of the last client, or `}\n` (CLOSE_LINE) without one. */
  private clientBytes: Part = CLOSE_LINE;
  private readonly clientMember = new StringMember();
  private readonly events = new Members('","event":');
  private readonly severities = new Members(',"severity":');
  private readonly channels = new Members(',"channel":');
  private readonly statuses = new Members(',"status":');
  private readonly authors = new Members(',"author":');
  /** The prepared row's parts: its members (EMPTY when absent), and its time. */
  private event: Part = EMPTY;
  private severity: Part = EMPTY;
  private channel: Part = EMPTY;
  private status: Part = EMPTY;
  private author: Part = EMPTY;
  private readonly time = new TimeBytes();

  /** Makes `row` the one `encodeInto` writes; returns the number of bytes it will write. */
  prepare(row: NdjsonRow): number {
    return this.prepareFields(row.ticket, row.time, row.event, row.severity, row.channel, row.status, row.author, row.client);
  }

  /** `prepare` of the row of these fields. */
  prepareFields(
    ticket: string,
    time: number,
    event: string,
    severity: string | undefined,
    channel: string | undefined,
    status: string | undefined,
    author: string | undefined,
    client: string | undefined,
  ): number {
    if (ticket !== this.ticket) {
      this.ticket = ticket;
      this.ticketBytes.fill('{"ticket":', ticket, ',"time":"');
    }
    if (client !== this.client) {
      this.client = client;
      if (client === undefined) this.clientBytes = CLOSE_LINE;
      else {
        this.clientBytes = this.clientMember;
        this.clientMember.fill(',"client":', client, '}\n');
      }
    }
    this.event = this.events.of(event);
    this.severity = severity === undefined ? EMPTY : this.severities.of(severity);
    this.channel = channel === undefined ? EMPTY : this.channels.of(channel);
    this.status = status === undefined ? EMPTY : this.statuses.of(status);
    this.author = author === undefined ? EMPTY : this.authors.of(author);
    return (
      this.ticketBytes.length +
      this.time.prepare(time) +
      this.event.length +
      this.severity.length +
      this.channel.length +
      this.status.length +
      this.author.length +
      this.clientBytes.length
    );
  }

  /** Writes the prepared row's line at `at` of `out` (which has room for it); returns the offset after it. */
  encodeInto(out: DataView, at: number): number {
    at = put(out, at, this.ticketBytes);
    at = this.time.encodeInto(out, at);
    at = put(out, at, this.event);
    at = put(out, at, this.severity);
    at = put(out, at, this.channel);
    at = put(out, at, this.status);
    at = put(out, at, this.author);
    return put(out, at, this.clientBytes);
  }
}

/** Bytes that `encodeInto` may write past the end of the line. */
export const SLACK = 3;

/** Bytes of a line, as little-endian words (the last one padded with zeros), and how many. */
class Part {
  /** `length` bytes in whole words (`wordsFor`), zeros after them (`put` copies whole words up to `length`). */
  constructor(
    public words: Uint32Array,
    public length: number,
  ) {}
}

/** Room for `length` bytes in whole words. */
function wordsFor(length: number): Uint32Array {
  return new Uint32Array((length + 3) >> 2);
}

/** Puts byte `value` at byte `at` of `words` (little-endian, which were zero there). */
function setByte(words: Uint32Array, at: number, value: number): void {
  words[at >> 2]! |= value << ((at & 3) << 3);
}

const EMPTY = new Part(wordsFor(0), 0);
const CLOSE_LINE = utf8('}\n');

/** `prefix` and a value as a JSON string, encoded, per value of a key (bounded: a log with many distinct values starts over). */
class Members {
  private readonly encoded = new Map<string, Part>();
  /** The last value asked for and its part: rows written together often repeat a value (a ticket's severity), and a comparison costs less than a lookup. */
  private lastValue: string | undefined = undefined;
  private lastPart: Part = EMPTY;
  constructor(private readonly prefix: string) {}

  of(value: string): Part {
    if (value === this.lastValue) return this.lastPart;
    let bytes = this.encoded.get(value);
    if (bytes === undefined) {
      if (this.encoded.size >= MEMBERS_KEPT) this.encoded.clear();
      bytes = utf8(`${this.prefix}${jsonString(value)}`);
      this.encoded.set(value, bytes);
    }
    this.lastValue = value;
    this.lastPart = bytes;
    return bytes;
  }
}

const MEMBERS_KEPT = 1024;

/** First instant of the year 10000: from there `toISOString` writes six-digit years, which the day prefixes do not handle. */
const YEAR_10000 = 253_402_300_800_000;
const DAY = 86_400_000;

/**
 * `formatLogTime` of an instant, as bytes: whole seconds from 1970 to 9999
 * as a day prefix (`2026-01-05T`, kept per day) and the time of day written
 * two digits at a time; any other instant (milliseconds, before 1970, six-
 * digit years) through `formatLogTime` itself.
 */
class TimeBytes {
  private readonly dayPrefixes = new Map<number, Part>();
  /** The day (epoch milliseconds of its midnight) of `prefix`. */
  private day = Number.NaN;
  private prefix: Part = EMPTY;
  /** Seconds into the day of the prepared time, or -1 when `text` holds it. */
  private seconds = -1;
  private text: Part = EMPTY;

  /** Makes `time` the one `encodeInto` writes; returns its length. */
  prepare(time: number): number {
    if (!Number.isInteger(time / 1000) || time < 0 || time >= YEAR_10000) {
      this.seconds = -1;
      this.text = utf8(formatLogTime(time));
      return this.text.length;
    }
    const day = Math.floor(time / DAY) * DAY;
    // Rows written together are mostly of one day: the map is looked at when the day changes.
    if (day !== this.day) {
      let prefix = this.dayPrefixes.get(day);
      if (prefix === undefined) {
        if (this.dayPrefixes.size > 4096) this.dayPrefixes.clear();
        prefix = utf8(new Date(day).toISOString().slice(0, 11));
        this.dayPrefixes.set(day, prefix);
      }
      this.day = day;
      this.prefix = prefix;
    }
    const prefix = this.prefix;
    this.seconds = (time - day) / 1000;
    // `HH:MM:SSZ` after the prefix.
    return prefix.length + 9;
  }

  encodeInto(out: DataView, at: number): number {
    const seconds = this.seconds;
    if (seconds < 0) return put(out, at, this.text);
    at = put(out, at, this.prefix);
    // `HH:` `MM:` `SSZ`, each written as one word whose extra byte the next overwrites.
    out.setUint32(at, TWO_DIGITS[Math.floor(seconds / 3600)]! | (COLON << 16), true);
    out.setUint32(at + 3, TWO_DIGITS[Math.floor((seconds % 3600) / 60)]! | (COLON << 16), true);
    out.setUint32(at + 6, TWO_DIGITS[seconds % 60]! | (LETTER_Z << 16), true);
    return at + 9;
  }
}

const COLON = 0x3a;
const LETTER_Z = 0x5a;
const DIGIT_0 = 0x30;

/** `00` to `59` as the two bytes of a little-endian 16-bit number. */
const TWO_DIGITS: readonly number[] = Array.from({ length: 60 }, (_, value) => (DIGIT_0 + Math.floor(value / 10)) | ((DIGIT_0 + (value % 10)) << 8));

/** Copies `part` to `at` of `out`, a word at a time; returns the offset after it (up to SLACK bytes past it are overwritten). */
function put(out: DataView, at: number, part: Part): number {
  const words = part.words;
  const count = (part.length + 3) >> 2;
  for (let i = 0; i < count; i++) out.setUint32(at + 4 * i, words[i]!, true);
  return at + part.length;
}

function utf8(text: string): Part {
  const bytes = Buffer.from(text, 'utf8');
  const words = wordsFor(bytes.length);
  for (let i = 0; i < bytes.length; i++) setByte(words, i, bytes[i]!);
  return new Part(words, bytes.length);
}

/**
 * `before`, a value as a JSON string, `after` (both ASCII without escapes),
 * as UTF-8: a ticket's or client's part of its lines, refilled for each
 * ticket. A value that needs no escapes and is ASCII (ids, most names) is
 * copied by character, sparing \`Buffer.from\`'s cost; any other goes
 * through `JSON.stringify` and `Buffer.from`.
 */
class StringMember extends Part {
  constructor() {
    super(wordsFor(64), 0);
  }

  fill(before: string, value: string, after: string): void {
    this.start(before.length + value.length + after.length + 2);
    let at = this.ascii(before, 0);
    setByte(this.words, at++, QUOTE);
    for (let i = 0; i < value.length; i++) {
      const char = value.charCodeAt(i);
      // Controls, quotes, backslashes and non-ASCII need escapes or more than a byte.
      if (char < 0x20 || char === QUOTE || char === BACKSLASH || char > 0x7e) return this.fillUtf8(Buffer.from(`${before}${jsonString(value)}${after}`, 'utf8'));
      setByte(this.words, at++, char);
    }
    setByte(this.words, at++, QUOTE);
    this.ascii(after, at);
  }

  private fillUtf8(bytes: Buffer): void {
    this.start(bytes.length);
    for (let i = 0; i < bytes.length; i++) setByte(this.words, i, bytes[i]!);
  }

  /** Zero words for `length` bytes. */
  private start(length: number): void {
    const words = (length + 3) >> 2;
    if (words > this.words.length) this.words = new Uint32Array(2 * words);
    else this.words.fill(0, 0, words);
    this.length = length;
  }

  private ascii(text: string, at: number): number {
    for (let i = 0; i < text.length; i++) setByte(this.words, at++, text.charCodeAt(i));
    return at;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Characters JSON.stringify escapes in a string: quotes, backslashes, controls, and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(value)`, without its cost for the usual value that needs no escapes. */
function jsonString(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}
