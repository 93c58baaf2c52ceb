import { formatInstant } from '../clock/index.js';
import type { EvaluationContext, ReportSummary, TicketVerdict } from '../evaluate/index.js';
import { setOwnValue } from '../../language/model/own-keys.js';

/** One ticket metric in the JSON report. */
export interface MetricVerdictJson {
  status: 'met' | 'breached' | 'pending';
  elapsedMinutes: number;
  targetMinutes: number;
  /**
   * The severity whose target `targetMinutes` is, when it is not the
   * ticket's `severity`: the metric stopped before the severity changed and
   * keeps the target it had then (SEMANTICS.md "Target"). Absent: the
   * ticket's `severity`.
   */
  targetSeverity?: string;
  /** ISO instant in the metric clock's zone, or null (paused and not reached). */
  due: string | null;
  stoppedAt?: string;
}

/** One ticket in the JSON report. */
export interface TicketVerdictJson {
  id: string;
  severity: string;
  channel?: string;
  /** ISO instant in the report zone. */
  created: string;
  metrics: Record<string, MetricVerdictJson>;
}

/** The JSON report of `slac check --format json`. */
export interface Report extends ReportSummary {
  tickets: TicketVerdictJson[];
}

/** A ticket verdict as it appears in the JSON report (instants as ISO strings in each metric clock's zone). */
export function toTicketJson(verdict: TicketVerdict, context: EvaluationContext): TicketVerdictJson {
  const metrics: Record<string, MetricVerdictJson> = {};
  const zones = metricZones(context);
  for (const name in verdict.metrics) {
    const metric = verdict.metrics[name]!;
    const zone = zones.get(name) ?? zoneOfMetric(context, name);
    const due = metric.due === null ? null : formatInstant(metric.due, zone);
    // Key order as the report lists them: the target's severity right after the target, when it is another.
    const json: MetricVerdictJson = metric.targetSeverity === verdict.severity
      ? { status: metric.status, elapsedMinutes: metric.elapsedMinutes, targetMinutes: metric.targetMinutes, due }
      : { status: metric.status, elapsedMinutes: metric.elapsedMinutes, targetMinutes: metric.targetMinutes, targetSeverity: metric.targetSeverity, due };
    // Assigned rather than spread in: a million tickets make a spread's temporary objects count.
    if (metric.stoppedAt !== undefined) json.stoppedAt = formatInstant(metric.stoppedAt, zone);
    setOwnValue(metrics, name, json);
  }
  // Keys in report order: id, severity, channel (when known), created, metrics.
  const ticket: TicketVerdictJson = verdict.channel === undefined
    ? { id: verdict.id, severity: verdict.severity, created: '', metrics }
    : { id: verdict.id, severity: verdict.severity, channel: verdict.channel, created: '', metrics };
  ticket.created = formatInstant(verdict.created, context.reportZone);
  return ticket;
}

/** Each metric's zone, worked out once per context rather than once per ticket. */
const zonesByContext = new WeakMap<EvaluationContext, Map<string, string>>();

function metricZones(context: EvaluationContext): Map<string, string> {
  let zones = zonesByContext.get(context);
  if (!zones) {
    zones = new Map(context.model.metrics.map((metric) => [metric.name, zoneOfMetric(context, metric.name)]));
    zonesByContext.set(context, zones);
  }
  return zones;
}

/** The zone a metric's instants are shown in: its clock's calendar's, else the report zone. */
export function metricZone(context: EvaluationContext, metricName: string): string {
  return metricZones(context).get(metricName) ?? zoneOfMetric(context, metricName);
}

function zoneOfMetric(context: EvaluationContext, metricName: string): string {
  const clock = context.model.metrics.find((metric) => metric.name === metricName)?.clock;
  return context.model.calendars.find((calendar) => calendar.name === clock)?.timezone ?? context.reportZone;
}

/** The whole report as one object, keys in report order. */
export function buildReport(summary: ReportSummary, tickets: TicketVerdictJson[]): Report {
  const { agreement, title, asOf, ...rest } = summary;
  return { agreement, ...(title === undefined ? {} : { title }), asOf, tickets, ...rest };
}

const TICKETS_SLOT = '\n  "tickets": []';

/**
 * Writes the JSON report ticket by ticket, so a million tickets need not be
 * held at once. The text equals `JSON.stringify(buildReport(summary,
 * [...tickets]), null, 2)`, followed by a newline.
 */
export function writeJsonReport(summary: ReportSummary, tickets: Iterable<TicketVerdictJson>, write: (chunk: string) => void): void {
  const skeleton = JSON.stringify(buildReport(summary, []), null, 2);
  // Strings in JSON cannot hold a raw newline, so this slot is the top-level key.
  const slot = skeleton.indexOf(TICKETS_SLOT);
  write(skeleton.slice(0, slot) + '\n  "tickets": [');
  let first = true;
  for (const ticket of tickets) {
    write((first ? '\n    ' : ',\n    ') + JSON.stringify(ticket, null, 2).replace(/\n/g, '\n    '));
    first = false;
  }
  write((first ? ']' : '\n  ]') + skeleton.slice(slot + TICKETS_SLOT.length) + '\n');
}
