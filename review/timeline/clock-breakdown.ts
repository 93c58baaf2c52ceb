import { clipIntervals, type Interval } from '../../runtime/evaluate/intervals.js';
import { elapsedMillis, type MetricClock } from '../../runtime/evaluate/metric-clock.js';

/**
 * Where the wall-clock time of one measured span went: counted (open time
 * while not paused), paused, or outside service hours (nights, weekends,
 * holidays). Every figure comes from the evaluator's own clock: the wall
 * spans it measured and the spans left once pauses are taken out; only
 * `counted` asks the calendar, through `elapsedMillis`.
 */
export interface ClockBreakdown {
  /** Real time from the span's start to its stop (or the as-of instant), in ms. */
  wallMillis: number;
  /** Real time the metric did not run inside that: resolved, before a reopening. */
  stoppedMillis: number;
  /** Real time inside a pause, in ms. */
  pausedMillis: number;
  /** Real time neither paused nor in service hours, in ms. */
  outsideHoursMillis: number;
  /** Business time counted against the target, in ms. */
  countedMillis: number;
}

/** The breakdown of `clock`, whose running (unpaused) wall spans were `running`. */
export function clockBreakdown(clock: MetricClock, running: readonly Interval[]): ClockBreakdown {
  const runningMillis = totalLength(clipIntervals(running, -Infinity, clock.reference));
  const wallMillis = Math.max(runningMillis, clock.reference - clock.start);
  const unpausedMillis = totalLength(clipIntervals(clock.spans, -Infinity, clock.reference));
  const countedMillis = elapsedMillis(clock);
  return {
    wallMillis,
    stoppedMillis: wallMillis - runningMillis,
    pausedMillis: Math.max(0, runningMillis - unpausedMillis),
    outsideHoursMillis: Math.max(0, unpausedMillis - countedMillis),
    countedMillis,
  };
}

function totalLength(intervals: readonly Interval[]): number {
  let total = 0;
  for (const [start, end] of intervals) total += end - start;
  return total;
}

/**
 * Real (wall-clock) time for people: `2d 3h 5m`, `45m 30s`, `0m`. Unlike
 * business durations, which are always hours, wall time counts days.
 */
export function formatWallTime(millis: number): string {
  const totalSeconds = Math.round(millis / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', seconds > 0 ? `${seconds}s` : ''].filter(Boolean);
  return parts.length === 0 ? '0m' : parts.join(' ');
}
