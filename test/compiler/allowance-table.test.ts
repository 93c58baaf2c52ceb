import { describe, expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { groupAllowances } from '../../compiler/document/availability.js';
import { spellPeriodList } from '../../compiler/document/periods.js';
import { prose } from './helpers.js';
import { agreement, calendar, metric } from './model-builder.js';

// Always open, in UTC (no clock changes); 99.9% a month; effective 1 April 2026. By hand, 0.1% of
// 720 hours (30 days) is 43.2 minutes = 43m12s; of 744 hours (31 days) 44.64 minutes = 44m38.4s,
// rounded down to 44m38s; of 672 hours (February 2027) 40.32 minutes = 40m19.2s, down to 40m19s.
const model = agreement({
  calendars: [calendar('Always', [1, 2, 3, 4, 5, 6, 7], ['00:00-24:00'], { timezone: 'UTC' })],
  metrics: [metric('Uptime', { title: 'Availability', measures: 'uptime', clock: 'Always', objective: { percent: 99.9, period: 'monthly' } })],
});

describe('the year of monthly allowances', () => {
  const text = prose(renderAgreement(model).markdown);

  test('is one row per set of figures, in the order of each row\'s first month, each month named once', () => {
    expect(text).toContain(
      [
        'Each allowance is rounded down to the second. Months with the same figures share a row.',
        '| Months | Scheduled Time | Downtime allowed | | --- | --- | --- |',
        '| April, June, September, November 2026 | 720 hours | 43 minutes 12 seconds |',
        '| May, July, August, October, December 2026; January, March 2027 | 744 hours | 44 minutes 38 seconds |',
        '| February 2027 | 672 hours | 40 minutes 19 seconds |',
      ].join(' '),
    );
  });
});

describe('grouping allowances', () => {
  test('keeps apart periods whose allowance reads the same but whose Scheduled Time does not', () => {
    // 0.1% of 43,200 and of 43,201 minutes: 2592 and 2592.06 seconds, both printed as 43m12s.
    const groups = groupAllowances([
      { label: 'A', scheduledMinutes: 43_200, allowedMinutes: 43.2 },
      { label: 'B', scheduledMinutes: 43_201, allowedMinutes: 43.201 },
      { label: 'C', scheduledMinutes: 43_200, allowedMinutes: 43.2 },
    ]);
    expect(groups.map((group) => [group.periods.map((period) => period.label), group.scheduledTime, group.allowed])).toEqual([
      [['A', 'C'], '720 hours', '43 minutes 12 seconds'],
      [['B'], '720 hours 1 minute', '43 minutes 12 seconds'],
    ]);
  });

  test.each([
    ['months of one year share it', [{ label: 'May 2026', month: { name: 'May', year: 2026 } }, { label: 'July 2026', month: { name: 'July', year: 2026 } }], 'May, July 2026'],
    [
      'each year is stated once',
      [
        { label: 'December 2026', month: { name: 'December', year: 2026 } },
        { label: 'January 2027', month: { name: 'January', year: 2027 } },
      ],
      'December 2026; January 2027',
    ],
    ['other periods are listed whole', [{ label: 'Q2 2026 (April to June)' }, { label: 'Q4 2026 (October to December)' }], 'Q2 2026 (April to June); Q4 2026 (October to December)'],
  ])('a list of periods: %s', (_, spans, expected) => {
    expect(spellPeriodList(spans)).toBe(expected);
  });
});
