import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AgreementDeclaration, CalendarDeclaration, ChannelDeclaration, MetricDeclaration } from '../syntax/ast.js';
import { measureOf } from './context.js';
import { minutesPerWeek, weekdayNames, weeklyIntervals, type WeeklyInterval } from './hours.js';

/** Metrics that measure a reply to the client, which goes through a channel. */
const replyMeasures = new Set(['first response', 'next reply']);

/**
 * The weekly minutes a calendar's intervals are open, shifted by `shift`
 * minutes on the weekly circle. Counts the intervals open at each minute
 * from where they start and end, not minute by minute: 8,000 ranges of half
 * a day on `Mon-Fri` are about 30 million minutes, and this runs per
 * channel, metric and instant.
 */
export function openMinutes(intervals: readonly { start: number; end: number }[], shift: number): Uint8Array {
  const startsLessEnds = new Int32Array(minutesPerWeek + 1);
  for (const { start, end } of intervals) {
    const length = Math.min(end - start, minutesPerWeek);
    if (length <= 0) continue;
    const from = (((start + shift) % minutesPerWeek) + minutesPerWeek) % minutesPerWeek;
    const to = from + length;
    startsLessEnds[from] += 1;
    if (to <= minutesPerWeek) {
      startsLessEnds[to] -= 1;
    } else {
      // Past Sunday midnight: on from Monday 00:00 (the count past the week is never read).
      startsLessEnds[0] += 1;
      startsLessEnds[to - minutesPerWeek] -= 1;
    }
  }
  const open = new Uint8Array(minutesPerWeek);
  let openCount = 0;
  for (let minute = 0; minute < minutesPerWeek; minute++) {
    openCount += startsLessEnds[minute]!;
    if (openCount > 0) open[minute] = 1;
  }
  return open;
}

function zoneOf(calendar: CalendarDeclaration): string | undefined {
  for (const statement of calendar.statements ?? []) if (statement?.kind === 'Timezone') return statement.zone?.value;
  return undefined;
}

/** Minutes the zone is ahead of UTC at an instant; undefined for an unknown zone (SLA3001 reports it). */
function offsetMinutes(zone: string, instant: Date): number | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0; // "GMT": UTC itself
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  } catch {
    return undefined;
  }
}

/** The value known for `key`, computed on first request (undefined results too). */
function remember<K, V>(known: Map<K, V>, key: K, compute: () => V): V {
  if (!known.has(key)) known.set(key, compute());
  return known.get(key) as V;
}

/**
 * Instants at which zones are compared: mid-January and mid-July of the
 * year the agreement takes effect (2026 without an effective date), so that
 * both summer and winter time are seen. Never the wall clock.
 */
function referenceInstants(entryScope: readonly ScopeEntry[]): Date[] {
  const agreement = entryScope.find((entry) => entry.declaration.kind === 'Agreement')?.declaration as AgreementDeclaration | undefined;
  const effective = agreement?.statements?.find((s) => s?.kind === 'Effective');
  const year = effective?.kind === 'Effective' && effective.date ? Number(effective.date.text.slice(0, 4)) : 2026;
  return [new Date(Date.UTC(year, 0, 15, 12)), new Date(Date.UTC(year, 6, 15, 12))];
}

/** What `firstUnstaffedMinute` asks for, made once per check and remembered. */
interface StaffingFacts {
  /** The zone's offset at an instant (see `offsetMinutes`). */
  offsetAt(zone: string, at: Date): number | undefined;
  /** The minutes of the clock's week a channel is staffed, for a clock `clockOffset` ahead of UTC; undefined when a channel's zone is unknown. */
  staffedAt(clockOffset: number, at: Date): Uint8Array | undefined;
  /** The minutes of its own week a calendar is open. */
  runningOf(clock: CalendarDeclaration): Uint8Array;
}

/**
 * The staffed week depends only on the clock's offset and the instant, and
 * an agreement of hundreds of reply metrics and 60 channels has a handful
 * of those: made per metric (with an `Intl.DateTimeFormat` per channel), it
 * took seconds on every keystroke in the editor.
 */
