import { describe, expect, it } from 'vitest';
import { BUSINESS_HOURS, businessDays, calendar, hours, metric, type EventRow } from './fixtures.js';
import { dueText, verdictsOf } from './verdict-helpers.js';

/** A row on Monday 2026-11-16 at a New York wall time. */
function monday(time: string, event: EventRow[2], extra?: EventRow[3]): EventRow {
  return ['T1', `2026-11-16T${time}:00-05:00`, event, extra];
}

const parts = {
  metrics: [
    metric('Fix', 'resolution', { targets: { Critical: hours(4), Standard: hours(2) } }),
    metric('Updates', 'updateInterval', { targets: { Critical: hours(10) } }),
  ],
};

interface Row {
  name: string;
  rows: EventRow[];
  asOf?: string;
  severity: string;
  /** `targetSeverity`: the severity whose target applies (at the stop, or at the as-of instant while running). */
  fix: { elapsed: number; target: number; status: string; due: string | null; targetSeverity: string };
  updates?: { target: number; status: string; targetSeverity: string };
}

describe('a severity change re-targets the whole ticket', () => {
  const table: Row[] = [
    {
      name: 'Standard, running within target',
      rows: [monday('09:00', 'created')],
      asOf: '2026-11-16T10:30:00-05:00',
      severity: 'Standard',
      fix: { elapsed: 90, target: 120, status: 'pending', due: '2026-11-16T11:00:00-05:00', targetSeverity: 'Standard' },
    },
    {
      name: 'downgraded after the lower target passed: breached at once, due in the past',
      rows: [monday('09:00', 'created', { severity: 'Critical' }), monday('11:30', 'severity', { severity: 'Standard' })],
      asOf: '2026-11-16T11:30:00-05:00',
      severity: 'Standard',
      fix: { elapsed: 150, target: 120, status: 'breached', due: '2026-11-16T11:00:00-05:00', targetSeverity: 'Standard' },
    },
    {
      name: 'upgraded: the Critical target applies, and Critical-only metrics start to apply',
      rows: [monday('09:00', 'created'), monday('10:30', 'severity', { severity: 'Critical' })],
      asOf: '2026-11-16T12:00:00-05:00',
      severity: 'Critical',
      fix: { elapsed: 180, target: 240, status: 'pending', due: '2026-11-16T13:00:00-05:00', targetSeverity: 'Critical' },
      updates: { target: 600, status: 'pending', targetSeverity: 'Critical' },
    },
    {
      name: 'a change after the stop does not re-target a stopped metric',
      rows: [monday('09:00', 'created', { severity: 'Critical' }), monday('12:00', 'resolved'), monday('13:00', 'severity', { severity: 'Standard' })],
      severity: 'Standard',
      fix: { elapsed: 180, target: 240, status: 'met', due: '2026-11-16T13:00:00-05:00', targetSeverity: 'Critical' },
      updates: { target: 600, status: 'met', targetSeverity: 'Critical' },
    },
    {
      name: 'tie at the stop: a severity row before the resolution row applies',
      rows: [monday('09:00', 'created'), monday('12:00', 'severity', { severity: 'Critical' }), monday('12:00', 'resolved')],
      severity: 'Critical',
      fix: { elapsed: 180, target: 240, status: 'met', due: '2026-11-16T13:00:00-05:00', targetSeverity: 'Critical' },
      updates: { target: 600, status: 'met', targetSeverity: 'Critical' },
    },
    {
      name: 'tie at the stop: a severity row after the resolution row does not',
      rows: [monday('09:00', 'created'), monday('12:00', 'resolved'), monday('12:00', 'severity', { severity: 'Critical' })],
      severity: 'Critical',
      fix: { elapsed: 180, target: 120, status: 'breached', due: '2026-11-16T11:00:00-05:00', targetSeverity: 'Standard' },
    },
  ];
  it.each(table)('$name', ({ rows, asOf, severity, fix, updates }) => {
    const verdict = verdictsOf(parts, rows, asOf);
    expect(verdict.severity).toBe(severity);
    const got = verdict.metrics.Fix!;
    expect({ elapsed: got.elapsedMinutes, target: got.targetMinutes, status: got.status, due: dueText(got), targetSeverity: got.targetSeverity }).toEqual(fix);
    const gotUpdates = verdict.metrics.Updates;
    expect(gotUpdates && { target: gotUpdates.targetMinutes, status: gotUpdates.status, targetSeverity: gotUpdates.targetSeverity }).toEqual(updates);
  });

  it('a metric with no target for the severity is absent from the ticket', () => {
    const verdict = verdictsOf(parts, [monday('09:00', 'created')]);
    expect(Object.keys(verdict.metrics)).toEqual(['Fix']);
  });
});

