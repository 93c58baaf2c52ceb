import { describe, expect, it } from 'vitest';
import { creditsOwed, type MeasuredRatio } from '../../../runtime/evaluate/credits.js';
import { roundFraction } from '../../../runtime/evaluate/fractions.js';
import type { CreditsModel, ReviewModel } from '../../../language/model/model.js';
import { createEvaluationContext } from '../../../runtime/evaluate/index.js';
import { nextReviewDate } from '../../../runtime/evaluate/review.js';
import { agreement, at, hours, metric, months, outages, type EventRow } from './fixtures.js';
import { summaryOf } from './report-builder-helpers.js';

const credits: CreditsModel = {
  tiers: [
    { metric: 'Uptime', belowPercent: 99.9, creditPercent: 5 },
    { metric: 'Uptime', belowPercent: 99.5, creditPercent: 10 },
    { metric: 'Uptime', belowPercent: 99, creditPercent: 25 },
    { metric: 'Response', belowPercent: 95, creditPercent: 5 },
  ],
  capPercent: 28,
};

function ratio(metric: string, period: string, numerator: number, denominator = 1000): MeasuredRatio {
  return { metric, period, start: period.length, numerator, denominator, figure: roundFraction(numerator / denominator) };
}

describe('credits', () => {
  const table: { name: string; ratios: MeasuredRatio[]; expected: [period: string, percent: number, uncapped: number][] }[] = [
    { name: 'at the threshold: no credit (strictly below only)', ratios: [ratio('Uptime', '2026-03', 999)], expected: [] },
    { name: 'just below 99.9%: 5%', ratios: [ratio('Uptime', '2026-03', 998)], expected: [['2026-03', 5, 5]] },
    { name: 'below 99.5%: the largest tier, 10%', ratios: [ratio('Uptime', '2026-03', 994)], expected: [['2026-03', 10, 10]] },
    { name: 'below 99%: 25%', ratios: [ratio('Uptime', '2026-03', 980)], expected: [['2026-03', 25, 25]] },
    {
      name: 'summed over metrics, then capped',
      ratios: [ratio('Uptime', '2026-03', 980), ratio('Response', '2026-03', 900)],
      expected: [['2026-03', 28, 30]],
    },
    {
      name: 'periods of different kinds are separate rows',
      ratios: [ratio('Uptime', '2026-03', 998), ratio('Response', '2026-Q1', 900)],
      expected: [['2026-03', 5, 5], ['2026-Q1', 5, 5]],
    },
    { name: 'a metric with no tiers owes nothing', ratios: [ratio('Other', '2026-03', 0)], expected: [] },
  ];
  it.each(table)('$name', ({ ratios, expected }) => {
    expect(creditsOwed(credits, ratios).map((row) => [row.period, row.percent, row.uncappedPercent])).toEqual(expected);
  });

  it('end to end: a month of uptime below 99.5% owes 10%', () => {
    const parts = {
      agreement: { name: 'Hosting', effective: '2026-10-01' },
      metrics: [metric('Uptime', 'uptime', { clock: 'OnCall', objective: [99.9, 'monthly'] })],
      credits,
    };
    // 300 minutes down out of 44700: 99.33%.
    const log = outages([['2026-10-10T10:00:00+02:00', '2026-10-10T15:00:00+02:00', 'outage']]);
    const { summary } = summaryOf(parts, [], '2026-11-01T00:00:00+01:00', log);
    expect(summary.credits).toEqual([
      { period: '2026-10', percent: 10, uncappedPercent: 10, tiers: [{ metric: 'Uptime', value: 0.993289, belowPercent: 99.5, creditPercent: 10 }] },
    ]);
  });
});

