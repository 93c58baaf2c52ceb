import { minutesOfRange, weeklyIntervals } from '../checker/hours.js';
import type { CalendarDeclaration, HolidayEntry } from '../syntax/ast.js';
import type { CalendarModel, HolidayModel, MinuteRange } from './model.js';

const byStart = (a: MinuteRange, b: MinuteRange): number => a.start - b.start;

/**
 * A calendar's open hours per ISO weekday; a range that crosses midnight
 * belongs to the day it starts on and ends past 1440.
 */
export function buildCalendar(calendar: CalendarDeclaration): CalendarModel {
  const weekly: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  for (const interval of weeklyIntervals(calendar)) {
    const offset = (interval.day - 1) * 1440;
    weekly[interval.day]!.push({ start: interval.start - offset, end: interval.end - offset });
  }
  for (const day of weekly) day.sort(byStart);
  let timezone = '';
  const holidays: HolidayModel[] = [];
  for (const statement of calendar.statements ?? []) {
    if (statement?.kind === 'Timezone') timezone = statement.zone?.value ?? '';
    if (statement?.kind === 'Holidays') for (const entry of statement.entries ?? []) if (entry) holidays.push(buildHoliday(entry));
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { name: calendar.name?.text ?? '', timezone, weekly, holidays, annualHolidays: [], holidaySets: [], holidayFiles: [] };
}

function buildHoliday(entry: HolidayEntry): HolidayModel {
  const holiday: HolidayModel = { date: entry.date?.text ?? '', name: entry.name?.value ?? '' };
  if (entry.hours) {
    holiday.hours = entry.hours.flatMap((range) => minutesOfRange(range) ?? []).sort(byStart);
  }
  return holiday;
}
