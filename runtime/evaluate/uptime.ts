import { openMillisBetween, periodsBetween, type CompiledCalendar } from '../clock/index.js';
import type { MetricModel, Period } from '../../language/model/model.js';
import type { OutageRow } from '../log/events.js';
import { calendarOf, zoneOf, type EvaluationContext } from './context.js';
import { clipIntervals, mergeIntervals, subtractIntervals, type Interval } from './intervals.js';
import { classifyMaintenance, maintenanceRulesFor, type MaintenancePart } from './maintenance.js';

/** The outage log, ready for uptime: merged outages, and the maintenance rows as read. */
export interface OutageWindows {
  /** `outage` rows, overlaps merged. */
  readonly outages: readonly Interval[];
  /** All rows; the `maintenance` ones are classified per metric (the cap's zone may be the metric clock's). */
  readonly rows: readonly OutageRow[];
}

/** Overlapping outage rows are merged; maintenance rows are kept for classification. */
export function outageWindows(rows: readonly OutageRow[]): OutageWindows {
  return {
    outages: mergeIntervals(rows.filter((row) => row.kind === 'outage').map((row) => [row.start, row.end])),
    rows,
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
  maintenance: MaintenanceMeasure;
}

/** The maintenance of one uptime period, in open time of the metric's calendar. */
export interface MaintenanceMeasure {
  /** Scheduled Maintenance taken out of scheduled time (0 without `excluding maintenance`). */
  excludedMillis: number;
  /** Maintenance counted as downtime (time also covered by an outage included). */
  countedMillis: number;
  /** The maintenance parts inside the period, clipped to it, in time order. */
  parts: { part: MaintenancePart; start: number; end: number; openMillis: number }[];
}

/** The period an uptime metric is reported by: its objective's, else monthly. */
export function uptimePeriod(metric: MetricModel): Period {
  return metric.objective?.period ?? 'monthly';
}

/**
 * Uptime of a metric per period from `from` to the as-of instant. Each
 * maintenance row is split into Scheduled Maintenance and downtime by the
 * agreement's `maintenance` rules (classifyMaintenance). Scheduled is the
 * open time of the metric's calendar, minus Scheduled Maintenance when
 * `excluding maintenance`; downtime is the open time covered by outages and
 * by maintenance that counts as downtime, except that an outage inside
 * excluded Scheduled Maintenance does not count. Without `excluding
 * maintenance`, Scheduled Maintenance stays scheduled time and is not
 * downtime (1.0's behaviour). The first and last periods are clipped to
 * `[from, asOf)`.
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
  const parts = classifyMaintenance(windows.rows, maintenanceRulesFor(context, metric));
  const scheduledMaintenance = mergeIntervals(parts.filter((part) => !part.reason).map(spanOf));
  const countedMaintenance = mergeIntervals(parts.filter((part) => part.reason).map(spanOf));
  const excluded = metric.excludingMaintenance ? scheduledMaintenance : [];
  const down = subtractIntervals(mergeIntervals([...windows.outages, ...countedMaintenance]), excluded);
  const measures: UptimeMeasure[] = [];
  for (const span of periodsBetween(from, asOf, uptimePeriod(metric), zoneOf(context, metric.clock))) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, asOf);
    if (end <= start) continue;
    const excludedMillis = openMillisIn(calendar, clipIntervals(excluded, start, end));
    measures.push({
      metric,
      period: span.label,
      from: start,
      to: end,
      scheduledMillis: openMillisBetween(calendar, start, end) - excludedMillis,
      downtimeMillis: openMillisIn(calendar, clipIntervals(down, start, end)),
      maintenance: {
        excludedMillis,
        countedMillis: openMillisIn(calendar, clipIntervals(countedMaintenance, start, end)),
        parts: partsWithin(calendar, parts, start, end),
      },
    });
  }
  return measures;
}

function spanOf(part: MaintenancePart): Interval {
  return [part.start, part.end];
}

function partsWithin(calendar: CompiledCalendar, parts: readonly MaintenancePart[], from: number, to: number): MaintenanceMeasure['parts'] {
  const result: MaintenanceMeasure['parts'] = [];
  for (const part of parts) {
    const start = Math.max(part.start, from);
    const end = Math.min(part.end, to);
    if (end > start) result.push({ part, start, end, openMillis: openMillisBetween(calendar, start, end) });
  }
  return result;
}

function openMillisIn(calendar: CompiledCalendar, intervals: readonly Interval[]): number {
  let total = 0;
  for (const [start, end] of intervals) total += openMillisBetween(calendar, start, end);
  return total;
}
