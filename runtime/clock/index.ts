/**
 * The clock: business time on calendars. Open time between instants, the
 * instant a target falls due, business days, reporting periods, and the ISO
 * instants and durations people read. Everything is in epoch milliseconds and
 * exact across daylight-saving changes; nothing depends on the machine's
 * clock, zone or locale.
 *
 * Calendars are looked at from 1800 to 2400 (EARLIEST_INSTANT,
 * LATEST_INSTANT): outside, every calendar is closed, so "never" answers
 * (Infinity) come back in bounded time.
 */
import type { CalendarModel } from '../../language/model/model.js';
import { CalendarEngine, type CompiledCalendar } from './calendar.js';
import { openMillisBetween } from './open-time.js';
import { periodOf } from './periods.js';

export type { CompiledCalendar } from './calendar.js';
export { EARLIEST_INSTANT, LATEST_INSTANT } from './calendar.js';
export {
  closeOfNthOpenDay,
  instantAfterOpenMillis,
  isOpenAt,
  nextOpening,
  openIntervals,
  openMillisBetween,
} from './open-time.js';
export { periodOf, periodsBetween, type PeriodKind, type PeriodSpan } from './periods.js';
export { formatDuration, formatDurationBeside, formatInstant, outsideReportYears, parseInstant } from './format.js';
export { isValidTimeZone } from './zone.js';

/**
 * Compiles a calendar of the model for the clock's queries. Its open
 * intervals are built lazily, a year at a time, as queries reach them.
 * Throws a RangeError for an unknown time zone or a malformed holiday date
 * (the checker rejects both before a model gets here).
 */
export function compileCalendar(calendar: CalendarModel): CompiledCalendar {
  return new CalendarEngine(calendar);
}

/**
 * Open ms in the ISO week (Monday to Monday, in the calendar's zone)
 * containing `instant`: what "50 open hours a week" means for this calendar.
 */
export function openMillisInWeekOf(calendar: CompiledCalendar, instant: number): number {
  const week = periodOf(instant, 'weekly', calendar.zone);
  return openMillisBetween(calendar, week.start, week.end);
}
