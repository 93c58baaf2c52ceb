import { describe, expect, it } from 'vitest';
import { ratioBelowPercent } from '../../../runtime/evaluate/fractions.js';
import { metric, minutes, type EventRow } from './fixtures.js';
import { summaryOf } from './report-builder-helpers.js';

const parts = { metrics: [metric('Response', 'firstResponse', { target: minutes(20), objective: [60, 'monthly'] })] };

/** A ticket created at `created` and answered by an agent at `replied` (New York wall times). */
function ticket(id: string, created: string, replied?: string): EventRow[] {
  const rows: EventRow[] = [[id, `${created}-05:00`, 'created']];
  if (replied) rows.push([id, `${replied}-05:00`, 'reply', { author: 'agent' }]);
  return rows;
}

describe('objectives per period', () => {
  it('counts met and breached per period of creation, in the clock zone; pending is not counted', () => {
    const rows = [
      ...ticket('T1', '2026-11-02T09:00:00', '2026-11-02T09:10:00'),
      ...ticket('T2', '2026-11-03T09:00:00', '2026-11-03T10:00:00'),
      // 23:30 in New York on Nov 30th is already December in UTC: it still belongs to 2026-11.
      ...ticket('T3', '2026-11-30T23:30:00', '2026-12-01T08:10:00'),
      ...ticket('T4', '2026-12-01T11:55:00'),
      ...ticket('T5', '2026-12-01T09:00:00', '2026-12-01T09:30:00'),
    ];
    const { summary } = summaryOf(parts, rows, '2026-12-01T12:00:00-05:00');
    expect(summary.objectives.map(({ period, met, breached, pending, attainment, objective, ok }) => ({ period, met, breached, pending, attainment, objective, ok }))).toEqual([
      { period: '2026-11', met: 2, breached: 1, pending: 0, attainment: 0.666667, objective: 0.6, ok: true },
      { period: '2026-12', met: 0, breached: 1, pending: 1, attainment: 0, objective: 0.6, ok: false },
    ]);
    expect(summary.totals).toMatchObject({ tickets: 5, breachedTickets: 2, met: 2, breached: 2, pending: 1 });
  });

  it('a period with only pending tickets has no verdict', () => {
    const { summary } = summaryOf(parts, ticket('T1', '2026-12-01T11:55:00'), '2026-12-01T12:00:00-05:00');
    expect(summary.objectives).toEqual([
      { metric: 'Response', title: 'Response', period: '2026-12', met: 0, breached: 0, pending: 1, attainment: null, objective: 0.6, ok: null },
    ]);
  });

  it('uses the period kind of the objective (ISO weeks here)', () => {
    const weekly = { metrics: [metric('Response', 'firstResponse', { target: minutes(20), objective: [50, 'weekly'] })] };
    const { summary } = summaryOf(weekly, ticket('T1', '2026-03-01T10:00:00', '2026-03-02T08:05:00'), '2026-03-02T12:00:00-05:00');
    expect(summary.objectives.map((row) => row.period)).toEqual(['2026-W09']);
  });

  it('a metric without an objective is not listed', () => {
    const none = { metrics: [metric('Response', 'firstResponse', { target: minutes(20) })] };
    const { summary } = summaryOf(none, ticket('T1', '2026-11-02T09:00:00', '2026-11-02T09:10:00'), '2026-12-01T12:00:00-05:00');
    expect(summary.objectives).toEqual([]);
  });
});

describe('an objective is missed only when attainment is strictly below it, exactly', () => {
  const table: [met: number, total: number, percent: number, below: boolean][] = [
    [19, 20, 95, false],
    [18, 20, 95, true],
    [999, 1000, 99.9, false],
    [998, 1000, 99.9, true],
    [9991, 10000, 99.91, false],
    [1, 3, 33.333333, false],
    [0, 1, 0, false],
  ];
  it.each(table)('%i / %i against %d%%: below = %s', (met, total, percent, below) => {
    expect(ratioBelowPercent(met, total, percent)).toBe(below);
  });
});
