/** `annually MM-DD` lines: the same local date every year (`02-29` in leap years only). */
import type { AnnualHolidayModel } from '../../../language/model/model.js';
import { dayFromCivil, isRealDate } from '../civil.js';
import { NO_HOLIDAYS, type HolidayDay, type HolidaySource } from './source.js';

interface MonthDayLine {
  month: number;
  day: number;
  line: AnnualHolidayModel;
}

/** The annual lines of a calendar. Throws a RangeError for an impossible `MM-DD` (the checker rejects it first). */
export function annualHolidaySource(calendarName: string, lines: readonly AnnualHolidayModel[]): HolidaySource {
  const parsed: MonthDayLine[] = lines.map((line) => {
    const match = /^(\d{2})-(\d{2})$/.exec(line.monthDay);
    const [month, day] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    // 2000 is a leap year: every possible month-day is real in it.
    if (!isRealDate(2000, month, day)) throw new RangeError(`Calendar ${calendarName}: bad annual holiday "${line.monthDay}".`);
    return { month, day, line };
  });
  parsed.sort((a, b) => a.month - b.month || a.day - b.day);
  if (parsed.length === 0) return { holidaysOfYear: () => NO_HOLIDAYS };
  return {
    holidaysOfYear(year) {
      const days: HolidayDay[] = [];
      for (const { month, day, line } of parsed) {
        if (!isRealDate(year, month, day)) continue; // 02-29 outside leap years
        const dayNumber = dayFromCivil(year, month, day);
        if (days[days.length - 1]?.day === dayNumber) continue; // two lines for one date: the first wins
        days.push({ day: dayNumber, name: line.name, origin: 'annual', from: line.monthDay, ...(line.hours ? { hours: line.hours } : {}) });
      }
      return days;
    },
  };
}
