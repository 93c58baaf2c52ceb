import { parseInstant } from '../clock/index.js';

/**
 * Reads a log time. The common shape, `2026-03-02T09:15:00Z` or with a
 * `+01:00` offset, is read here without allocating, because a large log has
 * millions of them; every other shape goes to the clock's `parseInstant`,
 * which alone decides what is accepted. A test checks that both agree.
 */
export function parseLogInstant(text: string, assumeZone: string | undefined): number | undefined {
  const fast = parseCommonInstant(text);
  return fast !== undefined ? fast : parseInstant(text, assumeZone);
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)` to epoch milliseconds, or
 * undefined when the text has any other shape (the caller then falls back).
 */
export function parseCommonInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]! || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, at + 1);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === 46) {
      const fractionStart = at + 1;
      at = fractionStart;
      while (at < length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
      const count = at - fractionStart;
      if (count === 0 || count > 3) return undefined;
      millis = digits(text, fractionStart, count) * (count === 1 ? 100 : count === 2 ? 10 : 1);
    }
  }
  const offset = parseOffset(text, at);
  if (offset === undefined) return undefined;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + (minute - offset) * 60_000 + second * 1000 + millis;
}

/**
 * `parseCommonInstant` on UTF-8 bytes (`bytes[start, end)`), for the NDJSON
 * reader that never decodes the common row to text. The same shapes, the
 * same checks and the same result; a test compares both on many texts.
 */
export function parseCommonInstantBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  const length = end - start;
  if (length < 17 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45 || bytes[start + 10] !== 84 || bytes[start + 13] !== 58) return undefined;
  const year = digitsAt(bytes, start, 4);
  const month = twoDigitsAt(bytes, start + 5);
  const day = twoDigitsAt(bytes, start + 8);
  const hour = twoDigitsAt(bytes, start + 11);
  const minute = twoDigitsAt(bytes, start + 14);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]! || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  let at = start + 16;
  let second = 0;
  let millis = 0;
  if (bytes[at] === 58 && at < end) {
    second = at + 2 < end ? twoDigitsAt(bytes, at + 1) : -1;
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (bytes[at] === 46 && at < end) {
      const fractionStart = at + 1;
      at = fractionStart;
      while (at < end && bytes[at]! >= 48 && bytes[at]! <= 57) at++;
      const count = at - fractionStart;
      if (count === 0 || count > 3) return undefined;
      millis = digitsAt(bytes, fractionStart, count) * (count === 1 ? 100 : count === 2 ? 10 : 1);
    }
  }
  const offset = offsetAtBytes(bytes, at, end);
  if (offset === undefined) return undefined;
  return daysOf(year, month, day) * 86_400_000 + hour * 3_600_000 + (minute - offset) * 60_000 + second * 1000 + millis;
}

function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = bytes[i]! - 48;
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

function twoDigitsAt(bytes: Uint8Array, at: number): number {
  const tens = bytes[at]! - 48;
  const ones = bytes[at + 1]! - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** `parseOffset` on bytes. */
function offsetAtBytes(bytes: Uint8Array, at: number, end: number): number | undefined {
  if (at >= end) return undefined;
  const sign = bytes[at];
  if (sign === 90 && at + 1 === end) return 0;
  if ((sign !== 43 && sign !== 45) || at + 6 !== end || bytes[at + 3] !== 58) return undefined;
  const hours = twoDigitsAt(bytes, at + 1);
  const minutes = twoDigitsAt(bytes, at + 4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  return sign === 45 ? -offset : offset;
}

/** The last date read and its day number: a log's times mostly share their day with the row before. */
let cachedDate = -1;
let cachedDays = 0;

/** `daysFromCivil`, remembering the last date. */
function daysOf(year: number, month: number, day: number): number {
  const date = (year * 16 + month) * 32 + day;
  if (date !== cachedDate) {
    cachedDate = date;
    cachedDays = daysFromCivil(year, month, day);
  }
  return cachedDays;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); cheaper than Date.UTC. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `Z` or `+HH:MM` / `-HH:MM` exactly to the end of the text, in minutes east of UTC. */
function parseOffset(text: string, at: number): number | undefined {
  const sign = text.charCodeAt(at);
  if (sign === 90 && at + 1 === text.length) return 0;
  if ((sign !== 43 && sign !== 45) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 58) return undefined;
  const hours = twoDigits(text, at + 1);
  const minutes = twoDigits(text, at + 4);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  return sign === 45 ? -offset : offset;
}
