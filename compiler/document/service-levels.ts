import { targetFor, type MetricModel, type Period } from '../../language/model/model.js';
import { joinWithAnd, percent } from '../english.js';
import { calendarTerm, isAroundTheClock, isTicketMetric, metricCalendar, spellTarget, usesBusinessTime, type DocumentContext } from './context.js';
import { paragraph, section, strong, table, type Block, type Section } from './document.js';

export const PERIOD_NOUNS: Record<Period, string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

const quoted = (value: string): string => `“${value}”`;

/** True when the targets table shows a dash: some ticket service level sets no target for some Severity Level. */
export function setsNoTargetForSomeLevel(context: DocumentContext): boolean {
  return context.model.metrics
    .filter(isTicketMetric)
    .some((metric) => context.model.severities.some((severity) => targetFor(metric, severity.name) === undefined));
}

/** The sentence on a metric's own pauses, when it declares them (`pause never` or `pause when status`). */
export function metricPauseSentence(context: DocumentContext, metric: MetricModel): string | undefined {
  if (!metric.pause) return undefined;
  const agreementWide = context.model.pause.statuses.length > 0;
  if (metric.pause.statuses.length === 0) {
    return agreementWide
      ? 'The clock of this service level does not stop while a Ticket is paused: Paused Time counts.'
      : 'The clock of this service level does not stop for any status of a Ticket.';
  }
  const statuses = joinWithAnd(metric.pause.statuses.map(quoted), 'or');
  return agreementWide
    ? `The clock of this service level stops only while the Ticket’s status is ${statuses}, in place of Paused Time.`
    : `The clock of this service level stops while the Ticket’s status is ${statuses}.`;
}

/** Where each ticket measure starts and stops (SEMANTICS.md, ticket metrics), as the clause under the targets table states it. */
const MEASURE_SPANS: Record<Exclude<MetricModel['measures'], 'uptime'>, string> = {
  firstResponse: 'is measured from when a Ticket is opened until its First Response, or its Resolution if that comes first',
  firstEstimate: 'is measured from when a Ticket is opened until the Provider gives its Resolution Estimate, or its Resolution if that comes first',
  resolution: 'is measured from when a Ticket is opened until its Resolution',
  updateInterval: 'is the longest Update Interval of a Ticket before its Resolution',
  nextReply: 'is measured for each Further Message, from that message until the Provider next replies or the Ticket’s Resolution',
};

/**
 * What a ticket service level measures, the one thing its row in the targets
 * table cannot say: `**First response** is measured from when a Ticket is
 * opened until its First Response, ...`, with its own pauses if it has them.
 */
export function measureSentence(context: DocumentContext, metric: MetricModel): string | undefined {
  if (metric.measures === 'uptime') return undefined;
  const pauses = metricPauseSentence(context, metric);
  return `${MEASURE_SPANS[metric.measures]}.${pauses ? ` ${pauses}` : ''}`;
}

/** `The Service will be available at least 99% of the Scheduled Time in Business Hours each month, ...`. */
export function uptimeSentence(metric: MetricModel): string {
  const objective = metric.objective;
  if (!objective) return `No availability objective is set for ${metric.title.toLowerCase()}.`;
  const excluding = metric.excludingMaintenance ? ', excluding Scheduled Maintenance' : '';
  return `The Service will be available at least ${percent(objective.percent)} of the Scheduled Time in ${calendarTerm(metric.clock)} each ${PERIOD_NOUNS[objective.period]}${excluding}.`;
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
    metrics.some((metric) => metric.defaultTarget !== undefined) && 'the target for every Ticket',
  ].filter((kind): kind is string => typeof kind === 'string');
  const order = kinds.length === 1 ? kinds[0]! : `${kinds[0]}, then ${kinds.slice(1).join(', then ')}`;
  return `A Ticket is raised by the channel first recorded for it. When more than one target of a service level fits a Ticket, the most specific applies: first ${order}.`;
}

/**
 * When a metric's clock stops for a Ticket's status, for the table: `During Paused Time`, `While “On hold”`, and for
 * `pause never` `Not during Paused Time` (or `For no status` where Paused Time is not defined). Not `Never`: every
 * clock also stops while its hours are closed, and a reader of `Never` beside Office Hours counts the nights.
 */
function pauseCell(context: DocumentContext, metric: MetricModel): string {
  const statuses = (metric.pause ?? context.model.pause).statuses;
  if (statuses.length === 0) return context.model.pause.statuses.length > 0 ? 'Not during Paused Time' : 'For no status';
  return metric.pause ? `While ${joinWithAnd(statuses.map(quoted), 'or')}` : 'During Paused Time';
}

