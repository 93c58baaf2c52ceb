import { DAY_MS, SECOND_MS } from '../clock/civil.js';
import { formatInstant } from '../clock/index.js';
import { offsetAt } from '../clock/zone.js';

/** Bytes gathered before they are handed on: large writes, and one buffer for the whole report. */
const DEFAULT_SIZE = 1 << 20;
/** Bytes a character can take in UTF-8 (a UTF-16 unit never needs more than 3). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * A report written as UTF-8 bytes into one reused buffer, handed on in large
 * pieces. A large report (the JSON report of a million tickets is about a
 * gigabyte) then makes no string per ticket: its pieces never reach the old
 * generation of the heap, and nothing is encoded twice. `flushTo` gets a view
 * of the buffer that is valid only during the call (copy it to keep it).
 * A flush never splits what one call wrote, so every piece handed on ends
 * between characters.
 */
export class ReportBytes {
  /**
   * Where the next byte goes. Writers of many small pieces (see
   * `writeQuotedInstant`) write straight at `position` in `buffer` and move
   * it on, after a `reserve` of at least what they write.
   */
  buffer: Buffer;
  position = 0;

  constructor(
    private readonly flushTo: (bytes: Buffer) => void,
    size = DEFAULT_SIZE,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Room for `count` more bytes: flushes first when they do not fit. */
  reserve(count: number): void {
    if (this.position + count <= this.buffer.length) return;
    this.flush();
    if (count > this.buffer.length) this.buffer = Buffer.allocUnsafe(count);
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    if (text.length * MAX_UTF8_PER_UNIT > this.buffer.length) {
      // A long text (the whole text report) is handed on by itself rather than growing the buffer for good.
      this.flush();
      this.flushTo(Buffer.from(text, 'utf8'));
      return;
    }
    this.reserve(text.length * MAX_UTF8_PER_UNIT);
    this.position += this.buffer.write(text, this.position, 'utf8');
  }

  /** Bytes made once (see `utf8Bytes`); `reserve` first. */
  put(bytes: Uint8Array): void {
    const buffer = this.buffer;
    let position = this.position;
    if (bytes.length > 16) {
      buffer.set(bytes, position);
      this.position = position + bytes.length;
      return;
    }
    // A loop beats the call of `set` only for a few bytes (measured on the JSON report's pieces, 17-110 bytes).
    for (let index = 0; index < bytes.length; index++) buffer[position++] = bytes[index]!;
    this.position = position;
  }

  /** `length` bytes of `bytes` from `start` (no view made); `reserve` first. */
  putRange(bytes: Uint8Array, start: number, length: number): void {
    const buffer = this.buffer;
    let position = this.position;
    for (let index = start; index < start + length; index++) buffer[position++] = bytes[index]!;
    this.position = position;
  }

  /** Bytes of any length, copied in one go (a ticket that a `--jobs N` worker thread wrote out). */
  copy(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  /** One byte (an ASCII character); `reserve` first. */
  byte(code: number): void {
    this.buffer[this.position++] = code;
  }

  /**
   * `text` as a JSON string when it is printable ASCII with nothing to
   * escape (ticket ids nearly always are), written character by character;
   * false, with nothing written, otherwise. `reserve(text.length + 2)` first.
   */
  plainJsonString(text: string): boolean {
    const buffer = this.buffer;
    const start = this.position;
    let position = start;
    buffer[position++] = QUOTE;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code >= 0x7f || code === QUOTE || code === BACKSLASH) return false;
      buffer[position++] = code;
    }
    buffer[position++] = QUOTE;
    this.position = position;
    return true;
  }

  /**
   * A whole number from 0 to 2^53 in decimal, as `String` writes it;
   * `reserve(16)` first.
   */
  wholeNumber(value: number): void {
    const buffer = this.buffer;
    let digits = 1;
    for (let power = 10; power <= value; power *= 10) digits++;
    let position = this.position + digits;
    this.position = position;
    let rest = value;
    do {
      const next = Math.floor(rest / 10);
      buffer[--position] = ZERO + (rest - next * 10);
      rest = next;
    } while (rest > 0);
  }

