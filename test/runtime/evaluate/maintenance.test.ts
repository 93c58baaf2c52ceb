import { describe, expect, it } from 'vitest';
import type { MaintenanceModel } from '../../../language/model/model.js';
import { compileCalendar, formatInstant } from '../../../runtime/clock/index.js';
import { classifyMaintenance, type MaintenancePart, type MaintenanceRules } from '../../../runtime/evaluate/maintenance.js';
import type { OutageRow } from '../../../runtime/log/events.js';
import { at, calendar, hours, metric } from './fixtures.js';
import { summaryOf } from './report-builder-helpers.js';

/** Sun 02:00-06:00 Europe/Berlin (March 2026 is +01:00 until the 29th). */
const SUNDAY_NIGHT = calendar('SundayNight', 'Europe/Berlin', [7], '02:00', '06:00');
const HOUR = 3_600_000;

/** `[start, end, announced?]` maintenance rows, lines from 2 in the given order. */
function rows(list: readonly [string, string, string?][]): OutageRow[] {
  return list.map(([start, end, announced], index) => ({
    start: at(start),
    end: at(end),
    kind: 'maintenance',
    ...(announced === undefined ? {} : { announced: at(announced) }),
    line: index + 2,
  }));
}

/** Parts as `start-end line outcome`, local Berlin times, for a readable table. */
function show(parts: readonly MaintenancePart[]): string[] {
  const local = (instant: number): string => formatInstant(instant, 'Europe/Berlin').slice(5, 16);
  return parts.map((part) => `${local(part.start)}..${local(part.end)} L${part.row.line} ${outcomeOf(part)}`);
}

function outcomeOf(part: MaintenancePart): string {
  const reason = part.reason;
  if (!reason) return 'scheduled';
  if (reason.kind === 'shortNotice') return `short notice ${reason.givenMillis === null ? 'none' : reason.givenMillis / HOUR + 'h'}/${reason.requiredMillis / HOUR}h`;
  if (reason.kind === 'overCap') return `over the cap ${reason.period}`;
  return 'outside';
}

const all: MaintenanceRules = {
  window: compileCalendar(SUNDAY_NIGHT),
  noticeMillis: 48 * HOUR,
  cap: { millis: 4 * HOUR, period: 'monthly', zone: 'Europe/Berlin' },
};