function staffingFacts(staffing: readonly CalendarDeclaration[]): StaffingFacts {
  const intervals = new Map<CalendarDeclaration, WeeklyInterval[]>();
  const intervalsOf = (calendar: CalendarDeclaration): WeeklyInterval[] => remember(intervals, calendar, () => weeklyIntervals(calendar));
  const offsets = new Map<string, number | undefined>();
  const offsetAt = (zone: string, at: Date): number | undefined => remember(offsets, `${at.getTime()} ${zone}`, () => offsetMinutes(zone, at));
  const staffed = new Map<string, Uint8Array | undefined>();
  const running = new Map<CalendarDeclaration, Uint8Array>();
  return {
    offsetAt,
    staffedAt: (clockOffset, at) =>
      remember(staffed, `${at.getTime()} ${clockOffset}`, () => staffedMinutes(staffing, clockOffset, at, offsetAt, intervalsOf)),
    runningOf: (clock) => remember(running, clock, () => openMinutes(intervalsOf(clock), 0)),
  };
}

/** The minutes of a week, in a frame `clockOffset` ahead of UTC, that some channel is staffed at `at`; undefined when a channel's zone is unknown. */
function staffedMinutes(
  staffing: readonly CalendarDeclaration[],
  clockOffset: number,
  at: Date,
  offsetAt: StaffingFacts['offsetAt'],
  intervalsOf: (calendar: CalendarDeclaration) => WeeklyInterval[],
): Uint8Array | undefined {
  const staffed = new Uint8Array(minutesPerWeek);
  for (const calendar of staffing) {
    const zone = zoneOf(calendar);
    const offset = zone === undefined ? undefined : offsetAt(zone, at);
    if (offset === undefined) return undefined;
    const open = openMinutes(intervalsOf(calendar), clockOffset - offset);
    for (let minute = 0; minute < minutesPerWeek; minute++) if (open[minute]) staffed[minute] = 1;
  }
  return staffed;
}

/** The first minute of the clock's week (Monday 00:00 local) that the clock is open and no channel is. */
function firstUnstaffedMinute(clock: CalendarDeclaration, at: Date, facts: StaffingFacts): number | undefined {
  const clockZone = zoneOf(clock);
  const clockOffset = clockZone === undefined ? undefined : facts.offsetAt(clockZone, at);
  if (clockOffset === undefined) return undefined;
  const staffed = facts.staffedAt(clockOffset, at);
  if (staffed === undefined) return undefined;
  const running = facts.runningOf(clock);
  for (let minute = 0; minute < minutesPerWeek; minute++) if (running[minute] && !staffed[minute]) return minute;
  return undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A first-response or next-reply metric whose clock runs while no channel
 * is staffed (SLA3053): a minute of the clock calendar's weekly hours that
 * no channel's `hours` calendar covers, holidays aside, calendars in other
 * time zones shifted by their offsets (see `referenceInstants`). Skipped when
 * there is no channel, or a channel states no hours (its staffing is
 * unknown). Uptime and work such as a resolution may go on behind the
 * scenes, so only replies are judged. Reported once per metric, at its clock.
 */
export function checkUnstaffedClocks(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  const calendars = new Map<string, CalendarDeclaration>();
  for (const entry of entryScope) {
    const declaration = entry.declaration;
    if (declaration.kind === 'Calendar' && declaration.name) calendars.set(declaration.name.text, declaration);
  }
  const channels = entryScope.filter((entry) => entry.declaration.kind === 'Channel').map((entry) => entry.declaration as ChannelDeclaration);
  const staffing = channels.map((channel) => {
    const hours = (channel.statements ?? []).find((s) => s?.kind === 'ChannelHours');
    return hours?.kind === 'ChannelHours' && hours.calendar ? calendars.get(hours.calendar.text) : undefined;
  });
  if (staffing.length === 0 || staffing.some((calendar) => calendar === undefined)) return;
  const instants = referenceInstants(entryScope);
  const facts = staffingFacts(staffing as CalendarDeclaration[]);
  for (const entry of entryScope) {
    if (entry.declaration.kind !== 'Metric') continue;
    const metric = entry.declaration as MetricDeclaration;
    if (!replyMeasures.has(measureOf(metric) ?? '') || !metric.name) continue;
    const clockStatement = (metric.statements ?? []).find((s) => s?.kind === 'Clock');
    const clock = clockStatement?.kind === 'Clock' && clockStatement.calendar ? calendars.get(clockStatement.calendar.text) : undefined;
    if (!clock || !clockStatement) continue;
    for (const at of instants) {
      const minute = firstUnstaffedMinute(clock, at, facts);
      if (minute === undefined) continue;
      const minuteOfDay = minute % 1440;
      diagnostics.push(
        createDiagnostic('SLA3053', entry.file, clockStatement.range, {
          name: metric.name.text,
          day: weekdayNames[Math.floor(minute / 1440)]!,
          time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`,
          zone: zoneOf(clock) ?? '',
        }),
      );
      break;
    }
  }
}
