import { ByteValueTable } from './byte-values.js';
import type { ReplyAuthor } from './events.js';
import { parseCommonInstantBytes } from './instant.js';
import type { CsvColumns } from './log-rows.js';
import { hashOfAscii } from './ticket-ids.js';
import { matchKey, REPLY_AUTHORS, TICKET_LOG_KEYS, type LogVocabulary } from './log-vocabulary.js';
import { STRAY_KEYS_OF_KIND } from './stray-values.js';
import { emptyValidRow, type ValidTicketRow } from './ticket-row.js';
import { TICKET_EVENT_KINDS } from './events.js';

/**
 * The valid ticket row almost every line of a large log is, read straight
 * from the file's bytes into a validated row: no string per line or per
 * value, each severity, channel, status and author checked once per distinct
 * value (`ByteValueTable`), the ticket id numbered from its bytes.
 * docs/performance.md has the measurements.
 *
 * The shapes taken: an NDJSON line that is one flat object of ticket log
 * keys, each given once, no blanks between tokens, values that are strings
 * without escapes or control characters, whole numbers without a sign or
 * null; a CSV line that is a whole record without quotes, with as many
 * fields as the header. In both, an ASCII ticket id (or digits), a time of
 * `parseCommonInstant`'s shape, and a row that `validateTicketRow` accepts
 * with no error and no warning but SLA4054 (a value the event does not
 * read, which `row.stray` names as `validateTicketRow` does). Anything
 * else is declined and the line takes the general path (decode;
 * `FlatRowReader` or `JSON.parse`, or the CSV record splitter;
 * `validateTicketRow`), which alone decides errors. So a
 * row read here is the row the general path would store; property tests
 * check it on many shapes of line.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
/** Whole numbers of at most 15 digits are exact in a double (and their text is their digits). */
const MAX_DIGITS = 15;
/** The length of the usual log time, `2026-01-05T13:00:00Z`. */
const COMMON_TIME_LENGTH = 20;

/** How a key's value was written on the line. */
const ABSENT = 0;
const TEXT = 1;
const NUMBER = 2;
const NULL = 3;

const KEY_TICKET = 0;
const KEY_TIME = 1;
const KEY_EVENT = 2;
const KEY_SEVERITY = 3;
const KEY_CHANNEL = 4;
const KEY_STATUS = 5;
const KEY_AUTHOR = 6;
const KEY_LEVEL = 7;

const KIND_CREATED = 0;
const KIND_REPLY = 1;
const KIND_STATUS = 2;
const KIND_SEVERITY = 3;
const KIND_ESCALATED = 5;

const KEY_COUNT = TICKET_LOG_KEYS.length;
/** The keys whose string values are hashed while scanned: the ticket id and the values looked up in a table. */
const HASHED_KEYS = new Uint8Array(KEY_COUNT);
for (const key of [KEY_TICKET, KEY_SEVERITY, KEY_CHANNEL, KEY_STATUS, KEY_AUTHOR]) HASHED_KEYS[key] = 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Words told apart by their first and third bytes, then compared whole: one
 * table look-up instead of trying each word. Every key of the ticket log and
 * every event kind differ in that pair (checked when the table is made).
 */
class WordsByFirstAndThird {
  readonly words: Buffer[];
  /** Word index + 1 per (first byte, third byte); 0: no word. */
  private readonly byPair = new Uint8Array(1 << 16);

  constructor(texts: readonly string[]) {
    this.words = texts.map((text) => Buffer.from(text, 'latin1'));
    this.words.forEach((word, index) => {
      const pair = (word[0]! << 8) | word[2]!;
      if (this.byPair[pair] !== 0) throw new Error(`'${texts[index]}' shares its first and third letters with another word`);
      this.byPair[pair] = index + 1;
    });
  }

  /** The index of the word spelled exactly by `bytes[start, end)`, or -1. */
  exactly(bytes: Buffer, start: number, end: number): number {
    if (end - start < 3) return -1;
    const index = this.byPair[(bytes[start]! << 8) | bytes[start + 2]!]! - 1;
    return index >= 0 && spells(this.words[index]!, bytes, start, end) ? index : -1;
  }

  /** The index of the word that starts at `start` and is followed by a quote before `end`, or -1. */
  quotedAt(bytes: Buffer, start: number, end: number): number {
    const index = this.byPair[(bytes[start]! << 8) | (bytes[start + 2]! & 0xff)]! - 1;
    if (index < 0) return -1;
    const wordEnd = start + this.words[index]!.length;
    return wordEnd < end && bytes[wordEnd] === QUOTE && spells(this.words[index]!, bytes, start, wordEnd) ? index : -1;
  }
}

const KEYS = new WordsByFirstAndThird(TICKET_LOG_KEYS);
const KINDS = new WordsByFirstAndThird(TICKET_EVENT_KINDS);

