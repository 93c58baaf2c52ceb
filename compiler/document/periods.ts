import { DateTime } from 'luxon';
import type { Period } from '../../language/model/model.js';
import { plural, spellDate } from '../english.js';

/**
 * One calendar period in a time zone: `[start, end)` in epoch ms, with a
 * label for people. A month also carries its name and year apart, so that a
 * list of months states each year once.
 */
export interface PeriodSpan {
  label: string;
  start: number;
  end: number;
  month?: { name: string; year: number };
}

const PERIODS_IN_FIRST_YEAR: Record<Period, number> = { weekly: 4, monthly: 12, quarterly: 4, yearly: 1 };
const STEP: Record<Period, 'weeks' | 'months' | 'quarters' | 'years'> = {
  weekly: 'weeks',
  monthly: 'months',
  quarterly: 'quarters',
  yearly: 'years',
};

function periodStart(date: DateTime, period: Period): DateTime {
  switch (period) {
    case 'weekly':
      return date.startOf('week');
    case 'monthly':
      return date.startOf('month');
    case 'quarterly':
      return date.startOf('quarter');
    case 'yearly':
      return date.startOf('year');
  }
}

function periodLabel(start: DateTime, period: Period): string {
  const english = start.setLocale('en-GB');
  switch (period) {
    case 'weekly':
      return `Week ${start.weekNumber} of ${start.weekYear} (from ${spellDate(start.toISODate()!)})`;
    case 'monthly':
      return english.toFormat('LLLL yyyy');
    case 'quarterly':
      return `Q${start.quarter} ${start.year} (${english.toFormat('LLLL')} to ${english.plus({ months: 2 }).toFormat('LLLL')})`;
    case 'yearly':
      return String(start.year);
  }
}

/**
 * The periods the allowance table lists, as a sentence says it: `each month
 * of the first year`, but `each of the first 4 weeks` (a year of weeks
 * would make one row of some fifty week labels) and `the first year`.
 */
export function listedPeriods(period: Period, noun: string): string {
  const count = PERIODS_IN_FIRST_YEAR[period];
  // A yearly objective lists one period: `each year of the first year` would say nothing a lawyer could read.
  if (period === 'yearly') return `the first ${noun}`;
  return period === 'weekly' ? `each of the first ${count} ${noun}s` : `each ${noun} of the first year`;
}

/** The label of a first period cut short by the effective date: `March 2026 (from 15 March)`, `Q1 2026 (from 15 February)`. */
function partPeriodLabel(start: DateTime, from: DateTime, period: Period): string {
  const english = start.setLocale('en-GB');
  const day = from.setLocale('en-GB').toFormat('d LLLL');
  switch (period) {
    case 'weekly':
      return periodLabel(from, period);
    case 'monthly':
      return `${english.toFormat('LLLL yyyy')} (from ${day})`;
    case 'quarterly':
      return `Q${start.quarter} ${start.year} (from ${day})`;
    case 'yearly':
      return `${start.year} (from ${day})`;
  }
}

/**
 * The periods of the first year of the agreement (4 weeks, 12 months, 4
 * quarters or 1 year), starting with the one that holds the effective date,
 * as local calendar periods of the zone. The first runs from local midnight
 * of the effective date, as `slac check` measures it (a March that starts
 * on the 15th schedules 17 days, not 31), and its label says so.
 */
export function firstYearPeriods(effective: string, period: Period, zone: string): PeriodSpan[] {
  const effectiveStart = DateTime.fromISO(effective, { zone }).startOf('day');
  let start = periodStart(effectiveStart, period);
  const spans: PeriodSpan[] = [];
  for (let index = 0; index < PERIODS_IN_FIRST_YEAR[period]; index += 1) {
    const end = start.plus({ [STEP[period]]: 1 });
    if (start < effectiveStart) {
      // Listed by its label alone: it is not a whole month to share a year with the others.
      spans.push({ label: partPeriodLabel(start, effectiveStart, period), start: effectiveStart.toMillis(), end: end.toMillis() });
    } else {
      const month = period === 'monthly' ? { name: start.setLocale('en-GB').toFormat('LLLL'), year: start.year } : undefined;
      spans.push({ label: periodLabel(start, period), start: start.toMillis(), end: end.toMillis(), ...(month ? { month } : {}) });
    }
    start = end;
  }
  return spans;
}

/**
 * Several periods, in the order given, as one label: months that run in the
 * same year share it (`April, June, September, November 2026; January
 * 2027`); other periods are listed whole, separated by semicolons.
 */
export function spellPeriodList(spans: readonly Pick<PeriodSpan, 'label' | 'month'>[]): string {
  const parts: string[] = [];
  let months: string[] = [];
  let year: number | undefined;
  const flush = (): void => {
    if (months.length > 0) parts.push(`${months.join(', ')} ${year}`);
    months = [];
  };
  for (const span of spans) {
    if (!span.month) {
      flush();
      parts.push(span.label);
      continue;
    }
    if (span.month.year !== year) flush();
    year = span.month.year;
    months.push(span.month.name);
  }
  flush();
  return parts.join('; ');
}

/**
 * `7 hours 18 minutes`, `43 minutes 12 seconds`, `0 minutes`: whole seconds,
 * largest units first. `round` is `down` for a figure that states a limit, so
 * that a service keeping to the figure as printed keeps to the limit.
 */
export function spellMinutes(minutes: number, round: 'nearest' | 'down' = 'nearest'): string {
  // A tolerance of a microsecond keeps 43.2 minutes (2592 s as computed in floating point) at 2592.
  const exact = minutes * 60;
  const totalSeconds = round === 'down' ? Math.floor(exact + 1e-6) : Math.round(exact);
  const hours = Math.floor(totalSeconds / 3600);
  const wholeMinutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(plural(hours, 'hour'));
  if (wholeMinutes > 0) parts.push(plural(wholeMinutes, 'minute'));
  if (seconds > 0) parts.push(plural(seconds, 'second'));
  return parts.length === 0 ? '0 minutes' : parts.join(' ');
}

/** A downtime allowance: whole seconds rounded down, never up across the limit. */
export function spellAllowance(minutes: number): string {
  return spellMinutes(minutes, 'down');
}
