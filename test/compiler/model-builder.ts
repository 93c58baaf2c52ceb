/**
 * Agreement models built by hand, so that each sentence of the document can
 * be tested on exactly the declarations it comes from. Times of day are
 * written as `HH:MM-HH:MM` and turned into minute ranges here.
 */
import type { DocumentContext } from '../../compiler/document/context.js';
import type { HolidayLister } from '../../compiler/document/holiday-dates.js';
import { holidaysOfYear } from '../../runtime/clock/holidays/index.js';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type AgreementModel,
  type CalendarModel,
  type DurationModel,
  type MetricModel,
  type MinuteRange,
} from '../../language/model/model.js';

/** `08:00-12:00` -> `{ start: 480, end: 720 }`; an end before the start crosses midnight. */
export function range(text: string): MinuteRange {
  const [start, end] = text.split('-').map((time) => {
    const [hours, minutes] = time.split(':').map(Number);
    return hours! * 60 + minutes!;
  }) as [number, number];
  return { start, end: end <= start ? end + 1440 : end };
}

/** A calendar open `hours` on the ISO weekdays given (1 = Monday). */
export function calendar(name: string, days: number[], hours: string[], extra: Partial<CalendarModel> = {}): CalendarModel {
  const weekly: MinuteRange[][] = [[]];
  for (let day = 1; day <= 7; day += 1) weekly.push(days.includes(day) ? hours.map(range) : []);
  return { name, timezone: 'Europe/Berlin', weekly, holidays: [], annualHolidays: [], holidaySets: [], holidayFiles: [], ...extra };
}

const MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10080 };

/** `duration(4, 'hours')`, `duration(2, 'businessDays')`. */
export function duration(amount: number, unit: DurationModel['unit']): DurationModel {
  const perUnit = MINUTES[unit];
  const text = `${amount} ${unit === 'businessDays' ? 'business days' : unit}`;
  return { amount, unit, text, ...(perUnit !== undefined ? { minutes: amount * perUnit } : {}) };
}

export function metric(name: string, extra: Partial<MetricModel> = {}): MetricModel {
  return {
    name,
    title: name,
    measures: 'firstResponse',
    clock: 'Office',
    targets: {},
    channelTargets: [],
    excludingMaintenance: false,
    ...extra,
  };
}

/** An agreement with an Office calendar (Mon-Fri 09:00-17:00, Berlin), severities High and Low, and what `extra` adds. */
export function agreement(extra: Partial<AgreementModel> = {}): AgreementModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    agreement: { name: 'Test', effective: '2026-04-01', provider: { kind: 'text', text: 'P Ltd' }, client: { kind: 'text', text: 'C Ltd' } },
    params: [],
    calendars: [calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00'])],
    channels: [],
    severities: [
      { name: 'High', isDefault: false, matches: [] },
      { name: 'Low', isDefault: true, matches: [] },
    ],
    defaultSeverity: 'Low',
    pause: { statuses: [] },
    metrics: [],
    responsibilities: { provider: [], client: [] },
    clauses: [],
    sources: [{ path: 'test.sla', sha256: '0'.repeat(64) }],
    ...extra,
  };
}

/** A document context over a model, with the clock's own holiday source unless a test gives another. */
export function contextOf(model: AgreementModel, listHolidays: HolidayLister = holidaysOfYear): DocumentContext {
  return { model, params: {}, listHolidays };
}
