import { minutesOfRange, weeklyIntervals } from '../checker/hours.js';
import type { CalendarDeclaration, HolidayEntry } from '../syntax/ast.js';
import type { AnnualHolidayModel, CalendarModel, HolidayFileModel, HolidayModel, MinuteRange } from './model.js';

const byStart = (a: MinuteRange, b: MinuteRange): number => a.start - b.start;

/** The text of a `holidays from` file, by its path as written (the loader read it). */
export type HolidayFileText = (path: string) => string | undefined;

/**
 * A calendar's open hours per ISO weekday (a range that crosses midnight
 * belongs to the day it starts on and ends past 1440) and its holiday
 * sources: dated lines, `annually` lines (both sorted), country codes and
 * iCalendar files in declaration order.
 */
export function buildCalendar(calendar: CalendarDeclaration, holidayFileText: HolidayFileText = () => undefined): CalendarModel {
  const weekly: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  for (const interval of weeklyIntervals(calendar)) {
    const offset = (interval.day - 1) * 1440;
    weekly[interval.day]!.push({ start: interval.start - offset, end: interval.end - offset });
  }
  for (const day of weekly) day.sort(byStart);
  let timezone = '';
  const holidays: HolidayModel[] = [];
  const annualHolidays: AnnualHolidayModel[] = [];
  const holidaySets: string[] = [];
  const holidayFiles: HolidayFileModel[] = [];
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind === 'Timezone') timezone = statement.zone?.value ?? '';
    if (statement?.kind === 'HolidaySet' && statement.code) holidaySets.push(statement.code.value);
    if (statement?.kind === 'HolidayFile' && statement.path) {
      holidayFiles.push({ path: statement.path.value, ics: holidayFileText(statement.path.value) ?? '' });
    }
    if (statement?.kind !== 'Holidays') continue;
    for (const entry of statement.entries ?? []) {
      if (entry?.monthDay) annualHolidays.push({ monthDay: entry.monthDay.text, name: entry.name?.value ?? '', ...hoursOf(entry) });
      else if (entry) holidays.push({ date: entry.date?.text ?? '', name: entry.name?.value ?? '', ...hoursOf(entry) });
    }
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  annualHolidays.sort((a, b) => a.monthDay.localeCompare(b.monthDay));
  return { name: calendar.name?.text ?? '', timezone, weekly, holidays, annualHolidays, holidaySets, holidayFiles };
}

/** A short day's hours, when the line gives them. */
function hoursOf(entry: HolidayEntry): { hours?: MinuteRange[] } {
  if (!entry.hours) return {};
  return { hours: entry.hours.flatMap((range) => minutesOfRange(range) ?? []).sort(byStart) };
}
