import { compileCalendar, type CompiledCalendar } from '../clock/index.js';
import type { AgreementModel, CalendarModel, MetricModel } from '../../language/model/model.js';

/**
 * Everything about one agreement that every ticket's evaluation needs,
 * computed once: compiled calendars, the pause statuses of each metric,
 * severity ranks.
 */
export interface EvaluationContext {
  readonly model: AgreementModel;
  /** Compiled calendars by name. */
  readonly calendars: ReadonlyMap<string, CompiledCalendar>;
  /**
   * The distinct sets of pause statuses, trimmed and lower-cased: [0] is the
   * agreement-wide `pause when status`; a metric with its own `pause when`
   * or `pause never` (1.1) adds its set, once however many metrics share it.
   * A ticket's pause spans are worked out once per set, not per metric.
   */
  readonly pauseSets: readonly ReadonlySet<string>[];
  /** Index into `pauseSets` of each metric's pauses, by metric name. */
  readonly pauseSetOf: ReadonlyMap<string, number>;
  /** 0 = most severe, as declared. */
  readonly severityRank: ReadonlyMap<string, number>;
  /** Metrics measured per ticket (everything but uptime), in declaration order. */
  readonly ticketMetrics: readonly MetricModel[];
  /** `measures uptime` metrics, in declaration order. */
  readonly uptimeMetrics: readonly MetricModel[];
  /**
   * The zone instants are shown in when no metric clock applies (as-of,
   * ticket creation): the first ticket metric's clock, else the first
   * calendar's, else UTC.
   */
  readonly reportZone: string;
}

/** Compiles an agreement's calendars and lookup tables for evaluation. */
export function createEvaluationContext(model: AgreementModel): EvaluationContext {
  const calendars = new Map<string, CompiledCalendar>();
  for (const calendar of model.calendars) calendars.set(calendar.name, compileCalendar(calendar));
  const ticketMetrics = model.metrics.filter((metric) => metric.measures !== 'uptime');
  const { pauseSets, pauseSetOf } = pauseSetsOf(model, ticketMetrics);
  return {
    model,
    calendars,
    pauseSets,
    pauseSetOf,
    severityRank: new Map(model.severities.map((severity, index) => [severity.name, index])),
    ticketMetrics,
    uptimeMetrics: model.metrics.filter((metric) => metric.measures === 'uptime'),
    reportZone: calendarModelOf(model, (ticketMetrics[0] ?? model.metrics[0])?.clock)?.timezone
      ?? model.calendars[0]?.timezone
      ?? 'UTC',
  };
}

/** Each metric's pause statuses: its own `pause` when it has one, else the agreement's. */
function pauseSetsOf(model: AgreementModel, metrics: readonly MetricModel[]): { pauseSets: ReadonlySet<string>[]; pauseSetOf: Map<string, number> } {
  const pauseSets: ReadonlySet<string>[] = [];
  const indexByKey = new Map<string, number>();
  const indexOf = (statuses: readonly string[]): number => {
    const set = new Set(statuses.map(normaliseStatus));
    const key = [...set].sort().join('\u0000');
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = pauseSets.length;
      pauseSets.push(set);
      indexByKey.set(key, index);
    }
    return index;
  };
  indexOf(model.pause.statuses);
  const pauseSetOf = new Map<string, number>();
  for (const metric of metrics) pauseSetOf.set(metric.name, metric.pause ? indexOf(metric.pause.statuses) : 0);
  return { pauseSets, pauseSetOf };
}

/** Statuses compare case-insensitively, ignoring surrounding blanks. */
export function normaliseStatus(status: string): string {
  return status.trim().toLowerCase();
}

/** The compiled calendar of that name; the model is checked, so a miss is a bug. */
export function calendarOf(context: EvaluationContext, name: string): CompiledCalendar {
  const calendar = context.calendars.get(name);
  if (!calendar) throw new Error(`The agreement has no calendar named ${name}.`);
  return calendar;
}

/** The time zone of a calendar, by name. */
export function zoneOf(context: EvaluationContext, calendarName: string | undefined): string {
  return calendarModelOf(context.model, calendarName)?.timezone ?? context.reportZone;
}

function calendarModelOf(model: AgreementModel, name: string | undefined): CalendarModel | undefined {
  return name === undefined ? undefined : model.calendars.find((calendar) => calendar.name === name);
}
