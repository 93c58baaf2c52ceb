/**
 * What the clock asks of holidays: the holiday days of one calendar year. The
 * engine (../calendar.ts) knows nothing else about where they come from.
 */
import type { MinuteRange } from '../../../language/model/model.js';

/** Where a holiday comes from, in order of precedence (LANGUAGE.md 1.1). */
export type HolidayOrigin = 'dated' | 'annual' | 'country' | 'file';

/** One holiday on one local date of the calendar's zone. */
export interface HolidayDay {
  /** Day number of the local date (days since 1970-01-01, see ../civil.ts). */
  day: number;
  name: string;
  origin: HolidayOrigin;
  /** The line, country code or file the holiday comes from (`2026-12-24`, `12-24`, `DE-BE`, `company.ics`). */
  from: string;
  /** A short day: these ranges replace the weekday's hours. Absent (and no `closedFrom`): closed all day. */
  hours?: MinuteRange[];
  /**
   * A partial-day holiday of a country set (AU-SA's Christmas Eve from
   * 19:00): the weekday's hours stay open before this minute of the day only.
   */
  closedFrom?: number;
}

/** The holidays of a calendar, asked for one year at a time. */
export interface HolidaySource {
  /**
   * The holidays whose local date falls in `year`, sorted by day, at most one
   * a day. Sources may compute on every call: the calendar's composite
   * source (composite.ts) keeps each year once.
   */
  holidaysOfYear(year: number): readonly HolidayDay[];
}

/** Whether a holiday closes its day entirely (no hours, no partial day). */
export function closesAllDay(holiday: HolidayDay): boolean {
  return holiday.hours === undefined && holiday.closedFrom === undefined;
}

/** A source over a fixed list, grouped by year once (dated lines). */
export function sourceOfDays(days: readonly HolidayDay[], yearOf: (day: number) => number): HolidaySource {
  const byYear = new Map<number, HolidayDay[]>();
  for (const holiday of [...days].sort((a, b) => a.day - b.day)) {
    const year = yearOf(holiday.day);
    const list = byYear.get(year) ?? [];
    if (list[list.length - 1]?.day !== holiday.day) list.push(holiday);
    byYear.set(year, list);
  }
  return { holidaysOfYear: (year) => byYear.get(year) ?? NO_HOLIDAYS };
}

export const NO_HOLIDAYS: readonly HolidayDay[] = Object.freeze([]);
