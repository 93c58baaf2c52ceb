import { openIntervals, periodsBetween, type CompiledCalendar } from '../clock/index.js';
import type { MetricModel, Period } from '../../language/model/model.js';
import type { OutageRow } from '../log/events.js';
import { calendarOf, zoneOf, type EvaluationContext } from './context.js';
import { mergeIntervals, subtractIntervals, type Interval } from './intervals.js';

/** Why a part of a `maintenance` row is not Scheduled Maintenance, and so counts as downtime. */
export type MaintenanceReason =
  | { kind: 'outsideWindow' }
  /** `givenMillis` is null when the row has no `announced`; negative when announced after the start. */
  | { kind: 'shortNotice'; givenMillis: number | null; requiredMillis: number }
  | { kind: 'overCap'; capMillis: number; period: string };

/** A piece of one `maintenance` row: Scheduled Maintenance when `reason` is absent, otherwise downtime. */
export interface MaintenancePart {
  start: number;
  end: number;
  row: OutageRow;
  reason?: MaintenanceReason;
}

/** The `maintenance` declaration, resolved for evaluation. Every rule is optional. */
export interface MaintenanceRules {
  /** Maintenance outside this calendar's open time is downtime. */
  window?: CompiledCalendar;
  /** Real milliseconds a row must be announced before its start. */
  noticeMillis?: number;
  /** At most this many real milliseconds of Scheduled Maintenance per period of `zone`. */
  cap?: { millis: number; period: Period; zone: string };
}

/**
 * The rules of the agreement's `maintenance` declaration for one uptime
 * metric. Without a declaration there are none, so every maintenance row is
 * Scheduled Maintenance (as in language 1.0). The cap's periods are those of
 * the window calendar's zone, or without a window the metric clock's zone.
 */
export function maintenanceRulesFor(context: EvaluationContext, metric: MetricModel): MaintenanceRules {
  const declared = context.model.maintenance;
  const rules: MaintenanceRules = {};
  if (!declared) return rules;
  if (declared.window !== undefined) rules.window = calendarOf(context, declared.window);
  const notice = declared.notice?.minutes;
  if (notice !== undefined) rules.noticeMillis = Math.round(notice * 60_000);
  const cap = declared.atMost;
  if (cap?.duration.minutes !== undefined) {
    const zone = rules.window?.zone ?? zoneOf(context, metric.clock);
    rules.cap = { millis: Math.round(cap.duration.minutes * 60_000), period: cap.period, zone };
  }
  return rules;
}

/**
 * Splits the `maintenance` rows of an outage log into Scheduled Maintenance
 * and downtime, in time order (by start, then end, then line):
 *
 * 1. each row's part outside the window is downtime ('outside the window');
 *    its part inside is Scheduled Maintenance if the row was announced at
 *    least `notice` before its own start, else downtime ('short notice');
 * 2. where rows overlap, an instant is Scheduled Maintenance when any row
 *    makes it so; otherwise it belongs to the earliest row covering it, so
 *    overlapping time is judged and counted once;
 * 3. the Scheduled Maintenance then counts against `at most` in time order,
 *    real elapsed time, each instant in its own period; what exceeds a
 *    period's cap is downtime ('over the cap').
 *
 * The parts are disjoint and sorted by start. Outage rows are not looked at.
 */
export function classifyMaintenance(rows: readonly OutageRow[], rules: MaintenanceRules): MaintenancePart[] {
  const maintenance = rows
    .filter((row) => row.kind === 'maintenance')
    .sort((a, b) => a.start - b.start || a.end - b.end || a.line - b.line);
  const judged = maintenance.map((row) => judgeRow(row, rules));
  const parts: MaintenancePart[] = [];
  let claimed: Interval[] = [];
  const claim = (row: OutageRow, pieces: readonly Interval[], reason?: MaintenanceReason): void => {
    const free = subtractIntervals(mergeIntervals(pieces), claimed);
    for (const [start, end] of free) parts.push(reason ? { start, end, row, reason } : { start, end, row });
    claimed = mergeIntervals([...claimed, ...free]);
  };
  for (const entry of judged) claim(entry.row, entry.eligible);
  for (const entry of judged) {
    if (entry.shortNotice) claim(entry.row, entry.inside, entry.shortNotice);
    claim(entry.row, entry.outside, { kind: 'outsideWindow' });
  }
  parts.sort((a, b) => a.start - b.start);
  return rules.cap ? applyCap(parts, rules.cap) : parts;
}

interface JudgedRow {
  row: OutageRow;
  /** The part inside the window (the whole row without one). */
  inside: Interval[];
  outside: Interval[];
  /** `inside` when the notice was met, else empty. */
  eligible: Interval[];
  shortNotice?: MaintenanceReason;
}

function judgeRow(row: OutageRow, rules: MaintenanceRules): JudgedRow {
  const whole: Interval[] = [[row.start, row.end]];
  const inside: Interval[] = rules.window ? openIntervals(rules.window, row.start, row.end) : whole;
  const outside = subtractIntervals(whole, inside);
  const required = rules.noticeMillis;
  const given = row.announced === undefined ? null : row.start - row.announced;
  if (required === undefined || (given !== null && given >= required)) return { row, inside, outside, eligible: inside };
  return { row, inside, outside, eligible: [], shortNotice: { kind: 'shortNotice', givenMillis: given, requiredMillis: required } };
}

/** Scheduled Maintenance up to the cap per period, in time order; the rest is 'over the cap'. */
function applyCap(parts: readonly MaintenancePart[], cap: NonNullable<MaintenanceRules['cap']>): MaintenancePart[] {
  const used = new Map<string, number>();
  const result: MaintenancePart[] = [];
  for (const part of parts) {
    if (part.reason) {
      result.push(part);
      continue;
    }
    // An end is exclusive, so the period holding end - 1 is the last one touched.
    for (const period of periodsBetween(part.start, part.end - 1, cap.period, cap.zone)) {
      const start = Math.max(part.start, period.start);
      const end = Math.min(part.end, period.end);
      if (end <= start) continue;
      const before = used.get(period.label) ?? 0;
      const allowedEnd = Math.min(end, start + Math.max(0, cap.millis - before));
      used.set(period.label, before + (allowedEnd - start));
      if (allowedEnd > start) result.push({ start, end: allowedEnd, row: part.row });
      if (end > allowedEnd) result.push({ start: allowedEnd, end, row: part.row, reason: { kind: 'overCap', capMillis: cap.millis, period: period.label } });
    }
  }
  return result;
}

/** A reason as the report words it. */
export function reasonText(reason: MaintenanceReason): 'outside the window' | 'short notice' | 'over the cap' {
  switch (reason.kind) {
    case 'outsideWindow':
      return 'outside the window';
    case 'shortNotice':
      return 'short notice';
    case 'overCap':
      return 'over the cap';
  }
}
