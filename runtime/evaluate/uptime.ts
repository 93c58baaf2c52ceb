import { openMillisBetween, periodsBetween, type CompiledCalendar } from '../clock/index.js';
import type { MetricModel, Period } from '../../language/model/model.js';
import type { OutageRow } from '../log/events.js';
import { calendarOf, zoneOf, type EvaluationContext } from './context.js';
import { clipIntervals, mergeIntervals, subtractIntervals, type Interval } from './intervals.js';

/** Merged outage and maintenance windows of an outage log. */
export interface OutageWindows {
  readonly outages: readonly Interval[];
  readonly maintenance: readonly Interval[];
}

/** Overlapping rows of each kind are merged. */
export function outageWindows(rows: readonly OutageRow[]): OutageWindows {
  return {
    outages: mergeIntervals(rows.filter((row) => row.kind === 'outage').map((row) => [row.start, row.end])),
    maintenance: mergeIntervals(rows.filter((row) => row.kind === 'maintenance').map((row) => [row.start, row.end])),
  };
}

/** Scheduled and down time of one uptime metric in one (possibly partial) period. */
export interface UptimeMeasure {
  metric: MetricModel;
  period: string;
  from: number;
  to: number;
  scheduledMillis: number;
  downtimeMillis: number;
}

/** The period an uptime metric is reported by: its objective's, else monthly. */
export function uptimePeriod(metric: MetricModel): Period {
  return metric.objective?.period ?? 'monthly';
}

/**
 * Uptime of a metric per period from `from` to the as-of instant: scheduled is
 * the open time of the metric's calendar (minus maintenance when `excluding
 * maintenance`), downtime the open time covered by outages (an outage inside
 * excluded maintenance does not count). The first and last periods are
 * clipped to `[from, asOf)`.
 */
export function measureUptime(
  context: EvaluationContext,
  metric: MetricModel,
  windows: OutageWindows,
  from: number,
  asOf: number,
): UptimeMeasure[] {
  if (!(asOf > from)) return [];
  const calendar = calendarOf(context, metric.clock);
  const excluded = metric.excludingMaintenance ? windows.maintenance : [];
  const down = subtractIntervals(windows.outages, excluded);
  const measures: UptimeMeasure[] = [];
  for (const span of periodsBetween(from, asOf, uptimePeriod(metric), zoneOf(context, metric.clock))) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, asOf);
    if (end <= start) continue;
    const scheduled = openMillisBetween(calendar, start, end) - openMillisIn(calendar, clipIntervals(excluded, start, end));
    measures.push({
      metric,
      period: span.label,
      from: start,
      to: end,
      scheduledMillis: scheduled,
      downtimeMillis: openMillisIn(calendar, clipIntervals(down, start, end)),
    });
  }
  return measures;
}

function openMillisIn(calendar: CompiledCalendar, intervals: readonly Interval[]): number {
  let total = 0;
  for (const [start, end] of intervals) total += openMillisBetween(calendar, start, end);
  return total;
}
