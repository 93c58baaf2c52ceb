import { describe, expect, it } from 'vitest';
import {
  buildReport,
  CSV_COLUMNS,
  exitStatusOf,
  renderCsv,
  renderText,
  toTicketJson,
  writeJsonReport,
} from '../../../runtime/report/index.js';
import { EscalationList, type ReportSummary } from '../../../runtime/evaluate/index.js';
import { context, sampleBuilder, sampleVerdicts } from './sample.js';

const skipped = [{ file: 'tickets.csv', line: 9, message: 'Unknown event "opened".' }];

function sample() {
  const builder = sampleBuilder();
  const summary = builder.finish({ invalidRows: 1, skipped });
  const tickets = sampleVerdicts().map((verdict) => toTicketJson(verdict, context));
  return { builder, summary, tickets };
}

describe('JSON report', () => {
  it('streams exactly JSON.stringify of the whole report, with a final newline', () => {
    const { summary, tickets } = sample();
    let streamed = '';
    writeJsonReport(summary, tickets, (chunk) => (streamed += chunk));
    expect(streamed).toBe(JSON.stringify(buildReport(summary, tickets), null, 2) + '\n');
  });

  it('streams an empty ticket list the same way', () => {
    const { summary } = sample();
    let streamed = '';
    writeJsonReport(summary, [], (chunk) => (streamed += chunk));
    expect(streamed).toBe(JSON.stringify(buildReport(summary, []), null, 2) + '\n');
  });

  it('has the keys of SEMANTICS.md, in order, with instants in each metric clock zone', () => {
    const { summary, tickets } = sample();
    const report = buildReport(summary, tickets);
    expect(Object.keys(report).slice(0, 4)).toEqual(['agreement', 'title', 'asOf', 'tickets']);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['objectives', 'uptime', 'escalations', 'credits', 'review', 'invalidRows']));
    expect(report.asOf).toBe('2026-11-18T17:00:00-05:00');
    expect(report.tickets[0]).toEqual({
      id: 'T-1',
      severity: 'Critical',
      channel: 'Email',
      created: '2026-11-16T09:00:00-05:00',
      metrics: {
        Acknowledgement: { status: 'met', elapsedMinutes: 10, targetMinutes: 20, due: '2026-11-16T09:20:00-05:00', stoppedAt: '2026-11-16T09:10:00-05:00' },
        Resolution: { status: 'breached', elapsedMinutes: 370, targetMinutes: 240, due: '2026-11-16T13:00:00-05:00', stoppedAt: '2026-11-16T15:10:00-05:00' },
      },
    });
    expect(report.objectives[0]).toEqual({
      metric: 'Acknowledgement',
      title: 'Incident response',
      period: '2026-11',
      met: 1,
      breached: 2,
      pending: 0,
      attainment: 0.333333,
      objective: 0.95,
      ok: false,
    });
    expect(report.escalations).toEqual([
      { ticket: 'T-1', level: 1, who: 'Higher-level support technician', metric: 'Resolution', due: '2026-11-16T11:00:00-05:00', status: 'late', escalatedAt: '2026-11-16T11:30:00-05:00', lateMinutes: 30 },
      { ticket: 'T-1', level: 2, who: 'Customer Success Supervisor', metric: 'Resolution', due: '2026-11-16T13:00:00-05:00', status: 'missed' },
      { ticket: 'T-2', level: 1, who: 'Higher-level support technician', metric: 'Resolution', due: '2026-11-17T11:00:00-05:00', status: 'missed' },
      // Due exactly at the as-of instant and not escalated: missed.
      { ticket: 'T-3', level: 1, who: 'Higher-level support technician', metric: 'Resolution', due: '2026-11-18T17:00:00-05:00', status: 'missed' },
      { ticket: 'T-3', level: 2, who: 'Customer Success Supervisor', metric: 'Resolution', due: '2026-11-18T18:00:00-05:00', status: 'pending' },
    ]);
    // 90 minutes down of 7740 open minutes (12 full business days and 9 hours).
    expect(report.credits).toEqual([{ period: '2026-11', percent: 5, uncappedPercent: 5, tiers: [{ metric: 'Availability', value: 0.988372, belowPercent: 99, creditPercent: 5 }] }]);
    expect(report.review.next).toBe('2027-11-01');
    expect(report.invalidRows).toBe(1);
  });
});

describe('CSV report', () => {
  it('has one row per ticket and metric, quoted where needed', () => {
    const { tickets } = sample();
    expect(renderCsv(tickets)).toBe(
      [
        CSV_COLUMNS.join(','),
        'T-1,Critical,Email,Acknowledgement,met,10,20,2026-11-16T09:20:00-05:00,Critical',
        'T-1,Critical,Email,Resolution,breached,370,240,2026-11-16T13:00:00-05:00,Critical',
        'T-2,Standard,"Chat, ""web""",Acknowledgement,breached,35,20,2026-11-17T10:20:00-05:00,Standard',
        'T-2,Standard,"Chat, ""web""",Resolution,met,90,120,2026-11-17T12:00:00-05:00,Standard',
        'T-3,Standard,,Acknowledgement,breached,60,20,2026-11-18T16:20:00-05:00,Standard',
        'T-3,Standard,,Resolution,pending,60,120,2026-11-18T18:00:00-05:00,Standard',
        '',
      ].join('\n'),
    );
  });
});

