import { quoteString } from '../../language/lexer/literals.js';
import { calendarIdentifier, capitalize, identifier, oneLine } from './draft-names.js';

/** A Zendesk SLA metric as a slac metric: what it measures and the statuses it pauses in. */
export interface MetricMapping {
  name: string;
  measures: string;
  pause?: readonly string[];
}

/**
 * Zendesk's SLA metrics. Requester wait time runs while the ticket is not
 * pending (nor solved); agent work time also stops on hold; the update
 * metrics are the gaps between public agent comments.
 */
export const ZENDESK_METRICS: Readonly<Record<string, MetricMapping>> = {
  first_reply_time: { name: 'FirstReply', measures: 'first response' },
  next_reply_time: { name: 'NextReply', measures: 'next reply' },
  requester_wait_time: { name: 'RequesterWait', measures: 'resolution', pause: ['pending'] },
  agent_work_time: { name: 'AgentWork', measures: 'resolution', pause: ['pending', 'hold', 'on-hold'] },
  periodic_update_time: { name: 'PeriodicUpdate', measures: 'update interval' },
  pausable_update_time: { name: 'PausableUpdate', measures: 'update interval', pause: ['pending', 'hold', 'on-hold'] },
};

/** Zendesk's priorities, most severe first; others follow in the order met. */
const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'];
const DEFAULT_PRIORITY = 'normal';

export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A Zendesk schedule as a calendar, its rows read and checked. */
export interface DraftSchedule {
  name: string;
  zone: string;
  /** Per day of the week (0 = Sunday), open ranges in minutes from midnight, none overlapping. */
  days: [number, number][][];
  /** Holiday names per date: one `holidays` line per date. */
  holidays: Map<string, string[]>;
}

/** One target of a policy version: a priority's minutes for a Zendesk metric. */
export interface DraftTarget {
  policy: string;
  updated: number;
  businessHours: boolean;
  metric: string;
  priority: string;
  minutes: number;
}

/**
 * The draft's text: the agreement with blanks to fill, a calendar per
 * schedule, the around-the-clock calendar when something runs on it, a
 * channel per `via_channel` value, a severity per priority, and a metric per
 * policy, Zendesk metric and kind of hours. Business-hours targets run on the
 * first schedule's calendar; without any schedule, around the clock, and
 * their comment says so.
 */