describe('classifying maintenance rows (window Sun 02:00-06:00, notice 48 hours, at most 4 hours monthly)', () => {
  it.each<[string, MaintenanceRules, [string, string, string?][], string[]]>([
    ['inside the window, announced in time', all, [['2026-03-01T02:00:00+01:00', '2026-03-01T04:00:00+01:00', '2026-02-26T12:00:00+01:00']], ['03-01T02:00..03-01T04:00 L2 scheduled']],
    ['announced 24 hours ahead: short notice', all, [['2026-03-08T02:00:00+01:00', '2026-03-08T04:00:00+01:00', '2026-03-07T02:00:00+01:00']], ['03-08T02:00..03-08T04:00 L2 short notice 24h/48h']],
    ['announced exactly 48 hours ahead: in time', all, [['2026-03-08T02:00:00+01:00', '2026-03-08T04:00:00+01:00', '2026-03-06T02:00:00+01:00']], ['03-08T02:00..03-08T04:00 L2 scheduled']],
    ['not announced: short notice', all, [['2026-03-08T02:00:00+01:00', '2026-03-08T03:00:00+01:00']], ['03-08T02:00..03-08T03:00 L2 short notice none/48h']],
    ['announced after it started: negative notice', all, [['2026-03-08T02:00:00+01:00', '2026-03-08T03:00:00+01:00', '2026-03-08T03:00:00+01:00']], ['03-08T02:00..03-08T03:00 L2 short notice -1h/48h']],
    [
      'partly outside the window: split',
      all,
      [['2026-03-15T05:00:00+01:00', '2026-03-15T07:00:00+01:00', '2026-03-01T00:00:00+01:00']],
      ['03-15T05:00..03-15T06:00 L2 scheduled', '03-15T06:00..03-15T07:00 L2 outside'],
    ],
    [
      'outside the window and short notice: the window is the reason outside it',
      all,
      [['2026-03-15T05:00:00+01:00', '2026-03-15T07:00:00+01:00']],
      ['03-15T05:00..03-15T06:00 L2 short notice none/48h', '03-15T06:00..03-15T07:00 L2 outside'],
    ],
    [
      'over the cap in time order (file order reversed), and the cap resets in April',
      all,
      [
        ['2026-04-05T02:00:00+02:00', '2026-04-05T05:00:00+02:00', '2026-03-20T00:00:00+01:00'],
        ['2026-03-08T02:00:00+01:00', '2026-03-08T04:00:00+01:00', '2026-03-01T00:00:00+01:00'],
        ['2026-03-01T02:00:00+01:00', '2026-03-01T05:00:00+01:00', '2026-02-20T00:00:00+01:00'],
      ],
      [
        '03-01T02:00..03-01T05:00 L4 scheduled',
        '03-08T02:00..03-08T03:00 L3 scheduled',
        '03-08T03:00..03-08T04:00 L3 over the cap 2026-03',
        '04-05T02:00..04-05T05:00 L2 scheduled',
      ],
    ],
    [
      'short-notice and outside parts do not use up the cap',
      all,
      [
        ['2026-03-01T02:00:00+01:00', '2026-03-01T08:00:00+01:00'],
        ['2026-03-08T02:00:00+01:00', '2026-03-08T06:00:00+01:00', '2026-03-01T00:00:00+01:00'],
      ],
      ['03-01T02:00..03-01T06:00 L2 short notice none/48h', '03-01T06:00..03-01T08:00 L2 outside', '03-08T02:00..03-08T06:00 L3 scheduled'],
    ],
    [
      'overlapping rows: an instant is scheduled when any row makes it so, else it is the earliest row\'s',
      all,
      [
        ['2026-03-01T02:00:00+01:00', '2026-03-01T04:00:00+01:00'],
        ['2026-03-01T03:00:00+01:00', '2026-03-01T05:00:00+01:00', '2026-02-20T00:00:00+01:00'],
        ['2026-03-01T03:30:00+01:00', '2026-03-01T07:00:00+01:00'],
      ],
      [
        '03-01T02:00..03-01T03:00 L2 short notice none/48h',
        '03-01T03:00..03-01T05:00 L3 scheduled',
        '03-01T05:00..03-01T06:00 L4 short notice none/48h',
        '03-01T06:00..03-01T07:00 L4 outside',
      ],
    ],
    ['window only: notice and cap do not apply', { window: all.window! }, [['2026-03-01T01:00:00+01:00', '2026-03-01T09:00:00+01:00']], [
      '03-01T01:00..03-01T02:00 L2 outside',
      '03-01T02:00..03-01T06:00 L2 scheduled',
      '03-01T06:00..03-01T09:00 L2 outside',
    ]],
    ['notice only: any time of day, any length', { noticeMillis: 48 * HOUR }, [
      ['2026-03-03T10:00:00+01:00', '2026-03-03T20:00:00+01:00', '2026-03-01T10:00:00+01:00'],
      ['2026-03-04T10:00:00+01:00', '2026-03-04T11:00:00+01:00', '2026-03-03T10:00:00+01:00'],
    ], ['03-03T10:00..03-03T20:00 L2 scheduled', '03-04T10:00..03-04T11:00 L3 short notice 24h/48h']],
    ['at most only: a row crossing into the next month uses each month\'s cap', { cap: { millis: 2 * HOUR, period: 'monthly', zone: 'Europe/Berlin' } }, [
      ['2026-03-31T21:00:00+02:00', '2026-04-01T03:00:00+02:00'],
    ], [
      '03-31T21:00..03-31T23:00 L2 scheduled',
      '03-31T23:00..04-01T00:00 L2 over the cap 2026-03',
      '04-01T00:00..04-01T02:00 L2 scheduled',
      '04-01T02:00..04-01T03:00 L2 over the cap 2026-04',
    ]],
    ['no declaration: every row is scheduled (1.0)', {}, [['2026-03-03T10:00:00+01:00', '2026-03-03T20:00:00+01:00']], ['03-03T10:00..03-03T20:00 L2 scheduled']],
  ])('%s', (_name, rules, list, expected) => {
    expect(show(classifyMaintenance(rows(list), rules))).toEqual(expected);
  });

  it('leaves outage rows alone', () => {
    const outage: OutageRow = { start: at('2026-03-01T02:00:00+01:00'), end: at('2026-03-01T03:00:00+01:00'), kind: 'outage', line: 2 };
    expect(classifyMaintenance([outage], all)).toEqual([]);
  });

  it('counts the cap in the zone it is given: the last evening of March in New York is April in Berlin', () => {
    const list = rows([
      ['2026-03-15T10:00:00Z', '2026-03-15T11:00:00Z'],
      ['2026-03-31T22:00:00-04:00', '2026-03-31T23:00:00-04:00'],
    ]);
    const cap = (zone: string): MaintenanceRules => ({ cap: { millis: HOUR, period: 'monthly', zone } });
    expect(classifyMaintenance(list, cap('America/New_York')).map((part) => part.reason?.kind ?? 'scheduled')).toEqual(['scheduled', 'overCap']);
    expect(classifyMaintenance(list, cap('Europe/Berlin')).map((part) => part.reason?.kind ?? 'scheduled')).toEqual(['scheduled', 'scheduled']);
  });
});

