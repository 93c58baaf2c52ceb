/**
 * `next reply` details the spec tables (test/spec/next-reply.test.ts) do not
 * reach: business-day targets per cycle, on BusinessHours (Mon-Fri
 * 08:00-18:00 New York, Thanksgiving 2026-11-26 closed), and the pause sets
 * the context works out once per agreement.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluationContext } from '../../../runtime/evaluate/index.js';
import { agreement, businessDays, hours, metric, type EventRow } from './fixtures.js';
import { dueText, verdictsOf } from './verdict-helpers.js';

const ny = (date: string, time: string): string => `${date}T${time}:00-05:00`;
const row = (date: string, time: string, event: EventRow[2], extra?: EventRow[3]): EventRow => ['T', ny(date, time), event, extra];
const agent = { author: 'agent' } as const;
const customer = { author: 'customer' } as const;
const parts = { metrics: [metric('Reply', 'nextReply', { target: businessDays(1) })] };

describe('next reply in business days: each cycle counts from its customer reply', () => {
  it('a cycle from Wed 25th 17:00 is due at the close of Fri 27th (60 + 600 = 660 minutes), not counted from created', () => {
    const verdict = verdictsOf(parts, [
      row('2026-11-23', '09:00', 'created'),
      row('2026-11-23', '09:30', 'reply', agent),
      row('2026-11-25', '17:00', 'reply', customer),
      // Wed 17:00-18:00 (60), Thanksgiving closed, Fri 08:00-09:00 (60).
      row('2026-11-27', '09:00', 'reply', agent),
    ]).metrics.Reply!;
    expect(verdict).toMatchObject({ status: 'pending', elapsedMinutes: 120, targetMinutes: 660 });
    expect(dueText(verdict)).toBe('2026-11-27T18:00:00-05:00');
  });

  it('a shorter cycle with a shorter target breaches; elapsed is still the longest cycle', () => {
    const verdict = verdictsOf(parts, [
      row('2026-12-02', '08:00', 'created'),
      row('2026-12-02', '08:30', 'reply', agent),
      // Cycle A: Wed 09:00 to Thu 17:00 = 540 + 540 = 1080; target Wed 09:00 to close of Thu = 540 + 600 = 1140: met.
      row('2026-12-02', '09:00', 'reply', customer),
      row('2026-12-03', '17:00', 'reply', agent),
      // Cycle B: Thu 17:30 to Mon 08:30 = 30 + 600 + 30 = 660; target Thu 17:30 to close of Fri = 630: breached.
      row('2026-12-03', '17:30', 'reply', customer),
      row('2026-12-07', '08:30', 'reply', agent),
      row('2026-12-07', '09:00', 'resolved'),
    ]).metrics.Reply!;
    expect(verdict).toMatchObject({ status: 'breached', elapsedMinutes: 1080, targetMinutes: 630 });
    // Cycle B reaches 630 minutes at the close of Fri 4th.
    expect(dueText(verdict)).toBe('2026-12-04T18:00:00-05:00');
  });

  it('with a target in hours every cycle shares it: 2 hours', () => {
    const verdict = verdictsOf({ metrics: [metric('Reply', 'nextReply', { target: hours(2) })] }, [
      row('2026-12-02', '08:00', 'created'),
      row('2026-12-02', '08:30', 'reply', agent),
      row('2026-12-02', '17:00', 'reply', customer),
      // Wed 17:00-18:00 (60) + Thu 08:00-09:30 (90) = 150 > 120; due Thu 09:00.
      row('2026-12-03', '09:30', 'reply', agent),
    ]).metrics.Reply!;
    expect(verdict).toMatchObject({ status: 'breached', elapsedMinutes: 150, targetMinutes: 120 });
    expect(dueText(verdict)).toBe('2026-12-03T09:00:00-05:00');
  });
});

describe('pause sets of the evaluation context', () => {
  it('one set per distinct list: [0] the agreement-wide; own lists shared whatever their order and case; pause never is empty', () => {
    const own = (name: string, statuses: string[]) => ({ ...metric(name, 'resolution', { target: hours(1) }), pause: { statuses } });
    const context = createEvaluationContext(agreement({
      metrics: [
        metric('Plain', 'resolution', { target: hours(1) }),
        own('A', ['On hold', 'Parked']),
        own('B', [' parked', 'ON HOLD']),
        own('Never', []),
      ],
    }));
    expect(context.pauseSets.map((set) => [...set].sort())).toEqual([['waiting on customer'], ['on hold', 'parked'], []]);
    expect([...context.pauseSetOf]).toEqual([['Plain', 0], ['A', 1], ['B', 1], ['Never', 2]]);
  });
});