describe('the next review date', () => {
  const table: { name: string; effective?: string; every?: ReviewModel['every']; asOf: string; next: string | null }[] = [
    { name: 'yearly, from effective', effective: '2026-01-01', every: months(12), asOf: '2026-11-22T12:00:00-05:00', next: '2027-01-01' },
    { name: 'due on the as-of date itself', effective: '2026-01-01', every: months(12), asOf: '2027-01-01T12:00:00-05:00', next: '2027-01-01' },
    { name: 'the day after: the following one', effective: '2026-01-01', every: months(12), asOf: '2027-01-02T12:00:00-05:00', next: '2028-01-01' },
    { name: 'quarterly', effective: '2026-04-01', every: months(3), asOf: '2026-11-22T12:00:00-05:00', next: '2027-01-01' },
    { name: 'month ends do not drift (Feb)', effective: '2026-01-31', every: months(1), asOf: '2026-02-15T12:00:00-05:00', next: '2026-02-28' },
    { name: 'month ends do not drift (Mar)', effective: '2026-01-31', every: months(1), asOf: '2026-03-01T12:00:00-05:00', next: '2026-03-31' },
    { name: 'before the agreement starts: the first review', effective: '2026-06-01', every: months(6), asOf: '2026-01-10T12:00:00-05:00', next: '2026-12-01' },
    { name: 'the as-of date is read in the report zone', effective: '2026-01-01', every: months(12), asOf: '2027-01-02T03:00:00+00:00', next: '2027-01-01' },
    { name: 'no every: no date', effective: '2026-01-01', asOf: '2026-11-22T12:00:00-05:00', next: null },
    { name: 'no effective: no date', every: months(12), asOf: '2026-11-22T12:00:00-05:00', next: null },
    { name: 'a cadence of zero (refused by the checker and the model schema): no date, no crash', effective: '2026-01-01', every: months(0), asOf: '2026-11-22T12:00:00-05:00', next: null },
  ];
  it.each(table)('$name', ({ effective, every, asOf, next }) => {
    const review: ReviewModel = { onRequest: false, afterMajorIncident: false, participants: [], agenda: [], report: [] };
    if (every) review.every = every;
    const model = agreement({
      agreement: effective ? { name: 'A', effective } : { name: 'A' },
      review,
      metrics: [metric('Fix', 'resolution', { target: hours(2) })],
    });
    expect(nextReviewDate(createEvaluationContext(model), at(asOf))).toBe(next);
  });
});

describe('review triggers after a major incident', () => {
  const review: ReviewModel = { every: months(12), onRequest: false, afterMajorIncident: true, participants: [], agenda: [], report: [] };
  const rows: EventRow[] = [
    ['C1', '2026-11-16T09:00:00-05:00', 'created', { severity: 'Critical' }],
    ['C1', '2026-11-16T15:00:00-05:00', 'resolved'],
    ['S1', '2026-11-16T09:00:00-05:00', 'created'],
    ['S1', '2026-11-16T15:00:00-05:00', 'resolved'],
    ['C2', '2026-11-16T09:00:00-05:00', 'created', { severity: 'Critical' }],
    ['C2', '2026-11-16T10:00:00-05:00', 'resolved'],
  ];
  const metrics = [
    metric('Fix', 'resolution', { target: hours(2), title: 'Resolution' }),
    metric('Uptime', 'uptime', { clock: 'AroundTheClock', objective: [99.9, 'monthly'] }),
  ];
  const log = outages([['2026-11-10T10:00:00-05:00', '2026-11-10T12:00:00-05:00', 'outage']]);

  it('lists each breached ticket of the most severe severity and each missed uptime objective', () => {
    const parts = { agreement: { name: 'A', effective: '2026-11-01' }, metrics, review };
    const { summary } = summaryOf(parts, rows, '2026-11-20T00:00:00-05:00', log);
    expect(summary.review).toEqual({
      next: '2027-11-01',
      triggers: [
        { kind: 'breach', ticket: 'C1', severity: 'Critical', metrics: ['Fix'] },
        // 120 minutes down of 19 days and the hour New York gains on Nov 1st (27420 minutes).
        { kind: 'uptime', metric: 'Uptime', period: '2026-11', uptime: 0.995624, objective: 0.999 },
      ],
    });
  });

  it('lists none without `also after major incident`', () => {
    const parts = { agreement: { name: 'A', effective: '2026-11-01' }, metrics, review: { ...review, afterMajorIncident: false } };
    expect(summaryOf(parts, rows, '2026-11-20T00:00:00-05:00', log).summary.review.triggers).toEqual([]);
  });
});
