import { basename } from 'node:path';
import type { ImportSummary } from '../import-summary.js';
import { readTable, type TableRow } from '../table-reader.js';
import { parseWarehouseTime } from '../warehouse-time.js';
import type { InputFile } from './import.js';
import { ianaTimeZone } from './rails-time-zones.js';
import { tableOfFile } from './tables.js';

/** Columns `slac init --from zendesk-tables` reads from each table. */
export const AGREEMENT_TABLES = {
  schedule: ['id', 'name', 'time_zone', 'start_time', 'end_time'],
  schedule_holiday: ['schedule_id', 'name', 'start_date', 'end_date'],
  sla_policy_metric_history: ['sla_policy_id', 'sla_policy_updated_at', 'business_hours', 'metric', 'priority', 'target'],
  ticket: ['via_channel'],
} as const satisfies Record<string, readonly string[]>;

/** A Zendesk SLA metric as a slac metric: what it measures and the statuses it pauses in. */
interface MetricMapping {
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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MINUTES_PER_DAY = 1440;

interface Schedule {
  name: string;
  zone: string;
  /** Per day of the week (0 = Sunday), open ranges in minutes from midnight. */
  days: [number, number][][];
  holidays: string[];
}

interface Target {
  policy: string;
  updated: number;
  businessHours: boolean;
  metric: string;
  priority: string;
  minutes: number;
}

/**
 * Builds a draft agreement from Zendesk's schedule, holiday and SLA-policy
 * tables: one calendar per schedule (Rails zone names mapped to IANA), one
 * around-the-clock calendar for calendar-hours targets, a severity per
 * priority (`matches` the priority), a channel per `via_channel` of the ticket
 * table when it is given, and a metric per policy and Zendesk metric, from
 * each policy's latest version. Every row is accounted for in `summary`.
 */
export async function draftAgreement(files: readonly InputFile[], summary: ImportSummary): Promise<string> {
  const tables = new Map<string, InputFile>();
  for (const file of files) {
    const table = tableOfFile(basename(file.path));
    if (table !== undefined && table in AGREEMENT_TABLES && !tables.has(table)) tables.set(table, file);
  }
  const read = async (table: keyof typeof AGREEMENT_TABLES, onRow: (row: TableRow, line: number, shown: string) => void): Promise<void> => {
    const file = tables.get(table);
    if (!file) return;
    await readTable(file.path, file.shown, AGREEMENT_TABLES[table], {
      row: (row, line) => onRow(row, line, file.shown),
      unreadable: (line, reason) => summary.skip(file.shown, line, 'unreadable rows', reason),
    });
  };
  const cell = (row: TableRow, column: string): string => (row.get(column) ?? '').trim();

  const schedules = new Map<string, Schedule>();
  await read('schedule', (row, line, shown) => {
    const id = cell(row, 'id');
    const zone = ianaTimeZone(cell(row, 'time_zone'));
    const start = Number(cell(row, 'start_time'));
    const end = Number(cell(row, 'end_time'));
    if (zone === undefined) return summary.skip(shown, line, 'schedules in an unknown time zone', `schedule ${id}: the time zone '${cell(row, 'time_zone')}' is neither a Rails nor an IANA name`);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > 7 * MINUTES_PER_DAY) {
      return summary.skip(shown, line, 'schedule intervals that are not minutes of a week', `schedule ${id}: ${cell(row, 'start_time')}-${cell(row, 'end_time')} is not an interval of minutes from Sunday 00:00`);
    }
    let schedule = schedules.get(id);
    if (!schedule) {
      schedule = { name: identifier(cell(row, 'name') || `Schedule${id}`, 'Schedule', [...schedules.values()].map((s) => s.name)), zone, days: DAYS.map(() => []), holidays: [] };
      schedules.set(id, schedule);
    }
    // An interval may run past midnight; each day gets its own part.
    for (let from = start; from < end; from = (Math.floor(from / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY) {
      const day = Math.floor(from / MINUTES_PER_DAY);
      schedule.days[day]!.push([from - day * MINUTES_PER_DAY, Math.min(end, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY]);
    }
    summary.took(shown, 'schedule intervals (calendar hours)');
  });

  await read('schedule_holiday', (row, line, shown) => {
    const schedule = schedules.get(cell(row, 'schedule_id'));
    if (!schedule) return summary.skip(shown, line, 'holidays of schedules not in the schedule table', `holiday '${cell(row, 'name')}': schedule ${cell(row, 'schedule_id')} is not in the schedule table`);
    const dates = datesBetween(cell(row, 'start_date'), cell(row, 'end_date'));
    if (dates === undefined) return summary.skip(shown, line, 'holidays without readable dates', `holiday '${cell(row, 'name')}': ${cell(row, 'start_date')} to ${cell(row, 'end_date')} is not a range of dates`);
    for (const date of dates) schedule.holidays.push(`${date} ${quote(cell(row, 'name') || 'Holiday')}`);
    summary.took(shown, 'holidays');
  });

  const targets: Target[] = [];
  await read('sla_policy_metric_history', (row, line, shown) => {
    const metric = cell(row, 'metric');
    const minutes = Number(cell(row, 'target'));
    const updated = parseWarehouseTime(cell(row, 'sla_policy_updated_at'));
    const priority = cell(row, 'priority').toLowerCase();
    if (!(metric in ZENDESK_METRICS)) return summary.skip(shown, line, 'metrics slac does not measure', `the metric '${metric}' has no slac counterpart; the metrics are ${Object.keys(ZENDESK_METRICS).join(', ')}`);
    if (!Number.isInteger(minutes) || minutes <= 0 || updated === undefined || priority === '') {
      return summary.skip(shown, line, 'targets without a priority, a time or a whole number of minutes', `policy ${cell(row, 'sla_policy_id')}: ${metric} for '${priority}' has the target '${cell(row, 'target')}'`);
    }
    targets.push({ policy: cell(row, 'sla_policy_id'), updated, businessHours: cell(row, 'business_hours').toLowerCase() === 'true', metric, priority, minutes });
  });
  // Only each policy's latest version is in force.
  const latest = new Map<string, number>();
  for (const target of targets) latest.set(target.policy, Math.max(latest.get(target.policy) ?? 0, target.updated));
  const current = targets.filter((target) => target.updated === latest.get(target.policy));
  const policyFile = tables.get('sla_policy_metric_history')?.shown ?? '';
  for (const target of targets) summary.took(policyFile, target.updated === latest.get(target.policy) ? 'targets (latest version of their policy)' : 'targets of earlier versions of their policy (superseded)');

  const channels = new Set<string>();
  await read('ticket', (row, _line, shown) => {
    const channel = cell(row, 'via_channel');
    if (channel !== '') channels.add(channel);
    summary.took(shown, channel === '' ? 'tickets without via_channel' : 'tickets (their via_channel names the channels)');
  });

  return renderDraft([...schedules.values()], current, [...channels].sort(), latest);
}

function renderDraft(schedules: Schedule[], targets: Target[], channels: string[], versions: ReadonlyMap<string, number>): string {
  const out: string[] = [];
  const effective = versions.size === 0 ? '2026-01-01' : new Date(Math.max(...versions.values())).toISOString().slice(0, 10);
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
  const zone = schedules[0]?.zone ?? 'UTC';
  for (const schedule of schedules) {
    out.push(`calendar ${schedule.name} {`);
    out.push(`  timezone ${quote(schedule.zone)}`);
    for (const line of hoursLines(schedule.days)) out.push(`  hours ${line}`);
    if (schedule.holidays.length > 0) {
      out.push('  holidays {');
      for (const holiday of schedule.holidays) out.push(`    ${holiday}`);
      out.push('  }');
    }
    out.push('}');
    out.push('');
  }
  const aroundTheClock = identifier('AroundTheClock', 'Calendar', schedules.map((s) => s.name));
  // Declared only when something runs on it: an unused calendar is a warning.
  if (channels.length > 0 || targets.some((t) => !t.businessHours) || (schedules.length === 0 && targets.length > 0)) {
    out.push(`// Targets in calendar hours (business_hours FALSE) run on this clock.`);
    out.push(`calendar ${aroundTheClock} {`);
    out.push(`  timezone ${quote(zone)}`);
    out.push('  hours Mon-Sun 00:00-24:00');
    out.push('}');
    out.push('');
  }
  const channelNames: string[] = [];
  for (const channel of channels) {
    const name = identifier(capitalize(channel), 'Channel', channelNames);
    channelNames.push(name);
    out.push(`channel ${name} {`);
    out.push('  contact "CONTACT HERE"');
    out.push(`  hours ${aroundTheClock}`);
    out.push(`  matches ${quote(channel)}`);
    out.push('}');
    out.push('');
  }
  const priorities = severityOrder(targets);
  if (priorities.length === 0) priorities.push(DEFAULT_PRIORITY);
  const defaultPriority = priorities.includes(DEFAULT_PRIORITY) ? DEFAULT_PRIORITY : priorities[priorities.length - 1]!;
  const severityNames = new Map<string, string>();
  for (const priority of priorities) {
    const name = identifier(capitalize(priority), 'Priority', [...severityNames.values()]);
    severityNames.set(priority, name);
    out.push(`severity ${name} {`);
    out.push(`  description ${quote(PRIORITY_ORDER.includes(priority) ? `Zendesk priority ${priority}.` : `Zendesk priority ${priority} (not one of Zendesk's own: check its place in this list).`)}`);
    out.push(`  matches ${quote(priority)}`);
    if (priority === defaultPriority) out.push('  default');
    out.push('}');
    out.push('');
  }
  const groups = new Map<string, Target[]>();
  for (const target of targets) {
    const key = `${target.policy}\u0000${target.metric}\u0000${target.businessHours}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const metricNames: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const mapping = ZENDESK_METRICS[first.metric]!;
    const clock = first.businessHours && schedules.length > 0 ? schedules[0]!.name : aroundTheClock;
    const name = identifier(`Policy${first.policy}${mapping.name}`, 'Metric', metricNames);
    metricNames.push(name);
    out.push(`// Zendesk SLA policy ${first.policy}, ${first.metric}, in ${first.businessHours ? 'business' : 'calendar'} hours.`);
    out.push(`metric ${name} {`);
    out.push(`  measures ${mapping.measures}`);
    out.push(`  clock ${clock}`);
    for (const target of group.sort((a, b) => priorities.indexOf(a.priority) - priorities.indexOf(b.priority))) out.push(`  target ${severityNames.get(target.priority)} ${target.minutes} minutes`);
    if (mapping.pause) out.push(`  pause when status ${mapping.pause.map(quote).join(', ')}`);
    out.push('}');
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Priorities from most to least severe: Zendesk's own in their order; one of
 * another name goes before the first of Zendesk's that has a longer target
 * for the same metric of the same policy (or last, when none has).
 */
function severityOrder(targets: readonly Target[]): string[] {
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

/** Each date from `start` to `end`, both included, or undefined when they are not dates in order. */
function datesBetween(start: string, end: string): string[] | undefined {
  const from = parseWarehouseTime(`${start} 00:00:00`);
  const to = parseWarehouseTime(`${end} 00:00:00`);
  if (from === undefined || to === undefined || to < from || to - from > 366 * 86_400_000) return undefined;
  const dates: string[] = [];
  for (let time = from; time <= to; time += 86_400_000) dates.push(new Date(time).toISOString().slice(0, 10));
  return dates;
}

/** A name usable as an identifier, not among `taken`. */
function identifier(text: string, fallback: string, taken: readonly string[]): string {
  let name = text.replace(/[^A-Za-z0-9_]+/g, '');
  if (!/^[A-Za-z_]/.test(name)) name = `${fallback}${name}`;
  let unique = name;
  for (let n = 2; taken.includes(unique); n++) unique = `${name}${n}`;
  return unique;
}

function capitalize(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
