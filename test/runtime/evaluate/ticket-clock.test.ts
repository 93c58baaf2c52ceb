import { describe, expect, it } from 'vitest';
import { hours, metric, type EventRow } from './fixtures.js';
import { verdictsOf } from './verdict-helpers.js';

const responseOnly = { metrics: [metric('Response', 'firstResponse', { target: hours(100) })] };

describe('the ticket clock: business time minus pauses', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; elapsed: number; status: string }[] = [
    {
      name: 'SEMANTICS example: Friday evening to Monday morning',
      rows: [
        ['T1', '2026-11-20T17:30:00-05:00', 'created'],
        ['T1', '2026-11-23T08:45:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 75,
      status: 'met',
    },
    {
      name: 'SEMANTICS example: the holiday counts nothing',
      rows: [
        ['T1', '2026-11-25T17:00:00-05:00', 'created'],
        ['T1', '2026-11-27T09:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 120,
      status: 'met',
    },
    {
      name: 'created outside open time accrues from the next opening',
      rows: [
        ['T1', '2026-11-21T10:00:00-05:00', 'created'],
        ['T1', '2026-11-23T08:20:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 20,
      status: 'met',
    },
    {
      name: 'a pause that starts before an opening and ends after a close (status trimmed, any case)',
      rows: [
        ['T1', '2026-11-20T17:30:00-05:00', 'created'],
        ['T1', '2026-11-21T10:00:00-05:00', 'status', { status: '  waiting ON customer ' }],
        ['T1', '2026-11-23T19:00:00-05:00', 'status', { status: 'In progress' }],
        ['T1', '2026-11-24T09:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 90,
      status: 'met',
    },
    {
      name: 'a pause inside open hours over a night',
      rows: [
        ['T1', '2026-11-16T09:00:00-05:00', 'created'],
        ['T1', '2026-11-16T17:00:00-05:00', 'status', { status: 'Waiting on customer' }],
        ['T1', '2026-11-17T19:00:00-05:00', 'status', { status: 'Working' }],
        ['T1', '2026-11-18T09:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 540,
      status: 'met',
    },
    {
      name: 'a status that is not a pause status changes nothing',
      rows: [
        ['T1', '2026-11-16T09:00:00-05:00', 'created'],
        ['T1', '2026-11-16T10:00:00-05:00', 'status', { status: 'Open' }],
        ['T1', '2026-11-16T11:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 120,
      status: 'met',
    },
    {
      name: 'a repeated pause status keeps the pause from its first row',
      rows: [
        ['T1', '2026-11-16T09:00:00-05:00', 'created'],
        ['T1', '2026-11-16T10:00:00-05:00', 'status', { status: 'Waiting on customer' }],
        ['T1', '2026-11-16T11:00:00-05:00', 'status', { status: 'waiting on customer' }],
        ['T1', '2026-11-16T12:00:00-05:00', 'status', { status: 'Open' }],
        ['T1', '2026-11-16T13:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      elapsed: 120,
      status: 'met',
    },
    {
      name: 'a pause at the as-of instant: pending',
      rows: [
        ['T1', '2026-11-16T09:00:00-05:00', 'created'],
        ['T1', '2026-11-16T10:00:00-05:00', 'status', { status: 'Waiting on customer' }],
      ],
      asOf: '2026-11-16T15:00:00-05:00',
      elapsed: 60,
      status: 'pending',
    },
    {
      name: 'events after the as-of instant are ignored',
      rows: [
        ['T1', '2026-11-16T09:00:00-05:00', 'created'],
        ['T1', '2026-11-16T12:00:00-05:00', 'reply', { author: 'agent' }],
      ],
      asOf: '2026-11-16T10:30:00-05:00',
      elapsed: 90,
      status: 'pending',
    },
  ];
  it.each(table)('$name', ({ rows, asOf, elapsed, status }) => {
    const verdict = verdictsOf(responseOnly, rows, asOf).metrics.Response!;
    expect(verdict.elapsedMinutes).toBe(elapsed);
    expect(verdict.status).toBe(status);
  });

  it('takes unsorted rows in time order, ties in file order', () => {
    const verdict = verdictsOf(responseOnly, [
      ['T1', '2026-11-16T11:00:00-05:00', 'reply', { author: 'agent' }],
      ['T1', '2026-11-16T09:00:00-05:00', 'created'],
    ]);
    expect(verdict.metrics.Response!.elapsedMinutes).toBe(120);
  });

  it('is exact to the second', () => {
    const verdict = verdictsOf(responseOnly, [
      ['T1', '2026-11-16T09:00:00-05:00', 'created'],
      ['T1', '2026-11-16T09:01:30-05:00', 'reply', { author: 'agent' }],
    ]);
    expect(verdict.metrics.Response!.elapsedMinutes).toBe(1.5);
  });
});
