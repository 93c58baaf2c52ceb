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
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)` to epoch milliseconds, or
 * undefined when the text has any other shape (the caller then falls back).
 */
export function parseCommonInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month]! || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2);
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
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** `Z` or `+HH:MM` / `-HH:MM` exactly to the end of the text, in minutes east of UTC. */
function parseOffset(text: string, at: number): number | undefined {
  const sign = text.charCodeAt(at);
  if (sign === 90 && at + 1 === text.length) return 0;
  if ((sign !== 43 && sign !== 45) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 58) return undefined;
  const hours = digits(text, at + 1, 2);
  const minutes = digits(text, at + 4, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  return sign === 45 ? -offset : offset;
}
