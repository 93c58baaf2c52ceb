/**
 * BYSETPOS and BYWEEKNO rules of all-day events, and the others ical.js gets
 * wrong (expandedBySlac in ical-occurrences.ts), expanded by slac: ical.js
 * picks wrong days for them (FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=1 gave a
 * Monday and the Tuesday after; FREQ=YEARLY;BYWEEKNO=3;BYDAY=MO every
 * Monday but those of week 3). Each period's days that fit the BY parts
 * (dateFitsRule, weeks included) are listed, and BYSETPOS picks among them.
 */
import ICAL from 'ical.js';
import { civilDayNumber, dateFitsRule, dayOfYear, daysInMonth, LAST_HOLIDAY_YEAR, listOf, positionFits, utcDate } from './ical-rule-days.js';
import type { RuleParts } from './ical-values.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/**
 * The days of a rule slac expands (a BYSETPOS or BYWEEKNO rule, ...), in order: in each period of the
 * FREQ (every INTERVAL-th from DTSTART's), the days fitting the other BY
 * parts, those BYSETPOS picks where it is given, from DTSTART on, up to UNTIL
 * (a DATE: readAllDayTimesAsDays) and COUNT. ical.js picked wrong days
 * (FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=1 gave a Monday and the Tuesday
 * after; YEARLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 from 31 December 2026 gave
 * 1 January 2027; YEARLY;BYWEEKNO=3;BYDAY=MO every Monday but week 3's).
 */
export function* periodOccurrences(event: IcalEvent, rule: IcalRecur, fullParts: RuleParts): Generator<IcalTime> {
  const start = event.startDate;
  const first = dayNumber(start);
  const until = rule.until ? dayNumber(rule.until) : Infinity;
  const interval = Math.max(1, rule.interval || 1);
  let left = rule.count ?? Infinity;
  for (let period = 0; left > 0; period += interval) {
    const days = periodDays(fullParts.get('FREQ'), rule.wkst, periodStart(fullParts.get('FREQ'), start, period));
    if (days[0]!.year > LAST_HOLIDAY_YEAR) return;
    const fitting = days.filter((date) => dateFitsRule(fullParts, date.year, date.month, date.day));
    const positions = listOf(fullParts, 'BYSETPOS');
    for (const [index, date] of fitting.entries()) {
      if (positions && !positions.some((wanted) => positionFits(wanted, index + 1, fitting.length))) continue;
      const day = dayNumber(date);
      if (day < first) continue;
      if (day > until || left <= 0) return;
      yield ICAL.Time.fromData({ year: date.year, month: date.month, day: date.day, isDate: true });
      left--;
    }
  }
}

type CivilDate = { year: number; month: number; day: number };

/**
 * A day of the period `offset` periods (of FREQ) after DTSTART's:
 * periodDays gives the whole period around it. Counted in day numbers:
 * ical.js's adjust walks month by month, and 137,000 daily periods to 2400
 * took 20 s.
 */
function periodStart(freq: string | undefined, start: IcalTime, offset: number): CivilDate {
  switch (freq) {
    case 'YEARLY':
      return { year: start.year + offset, month: 1, day: 1 };
    case 'MONTHLY': {
      const months = start.month - 1 + offset;
      return { year: start.year + Math.floor(months / 12), month: (months % 12) + 1, day: 1 };
    }
    default: {
      const date = new Date((dayNumber(start) + offset * (freq === 'WEEKLY' ? 7 : 1)) * 86_400_000);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
  }
}

/** Days since 1970-01-01 of a date. */
function dayNumber(date: CivilDate): number {
  return civilDayNumber(date.year, date.month, date.day);
}

/**
 * Whether BYSETPOS picks this day among the days of its period (the FREQ's
 * day, week from WKST, month or year) that fit the other BY parts. Counted
 * here: ical.js expands BYSETPOS wrongly for some starts (WEEKLY with
 * BYSETPOS=1 from a Tuesday gives that Tuesday and the Wednesday after).
 */
export function fitsSetPosition(parts: RuleParts, weekStart: number, day: CivilDate): boolean {
  const candidates = periodDays(parts.get('FREQ'), weekStart, day).filter((date) => dateFitsRule(parts, date.year, date.month, date.day));
  const position = candidates.findIndex((date) => date.year === day.year && date.month === day.month && date.day === day.day) + 1;
  return position > 0 && (listOf(parts, 'BYSETPOS') ?? []).some((wanted) => positionFits(wanted, position, candidates.length));
}

/** The days of the period of the rule's FREQ that holds `day`; weeks begin on WKST (ical.js's day numbers, Sunday = 1). */
function periodDays(freq: string | undefined, weekStart: number, day: CivilDate): CivilDate[] {
  let first = utcDate(day.year, day.month, day.day);
  let length = 1;
  if (freq === 'WEEKLY') {
    first = utcDate(day.year, day.month, day.day - ((first.getUTCDay() + 1 - weekStart + 7) % 7));
    length = 7;
  } else if (freq === 'MONTHLY') {
    first = utcDate(day.year, day.month, 1);
    length = daysInMonth(day.year, day.month);
  } else if (freq === 'YEARLY') {
    first = utcDate(day.year, 1, 1);
    length = dayOfYear(day.year, 12, 31);
  }
  return Array.from({ length }, (_, index) => {
    const date = new Date(first.getTime() + index * 86_400_000);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });
}
