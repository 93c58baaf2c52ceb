import { describe, expect, it } from 'vitest';
import type { ReportSummary, UptimeRow } from '../../../runtime/evaluate/index.js';
import { renderText } from '../../../runtime/report/index.js';
import { sampleBuilder } from './sample.js';

/** One month of a hosting agreement: each kind of maintenance part once. */
const row: UptimeRow = {
  metric: 'Uptime',
  title: 'Platform availability',
  period: '2026-03',
  from: '2026-03-01T00:00:00+01:00',
  to: '2026-03-16T00:00:00+01:00',
  scheduledMinutes: 21360,
  downtimeMinutes: 300,
  uptime: 0.985955,
  objective: 0.99,
  ok: false,
  maintenance: {
    excludedMinutes: 240,
    excludedRows: 2,
    countedMinutes: 240,
    countedRows: 3,
    parts: [
      { start: '2026-03-01T02:00:00+01:00', end: '2026-03-01T05:00:00+01:00', minutes: 180, counted: false, excluded: true, line: 2, description: 'upgrade, "db"' },
      { start: '2026-03-08T02:00:00+01:00', end: '2026-03-08T04:00:00+01:00', minutes: 120, counted: true, excluded: false, reason: 'short notice', noticeMinutes: 360, requiredNoticeMinutes: 2880, line: 4 },
      { start: '2026-03-08T05:00:00+01:00', end: '2026-03-08T06:00:00+01:00', minutes: 60, counted: false, excluded: true, line: 5 },
      { start: '2026-03-08T06:00:00+01:00', end: '2026-03-08T07:00:00+01:00', minutes: 60, counted: true, excluded: false, reason: 'outside the window', line: 5 },
      { start: '2026-03-14T23:00:00+01:00', end: '2026-03-15T03:00:00+01:00', minutes: 60, counted: true, excluded: false, reason: 'over the cap', capMinutes: 240, capPeriod: '2026-03', line: 7 },
      { start: '2026-03-15T10:00:00+01:00', end: '2026-03-15T11:00:00+01:00', minutes: 60, counted: true, excluded: false, reason: 'short notice', noticeMinutes: null, requiredNoticeMinutes: 2880, line: 8 },
    ],
  },
};

const summary: ReportSummary = { ...sampleBuilder().finish({ invalidRows: 0, skipped: [] }), uptime: [row] };

describe('maintenance in the text report', () => {
  it('lists each period\'s maintenance under its uptime line, with the reasons', () => {
    const text = renderText(summary, { rows: [], total: 0 });
    const uptime = text.slice(text.indexOf('Uptime\n'), text.indexOf('\n\n', text.indexOf('Uptime\n')));
    expect(uptime).toBe(
      [
        'Uptime',
        '  Platform availability  2026-03  98.596%  objective 99%  down 5h of 356h  MISSED',
        '    maintenance: 4h excluded (2 rows), 4h counted as downtime (3 rows)',
        '      2026-03-01 02:00 to 05:00  3h excluded  (line 2)',
        '      2026-03-08 02:00 to 04:00  2h downtime: short notice (6h given, 48h required)  (line 4)',
        '      2026-03-08 05:00 to 06:00  1h excluded  (line 5)',
        '      2026-03-08 06:00 to 07:00  1h downtime: outside the window  (line 5)',
        '      2026-03-14 23:00 to 2026-03-15 03:00  1h downtime: over the cap (4h in 2026-03)  (line 7)',
        '      2026-03-15 10:00 to 11:00  1h downtime: short notice (not announced, 48h required)  (line 8)',
      ].join('\n'),
    );
  });

  it('says when scheduled maintenance stays in scheduled time', () => {
    const kept: UptimeRow = { ...row, maintenance: { ...row.maintenance, excludedMinutes: 0, excludedRows: 0, parts: [{ ...row.maintenance.parts[0]!, excluded: false }] } };
    const text = renderText({ ...summary, uptime: [kept] }, { rows: [], total: 0 });
    expect(text).toContain('      2026-03-01 02:00 to 05:00  scheduled maintenance, not downtime  (line 2)\n');
  });

  it('counts, rather than lists, parts outside the hours of the metric\'s clock', () => {
    const closed = { ...row.maintenance.parts[0]!, minutes: 0, excluded: true, line: 9 };
    const night: UptimeRow = { ...row, maintenance: { ...row.maintenance, parts: [row.maintenance.parts[0]!, closed, { ...closed, line: 10 }] } };
    const text = renderText({ ...summary, uptime: [night] }, { rows: [], total: 0 });
    expect(text).toContain('      2026-03-01 02:00 to 05:00  3h excluded  (line 2)\n      2 parts outside the hours of the metric\'s clock, with no effect\n');
    expect(text).not.toContain('(line 9)');
  });

  it('adds nothing for a period without maintenance', () => {
    const none: UptimeRow = { ...row, maintenance: { excludedMinutes: 0, excludedRows: 0, countedMinutes: 0, countedRows: 0, parts: [] } };
    expect(renderText({ ...summary, uptime: [none] }, { rows: [], total: 0 })).not.toContain('maintenance');
  });
});
