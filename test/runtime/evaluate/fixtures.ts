/**
 * Small agreement models and compact event rows for the evaluator's tables.
 * The calendars are those of SEMANTICS.md's worked examples.
 */
import type {
  AgreementModel,
  CalendarModel,
  DurationModel,
  HolidayModel,
  IsoWeekday,
  Measure,
  MetricModel,
  Period,
} from '../../../language/model/model.js';
import { parseInstant } from '../../../runtime/clock/index.js';
import type { OutageRow, TicketEvent, TicketEventKind } from '../../../runtime/log/events.js';

export function calendar(name: string, timezone: string, days: IsoWeekday[], from: string, to: string, holidays: HolidayModel[] = []): CalendarModel {
  const weekly: CalendarModel['weekly'] = [[], [], [], [], [], [], [], []];
  let end = clockMinutes(to);
  const start = clockMinutes(from);
  if (end <= start) end += 1440;
  for (const day of days) weekly[day] = [{ start, end }];
  return { name, timezone, weekly, holidays, annualHolidays: [], holidaySets: [], holidayFiles: [] };
}

function clockMinutes(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours! * 60 + minutes!;
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Mon-Fri 08:00-18:00 America/New_York, Thanksgiving 2026-11-26 a holiday. */
export const BUSINESS_HOURS = calendar('BusinessHours', 'America/New_York', WEEKDAYS, '08:00', '18:00', [
  { date: '2026-11-26', name: 'Thanksgiving Day' },
]);
/** Around the clock, Europe/Berlin. */
export const ON_CALL = calendar('OnCall', 'Europe/Berlin', EVERY_DAY, '00:00', '24:00');
/** Around the clock, America/New_York. */
export const AROUND_THE_CLOCK = calendar('AroundTheClock', 'America/New_York', EVERY_DAY, '00:00', '24:00');

export function minutes(amount: number): DurationModel {
  return { amount, unit: 'minutes', minutes: amount, text: `${amount} minutes` };
}
export function hours(amount: number): DurationModel {
  return { amount, unit: 'hours', minutes: amount * 60, text: `${amount} hours` };
}
export function businessDays(amount: number): DurationModel {
  return { amount, unit: 'businessDays', text: `${amount} business days` };
}
export function months(amount: number): DurationModel {
  return { amount, unit: 'months', text: `${amount} months` };
}

export interface MetricOptions {
  clock?: string;
  target?: DurationModel;
  targets?: Record<string, DurationModel>;
  objective?: [number, Period];
  excludingMaintenance?: boolean;
  title?: string;
}

export function metric(name: string, measures: Measure, options: MetricOptions = {}): MetricModel {
  const model: MetricModel = {
    name,
    title: options.title ?? name,
    measures,
    clock: options.clock ?? 'BusinessHours',
    targets: options.targets ?? {},
    channelTargets: [],
    excludingMaintenance: options.excludingMaintenance ?? false,
  };
  if (options.target) model.defaultTarget = options.target;
  if (options.objective) model.objective = { percent: options.objective[0], period: options.objective[1] };
  return model;
}

/** An agreement with severities Critical and Standard (default) and the pause status "Waiting on customer". */
export function agreement(parts: Partial<AgreementModel> = {}): AgreementModel {
  return {
    format: 'slac-model',
    version: 2,
    agreement: { name: 'TestAgreement', effective: '2026-01-01' },
    params: [],
    calendars: [BUSINESS_HOURS, ON_CALL, AROUND_THE_CLOCK],
    channels: [],
    severities: [
      { name: 'Critical', isDefault: false, matches: [] },
      { name: 'Standard', isDefault: true, matches: [] },
    ],
    defaultSeverity: 'Standard',
    pause: { statuses: ['Waiting on customer'] },
    metrics: [],
    responsibilities: { provider: [], client: [] },
    clauses: [],
    sources: [],
    ...parts,
  };
}

/** An ISO instant with offset as epoch ms. */
export function at(text: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`Bad instant in a test: ${text}`);
  return instant;
}

/** `[ticket, time, event, extra keys]`, in file order. */
export type EventRow = [string, string, TicketEventKind, Partial<TicketEvent>?];

/** Compact rows as validated log events; `seq` is the row's position, as in a file. */
export function events(rows: readonly EventRow[]): TicketEvent[] {
  return rows.map(([ticket, time, event, extra], index) => ({
    ticket,
    time: at(time),
    event,
    ...extra,
    line: index + 2,
    seq: index,
  }));
}

/** `[start, end, kind]` outage rows. */
export function outages(rows: readonly [string, string, OutageRow['kind']][]): OutageRow[] {
  return rows.map(([start, end, kind], index) => ({ start: at(start), end: at(end), kind, line: index + 2 }));
}
