import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { prose } from './helpers.js';
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
  '### A.1 A Ticket opened on a Friday afternoon',
  'A Ticket is opened Friday 10 April 2026 at 15:30 and nothing else happens to it. Its targets fall due: | Severity Level | First Response due | | --- | --- | | High | Friday 10 April 2026 at 16:30 | | Low | Friday 10 April 2026 at 16:30 |',
  'A Ticket opened two hours earlier and answered by the Provider an hour earlier receives a Further Message from the Client on Friday 10 April 2026 at 15:30. The answer falls due: | Severity Level | Answer due (Reply to each message) | | --- | --- | | High | Monday 13 April 2026 at 09:30 | | Low | Monday 13 April 2026 at 09:30 |',
  '### A.2 A Ticket opened the working day before Good Friday',
  'A Ticket is opened Thursday 2 April 2026 at 15:30 and nothing else happens to it. Its targets fall due: | Severity Level | First Response due | | --- | --- | | High | Thursday 2 April 2026 at 16:30 | | Low | Thursday 2 April 2026 at 16:30 |',
  'receives a Further Message from the Client on Thursday 2 April 2026 at 15:30. The answer falls due: | Severity Level | Answer due (Reply to each message) | | --- | --- | | High | Tuesday 7 April 2026 at 09:30 | | Low | Tuesday 7 April 2026 at 09:30 |',
];

test('worked examples skip holidays from the country set and show when a Further Message is due', () => {
  const text = prose(renderAgreement(model).markdown);
  // Each table is matched whole, so a ticket left alone has no "Answer due" column: nothing starts a next-reply clock for it.
  for (const line of EXPECTED) expect(text).toContain(line);
});

test('with next reply as the only ticket metric, no ticket left alone is said to have "no target"', () => {
  const onlyNextReply = { ...model, metrics: model.metrics.filter((metric) => metric.measures === 'nextReply') };
  const text = prose(renderAgreement(onlyNextReply).markdown);
  expect(text).not.toContain('No target');
  expect(text).not.toContain('nothing else happens to it');
  expect(text).toContain(EXPECTED[2]!);
});

// Every Ticket is raised by a channel: with a target that depends on the channel, an example Ticket
// of no channel left the reader to guess which row of the targets table it follows.
const byChannel = agreement({
  calendars: model.calendars,
  channels: [
    { name: 'Phone', matches: [] },
    { name: 'Email', matches: [] },
  ],
  metrics: [
    metric('FirstResponse', {
      title: 'First response',
      defaultTarget: duration(1, 'hours'),
      channelTargets: [{ severity: 'Low', channel: 'Email', duration: duration(30, 'minutes') }],
    }),
    metric('NextReply', { title: 'Reply to each message', measures: 'nextReply', defaultTarget: duration(2, 'hours') }),
  ],
});

test('with channel targets, the example Ticket is raised by a channel with no target of its own, and says so', () => {
  const text = prose(renderAgreement(byChannel).markdown);
  expect(text).toContain(
    'A Ticket raised by Phone is opened Friday 10 April 2026 at 15:30 and nothing else happens to it. Its targets fall due: | Severity Level | First Response due | | --- | --- | | High | Friday 10 April 2026 at 16:30 | | Low | Friday 10 April 2026 at 16:30 |',
  );
  expect(text).toContain(
    'A Ticket raised by Phone, opened two hours earlier and answered by the Provider an hour earlier, receives a Further Message from the Client on Friday 10 April 2026 at 15:30.',
  );
});

test('when every channel has a target of its own, the example Ticket is raised by the first and meets its targets', () => {
  const onlyEmail = { ...byChannel, channels: byChannel.channels.filter((channel) => channel.name === 'Email') };
  const text = prose(renderAgreement(onlyEmail).markdown);
  expect(text).toContain(
    'A Ticket raised by Email is opened Friday 10 April 2026 at 15:30 and nothing else happens to it. Its targets fall due: | Severity Level | First Response due | | --- | --- | | High | Friday 10 April 2026 at 16:30 | | Low | Friday 10 April 2026 at 16:00 |',
  );
});

test('without channel targets, the example Ticket names no channel', () => {
  const text = prose(renderAgreement({ ...model, channels: byChannel.channels }).markdown);
  expect(text).not.toContain('raised by');
});
