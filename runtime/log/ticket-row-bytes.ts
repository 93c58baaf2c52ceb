import { ByteValueTable } from './byte-values.js';
import type { ReplyAuthor } from './events.js';
import { parseCommonInstantBytes } from './instant.js';
import type { CsvColumns } from './log-rows.js';
import { hashOfAscii } from './ticket-ids.js';
import { matchKey, REPLY_AUTHORS, TICKET_LOG_KEYS, type LogVocabulary } from './log-vocabulary.js';
import { emptyValidRow, type ValidTicketRow } from './ticket-row.js';
import { TICKET_EVENT_KINDS } from './events.js';

/**
 * The valid ticket row almost every line of a large log is, read straight
 * from the file's bytes into a validated row: no string per line or per
 * value, each severity, channel, status and author checked once per distinct
 * value (`ByteValueTable`), the ticket id numbered from its bytes.
 * docs/check.md "Performance" has the measurements.
 *
 * The shapes taken: an NDJSON line that is one flat object of ticket log
 * keys, each given once, no blanks between tokens, values that are strings
 * without escapes or control characters, whole numbers without a sign or
 * null; a CSV line that is a whole record without quotes, with as many
 * fields as the header. In both, an ASCII ticket id (or digits), a time of
 * `parseCommonInstant`'s shape, and a row that `validateTicketRow` accepts
 * with no error and no warning. Anything else is declined and the line takes
 * the general path (decode; `FlatRowReader` or `JSON.parse`, or the CSV
 * record splitter; `validateTicketRow`), which alone decides errors. So a
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

const KEY_BYTES = TICKET_LOG_KEYS.map((key) => Buffer.from(key, 'latin1'));
/** Key indexes by the first byte of their name, to match a key in one pass. */
const KEYS_BY_FIRST_BYTE: (number[] | undefined)[] = [];
KEY_BYTES.forEach((word, index) => (KEYS_BY_FIRST_BYTE[word[0]!] ??= []).push(index));
const KIND_BYTES = TICKET_EVENT_KINDS.map((kind) => Buffer.from(kind, 'latin1'));

export class TicketRowBytes {
  /** The row read by the last `read` that returned true; `row.ticket` is left empty (see `ticket`). */
  readonly row: ValidTicketRow = emptyValidRow();
  /** The ticket id of that row: ASCII bytes `[ticketStart, ticketEnd)` of the line, and their `hashOfAscii`. */
  ticketStart = 0;
  ticketEnd = 0;
  ticketHash = 0;

