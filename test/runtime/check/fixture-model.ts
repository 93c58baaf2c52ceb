import type { AgreementModel, DurationModel } from '../../../language/model/model.js';

const hours = (amount: number): DurationModel => ({ amount, unit: 'hours', minutes: amount * 60, text: `${amount} hours` });
const minutes = (amount: number): DurationModel => ({ amount, unit: 'minutes', minutes: amount, text: `${amount} minutes` });
const weekdays = [[], [{ start: 480, end: 1080 }], [{ start: 480, end: 1080 }], [{ start: 480, end: 1080 }], [{ start: 480, end: 1080 }], [{ start: 480, end: 1080 }], [], []];
const allWeek = [[], ...Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }])];

/**
 * A small checked model written by hand (like poologics.sla: business hours
 * in New York, two severities, three channels), so the runtime tests do not
 * depend on the parser.
 */
export const supportModel: AgreementModel = {
  format: 'slac-model',
  version: 2,
  agreement: { name: 'Support', title: 'Support Agreement', effective: '2026-01-01' },
  params: [],
  calendars: [
    { name: 'BusinessHours', timezone: 'America/New_York', weekly: weekdays, holidays: [{ date: '2026-05-25', name: 'Memorial Day' }], annualHolidays: [], holidaySets: [], holidayFiles: [] },
    { name: 'AroundTheClock', timezone: 'America/New_York', weekly: allWeek, holidays: [], annualHolidays: [], holidaySets: [], holidayFiles: [] },
  ],
  channels: [{ name: 'Email', hours: 'BusinessHours', matches: [] }, { name: 'Chat', matches: [] }, { name: 'Phone', matches: [] }],
  severities: [
    { name: 'Critical', isDefault: false, matches: [] },
    { name: 'Standard', isDefault: true, matches: [] },
  ],
  defaultSeverity: 'Standard',
  pause: { statuses: ['Waiting on customer'] },
  metrics: [
    { name: 'Acknowledgement', title: 'Incident response', measures: 'firstResponse', clock: 'BusinessHours', defaultTarget: minutes(20), targets: {}, channelTargets: [], objective: { percent: 95, period: 'monthly' }, excludingMaintenance: false },
    { name: 'Resolution', title: 'Incident resolution', measures: 'resolution', clock: 'BusinessHours', targets: { Critical: hours(4), Standard: hours(2) }, channelTargets: [], objective: { percent: 90, period: 'monthly' }, excludingMaintenance: false },
    { name: 'Availability', title: 'Service availability', measures: 'uptime', clock: 'AroundTheClock', targets: {}, channelTargets: [], objective: { percent: 99, period: 'monthly' }, excludingMaintenance: true },
  ],
  escalation: {
    levels: [
      { level: 1, who: 'Support lead', trigger: { kind: 'at', percent: 50, metric: 'Resolution' } },
      { level: 2, who: 'Supervisor', trigger: { kind: 'at', percent: 100, metric: 'Resolution' } },
    ],
  },
  credits: { tiers: [{ metric: 'Resolution', belowPercent: 90, creditPercent: 5 }], capPercent: 10 },
  responsibilities: { provider: [], client: [] },
  clauses: [],
  // 1.0's `excluding maintenance` meant every maintenance row; an empty
  // maintenance declaration (no window, notice or cap) means the same in 1.1.
  maintenance: {},
  review: { every: { amount: 12, unit: 'months', text: '12 months' }, onRequest: false, afterMajorIncident: false, participants: [], agenda: [], report: [] },
  sources: [{ path: 'support.sla', sha256: '0'.repeat(64) }],
};
