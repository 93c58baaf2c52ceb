import { describe, expect, it } from 'vitest';
import { hours, metric, type EventRow } from './fixtures.js';
import { dueText, verdictsOf } from './verdict-helpers.js';

const MONDAY = '2026-11-16';
const created: EventRow = ['T1', `${MONDAY}T09:00:00-05:00`, 'created'];
/** A row on Monday 2026-11-16 at a New York wall time. */
function monday(time: string, event: EventRow[2], extra?: EventRow[3]): EventRow {
  return ['T1', `${MONDAY}T${time}:00-05:00`, event, extra];
}

const parts = {
  metrics: [
    metric('Response', 'firstResponse', { target: hours(100) }),
    metric('Estimate', 'firstEstimate', { target: hours(100), clock: 'AroundTheClock' }),
    metric('Fix', 'resolution', { target: hours(100) }),
    metric('Updates', 'updateInterval', { target: hours(3) }),
  ],
};

type Expected = Record<string, { elapsed: number; status: string; due?: string | null } | undefined>;

function check(rows: EventRow[], asOf: string | undefined, expected: Expected): void {
  const verdict = verdictsOf(parts, rows, asOf);
  for (const [name, want] of Object.entries(expected)) {
    const got = verdict.metrics[name];
    expect({ name, elapsed: got?.elapsedMinutes, status: got?.status }).toEqual({ name, elapsed: want?.elapsed, status: want?.status });
    if (want?.due !== undefined) expect(dueText(got)).toBe(want.due);
  }
}

describe('first response and first estimate', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    {
      name: 'customer and system replies do not count; the agent reply does',
      rows: [created, monday('10:00', 'reply', { author: 'customer' }), monday('10:30', 'reply', { author: 'system' }), monday('11:00', 'reply', { author: 'agent' })],
      expected: { Response: { elapsed: 120, status: 'met' } },
    },
    {
      name: 'a resolution before any reply stops it',
      rows: [created, monday('10:00', 'resolved'), monday('11:00', 'reply', { author: 'agent' })],
      expected: { Response: { elapsed: 60, status: 'met' }, Estimate: { elapsed: 60, status: 'met' } },
    },
    {
      name: 'a close counts as a resolution',
      rows: [created, monday('10:00', 'closed')],
      expected: { Response: { elapsed: 60, status: 'met' }, Estimate: { elapsed: 60, status: 'met' } },
    },
    {
      name: 'an estimate stops first estimate (around the clock) and not first response',
      rows: [created, monday('12:00', 'estimate')],
      asOf: `${MONDAY}T15:00:00-05:00`,
      expected: { Estimate: { elapsed: 180, status: 'met' }, Response: { elapsed: 360, status: 'pending' } },
    },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => check(rows, asOf, expected));
});

describe('resolution', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    { name: 'stops at resolved', rows: [created, monday('11:00', 'resolved')], expected: { Fix: { elapsed: 120, status: 'met' } } },
    {
      name: 'a close after resolved changes nothing',
      rows: [created, monday('11:00', 'resolved'), monday('15:00', 'closed')],
      expected: { Fix: { elapsed: 120, status: 'met' } },
    },
    {
      name: 'reopened restarts it; the time in between does not count',
      rows: [created, monday('11:00', 'resolved'), monday('14:00', 'reopened'), monday('15:00', 'resolved')],
      expected: { Fix: { elapsed: 180, status: 'met' } },
    },
    {
      name: 'reopened and still running at as-of',
      rows: [created, monday('11:00', 'resolved'), monday('14:00', 'reopened')],
      asOf: `${MONDAY}T16:00:00-05:00`,
      expected: { Fix: { elapsed: 240, status: 'pending' } },
    },
    {
      name: 'reopened while unresolved is nothing',
      rows: [created, monday('10:00', 'reopened'), monday('11:00', 'resolved')],
      expected: { Fix: { elapsed: 120, status: 'met' } },
    },
    {
      name: 'closed, reopened next day, closed again',
      rows: [created, monday('11:00', 'closed'), ['T1', '2026-11-17T09:00:00-05:00', 'reopened'], ['T1', '2026-11-17T10:00:00-05:00', 'closed']],
      expected: { Fix: { elapsed: 180, status: 'met' } },
    },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => check(rows, asOf, expected));

  it('reports the final stop', () => {
    const verdict = verdictsOf(parts, [created, monday('11:00', 'resolved'), monday('14:00', 'reopened'), monday('15:00', 'resolved')]);
    expect(verdict.metrics.Fix!.stoppedAt).toBe(new Date('2026-11-16T20:00:00Z').getTime());
  });
});

describe('update interval: the longest gap between updates while unresolved', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    {
      name: 'the longest gap breaches; due is when it crossed the target',
      rows: [created, monday('10:00', 'reply', { author: 'agent' }), monday('14:00', 'reply', { author: 'agent' }), monday('15:00', 'resolved')],
      expected: { Updates: { elapsed: 240, status: 'breached', due: '2026-11-16T13:00:00-05:00' } },
    },
    {
      name: 'customer replies do not close a gap',
      rows: [created, monday('10:00', 'reply', { author: 'customer' }), monday('11:00', 'reply', { author: 'agent' }), monday('12:00', 'resolved')],
      expected: { Updates: { elapsed: 120, status: 'met' } },
    },
    {
      name: 'the current gap runs to as-of: pending, due is the next update',
      rows: [created, monday('10:00', 'reply', { author: 'agent' })],
      asOf: `${MONDAY}T12:30:00-05:00`,
      expected: { Updates: { elapsed: 150, status: 'pending', due: '2026-11-16T13:00:00-05:00' } },
    },
    {
      name: 'the current gap over target at as-of: breached',
      rows: [created, monday('10:00', 'reply', { author: 'agent' })],
      asOf: `${MONDAY}T14:00:00-05:00`,
      expected: { Updates: { elapsed: 240, status: 'breached', due: '2026-11-16T13:00:00-05:00' } },
    },
    {
      name: 'no gap while resolved; reopened starts a new one',
      rows: [
        created,
        monday('10:00', 'resolved'),
        monday('11:00', 'reply', { author: 'agent' }),
        monday('13:00', 'reopened'),
        monday('14:30', 'reply', { author: 'agent' }),
        monday('15:00', 'resolved'),
      ],
      expected: { Updates: { elapsed: 90, status: 'met' } },
    },
    {
      name: 'a gap over the night counts business time only',
      rows: [['T1', `${MONDAY}T17:00:00-05:00`, 'created'], ['T1', '2026-11-17T09:00:00-05:00', 'reply', { author: 'agent' }], ['T1', '2026-11-17T09:30:00-05:00', 'resolved']],
      expected: { Updates: { elapsed: 120, status: 'met' } },
    },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => check(rows, asOf, expected));
});