export class TicketRowBytes {
  /** The row read by the last `read` that returned true; `row.ticket` is left empty (see `ticket`). */
  readonly row: ValidTicketRow = emptyValidRow();
  /** The ticket id of that row: ASCII bytes `[ticketStart, ticketEnd)` of the line, and their `hashOfAscii`. */
  ticketStart = 0;
  ticketEnd = 0;
  ticketHash = 0;

  /** Per key: how its value was written, and where (a string's bytes inside its quotes; a number's digits). */
  private readonly written = new Uint8Array(KEY_COUNT);
  private readonly starts = new Int32Array(KEY_COUNT);
  private readonly ends = new Int32Array(KEY_COUNT);
  /** Per HASHED_KEYS key written as text: the FNV-1a hash of its bytes (`hashOfAscii`, `ByteValueTable`'s hash). */
  private readonly hashes = new Uint32Array(KEY_COUNT);
  /**
   * A bit `1 << key` per key written with a value that is not empty (not
   * null, not ""): with STRAY_KEYS_OF_KIND, one comparison finds a row that
   * gives a value its event does not read (SLA4054), which `row.stray`
   * then names for the collector to count.
   */
  private given = 0;
  /** The bits of every byte of the ticket id written as text or digits, OR-ed: below 0x80 when it is ASCII. */
  private ticketBits = 0;
  /** The time and the event kind of the line, read where the scan crossed them (valid only when written as TEXT). */
  private time = 0;
  private kind = 0;
  /** Where each field of a CSV line starts (and, one past its comma, the next). */
  private fieldStarts = new Int32Array(16);
  private readonly severities: ByteValueTable<string>;
  private readonly channels: ByteValueTable<number>;
  private readonly statuses = new ByteValueTable<string>((text) => text);
  private readonly authors = new ByteValueTable<string>((text) => (REPLY_AUTHORS.includes(text as ReplyAuthor) ? text : undefined));

  constructor(private readonly vocabulary: LogVocabulary) {
    // As validateTicketRow resolves them: a name exactly, else a `matches` value.
    this.severities = new ByteValueTable((text) => (vocabulary.severities.has(text) ? text : vocabulary.severityMatches.get(matchKey(text))));
    this.channels = new ByteValueTable((text) => vocabulary.channelIndex.get(text) ?? vocabulary.channelMatches.get(matchKey(text)));
  }

  /** Reads the line `bytes[start, end)` into `row`; false when it needs the general path. */
  read(bytes: Buffer, start: number, end: number): boolean {
    return this.scan(bytes, start, end) && this.validate(bytes);
  }

