import type { AgreementModel, CalendarModel, MetricModel } from '../../language/model/model.js';
import type { MetricDeclaration, ObjectiveStatement, TargetStatement } from '../../language/syntax/ast.js';
import { formatDuration } from '../../runtime/clock/index.js';
import { dueExample, openTimeInPeriod } from './clock-facts.js';
import type { ServiceDocument } from './document.js';

const periodWords: Record<string, string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/**
 * What an objective allows. For uptime: the downtime it allows in a real
 * period of the clock (the one containing the agreement's effective date),
 * e.g. "99% monthly on BusinessHours allows about 2h 6m of downtime a month
 * (January 2026: 210h of open time)". For tickets: how many may miss.
 */
export function describeObjective(document: ServiceDocument, node: MetricDeclaration, statement: ObjectiveStatement): string | undefined {
  const percent = statement.percent?.value;
  const period = statement.period;
  if (percent === undefined || !period) return undefined;
  const word = periodWords[period] ?? period;
  const found = metricAndCalendar(document, node);
  if (found?.metric.measures === 'uptime' && found.calendar) {
    const { label, openMinutes } = openTimeInPeriod(found.calendar, period, referenceInstant(document));
    const allowed = openMinutes * (1 - percent / 100);
    const maintenance = found.metric.excludingMaintenance ? '; Scheduled Maintenance, on the terms of the maintenance declaration, is not counted as downtime' : '';
    return (
      `**objective ${statement.percent?.text} ${period}**: ${percent}% ${period} on ${found.calendar.name} allows about ` +
      `${formatDuration(Math.round(allowed))} of downtime a ${word} (worked out for ${label}, which has ` +
      `${formatDuration(openMinutes)} of ${found.calendar.name} open time${maintenance}).`
    );
  }
  const misses = Math.floor(20 * (1 - percent / 100) + 1e-9);
  return (
    `**objective ${statement.percent?.text} ${period}**: at least ${percent}% of the tickets opened each ${word} must meet ` +
    `their target: of 20 tickets in a ${word}, ${misses === 0 ? 'none' : misses === 1 ? 'one' : misses} may miss it.`
  );
}

/**
 * A target in the clock's open time, with a worked example: "20 minutes of
 * BusinessHours open time; a ticket opened Friday 2 January 2026 17:50 is
 * due Monday 5 January 2026 08:10".
 */
export function describeTarget(document: ServiceDocument, node: MetricDeclaration, statement: TargetStatement): string | undefined {
  const duration = statement.duration;
  if (!duration?.text) return undefined;
  const found = metricAndCalendar(document, node);
  const clockName = found?.metric.clock ?? clockOf(node);
  const channel = statement.channel?.text;
  const severityWho = statement.severity ? `${statement.severity.text} tickets` : 'every ticket';
  const who = channel ? `${statement.severity ? severityWho : 'tickets'} that came in via ${channel}` : severityWho;
  let text = `**target ${duration.text}** for ${who}: ${duration.text} of ${clockName ?? 'the clock\'s'} open time`;
  if (found?.calendar) {
    const model = channel
      ? found.metric.channelTargets?.find((t) => t.channel === channel && t.severity === statement.severity?.text)?.duration
      : statement.severity
        ? found.metric.targets[statement.severity.text]
        : found.metric.defaultTarget;
    const businessDays = model?.unit === 'businessDays' ? model.amount : undefined;
    const minutes = model?.minutes;
    const example = dueExample(found.calendar, { minutes, businessDays }, referenceInstant(document));
    if (minutes !== undefined && minutes % 60 !== 0 && minutes > 60) text += ` (${formatDuration(minutes)})`;
    if (example) text += `; a ticket opened ${example.opened} is due ${example.due}`;
  }
  return `${text}.`;
}

function metricAndCalendar(document: ServiceDocument, node: MetricDeclaration): { metric: MetricModel; calendar?: CalendarModel } | undefined {
  const model = document.analysis.model as AgreementModel | undefined;
  const metric = model?.metrics?.find((m) => m.name === node.name?.text);
  if (!metric) return undefined;
  return { metric, calendar: model?.calendars?.find((c) => c.name === metric.clock) };
}

function clockOf(node: MetricDeclaration): string | undefined {
  const clock = node.statements?.find((s) => s?.kind === 'Clock');
  return clock && 'calendar' in clock ? clock.calendar?.text : undefined;
}

/**
 * The instant examples are worked out at: the agreement's effective date,
 * so hovers are the same every day; the start of this month without one.
 */
export function referenceInstant(document: ServiceDocument): number {
  const model = document.analysis.model as AgreementModel | undefined;
  const effective = model?.agreement?.effective;
  const match = effective ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(effective) : null;
  if (match) return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 12);
}
