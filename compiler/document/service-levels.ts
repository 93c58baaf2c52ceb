import { targetFor, type MetricModel, type Period } from '../../language/model/model.js';
import { joinWithAnd, percent } from '../english.js';
import { isAroundTheClock, isTicketMetric, metricCalendar, spellTarget, type DocumentContext } from './context.js';
import { paragraph, section, strong, table, type Block, type Section } from './document.js';

export const PERIOD_NOUNS: Record<Period, string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

/** Severities the metric applies to, grouped by equal target, in severity order. */
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

/** `20 business minutes (BusinessHours)` or `4 business hours for Critical tickets and ... (BusinessHours)`. */
function targetPhrase(context: DocumentContext, metric: MetricModel, groups: { target: string; severities: string[] }[]): string {
  const note = clockNote(context, metric);
  if (groups.length === 1) return `${groups[0]!.target} ${note}`;
  const parts = groups.map(({ target, severities }) => `${target} for ${joinWithAnd(severities)} tickets`);
  return `${joinWithAnd(parts)} ${note}`;
}

/** One English sentence stating the commitment a metric makes. */
export function metricSentence(context: DocumentContext, metric: MetricModel): string {
  if (metric.measures === 'uptime') return uptimeSentence(metric);
  const groups = targetGroups(context, metric);
  if (groups.length === 0) return `No target is set for ${metric.title.toLowerCase()}, so it applies to no ticket.`;
  const scope = ticketScope(context, metric, groups.flatMap((group) => group.severities));
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
      return `The Provider will reply to each message from the Client on ${scope} within ${within}.`;
  }
}

/** `The service will be available at least 99% of the scheduled time of the BusinessHours calendar each month, ...`. */
export function uptimeSentence(metric: MetricModel): string {
  const objective = metric.objective;
  if (!objective) return `No availability objective is set for ${metric.title.toLowerCase()}.`;
  const excluding = metric.excludingMaintenance ? ', excluding Scheduled Maintenance' : '';
  return `The service will be available at least ${percent(objective.percent)} of the scheduled time of the ${metric.clock} calendar each ${PERIOD_NOUNS[objective.period]}${excluding}.`;
}

function targetsTable(context: DocumentContext, metrics: MetricModel[]): Block {
  const severities = context.model.severities.map((severity) => severity.name);
  const rows = metrics.map((metric) => [
    metric.title,
    ...severities.map((name) => {
      const duration = targetFor(metric, name);
      return duration ? spellTarget(context, metric, duration) : '—';
    }),
    metric.objective ? `${percent(metric.objective.percent)} each ${PERIOD_NOUNS[metric.objective.period]}` : '—',
  ]);
  return table(['Service level', ...severities, 'Objective'], rows);
}

/** Section "Service Levels": one sentence per metric, then the targets by severity. */
export function serviceLevelsSection(context: DocumentContext): Section {
  const { metrics, pause } = context.model;
  const pauseNote = pause.statuses.length > 0 ? ' Paused Time does not count.' : '';
  const blocks: Block[] = [
    paragraph(
      `Each target is counted from when a ticket is opened, on the calendar named with it; a ticket opened while its calendar is closed starts to count when the calendar next opens.${pauseNote} An objective is the share of tickets opened in a period that must meet their target.`,
    ),
    ...metrics.map((metric) => paragraph(strong(`${metric.title}.`), ' ', metricSentence(context, metric))),
  ];
  const ticketMetrics = metrics.filter(isTicketMetric);
  if (ticketMetrics.length > 0) {
    blocks.push(paragraph('The targets by severity level are:'), targetsTable(context, ticketMetrics));
  }
  return section('Service Levels', blocks);
}
