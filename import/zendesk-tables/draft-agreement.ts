import { basename } from 'node:path';
import { withoutBidiControls } from '../../language/checker/bidi-controls.js';
import { FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE } from '../../language/checker/dates.js';
import { MAX_TARGET_MINUTES } from '../../language/checker/duration-limits.js';
import type { ImportSummary } from '../import-summary.js';
import { readTable, TableReadError, type TableRow } from '../table-reader.js';
import { parseWarehouseTime, warehouseTimeAdvice } from '../warehouse-time.js';
import { calendarIdentifier, hasControlCharacter, oneLine } from './draft-names.js';
import { readDeletedMark } from './fivetran-deleted.js';
import { DAYS, renderDraft, ZENDESK_METRICS, type DraftSchedule, type DraftTarget } from './draft-render.js';
import { countRows, type InputFile } from './import.js';
import { readBoolean } from './mapping.js';
import { ianaTimeZone } from './rails-time-zones.js';
import { OTHER_TABLES, TICKET_TABLES, tableOfFile } from './tables.js';

export { ZENDESK_METRICS } from './draft-render.js';

/** Columns `slac init --from zendesk-tables` needs in each table (the ticket table's `via_channel` is read when there). */
export const AGREEMENT_TABLES = {
  schedule: ['id', 'name', 'time_zone', 'start_time', 'end_time'],
  schedule_holiday: ['schedule_id', 'name', 'start_date', 'end_date'],
  sla_policy_metric_history: ['sla_policy_id', 'sla_policy_updated_at', 'business_hours', 'metric', 'priority', 'target'],
  ticket: [],
} as const satisfies Record<string, readonly string[]>;

type AgreementTable = keyof typeof AGREEMENT_TABLES;

const MINUTES_PER_DAY = 1440;

/**
 * The rows of one table that are still in Zendesk, with their line and the
 * file as the user named it; `onLeftOut` hears of each row left out for its
 * `_fivetran_deleted` mark (already skipped in the summary).
 */
type ReadRows = (table: AgreementTable, onRow: (row: TableRow, line: number, shown: string) => void, onLeftOut?: (row: TableRow, line: number) => void) => Promise<void>;

/**
 * Builds a draft agreement from Zendesk's schedule, holiday and SLA-policy
 * tables: one calendar per schedule (Rails zone names mapped to IANA), one
 * around-the-clock calendar for calendar-hours targets, a severity per
 * priority (`matches` the priority), a channel per `via_channel` of the ticket
 * table when it is given, and a metric per policy and Zendesk metric, from
 * each policy's latest version. Rows that would make the draft invalid are
 * skipped, and every row is accounted for in `summary`: the draft passes
 * `slac validate`.
 */
