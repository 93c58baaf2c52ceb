/**
 * Helpers for the 1.1 spec tables that run the whole check (log reading,
 * `matches`, evaluation, report) on an agreement model written by hand, so
 * that they do not wait on the parser. Each table file shows the `.sla` text
 * its model stands for. Times are on Monday 2026-03-02, UTC.
 */
import type { AgreementModel, ChannelTargetModel, DurationModel, MetricModel } from '../../language/model/model.js';
import { checkEvents, type CheckReport } from '../../runtime/check/events.js';
import type { Report } from './helpers.js';

export const minutes = (amount: number): DurationModel => ({ amount, unit: 'minutes', minutes: amount, text: `${amount} minutes` });
export const businessDays = (amount: number): DurationModel => ({ amount, unit: 'businessDays', text: `${amount} business days` });

const allWeek = [[], ...Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }])];
const weekdays = [[], ...Array.from({ length: 5 }, () => [{ start: 480, end: 1080 }]), [], []];

/**
 * ```
 * calendar Utc { timezone "UTC" hours Mon-Sun 00:00-24:00 }
 * calendar BusinessHours { timezone "America/New_York" hours Mon-Fri 08:00-18:00 holidays { 2026-11-26 "Thanksgiving Day" } }
 * channel Email { matches "email", "mail" }
 * channel Portal { matches "web", "web form" }
 * channel Phone { }
 * severity P1 { matches "urgent" }
 * severity P2 { matches "high" }
 * severity P3 { matches "normal", "low" default }
 * pause when status "Waiting on customer"
 * ```
 */
export function model(metrics: MetricModel[], parts: Partial<AgreementModel> = {}): AgreementModel {
  return {
    format: 'slac-model',
    version: 2,
    agreement: { name: 'Audit', effective: '2026-01-01' },
    params: [],
    calendars: [
      { name: 'Utc', timezone: 'UTC', weekly: allWeek, holidays: [], annualHolidays: [], holidaySets: [], holidayFiles: [] },
      {
        name: 'BusinessHours',
        timezone: 'America/New_York',
        weekly: weekdays,
        holidays: [{ date: '2026-11-26', name: 'Thanksgiving Day' }],
        annualHolidays: [],
        holidaySets: [],
        holidayFiles: [],
      },
    ],
    channels: [
      { name: 'Email', matches: ['email', 'mail'] },
      { name: 'Portal', matches: ['web', 'web form'] },
      { name: 'Phone', matches: [] },
    ],
    severities: [
      { name: 'P1', isDefault: false, matches: ['urgent'] },
      { name: 'P2', isDefault: false, matches: ['high'] },
      { name: 'P3', isDefault: true, matches: ['normal', 'low'] },
    ],
    defaultSeverity: 'P3',
    pause: { statuses: ['Waiting on customer'] },
    metrics,
    responsibilities: { provider: [], client: [] },
    clauses: [],
    sources: [],
    ...parts,
  };
}

export interface MetricParts {
  clock?: string;
  target?: DurationModel;
  targets?: Record<string, DurationModel>;
  via?: ChannelTargetModel[];
  pause?: string[];
  objective?: number;
}

/** `metric Name { measures ... clock Utc target ... }` */
export function metric(name: string, measures: MetricModel['measures'], parts: MetricParts = {}): MetricModel {
  const result: MetricModel = {
    name,
    title: name,
    measures,
    clock: parts.clock ?? 'Utc',
    targets: parts.targets ?? {},
    channelTargets: parts.via ?? [],
    excludingMaintenance: false,
  };
  if (parts.target) result.defaultTarget = parts.target;
  if (parts.pause) result.pause = { statuses: parts.pause };
  if (parts.objective !== undefined) result.objective = { percent: parts.objective, period: 'monthly' };
  return result;
}

/** `HH:MM` on Monday 2026-03-02 UTC. */
export const at = (time: string): string => `2026-03-02T${time}:00Z`;

/** `[ticket, HH:MM, event, other keys]` */
export type Row = [string, string, string, Record<string, string | number>?];

/** The report of checking these rows (times as `HH:MM` on the test day unless they hold a `T`). */
export function checkRows(agreement: AgreementModel, rows: Row[], asOf?: string): CheckReport {
  const events = rows.map(([ticket, time, event, extra]) => ({ ticket, time: time.includes('T') ? time : at(time), event, ...extra }));
  return checkEvents(agreement, events, asOf === undefined ? {} : { asOf: asOf.includes('T') ? asOf : at(asOf) });
}

/** A ticket's entry in a report. */
export function ticketOf(report: Report, ticket: string): Report {
  return report.tickets.find((entry: { id: string }) => entry.id === ticket);
}

/** `HH:MM` of an ISO instant (in whatever zone it is written). */
export const hhmm = (instant: string | null | undefined): string | null | undefined => (typeof instant === 'string' ? instant.slice(11, 16) : instant);
