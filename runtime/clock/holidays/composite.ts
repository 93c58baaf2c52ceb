/**
 * The one holiday source of a calendar: its dated lines, annual lines,
 * country sets and files, merged by LANGUAGE.md's precedence and computed
 * lazily a year at a time (never over a fixed range of years) and kept
 * here, once per year: the sources themselves keep nothing.
 */
import type { CalendarModel } from '../../../language/model/model.js';
import { annualHolidaySource } from './annual.js';
import { countryHolidaySource } from './country-set.js';
import { datedHolidaySource } from './dated.js';
import { icalHolidaySource } from './ical-file.js';
import { NO_HOLIDAYS, closesAllDay, type HolidayDay, type HolidaySource } from './source.js';

/** The parts of a calendar model holidays come from (models of 1.0 lack the last three). */
export type CalendarHolidays = Pick<CalendarModel, 'name' | 'timezone' | 'holidays'> & Partial<Pick<CalendarModel, 'annualHolidays' | 'holidaySets' | 'holidayFiles'>>;

/** A calendar's merged holidays, with what the clock needs to know before asking for any year. */
export interface CalendarHolidaySource extends HolidaySource {
  /** Whether any year can have an open holiday (a line with `hours`): annual lines recur, so they open every year. */
  readonly opensEveryYear: boolean;
  /** Whether the calendar has holidays beyond its dated lines. */
  readonly recurs: boolean;
}

/**
 * Builds the merged source of a calendar. Parses everything up front, so a
 * bad date, code or file throws a RangeError here (the checker reports them
 * first, with file and line); expands nothing until a year is asked for.
 */
export function holidaySourceOf(calendar: CalendarHolidays): CalendarHolidaySource {
  const annual = calendar.annualHolidays ?? [];
  const tiers: HolidaySource[][] = [
    [datedHolidaySource(calendar.name, calendar.holidays)],
    [annualHolidaySource(calendar.name, annual)],
    [
      ...(calendar.holidaySets ?? []).map((code) => countryHolidaySource(calendar.name, code)),
      ...(calendar.holidayFiles ?? []).map((file) => icalHolidaySource(calendar.name, calendar.timezone, file)),
    ],
  ];
  const years = new Map<number, readonly HolidayDay[]>();
  return {
    opensEveryYear: annual.some((line) => line.hours !== undefined),
    recurs: annual.length > 0 || tiers[2]!.length > 0,
    holidaysOfYear(year) {
      let merged = years.get(year);
      if (!merged) {
        merged = mergeByPrecedence(tiers.map((tier) => tier.flatMap((source) => source.holidaysOfYear(year))));
        years.set(year, merged);
      }
      return merged;
    },
  };
}

/**
 * One holiday a day: a higher tier wins outright. Within the lowest tier
 * (files and country sets, equal by the specification), a day closed all day
 * wins over a partial day, else the earliest partial close, else the first
 * declared (country sets before files).
 */
function mergeByPrecedence(tiers: HolidayDay[][]): readonly HolidayDay[] {
  const byDay = new Map<number, HolidayDay>();
  tiers.forEach((tier, rank) => {
    for (const holiday of tier) {
      const held = byDay.get(holiday.day);
      if (!held) byDay.set(holiday.day, holiday);
      else if (held.origin === 'country' || held.origin === 'file') {
        if (rank === 2 && outranksWithinTier(holiday, held)) byDay.set(holiday.day, holiday);
      }
    }
  });
  if (byDay.size === 0) return NO_HOLIDAYS;
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

function outranksWithinTier(candidate: HolidayDay, held: HolidayDay): boolean {
  if (closesAllDay(held)) return false;
  return closesAllDay(candidate) || candidate.closedFrom! < held.closedFrom!;
}