  /**
   * Reads a CSV line `bytes[start, end)` into `row`: a record without quotes
   * whose fields are `columns.count` (the general path then splits it with
   * `split(',')` and reads every value as text); false when it needs the
   * general path.
   */
  readCsv(bytes: Buffer, start: number, end: number, columns: CsvColumns): boolean {
    if (start === end) return false;
    const fieldStarts = this.fieldStarts.length > columns.count ? this.fieldStarts : (this.fieldStarts = new Int32Array(columns.count + 2));
    let count = 0;
    fieldStarts[0] = start;
    for (let at = start; at < end; at++) {
      const code = bytes[at];
      if (code === COMMA) {
        if (++count >= columns.count) return false;
        fieldStarts[count] = at + 1;
      } else if (code === QUOTE) return false;
    }
    if (count + 1 !== columns.count) return false;
    fieldStarts[count + 1] = end + 1;
    const { written, starts, ends, hashes } = this;
    const columnOfKey = columns.columnOfKey;
    let given = 0;
    for (let key = 0; key < KEY_COUNT; key++) {
      const column = columnOfKey[key]!;
      if (column < 0) {
        written[key] = ABSENT;
        continue;
      }
      const valueStart = fieldStarts[column]!;
      const valueEnd = fieldStarts[column + 1]! - 1;
      written[key] = TEXT;
      starts[key] = valueStart;
      ends[key] = valueEnd;
      if (valueEnd > valueStart) given |= 1 << key;
      if (HASHED_KEYS[key] === 0) continue;
      let hash = FNV_OFFSET;
      let bits = 0;
      for (let at = valueStart; at < valueEnd; at++) {
        const code = bytes[at]!;
        bits |= code;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
      hashes[key] = hash;
      if (key === KEY_TICKET) this.ticketBits = bits;
    }
    this.given = given;
    if (written[KEY_TIME] !== TEXT || written[KEY_EVENT] !== TEXT) return false;
    const time = parseCommonInstantBytes(bytes, starts[KEY_TIME]!, ends[KEY_TIME]!);
    const kind = KINDS.exactly(bytes, starts[KEY_EVENT]!, ends[KEY_EVENT]!);
    if (time === undefined || kind < 0) return false;
    this.time = time;
    this.kind = kind;
    return this.validate(bytes);
  }

  /**
   * Finds each key's value on a flat line, in one pass over its bytes:
   * strings are checked for escapes and control characters, and the ticket
   * id and looked-up values hashed, as they are crossed. False on any other
   * shape.
   */
  private scan(bytes: Buffer, start: number, end: number): boolean {
    const { written, starts, ends, hashes } = this;
    for (let key = 0; key < KEY_COUNT; key++) written[key] = ABSENT;
    let given = 0;
    if (end - start < 2 || bytes[start] !== OPEN || bytes[start + 1] === CLOSE) return false;
    let at = start + 1;
    for (;;) {
      if (bytes[at] !== QUOTE) return false;
      const key = KEYS.quotedAt(bytes, at + 1, end);
      if (key < 0 || written[key] !== ABSENT) return false;
      at += KEYS.words[key]!.length + 2;
      if (bytes[at] !== COLON) return false;
      const first = bytes[++at];
      if (first === QUOTE && key === KEY_TIME) {
        // The time read as its bytes are crossed: every byte of a time parseCommonInstantBytes takes is a
        // digit or one of `-T:.Z+`, so a quote right after one is where the string ends.
        const valueStart = at + 1;
        at = valueStart + COMMON_TIME_LENGTH;
        let time = at < end && bytes[at] === QUOTE ? parseCommonInstantBytes(bytes, valueStart, at) : undefined;
        if (time === undefined) {
          at = endOfString(bytes, valueStart, end);
          if (at < 0) return false;
          time = parseCommonInstantBytes(bytes, valueStart, at);
          if (time === undefined) return false;
        }
        written[key] = TEXT;
        starts[key] = valueStart;
        ends[key] = at;
        this.time = time;
        at++;
      } else if (first === QUOTE && key === KEY_EVENT) {
        // A kind is letters: followed by a quote, it is the whole string. Any other value leaves the row to the general path.
        const valueStart = at + 1;
        const kind = KINDS.quotedAt(bytes, valueStart, end);
        if (kind < 0) return false;
        written[key] = TEXT;
        starts[key] = valueStart;
        at = valueStart + KINDS.words[kind]!.length;
        ends[key] = at;
        this.kind = kind;
        at++;
      } else if (first === QUOTE) {
        const valueStart = at + 1;
        let hash = FNV_OFFSET;
        let bits = 0;
        // The string's end; an escape or a control character leaves it to the general path.
        if (HASHED_KEYS[key] === 0) {
          at = endOfString(bytes, valueStart, end);
          if (at < 0) return false;
        } else {
          for (at = valueStart; at < end; at++) {
            const code = bytes[at]!;
            if (code === QUOTE) break;
            if (code === BACKSLASH || code < SPACE) return false;
            bits |= code;
            hash = Math.imul(hash ^ code, FNV_PRIME);
          }
        }
        if (at >= end) return false;
        written[key] = TEXT;
        starts[key] = valueStart;
        ends[key] = at;
        if (at > valueStart) given |= 1 << key;
        hashes[key] = hash;
        if (key === KEY_TICKET) this.ticketBits = bits;
        at++;
      } else if (first === 110) {
        // n
        if (at + 4 > end || bytes[at + 1] !== 117 || bytes[at + 2] !== 108 || bytes[at + 3] !== 108) return false;
        written[key] = NULL;
        at += 4;
      } else {
        const digitsStart = at;
        while (at < end && bytes[at]! >= ZERO && bytes[at]! <= NINE) at++;
        const digits = at - digitsStart;
        // JSON allows no leading zero (`012`); signs, fractions and exponents go the general way.
        if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && first === ZERO)) return false;
        written[key] = NUMBER;
        starts[key] = digitsStart;
        ends[key] = at;
        given |= 1 << key;
      }
      if (at >= end) return false;
      const next = bytes[at];
      if (next === COMMA) {
        at++;
        continue;
      }
      this.given = given;
      return next === CLOSE && at + 1 === end;
    }
  }

  /** What validateTicketRow makes of the values found, when it finds no problem; false otherwise. */
  private validate(bytes: Buffer): boolean {
    const { written, starts, ends, row } = this;
    // The ticket: text needing no trim, or digits (the text of the number); ASCII either way.
    const ticketWritten = written[KEY_TICKET];
    const ticketStart = starts[KEY_TICKET]!;
    const ticketEnd = ends[KEY_TICKET]!;
    let ticketHash: number;
    if (ticketWritten === TEXT) {
      if (ticketStart === ticketEnd || this.ticketBits >= 0x80 || bytes[ticketStart]! <= SPACE || bytes[ticketEnd - 1]! <= SPACE) return false;
      ticketHash = this.hashes[KEY_TICKET]!;
    } else if (ticketWritten === NUMBER) ticketHash = hashOfAscii(bytes, ticketStart, ticketEnd);
    else return false;
    // Time and kind as the scan (or `readCsv`) read them.
    if (written[KEY_TIME] !== TEXT || written[KEY_EVENT] !== TEXT) return false;
    const time = this.time;
    const kind = this.kind;
    // A value the event does not read (a status on a created row): one comparison for the common row without one.
    const stray = this.given & STRAY_KEYS_OF_KIND[kind]!;
    if (stray !== 0 && !this.plainlyGiven(bytes, stray)) return false;
    const severity = this.textOf(bytes, KEY_SEVERITY, this.severities);
    if (severity === null) return false;
    const channel = this.textOf(bytes, KEY_CHANNEL, this.channels);
    if (channel === null) return false;

    let value: string | undefined;
    let level = 0;
    if (kind === KIND_CREATED) value = severity ?? this.vocabulary.defaultSeverity;
    else if (kind === KIND_SEVERITY) value = severity;
    else if (kind === KIND_STATUS) value = this.textOf(bytes, KEY_STATUS, this.statuses) ?? undefined;
    else if (kind === KIND_REPLY) value = this.textOf(bytes, KEY_AUTHOR, this.authors) ?? undefined;
    else if (kind === KIND_ESCALATED) {
      level = this.level(bytes);
      if (level === 0) return false;
    }
    // A severity, status or reply event without its value is an error.
    if ((kind === KIND_SEVERITY || kind === KIND_STATUS || kind === KIND_REPLY) && value === undefined) return false;

    this.ticketStart = ticketStart;
    this.ticketEnd = ticketEnd;
    this.ticketHash = ticketHash;
    row.time = time;
    row.kind = kind;
    row.value = value;
    row.level = level;
    row.channel = channel ?? -1;
    row.stray = stray;
    return true;
  }

  /**
   * Whether each key of `stray` is given as `isGiven` (stray-values.ts)
   * says: a number, or a string with no blank at either end. A string that
   * starts or ends with a blank, or with a byte beyond ASCII (U+00A0 and
   * the other Unicode blanks `trim()` takes off), may be blank: only the
   * general path can say.
   */
  private plainlyGiven(bytes: Buffer, stray: number): boolean {
    for (let key = 0; key < KEY_COUNT; key++) {
      if ((stray & (1 << key)) === 0 || this.written[key] !== TEXT) continue;
      const first = bytes[this.starts[key]!]!;
      const last = bytes[this.ends[key]! - 1]!;
      if (first <= SPACE || first >= 0x80 || last <= SPACE || last >= 0x80) return false;
    }
    return true;
  }

  /**
   * An optional text value's meaning: undefined when not given (absent, null
   * or ""), null when only the general path can say (a number, a value
   * needing a trim, one the table does not accept).
   */
  private textOf<T>(bytes: Buffer, key: number, table: ByteValueTable<T>): T | undefined | null {
    const written = this.written[key];
    if (written === ABSENT || written === NULL) return undefined;
    if (written === NUMBER) return null;
    const start = this.starts[key]!;
    const end = this.ends[key]!;
    if (start === end) return undefined;
    if (bytes[start]! <= SPACE || bytes[end - 1]! <= SPACE) return null;
    return table.lookUpHashed(bytes, start, end, this.hashes[key]!) ?? null;
  }

  /** The escalation level when it is plainly 1 to 999999 (digits, as a number or text); 0 otherwise. */
  private level(bytes: Buffer): number {
    const written = this.written[KEY_LEVEL];
    if (written !== NUMBER && written !== TEXT) return 0;
    const start = this.starts[KEY_LEVEL]!;
    const end = this.ends[KEY_LEVEL]!;
    if (end - start < 1 || end - start > 6) return 0;
    let level = 0;
    for (let at = start; at < end; at++) {
      const code = bytes[at]!;
      if (code < ZERO || code > NINE) return 0;
      level = level * 10 + (code - ZERO);
    }
    return level;
  }
}

/**
 * The index of the quote closing a string that starts at `from` (after its
 * opening quote), or -1 when it has an escape or a control character (only
 * the general path reads or rejects those) or no end on the line.
 */
function endOfString(bytes: Buffer, from: number, end: number): number {
  for (let at = from; at < end; at++) {
    const code = bytes[at]!;
    if (code === QUOTE) return at;
    if (code === BACKSLASH || code < SPACE) return -1;
  }
  return -1;
}

function spells(word: Buffer, bytes: Buffer, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word[i] !== bytes[start + i]) return false;
  return true;
}