export async function draftAgreement(files: readonly InputFile[], summary: ImportSummary): Promise<string> {
  const tables = new Map<string, InputFile>();
  for (const file of files) {
    const table = tableOfFile(basename(file.path));
    if (table !== undefined && Object.hasOwn(AGREEMENT_TABLES, table) && !tables.has(table)) tables.set(table, file);
  }
  // A draft with nothing of the export in it is a blank template: a misnamed table (schedules.csv) would go unnoticed.
  if (!tables.has('schedule') && !tables.has('schedule_holiday') && !tables.has('sla_policy_metric_history')) {
    throw new TableReadError(
      `no schedule, schedule_holiday or sla_policy_metric_history table among ${files.map((f) => f.shown).join(', ')}; slac init --from zendesk-tables drafts an agreement from schedule.csv, schedule_holiday.csv and sla_policy_metric_history.csv (or NAME_data.csv)`,
    );
  }
  const read: ReadRows = async (table, onRow, onLeftOut) => {
    const file = tables.get(table);
    if (!file) return;
    await readTable(file.path, file.shown, AGREEMENT_TABLES[table], {
      row: (row, line) => {
        const mark = readDeletedMark(row, line, file.shown, summary);
        if (mark === 'read') onRow(row, line, file.shown);
        // An earlier version is no row left out: the current version of it is another row.
        else if (mark !== 'earlier') onLeftOut?.(row, line);
      },
      unreadable: (line, reason) => summary.skip(file.shown, line, 'unreadable rows', reason),
      warn: (line, group, reason) => summary.warn(file.shown, line, group, reason),
    });
  };

  const { schedules, leftOut } = await readSchedules(read, summary);
  await readHolidays(read, summary, schedules, { shown: tables.get('schedule')?.shown ?? '', leftOut });
  const targets = await readTargets(read, summary);
  // Only each policy's latest version is in force.
  const latest = new Map<string, number>();
  // -Infinity, not 0: a version before 1970 is a negative time, and would be superseded by no version at all.
  for (const target of targets) latest.set(target.policy, Math.max(latest.get(target.policy) ?? -Infinity, target.updated));
  const current = targets.filter((target) => target.updated === latest.get(target.policy));
  const policyFile = tables.get('sla_policy_metric_history')?.shown ?? '';
  for (const target of targets) summary.took(policyFile, target.updated === latest.get(target.policy) ? 'targets (latest version of their policy)' : 'targets of earlier versions of their policy (superseded)');
  const withoutCalendar = schedules.size === 0 ? current.filter((target) => target.businessHours).length : 0;
  if (withoutCalendar > 0) {
    summary.note('business-hours targets, but no schedule was read (no schedule table, or none of its rows could be used): on the around-the-clock calendar until you give them the business-hours one', withoutCalendar);
  }
  const onBusinessHours = current.some((target) => target.businessHours);
  if (onBusinessHours && schedules.size > 1) {
    const first = schedules.values().next().value!.name;
    summary.note(`schedules besides the first of the table: written as calendars no metric runs on, as the tables do not say which schedule a policy uses; business-hours targets run on the first, ${first}`, schedules.size - 1);
  }
  const channels = await readChannels(read, summary);
  await noteFilesNotRead(files, tables, summary);
  return renderDraft([...schedules.values()], current, channels.sort(), latest);
}

/** Every file init did not read, with its rows and why, as slac import accounts for the tables it does not read. */
async function noteFilesNotRead(files: readonly InputFile[], tables: ReadonlyMap<string, InputFile>, summary: ImportSummary): Promise<void> {
  for (const file of files) {
    const table = tableOfFile(basename(file.path));
    if (table !== undefined && tables.get(table) === file) continue;
    // Own keys only: a file named constructor.csv is no table.
    const note =
      table === undefined ? undefined
      : Object.hasOwn(AGREEMENT_TABLES, table) ? 'a second file of the same table: not read'
      : Object.hasOwn(TICKET_TABLES, table) ? 'read by slac import zendesk-tables (the ticket log), not by slac init'
      : Object.hasOwn(OTHER_TABLES, table) ? OTHER_TABLES[table]
      : undefined;
    summary.fileNote(file.shown, await countRows(file), note ?? 'not a table of the zendesk-tables source: not read');
  }
}

/**
 * A count of minutes as a warehouse writes one (`60`, or `60.0` from a
 * numeric column), or undefined. Not Number(): it reads `0x3C` as 60 and
 * `1e2` as 100, values no warehouse writes for a count.
 */
function wholeNumber(text: string): number | undefined {
  return /^[0-9]+(?:\.0*)?$/.test(text) ? Number(text) : undefined;
}

function cell(row: TableRow, column: string): string {
  return (row.get(column) ?? '').trim();
}

/**
 * Schedules by id, each interval split at midnight, overlapping intervals of
 * a day merged; and the schedules of the table none of whose rows could be
 * used, which a holiday's reason names.
 */
