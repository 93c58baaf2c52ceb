/** Reporting periods: labels and local-midnight bounds, ISO week-year edges, quarters, months with a change. */
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant, periodOf, periodsBetween, type PeriodKind } from '../../../runtime/clock/index.js';
import { at } from './helpers.js';

const berlin = 'Europe/Berlin';
const ny = 'America/New_York';

const rows: Array<{ instant: string; period: PeriodKind; zone: string; label: string; start: string; end: string }> = [
  { instant: '2026-03-15T12:00Z', period: 'monthly', zone: berlin, label: '2026-03', start: '2026-03-01T00:00:00+01:00', end: '2026-04-01T00:00:00+02:00' },
  { instant: '2026-03-31T22:30Z', period: 'monthly', zone: berlin, label: '2026-04', start: '2026-04-01T00:00:00+02:00', end: '2026-05-01T00:00:00+02:00' },
  { instant: '2026-03-31T22:30Z', period: 'monthly', zone: 'UTC', label: '2026-03', start: '2026-03-01T00:00:00+00:00', end: '2026-04-01T00:00:00+00:00' },
  { instant: '2026-11-01T03:00Z', period: 'monthly', zone: ny, label: '2026-10', start: '2026-10-01T00:00:00-04:00', end: '2026-11-01T00:00:00-04:00' },
  { instant: '2026-05-10T12:00Z', period: 'quarterly', zone: berlin, label: '2026-Q2', start: '2026-04-01T00:00:00+02:00', end: '2026-07-01T00:00:00+02:00' },
  { instant: '2027-01-01T04:59Z', period: 'quarterly', zone: ny, label: '2026-Q4', start: '2026-10-01T00:00:00-04:00', end: '2027-01-01T00:00:00-05:00' },
  { instant: '2026-01-01T00:00+01:00', period: 'quarterly', zone: berlin, label: '2026-Q1', start: '2026-01-01T00:00:00+01:00', end: '2026-04-01T00:00:00+02:00' },
  { instant: '2026-07-04T12:00Z', period: 'yearly', zone: ny, label: '2026', start: '2026-01-01T00:00:00-05:00', end: '2027-01-01T00:00:00-05:00' },
  { instant: '2026-02-23T00:00+01:00', period: 'weekly', zone: berlin, label: '2026-W09', start: '2026-02-23T00:00:00+01:00', end: '2026-03-02T00:00:00+01:00' },
  { instant: '2026-02-22T23:59+01:00', period: 'weekly', zone: berlin, label: '2026-W08', start: '2026-02-16T00:00:00+01:00', end: '2026-02-23T00:00:00+01:00' },
  { instant: '2026-12-31T12:00Z', period: 'weekly', zone: berlin, label: '2026-W53', start: '2026-12-28T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00' },
  { instant: '2027-01-01T12:00Z', period: 'weekly', zone: berlin, label: '2026-W53', start: '2026-12-28T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00' },
  { instant: '2027-01-04T12:00Z', period: 'weekly', zone: berlin, label: '2027-W01', start: '2027-01-04T00:00:00+01:00', end: '2027-01-11T00:00:00+01:00' },
  { instant: '2026-01-01T12:00Z', period: 'weekly', zone: berlin, label: '2026-W01', start: '2025-12-29T00:00:00+01:00', end: '2026-01-05T00:00:00+01:00' },
  { instant: '2024-12-30T12:00Z', period: 'weekly', zone: berlin, label: '2025-W01', start: '2024-12-30T00:00:00+01:00', end: '2025-01-06T00:00:00+01:00' },
  { instant: '2021-01-03T12:00Z', period: 'weekly', zone: berlin, label: '2020-W53', start: '2020-12-28T00:00:00+01:00', end: '2021-01-04T00:00:00+01:00' },
  { instant: '2026-10-28T12:00Z', period: 'weekly', zone: berlin, label: '2026-W44', start: '2026-10-26T00:00:00+01:00', end: '2026-11-02T00:00:00+01:00' },
  { instant: '2026-10-25T12:00Z', period: 'weekly', zone: berlin, label: '2026-W43', start: '2026-10-19T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00' },
];

describe('periodOf', () => {
  it.each(rows)('$instant $period in $zone is $label', ({ instant, period, zone, label, start, end }) => {
    const span = periodOf(at(instant), period, zone);
    expect(span.label).toBe(label);
    expect(formatInstant(span.start, zone)).toBe(start);
    expect(formatInstant(span.end, zone)).toBe(end);
  });

  it('handles a zone whose change skips midnight (America/Santiago, 2026-09-06 00:00 -> 01:00)', () => {
    const zone = 'America/Santiago';
    const week = periodOf(at('2026-09-06T12:00Z'), 'weekly', zone);
    expect(week.label).toBe('2026-W36');
    expect(formatInstant(week.start, zone)).toBe('2026-08-31T00:00:00-04:00');
    expect(week.end - week.start).toBe((7 * 24 - 1) * 3_600_000);
    expect(parseInstant('2026-09-06T00:00', zone)).toBeUndefined();
  });

  it('measures a month with a change in real time', () => {
    const march = periodOf(at('2026-03-15T12:00Z'), 'monthly', berlin);
    expect(march.end - march.start).toBe((31 * 24 - 1) * 3_600_000);
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the span, both ends included', () => {
    const labels = (from: string, to: string, period: PeriodKind) => periodsBetween(at(from), at(to), period, berlin).map((p) => p.label);
    expect(labels('2026-01-15T12:00+01:00', '2026-03-31T23:59+02:00', 'monthly')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(labels('2026-01-15T12:00+01:00', '2026-04-01T00:00+02:00', 'monthly')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(labels('2026-12-20T12:00+01:00', '2027-01-05T00:00+01:00', 'weekly')).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(labels('2025-11-20T12:00+01:00', '2026-04-01T00:00+02:00', 'quarterly')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(labels('2026-05-01T12:00+02:00', '2026-05-01T12:00+02:00', 'yearly')).toEqual(['2026']);
    expect(labels('2026-05-02T12:00+02:00', '2026-05-01T12:00+02:00', 'yearly')).toEqual([]);
  });

  it('gives contiguous periods', () => {
    const spans = periodsBetween(at('2024-01-01T00:00Z'), at('2027-06-01T00:00Z'), 'weekly', 'Australia/Sydney');
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBe(spans[i - 1]!.end);
  });
});
