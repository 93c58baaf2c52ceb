import { suggestionHint } from '../binder/suggest.js';
import { isKnownHolidayCode, suggestHolidayCode } from '../holidays/holiday-codes.js';
import type { CalendarDeclaration, HolidayEntry, HolidayFileStatement, HolidaySetStatement, TimeRange } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { checkDateInRange, isValidDate } from './dates.js';
import { minutesOfRange, rangeText } from './hours.js';
import { firstEarlierOverlaps, noOverlap } from './first-overlaps.js';

/** Days per month, February with its leap day: `annually 02-29` is allowed. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `MM-DD` that exists in some year (02-29 does, in leap years). */
export function isPossibleMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/**
 * Every holiday source of one calendar (LANGUAGE.md 1.1): dated and
 * `annually` lines (each day once, short hours well formed), country codes,
 * iCalendar paths, and a warning when the holidays run out.
 */
export function checkHolidays(context: CheckContext, calendar: CalendarDeclaration): void {
  const seenDates = new Set<string>();
  const seenMonthDays = new Set<string>();
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind === 'HolidaySet') checkHolidaySet(context, statement);
    if (statement?.kind === 'HolidayFile') checkHolidayFile(context, statement);
    if (statement?.kind !== 'Holidays') continue;
    for (const entry of statement.entries ?? []) {
      if (!entry) continue;
      checkHolidayHours(context, entry);
      const date = entry.date;
      checkDateInRange(context, date);
      if (date && isValidDate(date.text)) {
        if (seenDates.has(date.text)) context.report('SLA3021', date.range, { date: date.text });
        seenDates.add(date.text);
      }
      const monthDay = entry.monthDay;
      if (!monthDay) continue;
      if (!isPossibleMonthDay(monthDay.text)) {
        context.report('SLA3038', monthDay.range, { text: monthDay.text });
        continue;
      }
      if (seenMonthDays.has(monthDay.text)) context.report('SLA3021', monthDay.range, { date: monthDay.text });
      seenMonthDays.add(monthDay.text);
    }
  }
  checkHolidaysRunOut(context, calendar);
}

function checkHolidaySet(context: CheckContext, statement: HolidaySetStatement): void {
  const code = statement.code;
  if (!code || isKnownHolidayCode(code.value)) return;
  const suggestion = suggestHolidayCode(code.value);
  context.report(
    'SLA3039',
    code.range,
    { code: code.value, hint: suggestionHint(suggestion) },
    suggestion === undefined ? {} : { data: { suggestion } },
  );
}

function checkHolidayFile(context: CheckContext, statement: HolidayFileStatement): void {
  const path = statement.path;
  if (path && !path.value.toLowerCase().endsWith('.ics')) context.report('SLA3040', path.range, { path: path.value });
}

/**
 * Only dated lines: after the last listed year the calendar has no
 * holidays, though an agreement has no end date (SLA3041).
 */
function checkHolidaysRunOut(context: CheckContext, calendar: CalendarDeclaration): void {
  const statements = (calendar.statements ?? []).filter((s) => s !== undefined);
  if (statements.some((s) => s.kind === 'HolidaySet' || s.kind === 'HolidayFile')) return;
  const entries = statements.flatMap((s) => (s.kind === 'Holidays' ? (s.entries ?? []) : [])).filter((e) => e !== undefined);
  if (entries.some((entry) => entry.monthDay !== undefined || entry.annually !== undefined)) return;
  const years = entries.flatMap((entry) => (entry.date && isValidDate(entry.date.text) ? [Number(entry.date.text.slice(0, 4))] : []));
  if (years.length === 0 || !calendar.name) return;
  const last = years.reduce((latest, year) => Math.max(latest, year));
  context.report('SLA3041', calendar.name.range, { name: calendar.name.text, last, next: last + 1 });
}

/** A short day's ranges: well formed and not overlapping each other (the first earlier one named, as for `hours`). */
function checkHolidayHours(context: CheckContext, entry: HolidayEntry): void {
  const ranges = entry.hours ?? [];
  const accepted: { start: number; end: number; range: TimeRange; at: number }[] = [];
  ranges.forEach((range, at) => {
    const minutes = minutesOfRange(range);
    if (range && minutes) accepted.push({ ...minutes, range, at });
  });
  // A day's minutes (up to 48 hours from its midnight) never wrap the weekly circle, so overlaps there are overlaps on the line.
  const earlier = firstEarlierOverlaps(accepted);
  const overlapped = new Map(accepted.flatMap((interval, index) => (earlier[index] === noOverlap ? [] : [[interval.at, accepted[earlier[index]!]!.range] as const])));
  const day = entry.date?.text ?? entry.monthDay?.text ?? 'that day';
  ranges.forEach((range, at) => {
    checkRangeShape(context, range);
    const other = overlapped.get(at);
    if (range && other) context.report('SLA3002', range.range, { other: rangeText(other), day });
  });
}

/** A range that starts at 24:00 (SLA3004) or is empty (SLA3003). */
export function checkRangeShape(context: CheckContext, range: TimeRange | undefined): void {
  const start = range?.start;
  const end = range?.end;
  if (!range || !start || !end) return;
  if (start.minutes >= 1440) context.report('SLA3004', start.range);
  else if (start.minutes === end.minutes) context.report('SLA3003', range.range, { text: rangeText(range) });
}