/** `95% of Tickets each month`, or `Every Ticket` when the service level has no objective. */
function objectiveCell(metric: MetricModel): string {
  return metric.objective ? `${percent(metric.objective.percent)} of Tickets each ${PERIOD_NOUNS[metric.objective.period]}` : 'Every Ticket';
}

/** `On Call Hours, around the clock`, `Office Hours`: the calendar a target counts on. */
function hoursCell(context: DocumentContext, metric: MetricModel): string {
  return isAroundTheClock(metricCalendar(context, metric)) ? `${calendarTerm(metric.clock)}, around the clock` : calendarTerm(metric.clock);
}

/** The targets table, which is the statement of each ticket commitment: a row per service level, and one per channel with its own target. */
function targetsTable(context: DocumentContext, metrics: MetricModel[]): Block {
  const severities = context.model.severities.map((severity) => severity.name);
  const ownPauses = metrics.some((metric) => metric.pause !== undefined);
  const cells = (metric: MetricModel, channel?: string): string[] =>
    severities.map((name) => {
      const duration = targetFor(metric, name, channel);
      return duration ? spellTarget(context, metric, duration) : '—';
    });
  const rows = metrics.flatMap((metric) => {
    const main = [metric.title, hoursCell(context, metric), ...cells(metric), objectiveCell(metric), ...(ownPauses ? [pauseCell(context, metric)] : [])];
    const channels = [...new Set(metric.channelTargets.map((target) => target.channel))];
    const byChannel = channels.map((channel) => [
      `${metric.title}, raised by ${channel}`,
      'As above',
      ...cells(metric, channel),
      'As above',
      ...(ownPauses ? ['As above'] : []),
    ]);
    return [main, ...byChannel];
  });
  return table(['Service level', 'Hours', ...severities, 'Objective', ...(ownPauses ? ['Clock stops'] : [])], rows);
}

/**
 * How a percentage objective is worked out, as `slac check` does it
 * (SEMANTICS.md, Objectives): over which Tickets, in which period, and
 * what a period without any gives.
 */
function sharesSentence(context: DocumentContext): string {
  const early = context.model.agreement?.effective === undefined ? '' : ' A Ticket opened before the Agreement takes effect counts in the period in which it was opened.';
  // Weeks are ISO weeks (SEMANTICS.md, Objectives): a reader whose weeks start on Sunday would count a Sunday's Tickets in the next one.
  const weekly = context.model.metrics.some((metric) => isTicketMetric(metric) && metric.objective?.period === 'weekly') ? ' (a week runs from Monday to Sunday)' : '';
  return `A percentage is worked out over the Tickets opened in the period, a calendar period in the time zone of the hours shown with the service level${weekly}, that have met or missed their target: a Ticket still within its target counts once it meets or misses it, and a period without such a Ticket has no result.${early}`;
}

/**
 * Section "Service Levels". The targets table states each commitment once;
 * the sentences say only what a table cannot: how targets are counted, which
 * target applies when several fit, and what each service level measures.
 */
export function serviceLevelsSection(context: DocumentContext): Section | undefined {
  const { pause } = context.model;
  const metrics = context.model.metrics.filter(isTicketMetric);
  if (metrics.length === 0) return undefined;
  const ownPauses = metrics.some((metric) => metric.pause !== undefined);
  const byChannel = metrics.some((metric) => metric.channelTargets.length > 0);
  const dash = setsNoTargetForSomeLevel(context);
  const pauseNote =
    pause.statuses.length === 0 ? '' : ownPauses ? ' Paused Time does not count, unless the “Clock stops” column says otherwise.' : ' Paused Time does not count.';
  const precedence = channelPrecedenceSentence(context);
  const blocks: Block[] = [
    paragraph(
      `The Provider commits to the targets in the following table, for each Severity Level${byChannel ? ' and, where a row names one, for Tickets raised by that channel' : ''}. Under “Objective”, a percentage is the share of Tickets opened in a period that must meet their target; “Every Ticket” means that each Ticket must meet it.${dash ? ' A dash means that the service level sets no target for that Severity Level.' : ''}`,
    ),
    targetsTable(context, metrics),
    paragraph(
      `Each target is counted from the start of what its service level measures, on the hours shown with it; time that starts while those hours are closed starts to count when they next open. A target is met when the time counted is no more than the target.${usesBusinessTime(context.model) ? ' A target in business minutes or business hours counts only Business Time.' : ''}${pauseNote}`,
    ),
    ...(metrics.some((metric) => metric.objective) ? [paragraph(sharesSentence(context))] : []),
    ...(precedence ? [paragraph(precedence)] : []),
    ...metrics.map((metric) => paragraph(strong(metric.title), ` ${measureSentence(context, metric)!}`)),
  ];
  return section('Service Levels', blocks);
}
