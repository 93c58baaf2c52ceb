import { joinWithAnd } from '../../compiler/english.js';
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
  const except = exceptMoreSpecific(node, statement);
  let text = `**target ${duration.text}** for ${who}${except}: ${duration.text} of ${clockName ?? 'the clock\'s'} open time`;
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

/** `, except P1 tickets and tickets that came in via Email`, or nothing when no other target takes any of this one's tickets. */
export function exceptMoreSpecific(node: MetricDeclaration, statement: TargetStatement): string {
  const taken = takenByMoreSpecific(node, statement);
  if (taken.length === 0) return '';
  return `, except ${joinWithAnd(taken)}`;
}

/**
 * The tickets another target of the metric takes from this one, since the
 * most specific target wins (LANGUAGE.md: severity and channel, then
 * channel, then severity, then the plain target): `target 4 hours` is not
 * for every ticket when P1 has a target of its own.
 */
function takenByMoreSpecific(node: MetricDeclaration, statement: TargetStatement): string[] {
  const severity = statement.severity?.text;
  const channel = statement.via ? statement.channel?.text : undefined;
  if (statement.via && channel === undefined) return [];
  const taken = new Set<string>();
  for (const other of node.statements ?? []) {
    if (other?.kind !== 'Target' || other === statement || (other.via && other.channel === undefined)) continue;
    const otherSeverity = other.severity?.text;
    const otherChannel = other.via ? other.channel?.text : undefined;
    if (severity === undefined && channel === undefined) {
      if (otherChannel === undefined && otherSeverity !== undefined) taken.add(`${otherSeverity} tickets`);
      else if (otherChannel !== undefined && otherSeverity === undefined) taken.add(`tickets that came in via ${otherChannel}`);
      else if (otherChannel !== undefined) taken.add(`${otherSeverity} tickets that came in via ${otherChannel}`);
    } else if (channel === undefined) {
      if (otherChannel !== undefined && (otherSeverity === undefined || otherSeverity === severity)) taken.add(`those that came in via ${otherChannel}`);
    } else if (severity === undefined && otherChannel === channel && otherSeverity !== undefined) {
      taken.add(`${otherSeverity} tickets`);
    }
  }
  // `P1 tickets that came in via Email` says nothing more beside `P1 tickets` or `tickets that came in via Email`.
  return [...taken].filter((who) => {
    const both = /^(\S+) tickets that came in via (\S+)$/.exec(who);
    return !both || (!taken.has(`${both[1]} tickets`) && !taken.has(`tickets that came in via ${both[2]}`));
  });
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
