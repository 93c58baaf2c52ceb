/**
 * Half-open real-time intervals `[start, end)` in epoch milliseconds, kept as
 * sorted, disjoint lists. `end` may be `Infinity` for a clock that keeps
 * running. Pauses, outages and maintenance windows are all such lists.
 */
export type Interval = readonly [number, number];

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  // Ticket clocks give one or two spans, nearly always in order already: sort only when not.
  const sorted = isSorted(intervals) ? intervals : intervals.filter(([start, end]) => end > start).sort(compareIntervals);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    if (!(end > start)) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function compareIntervals(a: Interval, b: Interval): number {
  return a[0] - b[0] || a[1] - b[1];
}

function isSorted(intervals: readonly Interval[]): boolean {
  for (let index = 1; index < intervals.length; index++) if (!(compareIntervals(intervals[index - 1]!, intervals[index]!) <= 0)) return false;
  return true;
}

/** `from` minus `remove`; both sorted and disjoint. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const [start, end] of from) {
    let cursor = start;
    for (const [removeStart, removeEnd] of remove) {
      if (removeEnd <= cursor) continue;
      if (removeStart >= end) break;
      if (removeStart > cursor) result.push([cursor, removeStart]);
      cursor = Math.max(cursor, removeEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

/** The parts of sorted, disjoint `intervals` that lie inside `[from, to)`. */
export function clipIntervals(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const result: Interval[] = [];
  for (const [start, end] of intervals) {
    const clippedStart = Math.max(start, from);
    const clippedEnd = Math.min(end, to);
    if (clippedEnd > clippedStart) result.push([clippedStart, clippedEnd]);
  }
  return result;
}

/** Whether `instant` lies in one of the sorted, disjoint `intervals`. */
export function containsInstant(intervals: readonly Interval[], instant: number): boolean {
  return intervals.some(([start, end]) => start <= instant && instant < end);
}
