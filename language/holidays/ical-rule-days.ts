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
  const weeks = listOf(parts, 'BYWEEKNO');
  if (weeks && !fitsWeekNumber(weeks, parts.get('WKST') ?? 'MO', year, month, day)) return false;
  return fitsByDay(parts, year, month, day);
}

/**
 * Whether the date's week is one of `wanted` (negative: from the last week),
 * weeks counted as RFC 5545 counts them: beginning on WKST, week 1 the first
 * with at least four days of the year (the one holding 4 January). A day
 * of late December can be in week 1 of the next year, one of early January
 * in the last week of the year before.
 */
function fitsWeekNumber(wanted: readonly number[], weekStart: string, year: number, month: number, day: number): boolean {
  const startDay = Math.max(0, WEEKDAY_CODES.indexOf(weekStart));
  const weekBegin = (dayNumber: number): number => dayNumber - ((new Date(dayNumber * 86_400_000).getUTCDay() - startDay + 7) % 7);
  const firstWeek = (weekYear: number): number => weekBegin(civilDayNumber(weekYear, 1, 4));
  const begin = weekBegin(civilDayNumber(year, month, day));
  const weekYear = new Date((begin + 3) * 86_400_000).getUTCFullYear(); // the year that holds the week's fourth day
  const week = (begin - firstWeek(weekYear)) / 7 + 1;
  const count = (firstWeek(weekYear + 1) - firstWeek(weekYear)) / 7;
  return wanted.some((number) => positionFits(number, week, count));
}

/** ISO weekday (Mon = 1 ... Sun = 7) of a civil date. */
export function isoWeekdayOf(year: number, month: number, day: number): number {
  return ((utcDate(year, month, day).getUTCDay() + 6) % 7) + 1;
}

/** Days since 1970-01-01 of a civil date (the clock's day numbers, runtime/clock/civil.ts). */
export function civilDayNumber(year: number, month: number, day: number): number {
  return Math.round(utcDate(year, month, day).getTime() / 86_400_000);
}
