/** Dated lines (`2026-12-24 hours 08:00-12:00 "Christmas Eve"`): one day, once. */
import type { HolidayModel } from '../../../language/model/model.js';
import { parseCivilDate, yearOfDay } from '../civil.js';
import { sourceOfDays, type HolidaySource } from './source.js';

/** The dated lines of a calendar. Throws a RangeError for a date that is not real (the checker rejects it first). */
export function datedHolidaySource(calendarName: string, lines: readonly HolidayModel[]): HolidaySource {
  const days = lines.map((line) => {
    const day = parseCivilDate(line.date);
    if (day === undefined) throw new RangeError(`Calendar ${calendarName}: bad holiday date "${line.date}".`);
    return { day, name: line.name, origin: 'dated' as const, from: line.date, ...(line.hours ? { hours: line.hours } : {}) };
  });
  return sourceOfDays(days, yearOfDay);
}
