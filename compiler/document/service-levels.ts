import { targetFor, type ChannelTargetModel, type MetricModel, type Period } from '../../language/model/model.js';
import { joinWithAnd, percent } from '../english.js';
import { isAroundTheClock, isTicketMetric, metricCalendar, spellTarget, type DocumentContext } from './context.js';
import { paragraph, section, strong, table, type Block, type Section } from './document.js';

export const PERIOD_NOUNS: Record<Period, string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

const quoted = (value: string): string => `“${value}”`;

/** Severities the metric applies to without regard to channel, grouped by equal target, in severity order. */
export function targetGroups(context: DocumentContext, metric: MetricModel): { target: string; severities: string[] }[] {
  const groups: { target: string; severities: string[] }[] = [];
  for (const severity of context.model.severities) {
    const duration = targetFor(metric, severity.name);
    if (!duration) continue;
    const target = spellTarget(context, metric, duration);
    const group = groups.find((candidate) => candidate.target === target);
    if (group) group.severities.push(severity.name);
    else groups.push({ target, severities: [severity.name] });
  }
  return groups;
}

/** Severities with a target through any line, channel targets included. */
function applicableSeverities(context: DocumentContext, metric: MetricModel): string[] {
  return context.model.severities
    .map((severity) => severity.name)
    .filter(
      (name) =>
        targetFor(metric, name) !== undefined ||
        metric.channelTargets.some((target) => target.severity === undefined || target.severity === name),
    );
}

function clockNote(context: DocumentContext, metric: MetricModel): string {
  return isAroundTheClock(metricCalendar(context, metric)) ? `(${metric.clock}, around the clock)` : `(${metric.clock})`;
}

/** `95% of tickets each month`, `every Critical ticket`. */
function ticketScope(context: DocumentContext, metric: MetricModel, applicable: string[]): string {
  const all = applicable.length === context.model.severities.length;
  const kinds = all ? '' : `${joinWithAnd(applicable)} `;
  if (!metric.objective) return `every ${kinds}ticket`;
  return `${percent(metric.objective.percent)} of ${kinds}tickets each ${PERIOD_NOUNS[metric.objective.period]}`;
}

/** `4 hours for P3 tickets raised by Email`, `2 minutes for tickets raised by Phone`. */
export function channelTargetPhrase(context: DocumentContext, metric: MetricModel, target: ChannelTargetModel): string {
  const tickets = target.severity ? `${target.severity} tickets` : 'tickets';
  return `${spellTarget(context, metric, target.duration)} for ${tickets} raised by ${target.channel}`;
}

/**
 * `20 business minutes (BusinessHours)`, `4 business hours for Critical tickets and ... (BusinessHours)`,
 * and the channel targets after the clock: `..., and within 4 hours for P3 tickets raised by Email`.
 */
function targetPhrase(context: DocumentContext, metric: MetricModel, groups: { target: string; severities: string[] }[]): string {
  const note = clockNote(context, metric);
  const channels = metric.channelTargets.map((target) => channelTargetPhrase(context, metric, target));
  if (groups.length === 0) return `${joinWithAnd(channels)} ${note}`;
  const severities =
    groups.length === 1 && channels.length === 0
      ? groups[0]!.target
      : joinWithAnd(groups.map(({ target, severities: names }) => `${target} for ${joinWithAnd(names)} tickets`));
  const plain = `${severities} ${note}`;
  return channels.length === 0 ? plain : `${plain}, and within ${joinWithAnd(channels)}`;
}

/** The sentence on a metric's own pauses, when it declares them (`pause never` or `pause when status`). */
export function metricPauseSentence(context: DocumentContext, metric: MetricModel): string | undefined {
  if (!metric.pause) return undefined;
  const agreementWide = context.model.pause.statuses.length > 0;
  if (metric.pause.statuses.length === 0) {
    return agreementWide
      ? 'The clock of this service level does not stop while a ticket is paused: Paused Time counts.'
      : 'The clock of this service level does not stop for any status of a ticket.';
  }
  const statuses = joinWithAnd(metric.pause.statuses.map(quoted), 'or');
  return agreementWide
    ? `The clock of this service level stops only while the ticket’s status is ${statuses}, in place of Paused Time.`
    : `The clock of this service level stops while the ticket’s status is ${statuses}.`;
}

/** One English sentence stating the commitment a metric makes. */
export function metricSentence(context: DocumentContext, metric: MetricModel): string {
  if (metric.measures === 'uptime') return uptimeSentence(metric);
  const groups = targetGroups(context, metric);
  if (groups.length === 0 && metric.channelTargets.length === 0) {
    return `No target is set for ${metric.title.toLowerCase()}, so it applies to no ticket.`;
  }
  const scope = ticketScope(context, metric, applicableSeverities(context, metric));
  const within = targetPhrase(context, metric, groups);
  switch (metric.measures) {
    case 'firstResponse':
      return `The Provider will send a first response to ${scope} within ${within}.`;
    case 'firstEstimate':
      return `The Provider will give a resolution estimate for ${scope} within ${within}.`;
    case 'resolution':
      return `The Provider will resolve ${scope} within ${within}.`;
    case 'updateInterval':
      return `The Provider will send updates on ${scope} at intervals of no more than ${within} until the ticket is resolved.`;
    case 'nextReply':
      return `After its first response, the Provider will answer each Further Message from the Client on ${scope} within ${within}.`;
  }
}

