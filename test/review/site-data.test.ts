import { describe, expect, test } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import type { CheckSummary } from '../../runtime/check.js';
import type { TicketVerdictJson } from '../../runtime/report/index.js';
import { SiteDataCollector } from '../../review/data/collector.js';
import { monthsBetween, periodInSpan, periodSpan, reportSpan } from '../../review/data/window.js';
import { periodCovers } from '../../review/site/pages.js';

describe('period labels as spans of local dates', () => {
  test.each([
    ['2026', { from: '2026-01-01', to: '2027-01-01' }],
    ['2026-Q1', { from: '2026-01-01', to: '2026-04-01' }],
    ['2026-Q4', { from: '2026-10-01', to: '2027-01-01' }],
    ['2026-03', { from: '2026-03-01', to: '2026-04-01' }],
    ['2026-12', { from: '2026-12-01', to: '2027-01-01' }],
    ['2026-W01', { from: '2025-12-29', to: '2026-01-05' }],
    ['2026-13', undefined],
    ['2026-Q5', undefined],
    ['March', undefined],
  ])('%s', (label, span) => {
    expect(periodSpan(label)).toEqual(span);
  });

  test.each([
    ['2026-Q1', '2026-03', true],
    ['2026-Q1', '2026-04', false],
    ['2026', '2026-11', true],
    ['2026-03', '2026-03', true],
    ['2025-03', '2026-03', false],
  ])('%s covers month %s: %s', (label, month, covers) => {
    expect(periodCovers(label, month)).toBe(covers);
  });

  test('a row overlaps a span when they share a day', () => {
    const march = { from: '2026-03-01', to: '2026-04-01' };
    expect(periodInSpan('2026-Q1', march)).toBe(true);
    expect(periodInSpan('2026-02', march)).toBe(false);
    expect(periodInSpan('2026-04', march)).toBe(false);
    expect(periodInSpan('2026-04', {})).toBe(true);
  });

  test('months between two dates, both ends included', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('--period, --from and --to', () => {
  test.each([
    [{ period: '2026-Q1' }, { span: { from: '2026-01-01', to: '2026-04-01' }, label: '2026-Q1' }],
    [{ from: '2026-03-01', to: '2026-03-31' }, { span: { from: '2026-03-01', to: '2026-04-01' }, label: '2026-03-01 to 2026-03-31' }],
    [{ from: '2026-03-01' }, { span: { from: '2026-03-01' }, label: '2026-03-01 to …' }],
    [{}, { span: {} }],
  ])('%j', (options, expected) => {
    expect(reportSpan(options)).toEqual(expected);
  });

  test.each([
    [{ period: 'Q1' }, '--period Q1 is not a period'],
    [{ period: '2026', from: '2026-01-01' }, '--period cannot be combined'],
    [{ from: '2026-02-30' }, '--from 2026-02-30 is not a date'],
    [{ to: '31/03/2026' }, '--to 31/03/2026 is not a date'],
    [{ from: '2026-04-01', to: '2026-03-01' }, '--from 2026-04-01 is after --to 2026-03-01'],
  ])('%j is refused', (options, message) => {
    const result = reportSpan(options);
    expect('error' in result && result.error).toContain(message);
  });

  // A value shaped as a date was only said not to be one; the part out of
  // range is now named, in the words the log reader uses.
  test.each([
    [{ from: '2026-02-29' }, '--from 2026-02-29 is not a date: February 2026 has no day 29.'],
    [{ to: '2026-13-01' }, '--to 2026-13-01 is not a date: there is no month 13.'],
    [{ from: '2026-00-10' }, '--from 2026-00-10 is not a date: there is no month 00.'],
    [{ to: '2026-04-31' }, '--to 2026-04-31 is not a date: April 2026 has no day 31.'],
    [{ from: '2026-3-1' }, '--from 2026-3-1 is not a date; write it as YYYY-MM-DD.'],
  ])('%j names the part out of range', (options, message) => {
    expect(reportSpan(options)).toEqual({ error: message });
  });
});

/** An agreement with two severities, one channel and two ticket metrics, enough for the collector. */
const model = {
  severities: [{ name: 'Urgent' }, { name: 'Normal' }],
  channels: [{ name: 'Email' }],
  metrics: [
    { name: 'Response', title: 'Response time' },
    { name: 'Resolution', title: 'Resolution time' },
  ],
} as unknown as AgreementModel;

function ticket(id: string, created: string, severity: string, response: 'met' | 'breached' | 'pending', resolution: 'met' | 'breached' | 'pending', channel?: string): TicketVerdictJson {
  const metric = (status: 'met' | 'breached' | 'pending') => ({ status, elapsedMinutes: status === 'breached' ? 90 : 30, targetMinutes: 60, due: `${created.slice(0, 10)}T12:00:00+00:00` });
  return { id, severity, ...(channel === undefined ? {} : { channel }), created, metrics: { Response: metric(response), Resolution: metric(resolution) } };
}

const summary = {
  agreement: 'Test',
  asOf: '2026-04-10T00:00:00+00:00',
  objectives: [
    { metric: 'Response', title: 'Response time', period: '2026-Q1', met: 3, breached: 1, pending: 0, attainment: 0.75, objective: 0.9, ok: false },
    { metric: 'Response', title: 'Response time', period: '2026-Q2', met: 1, breached: 0, pending: 0, attainment: 1, objective: 0.9, ok: true },
  ],
  uptime: [],
  credits: [],
  review: { next: null, triggers: [] },
  invalidRows: 0,
} as unknown as CheckSummary;

describe('the site figures collected from the check', () => {
  const tickets = [
    ticket('A-1', '2026-02-03T10:00:00+00:00', 'Urgent', 'met', 'breached', 'Email'),
    ticket('A-2', '2026-02-20T10:00:00+00:00', 'Normal', 'breached', 'breached'),
    ticket('A-3', '2026-03-01T00:00:00+00:00', 'Normal', 'met', 'met', 'Email'),
    ticket('A-4', '2026-04-02T10:00:00+00:00', 'Urgent', 'met', 'pending', 'Email'),
  ];
  const escalations = [
    { ticket: 'A-1', level: 1, who: 'Lead', due: '2026-02-03T11:00:00+00:00', status: 'met' as const },
    { ticket: 'A-2', level: 1, who: 'Lead', due: '2026-03-01T09:00:00+00:00', status: 'missed' as const },
  ];

  test('counts per month, severity and channel, and keeps the breached tickets in order', () => {
    const collector = new SiteDataCollector(model, {});
    for (const each of tickets) collector.ticket(each);
    const data = collector.finish(summary, escalations, { outagesGiven: false });
    expect(data.totals).toEqual({ tickets: 4, breachedTickets: 2, met: 4, breached: 3, pending: 1 });
    expect(data.escalations).toEqual({ met: 1, late: 0, missed: 1, pending: 0 });
    expect(data.bySeverity).toEqual([{ name: 'Urgent', breaches: 1 }, { name: 'Normal', breaches: 2 }]);
    expect(data.byChannel).toEqual([{ name: 'Email', breaches: 1 }, { name: '(no channel)', breaches: 2 }]);
    expect(data.breached.map((each) => [each.id, each.breaches.map((breach) => breach.metric)])).toEqual([
      ['A-1', ['Resolution']],
      ['A-2', ['Response', 'Resolution']],
    ]);
    expect(data.months.map((month) => [month.month, month.tickets, month.breachedTickets])).toEqual([
      ['2026-02', 2, 2],
      ['2026-03', 1, 0],
      ['2026-04', 1, 0],
    ]);
    const february = data.months[0]!;
    expect(february.metrics).toEqual([
      { metric: 'Response', title: 'Response time', met: 1, breached: 1, pending: 0, attainment: 0.5, objective: null, atOrAboveObjective: null },
      { metric: 'Resolution', title: 'Resolution time', met: 0, breached: 2, pending: 0, attainment: 0, objective: null, atOrAboveObjective: null },
    ]);
    expect(data.months[1]!.escalations.missed).toBe(1);
    expect(data.objectives).toEqual(summary.objectives);
  });

  test("a breach counts under the severity whose target was missed, which a ticket's later severity does not change", () => {
    const lowered = ticket('A-5', '2026-02-05T10:00:00+00:00', 'Normal', 'breached', 'met', 'Email');
    const collector = new SiteDataCollector(model, {});
    collector.ticket({ ...lowered, metrics: { ...lowered.metrics, Response: { ...lowered.metrics.Response!, targetSeverity: 'Urgent' } } });
    const data = collector.finish(summary, [], { outagesGiven: false });
    expect(data.bySeverity).toEqual([{ name: 'Urgent', breaches: 1 }, { name: 'Normal', breaches: 0 }]);
    expect(data.breached[0]!.severity).toBe('Normal');
    expect(data.breached[0]!.breaches).toEqual([{ metric: 'Response', elapsedMinutes: 90, targetMinutes: 60, due: '2026-02-05T12:00:00+00:00', targetSeverity: 'Urgent' }]);
  });

  test('a span keeps its tickets, escalations and overlapping rows only', () => {
    const collector = new SiteDataCollector(model, { from: '2026-03-01', to: '2026-04-01' });
    for (const each of tickets) collector.ticket(each);
    const data = collector.finish(summary, escalations, { outagesGiven: false, spanLabel: '2026-03' });
    expect(data.totals.tickets).toBe(1);
    expect(data.escalations).toEqual({ met: 0, late: 0, missed: 1, pending: 0 });
    expect(data.objectives.map((row) => row.period)).toEqual(['2026-Q1']);
    expect(data.months.map((month) => month.month)).toEqual(['2026-03']);
    expect(data.breached).toEqual([]);
  });
});