  /** Hands on what is gathered. */
  flush(): void {
    if (this.position === 0) return;
    const bytes = this.buffer.subarray(0, this.position);
    this.position = 0;
    this.flushTo(bytes);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ZERO = 0x30;
const COLON = 0x3a;

/** Text as UTF-8 bytes, for pieces written many times. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/**
 * `numberString` (verdict-text.ts) of a minutes value, as bytes: a whole
 * number of ten-thousandths below 10^15 is written as its whole part and
 * the fraction without trailing zeros, anything else through `String`.
 * test/runtime/report/report-bytes.test.ts compares the two.
 */
export function writeMinutes(out: ReportBytes, value: number): void {
  out.reserve(32);
  const scaled = Math.round(value * 10_000);
  if (!(scaled >= 0 && scaled < 1e15 && scaled / 10_000 === value)) {
    out.text(String(value));
    return;
  }
  const whole = Math.floor(scaled / 10_000);
  if (whole < SMALL_WHOLES) {
    // Nearly every figure of a report (elapsed and target minutes) is below 10,000: its digits come from a table.
    const small = whole | 0; // a small integer indexes the tables quicker than a double
    const buffer = out.buffer;
    let position = out.position;
    const from = small * 4;
    for (let index = from + 4 - SMALL_WHOLE_DIGITS[small]!; index < from + 4; index++) buffer[position++] = SMALL_WHOLE_TEXT[index]!;
    out.position = position;
  } else out.wholeNumber(whole);
  writeFraction(out, (scaled - whole * 10_000) | 0);
}

/** Whole numbers below this have their digits in `SMALL_WHOLE_TEXT`. */
const SMALL_WHOLES = 10_000;
/** 0 to 9999 as four digits each, leading zeros included (the digits used are the last `SMALL_WHOLE_DIGITS`). */
const SMALL_WHOLE_TEXT = new Uint8Array(SMALL_WHOLES * 4);
const SMALL_WHOLE_DIGITS = new Uint8Array(SMALL_WHOLES);
/** `.` and the digits of 1 to 9999 ten-thousandths without trailing zeros, five bytes each (the used ones first). */
const FRACTION_TEXT = new Uint8Array(10_000 * 5);
const FRACTION_LENGTH = new Uint8Array(10_000);
for (let value = 0; value < SMALL_WHOLES; value++) {
  const digits = String(value).padStart(4, '0');
  for (let index = 0; index < 4; index++) SMALL_WHOLE_TEXT[value * 4 + index] = digits.charCodeAt(index);
  SMALL_WHOLE_DIGITS[value] = String(value).length;
  if (value === 0) continue;
  const fraction = `.${digits}`.replace(/0+$/, '');
  for (let index = 0; index < fraction.length; index++) FRACTION_TEXT[value * 5 + index] = fraction.charCodeAt(index);
  FRACTION_LENGTH[value] = fraction.length;
}

/** The fraction of `tenThousandths` (0 to 9999) as `numberString` ends: nothing for 0. */
function writeFraction(out: ReportBytes, tenThousandths: number): void {
  const length = FRACTION_LENGTH[tenThousandths]!;
  if (length === 0) return;
  const buffer = out.buffer;
  let position = out.position;
  const from = tenThousandths * 5;
  for (let index = from; index < from + length; index++) buffer[position++] = FRACTION_TEXT[index]!;
  out.position = position;
}

/** `"YYYY-MM-DDT` of recent local days, by day number modulo the cache's size. */
const DATE_CACHE_SIZE = 1024;
const DATE_LENGTH = 11;
const QUOTED_DATE_LENGTH = DATE_LENGTH + 1;
const cachedDays = new Float64Array(DATE_CACHE_SIZE).fill(NaN);
const cachedDates = new Uint8Array(DATE_CACHE_SIZE * QUOTED_DATE_LENGTH);
/** `00` to `59` (two bytes each): the hours, minutes and seconds of a time. */
const TWO_DIGITS = new Uint8Array(120);
for (let value = 0; value < 60; value++) {
  TWO_DIGITS[value * 2] = ZERO + Math.floor(value / 10);
  TWO_DIGITS[value * 2 + 1] = ZERO + (value % 10);
}
/** `+HH:MM"` (or `+HH:MM:SS"`, or `Z"`) of each offset met, in ms; the last one also kept aside, as it nearly always comes next. */
const offsetTexts = new Map<number, Uint8Array>();
let lastOffset = NaN;
let lastOffsetText: Uint8Array = new Uint8Array(0);

/**
 * `"` + `formatInstant(instant, zone)` + `"` as bytes (a zone is always
 * given: report instants are in a calendar's zone). The date of a local day
 * is made once and kept (a report's instants fall on a few hundred days),
 * as is the text of an offset; the time is written from a table of two
 * digits. Same text as `formatInstant`: test/runtime/report/report-bytes.test.ts
 * compares them.
 */
export function writeQuotedInstant(out: ReportBytes, instant: number, zone: string): void {
  if (!Number.isFinite(instant)) formatInstant(instant, zone); // throws its RangeError
  const seconds = Math.floor(instant / SECOND_MS) * SECOND_MS;
  const offset = offsetAt(zone, seconds);
  const local = seconds + offset;
  const day = Math.floor(local / DAY_MS);
  const slot = day & (DATE_CACHE_SIZE - 1);
  if (seconds !== instant || (cachedDays[slot] !== day && !cacheDate(day, slot))) {
    // An instant with milliseconds (rare: a log may give them), or a year outside 0000-9999 (a longer date): written as text.
    out.reserve(1);
    out.byte(QUOTE);
    out.text(formatInstant(instant, zone));
    out.reserve(1);
    out.byte(QUOTE);
    return;
  }
  if (offset !== lastOffset) {
    lastOffsetText = offsetText(offset, seconds, zone);
    lastOffset = offset;
  }
  const suffix = lastOffsetText;
  out.reserve(QUOTED_DATE_LENGTH + 8 + suffix.length);
  const buffer = out.buffer;
  const position = out.position;
  writeDate(buffer, position, slot * QUOTED_DATE_LENGTH);
  // Below 86,400: small integers, so `| 0` truncates as `Math.floor` would.
  const second = ((local - day * DAY_MS) / SECOND_MS) | 0;
  const hour = (second / 3600) | 0;
  const minute = ((second / 60) | 0) - hour * 60;
  writeTwoDigits(buffer, position + 12, hour);
  buffer[position + 14] = COLON;
  writeTwoDigits(buffer, position + 15, minute);
  buffer[position + 17] = COLON;
  writeTwoDigits(buffer, position + 18, second - hour * 3600 - minute * 60);
  if (suffix.length === 7) writeOffset(buffer, position + 20, suffix);
  else for (let index = 0; index < suffix.length; index++) buffer[position + 20 + index] = suffix[index]!;
  out.position = position + 20 + suffix.length;
}

/*
 * The copies below are written out byte by byte: a loop over a dozen bytes
 * costs about as much again in its own steps and its mispredicted end.
 */

/** The 12 bytes of a cached `"YYYY-MM-DDT` from `from` in `cachedDates`. */
function writeDate(buffer: Buffer, position: number, from: number): void {
  const dates = cachedDates;
  buffer[position] = dates[from]!;
  buffer[position + 1] = dates[from + 1]!;
  buffer[position + 2] = dates[from + 2]!;
  buffer[position + 3] = dates[from + 3]!;
  buffer[position + 4] = dates[from + 4]!;
  buffer[position + 5] = dates[from + 5]!;
  buffer[position + 6] = dates[from + 6]!;
  buffer[position + 7] = dates[from + 7]!;
  buffer[position + 8] = dates[from + 8]!;
  buffer[position + 9] = dates[from + 9]!;
  buffer[position + 10] = dates[from + 10]!;
  buffer[position + 11] = dates[from + 11]!;
}

/** An offset's usual 7 bytes, `+HH:MM"`. */
function writeOffset(buffer: Buffer, position: number, suffix: Uint8Array): void {
  buffer[position] = suffix[0]!;
  buffer[position + 1] = suffix[1]!;
  buffer[position + 2] = suffix[2]!;
  buffer[position + 3] = suffix[3]!;
  buffer[position + 4] = suffix[4]!;
  buffer[position + 5] = suffix[5]!;
  buffer[position + 6] = suffix[6]!;
}

/** Keeps `"YYYY-MM-DDT` of a local day in its slot; false for a year outside 0000-9999. */
function cacheDate(day: number, slot: number): boolean {
  const text = formatInstant(day * DAY_MS).slice(0, DATE_LENGTH);
  if (text.length !== DATE_LENGTH || text[DATE_LENGTH - 1] !== 'T') return false;
  cachedDays[slot] = day;
  cachedDates[slot * QUOTED_DATE_LENGTH] = QUOTE;
  for (let index = 0; index < DATE_LENGTH; index++) cachedDates[slot * QUOTED_DATE_LENGTH + 1 + index] = text.charCodeAt(index);
  return true;
}

/** The offset's text as `formatInstant` ends, and the closing quote. */
function offsetText(offset: number, seconds: number, zone: string): Uint8Array {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    text = utf8Bytes(`${formatInstant(seconds, zone).slice(DATE_LENGTH + 8)}"`);
    offsetTexts.set(offset, text);
  }
  return text;
}

function writeTwoDigits(buffer: Buffer, position: number, value: number): void {
  buffer[position] = TWO_DIGITS[value * 2]!;
  buffer[position + 1] = TWO_DIGITS[value * 2 + 1]!;
}
