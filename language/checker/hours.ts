import type { CalendarDeclaration, HoursStatement, TimeRange, WeekdayName, WeekdaySpan } from '../syntax/ast.js';

/** ISO weekday numbers: Mon = 1 ... Sun = 7. */
export const weekdayNumbers: Record<WeekdayName, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
export const weekdayNames: WeekdayName[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const minutesPerDay = 1440;
export const minutesPerWeek = 7 * minutesPerDay;

/** The ISO weekdays a span covers, wrapping past Sunday (`Sun-Thu`). */
export function daysOfSpan(span: WeekdaySpan | undefined): number[] {
  if (!span?.from) return [];
  const from = weekdayNumbers[span.from];
  if (!span.to) return [from];
  const to = weekdayNumbers[span.to];
  const days: number[] = [];
  for (let day = from; ; day = (day % 7) + 1) {
    days.push(day);
    if (day === to || days.length === 7) return days;
  }
}

/**
 * A well-formed range as minutes of the day it starts on: `[start, end)`,
 * with `end` past 1440 when it crosses midnight. Undefined for a range that
 * is incomplete, empty or starts at 24:00 (the checker reports those).
 */
export function minutesOfRange(range: TimeRange | undefined): { start: number; end: number } | undefined {
  const start = range?.start?.minutes;
  const end = range?.end?.minutes;
  if (start === undefined || end === undefined || start >= minutesPerDay || start === end) return undefined;
  return { start, end: end > start ? end : end + minutesPerDay };
}

/** The text of a range as written, `08:00-18:00`. */
export function rangeText(range: TimeRange): string {
  return `${range.start?.text ?? '?'}-${range.end?.text ?? '?'}`;
}

/** One open interval of the week, in minutes from Monday 00:00, with where it came from. */
export interface WeeklyInterval {
  day: number;
  start: number;
  end: number;
  range: TimeRange;
}

/** The `hours` lines of a calendar, in source order. */
export function hoursStatements(calendar: CalendarDeclaration): HoursStatement[] {
  return (calendar.statements ?? []).filter((s): s is HoursStatement => s?.kind === 'Hours');
}

/** Every open interval of a calendar's ordinary week, in source order. */
export function weeklyIntervals(calendar: CalendarDeclaration): WeeklyInterval[] {
  const intervals: WeeklyInterval[] = [];
  for (const statement of hoursStatements(calendar)) {
    const days = (statement.days ?? []).flatMap(daysOfSpan);
    for (const range of statement.ranges ?? []) {
      const minutes = minutesOfRange(range);
      if (!minutes) continue;
      for (const day of days) {
        const offset = (day - 1) * minutesPerDay;
        intervals.push({ day, start: offset + minutes.start, end: offset + minutes.end, range });
      }
    }
  }
  return intervals;
}

/** Whether two week intervals share a minute, on the weekly circle (Sunday night runs into Monday). */
export function intervalsOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return overlapShift(a, b) !== undefined;
}

/** The shift of `b` by a week (back, none, on) at which it shares a minute with `a`; undefined when none does. */
function overlapShift(a: { start: number; end: number }, b: { start: number; end: number }): number | undefined {
  return [-minutesPerWeek, 0, minutesPerWeek].find((shift) => a.start < b.end + shift && b.start + shift < a.end);
}

/**
 * The ISO weekday on which the time two overlapping week intervals share
 * begins: where a range crossing midnight runs into the next day's hours,
 * that next day, whichever of the two was written first.
 */
export function overlapDay(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shift = overlapShift(a, b) ?? 0;
  const sharedFrom = ((Math.max(a.start, b.start + shift) % minutesPerWeek) + minutesPerWeek) % minutesPerWeek;
  return Math.floor(sharedFrom / minutesPerDay) + 1;
}

/**
 * SLA3002's arguments for a weekly range that overlaps an earlier one: the
 * day the shared time begins, and the earlier range, with its own day when
 * it belongs to another (Sunday's `20:00-04:00` overlapping Monday's hours).
 */
export function weeklyOverlapArgs(earlier: WeeklyInterval, later: WeeklyInterval): { other: string; day: string } {
  const day = overlapDay(earlier, later);
  const other = rangeText(earlier.range);
  return { other: earlier.day === day ? other : `${weekdayNames[earlier.day - 1]!} ${other}`, day: weekdayNames[day - 1]! };
}

/** Minutes of the week covered by at least one interval. */
function coveredMinutes(intervals: WeeklyInterval[]): number {
  const pieces = intervals
    .flatMap(({ start, end }) =>
      end > minutesPerWeek ? [{ start, end: minutesPerWeek }, { start: 0, end: end - minutesPerWeek }] : [{ start, end }],
    )
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reached = 0;
  for (const piece of pieces) {
    if (piece.end > reached) {
      covered += piece.end - Math.max(piece.start, reached);
      reached = piece.end;
    }
  }
  return covered;
}

/**
 * Open around the clock: every minute of every weekday, and no holidays.
 * Only there is a `day` of open time plainly 24 hours.
 */
export function isAroundTheClock(calendar: CalendarDeclaration): boolean {
  const hasHolidays = (calendar.statements ?? []).some(
    (s) => s?.kind === 'HolidaySet' || s?.kind === 'HolidayFile' || (s?.kind === 'Holidays' && (s.entries ?? []).length > 0),
  );
  return !hasHolidays && coveredMinutes(weeklyIntervals(calendar)) === minutesPerWeek;
}