describe('business-day targets and the due instant', () => {
  const daysParts = { metrics: [metric('Fix', 'resolution', { targets: { Standard: businessDays(2) }, target: hours(2) })] };
  const table: { name: string; rows: EventRow[]; asOf: string; elapsed: number; target: number; status: string; due: string | null }[] = [
    {
      name: 'SEMANTICS example: opened Wed before Thanksgiving, due at the close of Mon 30th: 1680 minutes',
      rows: [['T1', '2026-11-25T10:00:00-05:00', 'created']],
      asOf: '2026-11-25T12:00:00-05:00',
      elapsed: 120,
      target: 1680,
      status: 'pending',
      due: '2026-11-30T18:00:00-05:00',
    },
    {
      name: 'a pause moves the due instant but not the target',
      rows: [
        ['T1', '2026-11-25T10:00:00-05:00', 'created'],
        ['T1', '2026-11-25T11:00:00-05:00', 'status', { status: 'Waiting on customer' }],
        ['T1', '2026-11-27T08:00:00-05:00', 'status', { status: 'Open' }],
      ],
      asOf: '2026-11-27T09:00:00-05:00',
      elapsed: 120,
      target: 1680,
      status: 'pending',
      due: '2026-12-01T15:00:00-05:00',
    },
    {
      name: 'another severity keeps the hours target',
      rows: [['T1', '2026-11-25T10:00:00-05:00', 'created', { severity: 'Critical' }]],
      asOf: '2026-11-25T12:00:00-05:00',
      elapsed: 120,
      target: 120,
      status: 'pending',
      due: '2026-11-25T12:00:00-05:00',
    },
  ];
  it.each(table)('$name', ({ name: _name, rows, asOf, ...expected }) => {
    const got = verdictsOf(daysParts, rows, asOf).metrics.Fix!;
    expect({ elapsed: got.elapsedMinutes, target: got.targetMinutes, status: got.status, due: dueText(got) }).toEqual(expected);
  });
});

describe('due', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; status: string; due: string | null }[] = [
    { name: 'met: when it would have been due had it kept running', rows: [monday('09:00', 'created'), monday('10:00', 'resolved')], status: 'met', due: '2026-11-16T11:00:00-05:00' },
    { name: 'breached: when it crossed the target', rows: [monday('09:00', 'created'), monday('12:00', 'resolved')], status: 'breached', due: '2026-11-16T11:00:00-05:00' },
    { name: 'running over the close: next morning', rows: [monday('17:00', 'created')], asOf: '2026-11-16T17:30:00-05:00', status: 'pending', due: '2026-11-17T09:00:00-05:00' },
    {
      name: 'paused at as-of and not reached: null',
      rows: [monday('09:00', 'created'), monday('09:30', 'status', { status: 'Waiting on customer' })],
      asOf: '2026-11-16T15:00:00-05:00',
      status: 'pending',
      due: null,
    },
    {
      name: 'paused at as-of but already reached: the past crossing',
      rows: [monday('09:00', 'created'), monday('12:00', 'status', { status: 'Waiting on customer' })],
      asOf: '2026-11-16T15:00:00-05:00',
      status: 'breached',
      due: '2026-11-16T11:00:00-05:00',
    },
    {
      name: 'resolved while paused: null',
      rows: [monday('09:00', 'created'), monday('09:30', 'status', { status: 'Waiting on customer' }), monday('10:00', 'resolved')],
      status: 'met',
      due: null,
    },
    {
      name: 'a pause that ended: due shifted by the paused open time',
      rows: [monday('09:00', 'created'), monday('09:30', 'status', { status: 'Waiting on customer' }), monday('10:00', 'status', { status: 'Open' })],
      asOf: '2026-11-16T10:00:00-05:00',
      status: 'pending',
      due: '2026-11-16T11:30:00-05:00',
    },
  ];
  it.each(table)('$name', ({ rows, asOf, status, due }) => {
    const got = verdictsOf(parts, rows, asOf).metrics.Fix!;
    expect({ status: got.status, due: dueText(got) }).toEqual({ status, due });
  });
});

describe('a due day that never comes', () => {
  // No weekly hours: open only on Monday 2026-11-16, 09:00-17:00 New York time.
  const oneDay = calendar('OneDay', 'America/New_York', [], '09:00', '17:00', [{ date: '2026-11-16', name: 'Open day', hours: [{ start: 540, end: 1020 }] }]);
  const parts = {
    calendars: [BUSINESS_HOURS, oneDay],
    metrics: [
      metric('Fix', 'resolution', { clock: 'OneDay', target: businessDays(1) }),
      metric('Reply', 'firstResponse', { clock: 'OneDay', target: hours(100) }),
    ],
  };
  it.each([
    { name: 'still open: pending with no due instant, as an hours target that cannot be reached', rows: [monday('10:00', 'created')], status: 'pending' },
    { name: 'resolved: met, since the due day never came', rows: [monday('10:00', 'created'), monday('12:00', 'resolved')], status: 'met' },
  ])('$name', ({ rows, status }) => {
    const verdict = verdictsOf(parts, rows, '2026-11-20T12:00:00-05:00');
    // Monday is the day it was created on; the first open day after it never comes.
    expect(verdict.metrics.Fix).toMatchObject({ status, targetMinutes: Infinity, due: null });
    expect(verdict.metrics.Reply).toMatchObject({ status, due: null });
  });
});
