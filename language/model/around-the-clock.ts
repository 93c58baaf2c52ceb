import type { CalendarModel } from './model.js';

/**
 * Whether a calendar is open every minute of every day with no holidays.
 * Here in language/ because the document (which then says `hours`, not
 * `business hours`) and `slac explain` (which then says time counted, not
 * business time) must draw the line at the same calendars.
 */
export function isAroundTheClock(calendar: CalendarModel | undefined): boolean {
  if (!calendar || hasHolidays(calendar)) return false;
  for (let day = 1; day <= 7; day += 1) {
    const ranges = calendar.weekly[day] ?? [];
    if (ranges.length !== 1 || ranges[0]!.start !== 0 || ranges[0]!.end !== 1440) return false;
  }
  return true;
}

/** True when the calendar names any holiday: dated or yearly lines, a country set or a file. */
export function hasHolidays(calendar: CalendarModel): boolean {
  return (
    calendar.holidays.length > 0 ||
    (calendar.annualHolidays ?? []).length > 0 ||
    (calendar.holidaySets ?? []).length > 0 ||
    (calendar.holidayFiles ?? []).length > 0
  );
}
