import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../clock/civil.js';
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
  private buffer: Buffer;
  private position = 0;

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
    if (bytes.length > 64) {
      buffer.set(bytes, position);
      this.position = position + bytes.length;
      return;
    }
    // Pieces are mostly a few dozen bytes: a loop is as quick as `set`, without its call.
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
const DOT = 0x2e;
const COLON = 0x3a;

/** Text as UTF-8 bytes, for pieces written many times. */
export function utf8Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/**
 * `numberString` (verdict-text.ts) of a minutes value, as bytes: a whole
 * number of ten-thousandths below 10^11 is written digit by digit (whole
 * part, then the fraction without trailing zeros), anything else through
 * `String`. test/runtime/report/report-bytes.test.ts compares the two.
 */
export function writeMinutes(out: ReportBytes, value: number): void {
  out.reserve(32);
  const scaled = Math.round(value * 10_000);
  if (!(scaled >= 0 && scaled < 1e15 && scaled / 10_000 === value)) {
    out.text(String(value));
    return;
  }
  const whole = Math.floor(scaled / 10_000);
  out.wholeNumber(whole);
  let fraction = scaled - whole * 10_000;
  if (fraction === 0) return;
  let digits = 4;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  out.byte(DOT);
  for (let power = 10 ** (digits - 1); power >= 1; power /= 10) {
    const digit = Math.floor(fraction / power);
    out.byte(ZERO + digit);
    fraction -= digit * power;
  }
}

/** `YYYY-MM-DDT` of recent local days, by day number modulo the cache's size. */
const DATE_CACHE_SIZE = 1024;
const DATE_LENGTH = 11;
const cachedDays = new Float64Array(DATE_CACHE_SIZE).fill(NaN);
const cachedDates = new Uint8Array(DATE_CACHE_SIZE * DATE_LENGTH);
/** `+HH:MM` (or `+HH:MM:SS`, or `Z`) of each offset met, in ms. */
const offsetTexts = new Map<number, Uint8Array>();

/**
 * `"` + `formatInstant(instant, zone)` + `"` as bytes (a zone is always
 * given: report instants are in a calendar's zone). The date of a local day
 * is made once and kept (a report's instants fall on a few hundred days),
 * the time is written digit by digit. Same text as `formatInstant`:
 * test/runtime/report/report-bytes.test.ts compares them.
 */
export function writeQuotedInstant(out: ReportBytes, instant: number, zone: string): void {
  if (!Number.isFinite(instant)) formatInstant(instant, zone); // throws its RangeError
  const seconds = Math.floor(instant / SECOND_MS) * SECOND_MS;
  const offset = offsetAt(zone, seconds);
  const local = seconds + offset;
  const day = Math.floor(local / DAY_MS);
  out.reserve(40);
  out.byte(QUOTE);
  const slot = day & (DATE_CACHE_SIZE - 1);
  if (cachedDays[slot] !== day) {
    const text = formatInstant(day * DAY_MS).slice(0, DATE_LENGTH);
    // A year outside 0000-9999 has a longer date: not cached, written as text.
    if (text.length !== DATE_LENGTH || text[DATE_LENGTH - 1] !== 'T') {
      out.text(formatInstant(instant, zone));
      out.byte(QUOTE);
      return;
    }
    cachedDays[slot] = day;
    for (let index = 0; index < DATE_LENGTH; index++) cachedDates[slot * DATE_LENGTH + index] = text.charCodeAt(index);
  }
  out.putRange(cachedDates, slot * DATE_LENGTH, DATE_LENGTH);
  const time = local - day * DAY_MS;
  twoDigits(out, Math.floor(time / HOUR_MS));
  out.byte(COLON);
  twoDigits(out, Math.floor((time % HOUR_MS) / MINUTE_MS));
  out.byte(COLON);
  twoDigits(out, Math.floor((time % MINUTE_MS) / SECOND_MS));
  let offsetText = offsetTexts.get(offset);
  if (offsetText === undefined) {
    const formatted = formatInstant(seconds, zone);
    offsetText = utf8Bytes(formatted.slice(DATE_LENGTH + 8));
    offsetTexts.set(offset, offsetText);
  }
  out.put(offsetText);
  out.byte(QUOTE);
}

function twoDigits(out: ReportBytes, value: number): void {
  const tens = Math.floor(value / 10);
  out.byte(ZERO + tens);
  out.byte(ZERO + value - tens * 10);
}
