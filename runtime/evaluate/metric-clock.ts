import {
  closeOfNthOpenDay,
  instantAfterOpenMillis,
  openMillisBetween,
  type CompiledCalendar,
} from '../clock/index.js';
import type { DurationModel } from '../../language/model/model.js';
import { clipIntervals, containsInstant, mergeIntervals, subtractIntervals, type Interval } from './intervals.js';

/**
 * A ticket clock for one measured span: the real-time spans during which it
 * accrues open time of its calendar (pauses already taken out), measured up
 * to `reference` (the stop, or the as-of instant) and projected beyond it as
 * the ticket stands then: running on if it is not paused at `reference`,
 * frozen if it is. The projection answers "when will it reach the target".
 */
export interface MetricClock {
  readonly calendar: CompiledCalendar;
  readonly spans: readonly Interval[];
  readonly reference: number;
  /** Where the measured span began (before pauses are taken out): a `next reply` cycle's customer reply. */
  readonly start: number;
}

/**
 * Builds a clock from the spans the metric was running (the last one may be
 * open-ended) and the ticket's pauses, measured up to `reference`.
 */
export function buildMetricClock(
  calendar: CompiledCalendar,
  running: readonly Interval[],
  pauses: readonly Interval[],
  reference: number,
): MetricClock {
  // Most clocks: one running span and no pause. Built directly, with what the general way below gives.
  if (pauses.length === 0 && running.length === 1) return { calendar, spans: singleSpanClock(running[0]!, reference), reference, start: running[0]![0] };
  const measured = clipIntervals(running, -Infinity, reference);
  const pausesSoFar = clipIntervals(pauses, -Infinity, reference);
  const projection: Interval[] = containsInstant(pauses, reference) ? [] : [[reference, Infinity]];
  const spans = subtractIntervals(mergeIntervals([...measured, ...projection]), pausesSoFar);
  return { calendar, spans, reference, start: running[0]?.[0] ?? reference };
}

/**
 * The spans of a clock that runs over `[start, end)` with no pause, measured
 * up to `reference` and running on after it: the measured part (if any)
 * merged with `[reference, Infinity)` when they touch.
 */
function singleSpanClock([start, end]: Interval, reference: number): Interval[] {
  const measuredEnd = Math.min(end, reference);
  if (!(measuredEnd > start)) return [[reference, Infinity]];
  if (measuredEnd >= reference) return [[start, Infinity]];
  return [[start, measuredEnd], [reference, Infinity]];
}

/** Open time accrued up to the clock's reference instant, in milliseconds. */
export function elapsedMillis(clock: MetricClock): number {
  let total = 0;
  const reference = clock.reference;
  // clipIntervals(spans, -Infinity, reference), without making the list.
  for (const [start, end] of clock.spans) {
    const clippedEnd = Math.min(end, reference);
    if (clippedEnd > start) total += openMillisBetween(clock.calendar, start, clippedEnd);
  }
  return total;
}

/**
 * The instant at which the clock's accrued open time reaches `amount`
 * milliseconds, in the past or projected; null when it never does (frozen by a
 * pause, or a calendar that never opens again).
 */
export function instantReaching(clock: MetricClock, amount: number): number | null {
  let accrued = 0;
  for (const [start, end] of clock.spans) {
    const open = end === Infinity ? Infinity : openMillisBetween(clock.calendar, start, end);
    if (accrued + open >= amount) {
      const instant = instantAfterOpenMillis(clock.calendar, start, amount - accrued);
      return Number.isFinite(instant) ? instant : null;
    }
    accrued += open;
  }
  return null;
}

/**
 * A duration target in milliseconds of open time, for a clock started at
 * `start`. `N business days` runs to the close of the N-th open day after the
 * local date of `start`, so its length depends on the ticket. Pauses never
 * change a target. Infinity when that day never comes (a calendar with no
 * open day ahead): like an hours target the calendar never reaches, the
 * metric then stays pending, never due. Undefined for a unit with no meaning
 * here (`months`).
 */
export function targetMillis(calendar: CompiledCalendar, duration: DurationModel, start: number): number | undefined {
  if (duration.unit === 'businessDays') {
    const dueClose = closeOfNthOpenDay(calendar, start, duration.amount);
    return Number.isFinite(dueClose) ? openMillisBetween(calendar, start, dueClose) : Infinity;
  }
  return duration.minutes === undefined ? undefined : Math.round(duration.minutes * 60_000);
}

/** Milliseconds as minutes, exact to the second, without float noise (4 decimals). */
export function toMinutes(millis: number): number {
  return Math.round((millis / 60_000) * 10_000) / 10_000;
}
