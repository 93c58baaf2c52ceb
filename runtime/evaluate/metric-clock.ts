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
  const spans = orderedClockSpans(running, pauses, reference) ?? clockSpans(running, pauses, reference);
  return { calendar, spans, reference, start: running[0]?.[0] ?? reference };
}

/**
 * A clock's spans, the general way: the running spans up to `reference`,
 * and beyond it unless paused then, less the pauses up to `reference`.
 */
export function clockSpans(running: readonly Interval[], pauses: readonly Interval[], reference: number): Interval[] {
  const measured = clipIntervals(running, -Infinity, reference);
  const pausesSoFar = clipIntervals(pauses, -Infinity, reference);
  const projection: Interval[] = containsInstant(pauses, reference) ? [] : [[reference, Infinity]];
  return subtractIntervals(mergeIntervals([...measured, ...projection]), pausesSoFar);
}

/**
 * `clockSpans` in one pass, without its intermediate lists, for running
 * spans in order (as a ticket's events give them): each is clipped and
 * united with the one before as it comes, and the pauses are clipped as
 * they are taken out. Undefined when a running span starts before the ones
 * already united, which the general way sorts. Unions do not depend on
 * order, so this is the same list (test/runtime/evaluate/metric-clock-fast-path.test.ts).
 */
export function orderedClockSpans(running: readonly Interval[], pauses: readonly Interval[], reference: number): Interval[] | undefined {
  const united: [number, number][] = [];
  for (const [start, end] of running) {
    const clippedEnd = Math.min(end, reference);
    if (!(clippedEnd > start)) continue;
    if (!unite(united, start, clippedEnd)) return undefined;
  }
  // Every measured span ends by `reference`, so the projection comes last.
  if (!containsInstant(pauses, reference)) unite(united, reference, Infinity);
  if (pauses.length === 0) return united;
  const flat: number[] = [];
  for (const [start, end] of united) pushOutsidePauses(flat, start, end, pauses, reference);
  const result: Interval[] = [];
  for (let index = 0; index < flat.length; index += 2) result.push([flat[index]!, flat[index + 1]!]);
  return result;
}

/**
 * Appends to `spans`, as flat start/end pairs, the parts of `[start, end)`
 * outside `pauses` (sorted, disjoint), each pause clipped to end by
 * `reference`: the clock runs on through a pause that begins later. Shared
 * by `orderedClockSpans` and the one-clock path (one-clock.ts).
 */
export function pushOutsidePauses(spans: number[], start: number, end: number, pauses: readonly Interval[], reference: number): void {
  let cursor = start;
  for (const [removeStart, pauseEnd] of pauses) {
    const removeEnd = Math.min(pauseEnd, reference);
    // Clipped away: not a pause up to `reference` at all.
    if (!(removeEnd > removeStart)) continue;
    if (removeEnd <= cursor) continue;
    if (removeStart >= end) break;
    if (removeStart > cursor) spans.push(cursor, removeStart);
    cursor = Math.max(cursor, removeEnd);
    if (cursor >= end) break;
  }
  if (cursor < end) spans.push(cursor, end);
}

/** Adds a non-empty `[start, end)` to sorted, disjoint `united`; false when it starts before the last of them. */
function unite(united: [number, number][], start: number, end: number): boolean {
  const last = united[united.length - 1];
  if (last === undefined) united.push([start, end]);
  else if (start < last[0]) return false;
  else if (start <= last[1]) last[1] = Math.max(last[1], end);
  else united.push([start, end]);
  return true;
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

/**
 * The elapsed minutes a verdict reports: as toMinutes rounds them, but a
 * breach never onto or below its target's (a reply 1 ms late read
 * `"elapsedMinutes": 60, "targetMinutes": 60, "status": "breached"` in the
 * JSON and CSV reports): then the target's and the smallest step written,
 * 0.0001 of a minute. Whether it is a breach is decided on the milliseconds.
 */
export function reportedElapsedMinutes(elapsedMillis: number, targetMillis: number, breached: boolean): number {
  const minutes = toMinutes(elapsedMillis);
  const target = toMinutes(targetMillis);
  return breached && minutes <= target ? Math.round(target * 10_000 + 1) / 10_000 : minutes;
}