  /** Per key: how its value was written, and where (a string's bytes inside its quotes; a number's digits). */
  private readonly written = new Uint8Array(KEY_BYTES.length);
  private readonly starts = new Int32Array(KEY_BYTES.length);
  private readonly ends = new Int32Array(KEY_BYTES.length);
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
    const { written, starts, ends } = this;
    const columnOfKey = columns.columnOfKey;
    for (let key = 0; key < written.length; key++) {
      const column = columnOfKey[key]!;
      if (column < 0) {
        written[key] = ABSENT;
        continue;
      }
      written[key] = TEXT;
      starts[key] = fieldStarts[column]!;
      ends[key] = fieldStarts[column + 1]! - 1;
    }
    return this.validate(bytes);
  }

  /** Finds each key's value on a flat line; false on any other shape. */
  private scan(bytes: Buffer, start: number, end: number): boolean {
    const written = this.written;
    for (let key = 0; key < written.length; key++) written[key] = ABSENT;
    if (end - start < 2 || bytes[start] !== OPEN || bytes[start + 1] === CLOSE) return false;
    let at = start + 1;
    for (;;) {
      if (bytes[at] !== QUOTE) return false;
      const key = keyAt(bytes, at + 1, end);
      if (key < 0 || written[key] !== ABSENT) return false;
      at += KEY_BYTES[key]!.length + 2;
      if (bytes[at] !== COLON) return false;
      at++;
      const first = bytes[at];
      if (first === QUOTE) {
        const valueEnd = endOfString(bytes, at + 1, end);
        if (valueEnd < 0) return false;
        written[key] = TEXT;
        this.starts[key] = at + 1;
        this.ends[key] = valueEnd;
        at = valueEnd + 1;
      } else if (first === 110) {
        // n
        if (at + 4 > end || bytes[at + 1] !== 117 || bytes[at + 2] !== 108 || bytes[at + 3] !== 108) return false;
        written[key] = NULL;
        at += 4;
      } else {
        let digitsEnd = at;
        while (digitsEnd < end && bytes[digitsEnd]! >= ZERO && bytes[digitsEnd]! <= NINE) digitsEnd++;
        const digits = digitsEnd - at;
        // JSON allows no leading zero (`012`); signs, fractions and exponents go the general way.
        if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && first === ZERO)) return false;
        written[key] = NUMBER;
        this.starts[key] = at;
        this.ends[key] = digitsEnd;
        at = digitsEnd;
      }
      if (at >= end) return false;
      const next = bytes[at];
      if (next === COMMA) {
        at++;
        continue;
      }
      return next === CLOSE && at + 1 === end;
    }
  }

  /** What validateTicketRow makes of the values found, when it finds no problem; false otherwise. */
  private validate(bytes: Buffer): boolean {
    const { written, starts, ends, row } = this;
    // The ticket: text needing no trim, or digits (the text of the number).
    const ticketWritten = written[KEY_TICKET];
    const ticketStart = starts[KEY_TICKET]!;
    const ticketEnd = ends[KEY_TICKET]!;
    if (ticketWritten === TEXT ? !isTrimmedAscii(bytes, ticketStart, ticketEnd) : ticketWritten !== NUMBER) return false;
    if (written[KEY_TIME] !== TEXT || written[KEY_EVENT] !== TEXT) return false;
    const time = parseCommonInstantBytes(bytes, starts[KEY_TIME]!, ends[KEY_TIME]!);
    if (time === undefined) return false;
    const kind = kindIndex(bytes, starts[KEY_EVENT]!, ends[KEY_EVENT]!);
    if (kind < 0) return false;
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
    this.ticketHash = hashOfAscii(bytes, ticketStart, ticketEnd);
    row.time = time;
    row.kind = kind;
    row.value = value;
    row.level = level;
    row.channel = channel ?? -1;
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
    return table.lookUp(bytes, start, end) ?? null;
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

/** A ticket id read as bytes: not empty, no blank at either end, ASCII only. */
function isTrimmedAscii(bytes: Buffer, start: number, end: number): boolean {
  if (start === end || bytes[start]! <= SPACE || bytes[end - 1]! <= SPACE) return false;
  for (let at = start; at < end; at++) if (bytes[at]! >= 0x80) return false;
  return true;
}

/**
 * The index in TICKET_LOG_KEYS of the key whose text starts at `at` (after
 * its opening quote) and is closed by a quote, or -1. A key's name has no
 * escape, so a match is the whole key as JSON reads it.
 */
function keyAt(bytes: Buffer, at: number, end: number): number {
  const candidates = KEYS_BY_FIRST_BYTE[bytes[at]!];
  if (candidates === undefined) return -1;
  for (const index of candidates) {
    const word = KEY_BYTES[index]!;
    if (at + word.length < end && bytes[at + word.length] === QUOTE && spells(word, bytes, at, at + word.length)) return index;
  }
  return -1;
}

/** The index in TICKET_EVENT_KINDS of the kind spelled `bytes[start, end)`, or -1. */
function kindIndex(bytes: Buffer, start: number, end: number): number {
  for (let index = 0; index < KIND_BYTES.length; index++) if (spells(KIND_BYTES[index]!, bytes, start, end)) return index;
  return -1;
}

function spells(word: Buffer, bytes: Buffer, start: number, end: number): boolean {
  if (word.length !== end - start || word[0] !== bytes[start]) return false;
  for (let i = 1; i < word.length; i++) if (word[i] !== bytes[start + i]) return false;
  return true;
}