describe('exit status', () => {
  const base: ReportSummary = sample().summary;
  const clean: ReportSummary = {
    ...base,
    objectives: base.objectives.map((row) => ({ ...row, ok: true })),
    uptime: base.uptime.map((row) => ({ ...row, ok: true })),
    credits: [],
  };
  const table: [name: string, summary: ReportSummary, strict: boolean, status: 0 | 1][] = [
    ['a missed objective', base, false, 1],
    ['nothing missed, breaches allowed', clean, false, 0],
    ['nothing missed, strict with breaches', clean, true, 1],
    ['strict and clean', { ...clean, totals: { ...clean.totals, breached: 0, escalations: { ...clean.totals.escalations, missed: 0 } } }, true, 0],
    ['a credit due', { ...clean, credits: base.credits }, false, 1],
  ];
  it.each(table)('%s', (_name, summary, strict, status) => {
    expect(exitStatusOf(summary, strict)).toBe(status);
  });
});

describe('text report', () => {
  it('lists the first 50 missed or late escalations of a long list, counted from the totals, the same from the list or its rows', () => {
    const { builder, summary } = sample();
    const list = new EscalationList(() => 'America/New_York');
    const statuses = ['missed', 'late', 'met', 'pending'] as const;
    // Added out of order, with ties on due, so that only the report order decides which 50 are listed.
    for (let index = 0; index < 120; index++) {
      const status = statuses[index % 4]!;
      const due = Date.UTC(2026, 10, 2) + ((index * 37) % 90) * 60_000;
      list.add({ ticket: `T-${index % 45}`, level: 1 + (index % 2), who: 'Duty manager', due, status, ...(status === 'late' ? { escalatedAt: due + 60_000, lateMinutes: 1 } : {}), ...(status === 'met' ? { escalatedAt: due } : {}) });
    }
    const totals = { ...summary.totals, escalations: { met: 30, late: 30, missed: 30, pending: 30 } };
    const long = { ...summary, totals, escalations: [] };
    const fromList = renderText(long, builder.breaches(), { escalations: list });
    expect(fromList).toBe(renderText(long, builder.breaches(), { escalations: list.rows() }));
    expect(fromList).toBe(renderText({ ...long, escalations: list.toRows() }, builder.breaches()));
    const section = fromList.slice(fromList.indexOf('Escalations missed or late'));
    expect(section.split('\n')[0]).toBe('Escalations missed or late (60)');
    expect(section).toContain('  ... and 10 more (see --format json)');
    const listed = list.toRows().filter((row) => row.status === 'missed' || row.status === 'late').slice(0, 50);
    expect(section.split('\n').slice(1, 51).map((line) => line.trim().split(/ +/)[0])).toEqual(listed.map((row) => row.ticket));
  });

  it('reads as a summary, then breaches and escalations', () => {
    const { builder, summary } = sample();
    const text = renderText(summary, builder.breaches());
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(text).toMatchInlineSnapshot(`
      "Customer Success Service Level Agreement (PoologicsSupport)
      As of 2026-11-18T17:00:00-05:00
      Tickets: 3, 3 with a breach. Measures: 2 met, 3 breached, 1 pending.
      Escalations: 0 met, 1 late, 3 missed, 1 pending.
      Invalid log rows skipped: 1.

      Objectives
        Incident response    2026-11  33.333%  objective 95%  1 met, 2 breached, 0 pending  MISSED
        Incident resolution  2026-11  50%      objective 90%  1 met, 1 breached, 1 pending  MISSED

      Uptime
        Service availability  2026-11  98.837%  objective 99%  down 1h 30m of 129h  MISSED

      Credits
        2026-11  5%  Service availability 98.837% below 99%: 5%

      Review: next on 2027-11-01
        also due: ticket T-1 (Critical) breached Incident resolution
        also due: Service availability missed its objective in 2026-11 at 98.837%

      Breaches (3), in the order they fell due
        T-1  Critical  Incident resolution  target 4h   elapsed 6h 10m  2h 10m late  due 2026-11-16 13:00
        T-2  Standard  Incident response    target 20m  elapsed 35m     15m late     due 2026-11-17 10:20
        T-3  Standard  Incident response    target 20m  elapsed 1h      40m late     due 2026-11-18 16:20

      Escalations missed or late (4)
        T-1  level 1  Higher-level support technician  due 2026-11-16 11:00  30m late
        T-1  level 2  Customer Success Supervisor      due 2026-11-16 13:00  missed
        T-2  level 1  Higher-level support technician  due 2026-11-17 11:00  missed
        T-3  level 1  Higher-level support technician  due 2026-11-18 17:00  missed

      Skipped rows (1)
        tickets.csv:9: Unknown event "opened".
      "
    `);
  });
});
