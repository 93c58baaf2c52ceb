/**
 * The weekdays a holiday file closes for a long time: the rules that repeat
 * every day or every week (INTERVAL 1, nothing but BYDAY to thin them), for
 * ever or up to their COUNT or UNTIL. Together with the calendar's hours this tells the
 * checker that a calendar is never open again (SLA3075), which the clock
 * could otherwise only find by looking for open time up to the year 2400.
 */
import type { IcalHolidayEvent } from './ical-reading.js';
import { civilDayNumber, isoWeekdayOf } from './ical-rule-days.js';
import type { RuleParts } from './ical-values.js';

/** From day `from` to day `to` (day numbers, inclusive; Infinity: for ever), every one of `weekdays` (ISO numbers) is a holiday. */
export interface ForeverClosure {
  from: number;
  to: number;
  weekdays: ReadonlySet<number>;
}

const ISO_WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
/** Parts that make a rule skip some weeks or days, so that it no longer closes a weekday for ever. */
const THINNING_PARTS = ['BYMONTH', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS'];

/** The weekdays on which one rule's occurrences start, when it repeats them every week for ever. */
function startWeekdays(parts: RuleParts, startWeekday: number): number[] | undefined {
  if (THINNING_PARTS.some((part) => parts.has(part)) || (parts.get('INTERVAL') ?? '1') !== '1') return undefined;
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined && !/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/.test(byDay)) return undefined; // ordinals thin it
  if (byDay !== undefined) return byDay.split(',').map((code) => ISO_WEEKDAYS[code]!);
  if (parts.get('FREQ') === 'DAILY') return [1, 2, 3, 4, 5, 6, 7];
  return parts.get('FREQ') === 'WEEKLY' ? [startWeekday] : undefined;
}

/** What each never-ending daily or weekly event of a file closes, from its DTSTART. */
export function foreverClosures(events: readonly IcalHolidayEvent[]): ForeverClosure[] {
  const closures: ForeverClosure[] = [];
  for (const { event, rules } of events) {
    const start = event.startDate;
    const lengthDays = event.endDate ? Math.max(1, Math.round(event.endDate.subtractDate(start).toSeconds() / 86_400)) : 1;
    for (const parts of rules) {
      const weekdays = startWeekdays(parts, isoWeekdayOf(start.year, start.month, start.day));
      if (!weekdays) continue;
      const closed = new Set<number>();
      for (const weekday of weekdays) for (let offset = 0; offset < Math.min(lengthDays, 7); offset++) closed.add(((weekday - 1 + offset) % 7) + 1);
      const from = civilDayNumber(start.year, start.month, start.day);
      closures.push({ from, to: lastDay(parts, from, weekdays.length), weekdays: closed });
    }
  }
  return closures;
}

/** The last day a rule closes (about, for COUNT: whole weeks of `perWeek` occurrences), Infinity when it has no end. */
function lastDay(parts: RuleParts, from: number, perWeek: number): number {
  const until = parts.get('UNTIL');
  if (until !== undefined) return civilDayNumber(Number(until.slice(0, 4)), Number(until.slice(4, 6)), Number(until.slice(6, 8)));
  const count = parts.get('COUNT');
  if (count === undefined) return Infinity;
  return from + Math.ceil(Number(count) / perWeek) * 7 - 1;
}
