/**
 * The days a recurrence rule names, by its BY parts, as RFC 5545 defines
 * them: the checks that keep ical.js's moved or misplaced days out of a
 * holiday file's occurrences (ical-occurrences.ts), and civil-day helpers.
 */
import type { RuleParts } from './ical-values.js';

/**
 * Occurrences after this year change nothing: the clock looks at open time
 * from 1800-01-01 to 2400-01-01 only (runtime/clock/calendar.ts), and a
 * holiday at the very end of 2400 can still touch 2400-01-01 across zones.
 */
export const LAST_HOLIDAY_YEAR = 2400;

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** UTC midnight of a civil date; `setUTCFullYear` keeps years 0-99 (Date.UTC maps them to 1900-1999). */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((utcDate(year, month, day).getTime() - utcDate(year, 1, 1).getTime()) / 86_400_000) + 1;
}

/** Whether `value` (1-based position counted from the start) is named by `wanted`, where negative counts from the end. */
export function positionFits(wanted: number, position: number, count: number): boolean {
  return wanted > 0 ? position === wanted : position === count + wanted + 1;
}

export function listOf(parts: RuleParts, name: string): number[] | undefined {
  const value = parts.get(name);
  return value === undefined ? undefined : value.split(',').map(Number);
}

/** Whether the BYDAY part names this date's weekday, with its ordinal where RFC 5545 gives ordinals a meaning. */
function fitsByDay(parts: RuleParts, year: number, month: number, day: number): boolean {
  const byDay = parts.get('BYDAY');
  if (byDay === undefined) return true;
  const weekday = WEEKDAY_CODES[utcDate(year, month, day).getUTCDay()]!;
  const freq = parts.get('FREQ');
  const inMonth = freq === 'MONTHLY' || (freq === 'YEARLY' && parts.has('BYMONTH'));
  const ordinalsCount = (freq === 'MONTHLY' || freq === 'YEARLY') && !parts.has('BYSETPOS') && !parts.has('BYWEEKNO');
  return byDay.split(',').some((item) => {
    if (!item.endsWith(weekday)) return false;
    const ordinal = Number(item.slice(0, -2) || '0');
    if (ordinal === 0 || !ordinalsCount) return true;
    const index = inMonth ? day : dayOfYear(year, month, day);
    const length = inMonth ? daysInMonth(year, month) : dayOfYear(year, 12, 31);
    return positionFits(ordinal, Math.ceil(index / 7), Math.ceil(index / 7) + Math.floor((length - index) / 7));
  });
}

/** Whether a date fits every BY part of one rule that constrains the date itself. */
export function dateFitsRule(parts: RuleParts, year: number, month: number, day: number): boolean {
  const months = listOf(parts, 'BYMONTH');
  if (months && !months.includes(month)) return false;
  const monthDays = listOf(parts, 'BYMONTHDAY');
  if (monthDays && !monthDays.some((wanted) => positionFits(wanted, day, daysInMonth(year, month)))) return false;
  const yearDays = listOf(parts, 'BYYEARDAY');
  if (yearDays && !yearDays.some((wanted) => positionFits(wanted, dayOfYear(year, month, day), dayOfYear(year, 12, 31)))) return false;
  return fitsByDay(parts, year, month, day);
}

/** ISO weekday (Mon = 1 ... Sun = 7) of a civil date. */
export function isoWeekdayOf(year: number, month: number, day: number): number {
  return ((utcDate(year, month, day).getUTCDay() + 6) % 7) + 1;
}

/** Days since 1970-01-01 of a civil date (the clock's day numbers, runtime/clock/civil.ts). */
export function civilDayNumber(year: number, month: number, day: number): number {
  return Math.round(utcDate(year, month, day).getTime() / 86_400_000);
}
