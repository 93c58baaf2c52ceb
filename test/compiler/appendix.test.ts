import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { flatten } from './helpers.js';
import { agreement, calendar, duration, metric } from './model-builder.js';

// Office: Mon-Fri 09:00-17:00 Berlin with the public holidays of Berlin; effective 1 April 2026.
// By hand: Friday 3 April 2026 is Good Friday, so the Friday example is 10 April, 90 minutes before
// the close (15:30); the first holiday after the effective date is Good Friday, so the second example
// is Thursday 2 April at 15:30. A 2-hour answer from Thu 15:30: 90 minutes on Thursday, nothing on
// Good Friday, the weekend or Easter Monday, 30 minutes from Tuesday 09:00.
const model = agreement({
  calendars: [calendar('Office', [1, 2, 3, 4, 5], ['09:00-17:00'], { holidaySets: ['DE-BE'] })],
  metrics: [
    metric('FirstResponse', { title: 'First response', defaultTarget: duration(1, 'hours') }),
    metric('NextReply', { title: 'Reply to each message', measures: 'nextReply', defaultTarget: duration(2, 'hours') }),
  ],
});

const EXPECTED = [
  '### A.1 A ticket opened on a Friday afternoon',
  '- A High ticket opened Friday 10 April 2026 at 15:30 is due for a first response by Friday 10 April 2026 at 16:30.',
  'A ticket opened two hours earlier and answered by the Provider an hour earlier receives a Further Message from the Client at the same moment:',
  '- A Further Message on a ticket sent Friday 10 April 2026 at 15:30 is due for an answer (reply to each message) by Monday 13 April 2026 at 09:30.',
  '### A.2 A ticket opened the working day before Good Friday',
  '- A Low ticket opened Thursday 2 April 2026 at 15:30 is due for a first response by Thursday 2 April 2026 at 16:30.',
  '- A Further Message on a ticket sent Thursday 2 April 2026 at 15:30 is due for an answer (reply to each message) by Tuesday 7 April 2026 at 09:30.',
];

test('worked examples skip holidays from the country set and show when a Further Message is due', () => {
  const text = flatten(renderAgreement(model).markdown);
  for (const line of EXPECTED) expect(text).toContain(line);
  // Nothing happens to the first ticket after it opens, so no next-reply due is claimed for it.
  expect(text).not.toMatch(/ticket opened \w+ \d+ \w+ \d{4} at \d\d:\d\d is due for [^.]*reply to each message/);
});

test('with next reply as the only ticket metric, no ticket left alone is said to have "no target"', () => {
  const onlyNextReply = { ...model, metrics: model.metrics.filter((metric) => metric.measures === 'nextReply') };
  const text = flatten(renderAgreement(onlyNextReply).markdown);
  expect(text).not.toContain('has no target');
  expect(text).not.toContain('nothing else happens to it');
  expect(text).toContain(EXPECTED[3]!.slice(2));
});
