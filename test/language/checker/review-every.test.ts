import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

const text = (every: string) => `agreement Terms {
  title "Terms"
  effective 2026-01-01
}

review {
  every ${every}
}
`;

const messageFor = (every: string, max: string) => `'every ${every}' is outside what slac checks: a review cadence is at least 1 and at most ${max}.`;

/** A review cadence of zero never moves on, and one beyond ten years has no next date a report can show (SLA3083). */
describe('the review cadence', () => {
  it.each([
    ['0 months', messageFor('0 months', '120 months')],
    ['0 weeks', messageFor('0 weeks', '520 weeks')],
    ['0 days', messageFor('0 days', '3650 days')],
    ['121 months', messageFor('121 months', '120 months')],
    ['100000 months', messageFor('100000 months', '120 months')],
    ['521 weeks', messageFor('521 weeks', '520 weeks')],
    ['3651 days', messageFor('3651 days', '3650 days')],
    ['120 months', undefined],
    ['520 weeks', undefined],
    ['3650 days', undefined],
    ['1 day', undefined],
    ['0.5 months', messageFor('0.5 months', '120 months')],
    ['120.5 months', messageFor('120.5 months', '120 months')],
    ['2.0 weeks', undefined],
  ])('every %s', (every, message) => {
    const { diagnostics } = analyze('/w/a.sla', { readFile: () => text(every) });
    expect(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)).toEqual(message ? [`7:9 SLA3083 ${message}`] : []);
  });

  /** The next review date is the effective date plus whole steps: a fraction of a month has no calendar length, and of a week or day falls part way through a day (SLA3084). */
  it.each([
    ['1.5 months', "'every 1.5 months' is not a whole number of months: a review falls on a date, counted in whole months from the effective date."],
    ['1.5 weeks', "'every 1.5 weeks' is not a whole number of weeks: a review falls on a date, counted in whole weeks from the effective date."],
    ['2.25 days', "'every 2.25 days' is not a whole number of days: a review falls on a date, counted in whole days from the effective date."],
    ['119.5 months', "'every 119.5 months' is not a whole number of months: a review falls on a date, counted in whole months from the effective date."],
  ])('every %s is refused as a fraction', (every, message) => {
    const { diagnostics } = analyze('/w/a.sla', { readFile: () => text(every) });
    expect(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)).toEqual([`7:9 SLA3084 ${message}`]);
  });

  it('says nothing more of a unit the cadence does not allow (SLA3028)', () => {
    const { diagnostics } = analyze('/w/a.sla', { readFile: () => text('0 hours') });
    expect(diagnostics.map((d) => d.code)).toEqual(['SLA3028']);
  });
});
