import { holidaysOfYear } from '../../runtime/clock/holidays/index.js';
import type { CalendarModel, MinuteRange } from '../../language/model/model.js';

/** One day of a calendar's holidays in one year, with precedence already applied. */
export interface YearHoliday {
  /** `YYYY-MM-DD`, in the calendar's time zone. */
  date: string;
  name: string;
  /** A short day: these ranges replace the weekday's hours. Absent (and no `closedFrom`): closed all day. */
  hours?: MinuteRange[];
  /** A country set's partial holiday: closed from this minute of the day. */
  closedFrom?: number;
}

/**
 * The holidays of a calendar in one year, sorted by date. The document asks
 * only this, so that the dates it prints come from the same source as the
 * clock's.
 */
export type HolidayLister = (calendar: CalendarModel, year: number) => YearHoliday[];

// Spelt in language/, beside isAroundTheClock, which `slac explain` reads too; re-exported for the section builders.
export { hasHolidays } from '../../language/model/around-the-clock.js';

/** True when the calendar has holidays that recur every year (yearly lines, a country set or a file). */
export function hasHolidayRules(calendar: CalendarModel): boolean {
  return (
    (calendar.annualHolidays ?? []).length > 0 ||
    (calendar.holidaySets ?? []).length > 0 ||
    (calendar.holidayFiles ?? []).length > 0
  );
}

/** The lister the document uses: the clock's own holiday source, so the dates printed are the dates `slac check` counts. */
export const listCalendarHolidays: HolidayLister = holidaysOfYear;
