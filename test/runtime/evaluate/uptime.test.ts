import { describe, expect, it } from 'vitest';
import { metric, outages } from './fixtures.js';
import { summaryOf } from './report-builder-helpers.js';

const log = outages([
  // Two overlapping outage rows: 90 minutes down, not 120.
  ['2026-10-10T10:00:00+02:00', '2026-10-10T11:00:00+02:00', 'outage'],
  ['2026-10-10T10:30:00+02:00', '2026-10-10T11:30:00+02:00', 'outage'],
  // An outage inside a maintenance window.
  ['2026-10-11T02:00:00+02:00', '2026-10-11T04:00:00+02:00', 'maintenance'],
  ['2026-10-11T02:30:00+02:00', '2026-10-11T03:00:00+02:00', 'outage'],
  ['2026-11-02T10:00:00+01:00', '2026-11-02T10:30:00+01:00', 'outage'],
]);

function uptimeRows(excludingMaintenance: boolean, clock = 'OnCall') {
  const parts = {
    agreement: { name: 'Hosting', effective: '2026-10-01' },
    metrics: [metric('Uptime', 'uptime', { clock, excludingMaintenance, objective: [99.9, 'monthly'] })],
  };
  return summaryOf(parts, [], '2026-11-15T00:00:00+01:00', log).summary.uptime;
}

describe('uptime per period', () => {
  it('excluding maintenance: maintenance is not scheduled, outages inside it are not downtime; overlaps merge', () => {
    expect(uptimeRows(true)).toEqual([
      {
        metric: 'Uptime',
        title: 'Uptime',
        period: '2026-10',
        from: '2026-10-01T00:00:00+02:00',
        to: '2026-11-01T00:00:00+01:00',
        // 31 days, plus the hour of the night clocks go back, minus 2 hours of maintenance.
        scheduledMinutes: 31 * 1440 + 60 - 120,
        downtimeMinutes: 90,
        uptime: 0.997981,
        objective: 0.999,
        ok: false,
        // No maintenance declaration: every maintenance row is Scheduled Maintenance (as in 1.0).
        maintenance: {
          excludedMinutes: 120,
          excludedRows: 1,
          countedMinutes: 0,
          countedRows: 0,
          parts: [{ start: '2026-10-11T02:00:00+02:00', end: '2026-10-11T04:00:00+02:00', minutes: 120, counted: false, excluded: true, line: 4 }],
        },
      },
      {
        metric: 'Uptime',
        title: 'Uptime',
        period: '2026-11',
        from: '2026-11-01T00:00:00+01:00',
        to: '2026-11-15T00:00:00+01:00',
        scheduledMinutes: 14 * 1440,
        downtimeMinutes: 30,
        uptime: 0.998512,
        objective: 0.999,
        ok: false,
        maintenance: { excludedMinutes: 0, excludedRows: 0, countedMinutes: 0, countedRows: 0, parts: [] },
      },
    ]);
  });

  it('not excluding maintenance: all open time is scheduled and every outage counts', () => {
    const [october] = uptimeRows(false);
    expect(october).toMatchObject({ scheduledMinutes: 31 * 1440 + 60, downtimeMinutes: 120 });
  });

  it('counts only open time of the metric calendar (business hours, Thanksgiving closed)', () => {
    const parts = {
      agreement: { name: 'Support', effective: '2026-11-23' },
      metrics: [metric('Availability', 'uptime', { clock: 'BusinessHours', objective: [99, 'monthly'] })],
    };
    const outageLog = outages([
      ['2026-11-23T17:00:00-05:00', '2026-11-23T20:00:00-05:00', 'outage'],
      ['2026-11-26T10:00:00-05:00', '2026-11-26T12:00:00-05:00', 'outage'],
    ]);
    const [row] = summaryOf(parts, [], '2026-11-28T00:00:00-05:00', outageLog).summary.uptime;
    // Mon, Tue, Wed, Fri open 10 hours each; Thanksgiving closed. Only 17:00-18:00 on Monday is down.
    expect(row).toMatchObject({ period: '2026-11', scheduledMinutes: 2400, downtimeMinutes: 60, uptime: 0.975, ok: false });
  });

  it('starts at the earliest ticket or outage when the agreement has no effective date', () => {
    const parts = { agreement: { name: 'X' }, metrics: [metric('Uptime', 'uptime', { clock: 'OnCall', objective: [99, 'monthly'] })] };
    const rows = summaryOf(parts, [], '2026-11-15T00:00:00+01:00', log).summary.uptime;
    expect(rows.map((row) => [row.period, row.from])).toEqual([
      ['2026-10', '2026-10-10T10:00:00+02:00'],
      ['2026-11', '2026-11-01T00:00:00+01:00'],
    ]);
  });

  it('reports no uptime without an outage log', () => {
    const parts = { metrics: [metric('Uptime', 'uptime', { clock: 'OnCall', objective: [99, 'monthly'] })] };
    expect(summaryOf(parts, [], '2026-11-15T00:00:00+01:00').summary.uptime).toEqual([]);
  });
});