async function readSchedules(read: ReadRows, summary: ImportSummary): Promise<{ schedules: Map<string, DraftSchedule>; leftOut: Map<string, number> }> {
  const schedules = new Map<string, DraftSchedule>();
  /** The first line of each schedule none of whose rows is read. */
  const leftOut = new Map<string, number>();
  const leave = (row: TableRow, line: number): void => {
    if (!leftOut.has(cell(row, 'id'))) leftOut.set(cell(row, 'id'), line);
  };
  await read(
    'schedule',
    (row, line, shown) => {
      if (!readInterval(row, line, shown)) leave(row, line);
    },
    leave,
  );
  for (const id of schedules.keys()) leftOut.delete(id);
  return { schedules, leftOut };

  /** Adds the row's interval to its schedule; false when the row is skipped. */
  function readInterval(row: TableRow, line: number, shown: string): boolean {
    const id = cell(row, 'id');
    const zone = ianaTimeZone(cell(row, 'time_zone'));
    const start = wholeNumber(cell(row, 'start_time'));
    const end = wholeNumber(cell(row, 'end_time'));
    const skip = (group: string, reason: string): false => (summary.skip(shown, line, group, reason), false);
    // Holidays name their schedule by id: a schedule without one cannot have any, and rows without one are no one schedule.
    if (id === '') return skip('schedule rows without an id', `schedule '${oneLine(cell(row, 'name'))}' has no id`);
    if (zone === undefined) return skip('schedules in an unknown time zone', `schedule ${id}: the time zone '${cell(row, 'time_zone')}' is neither a Rails nor an IANA name`);
    const wrong = intervalProblem(cell(row, 'start_time'), cell(row, 'end_time'), start, end);
    if (wrong !== undefined || start === undefined || end === undefined) return skip('schedule intervals that are not minutes of a week', `schedule ${id}: ${wrong}`);
    let schedule = schedules.get(id);
    if (schedule && schedule.zone !== zone) {
      return skip('schedule intervals in another time zone than their schedule', `schedule ${id}: the time zone '${cell(row, 'time_zone')}' (${zone}) is not that of its first row (${schedule.zone})`);
    }
    if (!schedule) {
      const taken = [...schedules.values()].map((s) => s.name);
      schedule = { name: calendarIdentifier(cell(row, 'name'), 'Schedule', taken, `Schedule${id.replace(/[^A-Za-z0-9_]+/g, '')}`), zone, days: DAYS.map(() => []), holidays: new Map() };
      schedules.set(id, schedule);
    }
    // An interval may run past midnight; each day gets its own part.
    for (let from = start; from < end; from = (Math.floor(from / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY) {
      const day = Math.floor(from / MINUTES_PER_DAY);
      const merged = addRange(schedule.days[day]!, [from - day * MINUTES_PER_DAY, Math.min(end, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY]);
      if (merged) summary.note('schedule intervals overlapping another of their schedule: merged into one range');
    }
    summary.took(shown, 'schedule intervals (calendar hours)');
    return true;
  }
}

/** What is wrong with an interval of a schedule row (`start` and `end` are the columns read as minutes), if anything. */
function intervalProblem(startText: string, endText: string, start: number | undefined, end: number | undefined): string | undefined {
  if (start === undefined) return `start_time '${startText}' is not a whole number of minutes from Sunday 00:00`;
  if (end === undefined) return `end_time '${endText}' is not a whole number of minutes from Sunday 00:00`;
  if (end === start) return `${startText}-${endText} is no time at all: it ends where it starts`;
  if (end < start) return `${startText}-${endText} ends before it starts`;
  if (end > 7 * MINUTES_PER_DAY) return `${startText}-${endText} ends after the end of the week (${7 * MINUTES_PER_DAY} minutes from Sunday 00:00)`;
  return undefined;
}

/**
 * Adds an open range to a day's, merging it with those it overlaps (the
 * language refuses overlapping hours); true when it overlapped one.
 */
function addRange(ranges: [number, number][], range: [number, number]): boolean {
  let [from, to] = range;
  const kept = ranges.filter(([start, end]) => end <= from || start >= to);
  const overlapped = kept.length < ranges.length;
  for (const [start, end] of ranges) {
    if (end > from && start < to) [from, to] = [Math.min(from, start), Math.max(to, end)];
  }
  ranges.splice(0, ranges.length, ...kept, [from, to]);
  return overlapped;
}

/** Dated holidays of each schedule: one line per date, the names of rows that share it joined. */
async function readHolidays(read: ReadRows, summary: ImportSummary, schedules: ReadonlyMap<string, DraftSchedule>, scheduleTable: { shown: string; leftOut: ReadonlyMap<string, number> }): Promise<void> {
  await read('schedule_holiday', (row, line, shown) => {
    const given = cell(row, 'name');
    const written = withoutBidiControls(given);
    const name = oneLine(written) || 'Holiday';
    const id = cell(row, 'schedule_id');
    if (id === '') return summary.skip(shown, line, 'holidays without a schedule_id', `holiday '${name}' has no schedule_id`);
    const schedule = schedules.get(id);
    // A schedule whose rows were all skipped is in the table: the reason points at its row, not at a missing schedule.
    const leftOutAt = scheduleTable.leftOut.get(id);
    if (!schedule && leftOutAt !== undefined) {
      return summary.skip(shown, line, 'holidays of schedules none of whose rows could be used', `holiday '${name}': schedule ${id} has no row of ${scheduleTable.shown} that could be used (line ${leftOutAt} there is skipped)`);
    }
    if (!schedule) return summary.skip(shown, line, 'holidays of schedules not in the schedule table', `holiday '${name}': schedule ${id} is not in the schedule table`);
    const unreadable = ['start_date', 'end_date'].find((column) => parseWarehouseTime(`${cell(row, column)} 00:00:00`) === undefined);
    if (unreadable !== undefined) return summary.skip(shown, line, 'holidays without readable dates', `holiday '${name}': ${unreadable} '${cell(row, unreadable)}' is not a date (YYYY-MM-DD)`);
    const dates = datesBetween(cell(row, 'start_date'), cell(row, 'end_date'));
    if (typeof dates === 'string') return summary.skip(shown, line, 'holidays without readable dates', `holiday '${name}': ${cell(row, 'start_date')} to ${cell(row, 'end_date')} ${dates}`);
    if (name !== written && hasControlCharacter(written)) summary.note('holiday names with line breaks or control characters: written on one line');
    if (written !== given) summary.note('holiday names with bidirectional controls (U+202A-U+202E, U+2066-U+2069), which an agreement may not hold: written without them');
    for (const date of dates) {
      const names = schedule.holidays.get(date);
      if (names === undefined) schedule.holidays.set(date, [name]);
      else {
        summary.note("holiday dates given by more than one row: one line per date, the different names joined with ' / '");
        if (!names.includes(name)) names.push(name);
      }
    }
    summary.took(shown, 'holidays');
  });
}

/**
 * Each date from `start` to `end`, both included, or why they are none: not
 * dates in order, more than 366 days (a typo'd year), or outside the years
 * an agreement may name (SLA3076), which would make the draft invalid.
 */
function datesBetween(start: string, end: string): string[] | string {
  const from = parseWarehouseTime(`${start} 00:00:00`);
  const to = parseWarehouseTime(`${end} 00:00:00`);
  if (from === undefined || to === undefined || to < from) return 'is not a range of dates';
  if (to - from > 366 * 86_400_000) return 'is longer than 366 days';
  const dates: string[] = [];
  for (let time = from; time <= to; time += 86_400_000) dates.push(new Date(time).toISOString().slice(0, 10));
  if (dates[0]! < FIRST_SUPPORTED_DATE || dates[dates.length - 1]! > LAST_SUPPORTED_DATE) return `is not within ${FIRST_SUPPORTED_DATE} to ${LAST_SUPPORTED_DATE}, the dates an agreement may name`;
  return dates;
}

/** Every readable target of every policy version; a second target for the same metric and priority of a version is skipped. */
async function readTargets(read: ReadRows, summary: ImportSummary): Promise<DraftTarget[]> {
  const targets: DraftTarget[] = [];
  /** The line of each (policy, version, metric, priority) already read. */
  const firstLines = new Map<string, number>();
  await read('sla_policy_metric_history', (row, line, shown) => {
    const target = readTarget(row);
    if ('group' in target) return summary.skip(shown, line, target.group, target.reason);
    const key = [target.policy, target.updated, target.metric, target.priority].join('\u0000');
    const first = firstLines.get(key);
    if (first !== undefined) {
      const version = new Date(target.updated).toISOString().slice(0, 16).replace('T', ' ');
      return summary.skip(shown, line, 'targets given twice in one version of their policy', `policy ${target.policy}: a second ${target.metric} target for '${target.priority}' in its version of ${version}; the first (line ${first}) is kept`);
    }
    firstLines.set(key, line);
    targets.push(target);
  });
  return targets;
}

/** A target row as a target, or why it cannot be one (`group` without the row's values, `reason` with them). */
function readTarget(row: TableRow): DraftTarget | { group: string; reason: string } {
  const policy = cell(row, 'sla_policy_id');
  const metric = cell(row, 'metric');
  const priority = cell(row, 'priority').toLowerCase();
  const target = cell(row, 'target');
  const minutes = wholeNumber(target);
  const updated = parseWarehouseTime(cell(row, 'sla_policy_updated_at'));
  const businessHours = readBoolean(cell(row, 'business_hours'));
  if (!Object.hasOwn(ZENDESK_METRICS, metric)) return { group: 'metrics slac does not measure', reason: `the metric '${metric}' has no slac counterpart; the metrics are ${Object.keys(ZENDESK_METRICS).join(', ')}` };
  if (policy === '') return { group: 'targets without an sla_policy_id', reason: `a ${metric} target has no sla_policy_id` };
  if (priority === '') return { group: 'targets without a priority', reason: `policy ${policy}: the ${metric} target has no priority` };
  if (hasControlCharacter(priority)) return { group: 'targets whose priority holds a control character or a bidirectional control', reason: `policy ${policy}: the priority ${JSON.stringify(priority)} holds a line break, a control character or a bidirectional control` };
  if (updated === undefined) return { group: 'targets without a readable sla_policy_updated_at', reason: `policy ${policy}: ${metric} for '${priority}': sla_policy_updated_at '${cell(row, 'sla_policy_updated_at')}' is not a time${warehouseTimeAdvice(cell(row, 'sla_policy_updated_at'))}` };
  const versionDate = new Date(updated).toISOString().slice(0, 10);
  // The latest version's date is the draft's effective date, which must be one an agreement may name (SLA3076).
  if (versionDate < FIRST_SUPPORTED_DATE || versionDate > LAST_SUPPORTED_DATE) {
    const written = cell(row, 'sla_policy_updated_at');
    const utc = written.startsWith(versionDate) ? '' : ` (${versionDate} UTC)`;
    return {
      group: 'targets of policy versions outside the dates an agreement may name',
      reason: `policy ${policy}: ${metric} for '${priority}': sla_policy_updated_at '${written}'${utc} is not within ${FIRST_SUPPORTED_DATE} to ${LAST_SUPPORTED_DATE}, the dates an agreement may name`,
    };
  }
  if (businessHours === undefined) return { group: 'targets whose business_hours is neither true nor false', reason: `policy ${policy}: ${metric} for '${priority}': business_hours '${cell(row, 'business_hours')}' is neither true nor false (true/false, t/f, 1/0, yes/no)` };
  if (minutes === undefined || minutes === 0) return { group: 'targets that are not a whole number of minutes', reason: `policy ${policy}: ${metric} for '${priority}' has the target '${target}', not a whole number of minutes` };
  if (minutes > MAX_TARGET_MINUTES) {
    return { group: 'targets longer than slac checks (366 days)', reason: `policy ${policy}: ${metric} for '${priority}' has the target ${target} minutes; slac checks targets of at most 366 days (${MAX_TARGET_MINUTES} minutes)` };
  }
  return { policy, updated, businessHours, metric, priority, minutes };
}

/**
 * The `via_channel` values of the ticket table, when it has the column: one
 * per value as the runtime compares them (trimmed, in any case), spelt as
 * first met. `web` and `Web` are one channel of the log, and two channels
 * matching them would be SLA3044.
 */
async function readChannels(read: ReadRows, summary: ImportSummary): Promise<string[]> {
  /** The first spelling of each value, by its lower case. */
  const channels = new Map<string, string>();
  const merged = new Set<string>();
  await read('ticket', (row, line, shown) => {
    const channel = cell(row, 'via_channel');
    if (hasControlCharacter(channel)) return summary.skip(shown, line, 'tickets whose via_channel holds a control character or a bidirectional control', `the via_channel ${JSON.stringify(channel)} holds a line break, a control character or a bidirectional control`);
    summary.took(shown, channel === '' ? 'tickets without via_channel' : 'tickets (their via_channel names the channels)');
    if (channel === '') return;
    const first = channels.get(channel.toLowerCase());
    if (first === undefined) channels.set(channel.toLowerCase(), channel);
    else if (first !== channel && !merged.has(channel)) {
      merged.add(channel);
      summary.note('via_channel values that differ from another only in case: one channel (matches ignores case), spelt as first met');
    }
  });
  return [...channels.values()];
}
