import { civilFromDay, DAY_MS, dayFromCivil, HOUR_MS, isRealDate, MINUTE_MS, SECOND_MS } from '../runtime/clock/civil.js';
import { timePartsProblem } from '../runtime/log/time-advice.js';

/**
 * Times as warehouses and APIs write them: `2020-02-19 01:54:52`, with an
 * optional fraction, a `T` instead of the space, seconds left out
 * (`2024-03-04T09:00Z`), and an optional offset: `Z`, `UTC`, `+01:00`,
 * `+0100`, or hours alone as Postgres writes a timestamptz (`+00`, `-05`).
 * Fivetran stores every timestamp in UTC, so a time without an offset is UTC.
 */
const WAREHOUSE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?: ?(Z|UTC|[+-]\d{2}(?::?\d{2})?))?$/i;

/** A warehouse time read: its instant, and whether the text said its offset. */
export interface WarehouseTime {
  time: number;
  /** False when the text had no offset or `Z` and was read as UTC. */
  hadOffset: boolean;
}

/**
 * Reads a warehouse time, or undefined when it is not one (no such day or
 * hour). The date is built by the civil-date code, not `Date.UTC`, which
 * would read the years 0000-0099 as 1900-1999 (`0001-01-01`, a common
 * placeholder, would become 1901).
 */
export function readWarehouseTime(text: string): WarehouseTime | undefined {
  const match = WAREHOUSE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [fraction, zone] = [match[7], match[8]];
  const wall = wallClockParts(match);
  if (wall === undefined) return undefined;
  const offset = offsetMinutes(zone);
  if (offset === undefined) return undefined;
  const [y, mo, d, h, mi, s] = wall;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  const wallClock = dayFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * SECOND_MS + millis;
  const time = wallClock - offset * MINUTE_MS;
  return logYearProblem(time) === undefined ? { time, hadOffset: zone !== undefined } : undefined;
}

/** 0000-01-01T00:00:00Z and the first instant after 9999-12-31 (UTC): a ticket log writes its times as four-digit years in UTC. */
const FIRST_LOG_TIME = dayFromCivil(0, 1, 1) * DAY_MS;
const END_OF_LOG_TIMES = dayFromCivil(10000, 1, 1) * DAY_MS;

/**
 * Why an instant cannot be a time of the log, or undefined when it can: the
 * log writes UTC with a four-digit year, and `slac check` refuses the
 * `-000001-…` and `+010000-…` a time past either end would be written as
 * (SLA4002), which made the whole imported log fail the check. A time
 * written in the year 0000 or 9999 gets there through its offset
 * (`9999-12-31T23:30:00-01:00`); seconds since 1970 by their size.
 */
export function logYearProblem(time: number): string | undefined {
  if (time >= FIRST_LOG_TIME && time < END_OF_LOG_TIMES) return undefined;
  // 8.64e15 ms is as far as a JavaScript date reaches either way from 1970.
  const when = Math.abs(time) <= 8.64e15 ? `in the year ${civilFromDay(Math.floor(time / DAY_MS)).year}` : time > 0 ? 'after the year 275760' : 'before the year -271821';
  return `in UTC it falls ${when}, and a ticket log holds the years 0000 to 9999`;
}

/** Year, month, day, hour, minute and second of a match, or undefined when there is no such day or hour. */
function wallClockParts(match: RegExpExecArray): [number, number, number, number, number, number] | undefined {
  const [, year, month, day, hour, minute, second = '0'] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  return !isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59 ? undefined : [y, mo, d, h, mi, s];
}

/**
 * What import says after "'VALUE' is not a time", for a time of the shape
 * above, in the words of `slac check` (SLA4002): the first part out of range
 * (`: there is no second 60`, a leap second; `: February 2026 has no day
 * 29`), else an offset no clock has (`: +25:00 is no offset (at most
 * +23:59)`), else a year the log cannot hold; '' for any other value (not
 * text, another shape).
 */
export function warehouseTimeAdvice(value: unknown): string {
  const match = typeof value === 'string' ? WAREHOUSE_TIME.exec(value.trim()) : null;
  if (match === null) return '';
  const [, year, month, day, hour, minute, second, , zone] = match;
  const problem = timePartsProblem(year!, month!, day!, hour, minute, second, zone) ?? yearProblemOf(match);
  return problem === undefined ? '' : `: ${problem}`;
}

/** Why the time of a match, read with its offset, is outside the log's years; undefined when it is inside them or has no offset a clock has. */
function yearProblemOf(match: RegExpExecArray): string | undefined {
  const [y, mo, d, h, mi] = wallClockParts(match)!;
  const offset = offsetMinutes(match[8]);
  return offset === undefined ? undefined : logYearProblem(dayFromCivil(y, mo, d) * DAY_MS + (h * 60 + mi - offset) * MINUTE_MS);
}

/** Epoch milliseconds of a warehouse time, or undefined when it is not one. */
export function parseWarehouseTime(text: string): number | undefined {
  return readWarehouseTime(text)?.time;
}

/**
 * Minutes east of UTC; undefined for an offset no clock has: hours above 23
 * or minutes above 59, which `slac check` refuses too (SLA4002, "at most
 * +23:59"), so an import cannot shift a time by a day and more.
 */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z' || zone.toUpperCase() === 'UTC') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const hours = Number(digits.slice(1, 3));
  const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** The log's form of an instant: ISO 8601 in UTC, without milliseconds when there are none. */
export function formatLogTime(time: number): string {
  const iso = new Date(time).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