describe('uptime with maintenance (OnCall, around the clock in Berlin; 1-15 March 2026 is 21600 minutes)', () => {
  const maintenance: MaintenanceModel = { window: 'SundayNight', notice: hours(48), atMost: { duration: hours(4), period: 'monthly' } };
  const log: OutageRow[] = [
    // Scheduled: 180 minutes, 180 of the 240-minute cap.
    { start: at('2026-03-01T02:00:00+01:00'), end: at('2026-03-01T05:00:00+01:00'), kind: 'maintenance', announced: at('2026-02-20T00:00:00+01:00'), description: 'upgrade', line: 2 },
    // An outage inside it: not downtime when maintenance is excluded.
    { start: at('2026-03-01T03:00:00+01:00'), end: at('2026-03-01T03:30:00+01:00'), kind: 'outage', line: 3 },
    // Announced 6 hours ahead: 120 minutes of downtime.
    { start: at('2026-03-08T02:00:00+01:00'), end: at('2026-03-08T04:00:00+01:00'), kind: 'maintenance', announced: at('2026-03-07T20:00:00+01:00'), line: 4 },
    // 05:00-06:00 scheduled (the cap is now used up); 06:00-07:00 outside the window.
    { start: at('2026-03-08T05:00:00+01:00'), end: at('2026-03-08T07:00:00+01:00'), kind: 'maintenance', announced: at('2026-03-01T00:00:00+01:00'), line: 5 },
    // Overlaps the part outside the window: 06:00-08:00 is 120 minutes down, counted once.
    { start: at('2026-03-08T06:30:00+01:00'), end: at('2026-03-08T08:00:00+01:00'), kind: 'outage', line: 6 },
    // Over the cap: 60 minutes down.
    { start: at('2026-03-15T02:00:00+01:00'), end: at('2026-03-15T03:00:00+01:00'), kind: 'maintenance', announced: at('2026-03-10T00:00:00+01:00'), line: 7 },
  ];

  function uptimeRow(excludingMaintenance: boolean) {
    const parts = {
      agreement: { name: 'Hosting', effective: '2026-03-01' },
      calendars: [SUNDAY_NIGHT, calendar('OnCall', 'Europe/Berlin', [1, 2, 3, 4, 5, 6, 7], '00:00', '24:00')],
      metrics: [metric('Uptime', 'uptime', { clock: 'OnCall', excludingMaintenance, objective: [99, 'monthly'] })],
      credits: { tiers: [{ metric: 'Uptime', belowPercent: 99, creditPercent: 10 }] },
      maintenance,
    };
    const { summary } = summaryOf(parts, [], '2026-03-16T00:00:00+01:00', log);
    return { row: summary.uptime[0]!, credits: summary.credits };
  }

  it('excluding maintenance: 240 excluded, 300 down of 21360', () => {
    const { row, credits } = uptimeRow(true);
    // 1 - 300 / 21360 = 0.98595505...
    expect(row).toMatchObject({ period: '2026-03', scheduledMinutes: 21360, downtimeMinutes: 300, uptime: 0.985955, ok: false });
    expect(credits).toEqual([{ period: '2026-03', percent: 10, uncappedPercent: 10, tiers: [{ metric: 'Uptime', value: 0.985955, belowPercent: 99, creditPercent: 10 }] }]);
    expect(row.maintenance).toEqual({
      excludedMinutes: 240,
      excludedRows: 2,
      countedMinutes: 240,
      countedRows: 3,
      parts: [
        { start: '2026-03-01T02:00:00+01:00', end: '2026-03-01T05:00:00+01:00', minutes: 180, counted: false, excluded: true, line: 2, description: 'upgrade' },
        {
          start: '2026-03-08T02:00:00+01:00',
          end: '2026-03-08T04:00:00+01:00',
          minutes: 120,
          counted: true,
          excluded: false,
          reason: 'short notice',
          noticeMinutes: 360,
          requiredNoticeMinutes: 2880,
          line: 4,
        },
        { start: '2026-03-08T05:00:00+01:00', end: '2026-03-08T06:00:00+01:00', minutes: 60, counted: false, excluded: true, line: 5 },
        { start: '2026-03-08T06:00:00+01:00', end: '2026-03-08T07:00:00+01:00', minutes: 60, counted: true, excluded: false, reason: 'outside the window', line: 5 },
        {
          start: '2026-03-15T02:00:00+01:00',
          end: '2026-03-15T03:00:00+01:00',
          minutes: 60,
          counted: true,
          excluded: false,
          reason: 'over the cap',
          capMinutes: 240,
          capPeriod: '2026-03',
          line: 7,
        },
      ],
    });
  });

  it('not excluding maintenance: scheduled maintenance stays scheduled and is not downtime; the outage inside it is', () => {
    const { row } = uptimeRow(false);
    // 30 (outage inside the scheduled maintenance) + 120 + 120 + 60 = 330; 1 - 330 / 21600 = 0.98472222...
    expect(row).toMatchObject({ scheduledMinutes: 21600, downtimeMinutes: 330, uptime: 0.984722 });
    expect(row.maintenance).toMatchObject({ excludedMinutes: 0, excludedRows: 0, countedMinutes: 240, countedRows: 3 });
    expect(row.maintenance.parts.map((part) => [part.counted, part.excluded])).toEqual([
      [false, false],
      [true, false],
      [false, false],
      [true, false],
      [true, false],
    ]);
  });

  it('lists a part in each uptime period it touches, clipped to the measured range', () => {
    const parts = {
      agreement: { name: 'Hosting', effective: '2026-03-01' },
      calendars: [calendar('OnCall', 'Europe/Berlin', [1, 2, 3, 4, 5, 6, 7], '00:00', '24:00')],
      metrics: [metric('Uptime', 'uptime', { clock: 'OnCall', excludingMaintenance: true, objective: [99, 'weekly'] })],
      maintenance: { notice: hours(1) },
    };
    const crossing: OutageRow[] = [{ start: at('2026-03-01T23:00:00+01:00'), end: at('2026-03-02T01:00:00+01:00'), kind: 'maintenance', line: 2 }];
    const rows = summaryOf(parts, [], '2026-03-02T00:30:00+01:00', crossing).summary.uptime;
    expect(rows.map((row) => [row.period, row.downtimeMinutes, row.maintenance.parts.map((part) => `${part.start.slice(11, 16)}-${part.end.slice(11, 16)} ${part.minutes}`)])).toEqual([
      ['2026-W09', 60, ['23:00-00:00 60']],
      ['2026-W10', 30, ['00:00-00:30 30']],
    ]);
  });
});