/** `The service will be available at least 99% of the scheduled time of the BusinessHours calendar each month, ...`. */
export function uptimeSentence(metric: MetricModel): string {
  const objective = metric.objective;
  if (!objective) return `No availability objective is set for ${metric.title.toLowerCase()}.`;
  const excluding = metric.excludingMaintenance ? ', excluding Scheduled Maintenance' : '';
  return `The service will be available at least ${percent(objective.percent)} of the scheduled time of the ${metric.clock} calendar each ${PERIOD_NOUNS[objective.period]}${excluding}.`;
}

/**
 * The precedence of targets, stated once for the agreement, naming only the
 * kinds of target it uses (LANGUAGE.md 1.1: severity and channel, then
 * channel, then severity, then the plain target).
 */
export function channelPrecedenceSentence(context: DocumentContext): string | undefined {
  const metrics = context.model.metrics.filter((metric) => metric.channelTargets.length > 0);
  if (metrics.length === 0) return undefined;
  const kinds = [
    metrics.some((metric) => metric.channelTargets.some((target) => target.severity !== undefined)) && 'one for its severity and channel',
    metrics.some((metric) => metric.channelTargets.some((target) => target.severity === undefined)) && 'one for its channel',
    metrics.some((metric) => Object.keys(metric.targets).length > 0) && 'one for its severity',
    metrics.some((metric) => metric.defaultTarget !== undefined) && 'the target for every ticket',
  ].filter((kind): kind is string => typeof kind === 'string');
  const order = kinds.length === 1 ? kinds[0]! : `${kinds[0]}, then ${kinds.slice(1).join(', then ')}`;
  return `A ticket is raised by the channel first recorded for it. When more than one target of a service level fits a ticket, the most specific applies: first ${order}.`;
}

/** When a metric's clock stops, for the table: `During Paused Time`, `Never`, `While “On hold”`. */
function pauseCell(context: DocumentContext, metric: MetricModel): string {
  const statuses = (metric.pause ?? context.model.pause).statuses;
  if (statuses.length === 0) return 'Never';
  return metric.pause ? `While ${joinWithAnd(statuses.map(quoted), 'or')}` : 'During Paused Time';
}

function targetsTable(context: DocumentContext, metrics: MetricModel[]): Block {
  const severities = context.model.severities.map((severity) => severity.name);
  const ownPauses = metrics.some((metric) => metric.pause !== undefined);
  const cells = (metric: MetricModel, channel?: string): string[] =>
    severities.map((name) => {
      const duration = targetFor(metric, name, channel);
      return duration ? spellTarget(context, metric, duration) : '—';
    });
  const rows = metrics.flatMap((metric) => {
    const objective = metric.objective ? `${percent(metric.objective.percent)} each ${PERIOD_NOUNS[metric.objective.period]}` : '—';
    const main = [metric.title, ...cells(metric), objective, ...(ownPauses ? [pauseCell(context, metric)] : [])];
    const channels = [...new Set(metric.channelTargets.map((target) => target.channel))];
    const byChannel = channels.map((channel) => [
      `${metric.title}, raised by ${channel}`,
      ...cells(metric, channel),
      'As above',
      ...(ownPauses ? ['As above'] : []),
    ]);
    return [main, ...byChannel];
  });
  return table(['Service level', ...severities, 'Objective', ...(ownPauses ? ['Clock stops'] : [])], rows);
}

/** Section "Service Levels": one sentence per metric, then the targets by severity (and channel). */
export function serviceLevelsSection(context: DocumentContext): Section {
  const { metrics, pause } = context.model;
  const ownPauses = metrics.some((metric) => metric.pause !== undefined);
  const pauseNote =
    pause.statuses.length === 0 ? '' : ownPauses ? ' Paused Time does not count, unless a service level below says otherwise.' : ' Paused Time does not count.';
  const precedence = channelPrecedenceSentence(context);
  const blocks: Block[] = [
    paragraph(
      `Each target is counted from when a ticket is opened${metrics.some((metric) => metric.measures === 'nextReply') ? ' (the answer to a Further Message, from that message)' : ''}, on the calendar named with it; a ticket opened while its calendar is closed starts to count when the calendar next opens.${pauseNote} An objective is the share of tickets opened in a period that must meet their target.`,
    ),
    ...(precedence ? [paragraph(precedence)] : []),
    ...metrics.map((metric) => {
      const pauseSentence = metricPauseSentence(context, metric);
      return paragraph(strong(`${metric.title}.`), ' ', metricSentence(context, metric), pauseSentence ? ` ${pauseSentence}` : '');
    }),
  ];
  const ticketMetrics = metrics.filter(isTicketMetric);
  if (ticketMetrics.length > 0) {
    const byChannel = ticketMetrics.some((metric) => metric.channelTargets.length > 0);
    blocks.push(paragraph(byChannel ? 'The targets by severity level, and by channel where one is set, are:' : 'The targets by severity level are:'), targetsTable(context, ticketMetrics));
  }
  return section('Service Levels', blocks);
}