export function renderDraft(schedules: DraftSchedule[], targets: DraftTarget[], channels: string[], versions: ReadonlyMap<string, number>): string {
  const out: string[] = [];
  const effective = versions.size === 0 ? '2026-01-01' : new Date([...versions.values()].reduce((max, version) => Math.max(max, version), -Infinity)).toISOString().slice(0, 10);
  out.push('// A draft agreement from Zendesk (slac init --from zendesk-tables): check every value, then fill in the blanks.');
  out.push('agreement ZendeskSupport {');
  out.push('  title "Support Service Level Agreement"');
  out.push('  version "draft"');
  out.push(`  effective ${effective}`);
  out.push('  provider "PROVIDER NAME HERE"');
  out.push('  client ClientName');
  out.push('}');
  out.push('');
  out.push('param ClientName "CLIENT NAME HERE"');
  out.push('');
  for (const schedule of schedules) {
    for (const line of calendarLines(schedule)) out.push(line); // not push(...): a schedule may have 100,000s of lines
    out.push('');
  }
  const aroundTheClock = calendarIdentifier('AroundTheClock', 'Calendar', schedules.map((s) => s.name));
  // Declared only when something runs on it: an unused calendar is a warning.
  if (channels.length > 0 || targets.some((t) => !t.businessHours) || (schedules.length === 0 && targets.length > 0)) {
    out.push(`// Targets in calendar hours (business_hours FALSE) run on this clock.`);
    out.push(`calendar ${aroundTheClock} {`);
    out.push(`  timezone ${quoteString(schedules[0]?.zone ?? 'UTC')}`);
    out.push('  hours Mon-Sun 00:00-24:00');
    out.push('}');
    out.push('');
  }
  const channelNames: string[] = [];
  for (const channel of channels) {
    const name = identifier(capitalize(channel), 'Channel', channelNames);
    channelNames.push(name);
    out.push(`channel ${name} {`, '  contact "CONTACT HERE"', `  hours ${aroundTheClock}`, `  matches ${quoteString(channel)}`, '}', '');
  }
  const priorities = severityOrder(targets);
  if (priorities.length === 0) priorities.push(DEFAULT_PRIORITY);
  const severityNames = severityLines(priorities, out);
  const businessClock = schedules[0]?.name;
  const metricNames: string[] = [];
  for (const group of groupByMetric(targets)) {
    const first = group[0]!;
    const mapping = ZENDESK_METRICS[first.metric]!;
    const clock = first.businessHours ? (businessClock ?? aroundTheClock) : aroundTheClock;
    const name = identifier(`Policy${first.policy}${mapping.name}`, 'Metric', metricNames);
    metricNames.push(name);
    const hours = !first.businessHours ? 'calendar hours' : businessClock ? 'business hours' : `business hours, but no schedule was read: on ${aroundTheClock} until you give it the business-hours calendar`;
    out.push(`// Zendesk SLA policy ${oneLine(first.policy)}, ${first.metric}, in ${hours}.`);
    out.push(`metric ${name} {`);
    out.push(`  measures ${mapping.measures}`);
    out.push(`  clock ${clock}`);
    for (const target of group.sort((a, b) => priorities.indexOf(a.priority) - priorities.indexOf(b.priority))) out.push(`  target ${severityNames.get(target.priority)} ${target.minutes} minutes`);
    if (mapping.pause) out.push(`  pause when status ${mapping.pause.map((status) => quoteString(status)).join(', ')}`);
    out.push('}');
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function calendarLines(schedule: DraftSchedule): string[] {
  const lines = [`calendar ${schedule.name} {`, `  timezone ${quoteString(schedule.zone)}`];
  for (const line of hoursLines(schedule.days)) lines.push(`  hours ${line}`);
  if (schedule.holidays.size > 0) {
    lines.push('  holidays {');
    for (const date of [...schedule.holidays.keys()].sort()) lines.push(`    ${date} ${quoteString(schedule.holidays.get(date)!.join(' / '))}`);
    lines.push('  }');
  }
  lines.push('}');
  return lines;
}

/** Writes a severity per priority; returns each priority's name. */
function severityLines(priorities: readonly string[], out: string[]): Map<string, string> {
  const defaultPriority = priorities.includes(DEFAULT_PRIORITY) ? DEFAULT_PRIORITY : priorities[priorities.length - 1]!;
  const names = new Map<string, string>();
  for (const priority of priorities) {
    const name = identifier(capitalize(priority), 'Priority', [...names.values()]);
    names.set(priority, name);
    out.push(`severity ${name} {`);
    out.push(`  description ${quoteString(PRIORITY_ORDER.includes(priority) ? `Zendesk priority ${priority}.` : `Zendesk priority ${priority} (not one of Zendesk's own: check its place in this list).`)}`);
    out.push(`  matches ${quoteString(priority)}`);
    if (priority === defaultPriority) out.push('  default');
    out.push('}');
    out.push('');
  }
  return names;
}

/** One metric per policy, Zendesk metric, and kind of hours (business or calendar). */
function groupByMetric(targets: readonly DraftTarget[]): DraftTarget[][] {
  const groups = new Map<string, DraftTarget[]>();
  for (const target of targets) {
    const key = `${target.policy}\u0000${target.metric}\u0000${target.businessHours}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return [...groups.values()];
}

/**
 * Priorities from most to least severe: Zendesk's own in their order; one of
 * another name goes before the first of Zendesk's that has a longer target
 * for the same metric of the same policy (or last, when none has).
 */
function severityOrder(targets: readonly DraftTarget[]): string[] {
  const seen = [...new Set(targets.map((t) => t.priority))];
  const order = seen.filter((p) => PRIORITY_ORDER.includes(p)).sort((a, b) => rank(a) - rank(b));
  for (const other of seen.filter((p) => !PRIORITY_ORDER.includes(p))) {
    const longer = (known: string): boolean =>
      targets.some((t) => t.priority === other && targets.some((k) => k.priority === known && k.policy === t.policy && k.metric === t.metric && k.updated === t.updated && k.minutes > t.minutes));
    const at = order.findIndex((known) => PRIORITY_ORDER.includes(known) && longer(known));
    order.splice(at === -1 ? order.length : at, 0, other);
  }
  return order;
}

function rank(priority: string): number {
  const index = PRIORITY_ORDER.indexOf(priority);
  return index === -1 ? PRIORITY_ORDER.length : index;
}

/** `hours` lines: runs of consecutive days (Monday first) with the same ranges. */
function hoursLines(days: [number, number][][]): string[] {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const text = (day: number): string =>
    days[day]!
      .sort((a, b) => a[0] - b[0])
      .map(([from, to]) => `${clockTime(from)}-${clockTime(to)}`)
      .join(', ');
  const lines: string[] = [];
  let runStart = -1;
  for (let index = 0; index <= order.length; index++) {
    const day = order[index];
    const same = day !== undefined && runStart !== -1 && text(day) === text(order[runStart]!);
    if (same) continue;
    if (runStart !== -1 && text(order[runStart]!) !== '') {
      const first = DAYS[order[runStart]!]!;
      const last = DAYS[order[index - 1]!]!;
      lines.push(`${first === last ? first : `${first}-${last}`} ${text(order[runStart]!)}`);
    }
    runStart = index;
  }
  return lines;
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
