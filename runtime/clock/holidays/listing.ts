/**
 * Holidays as people read them: a calendar model's holidays of a year, merged
 * by precedence and labelled with their source (the document's "current and
 * next year" tables, the LSP's hovers). The same sources as the clock's, so
 * what the document lists is what `slac check` counts.
 */
import type { CalendarModel, MinuteRange } from '../../../language/model/model.js';
import { formatCivilDate } from '../civil.js';
import { holidaySourceOf, type CalendarHolidaySource } from './composite.js';
import type { HolidayOrigin } from './source.js';

/** One holiday of a calendar on one date. */
export interface ListedHoliday {
  /** `YYYY-MM-DD`, in the calendar's time zone. */
  date: string;
  name: string;
  /** Which kind of line gave it: it won over any other on that date. */
  source: HolidayOrigin;
  /** The dated line's date, the annual line's `MM-DD`, the country code or the file path. */
  from: string;
  /** A short day's ranges (from a dated or annual line). Absent with no `closedFrom`: closed all day. */
  hours?: MinuteRange[];
  /** A country set's partial-day holiday: open before this minute of the day only. */
  closedFrom?: number;
}

const sources = new WeakMap<CalendarModel, CalendarHolidaySource>();

/**
 * The holidays of a calendar whose date falls in `year`, one a date, in date
 * order. Throws a RangeError for what the checker rejects (a bad date, an
 * unknown code, a file that is not iCalendar).
 */
export function holidaysOfYear(calendar: CalendarModel, year: number): ListedHoliday[] {
  let source = sources.get(calendar);
  if (!source) sources.set(calendar, (source = holidaySourceOf(calendar)));
  return source.holidaysOfYear(year).map((holiday) => ({
    date: formatCivilDate(holiday.day),
    name: holiday.name,
    source: holiday.origin,
    from: holiday.from,
    ...(holiday.hours ? { hours: holiday.hours } : {}),
    ...(holiday.closedFrom !== undefined ? { closedFrom: holiday.closedFrom } : {}),
  }));
}

/** `holidaysOfYear` for `year` and the year after: what a document prints and a hover shows. */
export function holidaysOfYears(calendar: CalendarModel, year: number, count = 2): Array<{ year: number; holidays: ListedHoliday[] }> {
  return Array.from({ length: count }, (_, index) => ({ year: year + index, holidays: holidaysOfYear(calendar, year + index) }));
}
