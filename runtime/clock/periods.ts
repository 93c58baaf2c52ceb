/**
 * Reporting periods in a zone: `2026-03`, `2026-Q1`, `2026` and ISO weeks
 * `2026-W09` (Monday start, ISO week-numbering year), bounded by local
 * midnights.
 */
import { DAY_MS, dayFromCivil, civilFromDay, isoWeekOfDay, pad } from './civil.js';
import { firstInstantAtOrAfterLocal, localMillisOf } from './zone.js';

export type PeriodKind = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** One period: its label and `[start, end)` in epoch ms (the local midnights that bound it). */
export interface PeriodSpan {
  label: string;
  start: number;
  end: number;
}

/** Local midnight of a day as an instant; where midnight is skipped, the first instant of the day. */
function midnightOf(day: number, zone: string): number {
  return firstInstantAtOrAfterLocal(zone, day * DAY_MS);
}

function span(label: string, firstDay: number, endDay: number, zone: string): PeriodSpan {
  return { label, start: midnightOf(firstDay, zone), end: midnightOf(endDay, zone) };
}

/** The period of the given kind containing `instant`, in `zone`. */
export function periodOf(instant: number, period: PeriodKind, zone: string): PeriodSpan {
  const day = Math.floor(localMillisOf(zone, instant) / DAY_MS);
  const { year, month } = civilFromDay(day);
  const yearLabel = pad(year, 4);
  switch (period) {
    case 'weekly': {
      const week = isoWeekOfDay(day);
      return span(`${pad(week.weekYear, 4)}-W${pad(week.week)}`, week.monday, week.monday + 7, zone);
    }
    case 'monthly':
      return span(`${yearLabel}-${pad(month)}`, dayFromCivil(year, month, 1), dayFromCivil(year, month + 1, 1), zone);
    case 'quarterly': {
      const quarter = Math.floor((month - 1) / 3) + 1;
      const firstMonth = quarter * 3 - 2;
      return span(`${yearLabel}-Q${quarter}`, dayFromCivil(year, firstMonth, 1), dayFromCivil(year, firstMonth + 3, 1), zone);
    }
    case 'yearly':
      return span(yearLabel, dayFromCivil(year, 1, 1), dayFromCivil(year + 1, 1, 1), zone);
    default:
      throw new RangeError(`Unknown period "${String(period)}".`);
  }
}

/** Every period overlapping `[from, to]` (both ends included), in order; empty when `to < from`. */
export function periodsBetween(from: number, to: number, period: PeriodKind, zone: string): PeriodSpan[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('periodsBetween needs finite instants.');
  const periods: PeriodSpan[] = [];
  if (to < from) return periods;
  let current = periodOf(from, period, zone);
  periods.push(current);
  while (current.end <= to) {
    current = periodOf(current.end, period, zone);
    periods.push(current);
  }
  return periods;
}
