import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../runtime/clock/index.js';
import type { EscalationModel } from '../../../language/model/model.js';
import { hours, metric, type EventRow } from './fixtures.js';
import { verdictsOf } from './verdict-helpers.js';

function monday(time: string, event: EventRow[2], extra?: EventRow[3]): EventRow {
  return ['T1', `2026-11-16T${time}:00-05:00`, event, extra];
}

const atLevels: EscalationModel = {
  levels: [
    { level: 1, who: 'Team lead', trigger: { kind: 'at', percent: 50, metric: 'Fix' } },
    { level: 2, who: 'Head of support', trigger: { kind: 'at', percent: 100, metric: 'Fix' } },
  ],
};
const atParts = { metrics: [metric('Fix', 'resolution', { targets: { Standard: hours(2) } })], escalation: atLevels };

const afterParts = {
  metrics: [],
  escalation: { clock: 'BusinessHours', levels: [{ level: 1, who: 'Duty manager', trigger: { kind: 'after', duration: hours(1) } }] } satisfies EscalationModel,
};

type Expected = [level: number, due: string, status: string, late?: number][];

function escalationsOf(parts: Parameters<typeof verdictsOf>[0], rows: EventRow[], asOf?: string): Expected {
  return verdictsOf(parts, rows, asOf).escalations.map((escalation) => {
    const row: Expected[number] = [escalation.level, formatInstant(escalation.due, 'America/New_York').slice(11, 16), escalation.status];
    if (escalation.lateMinutes !== undefined) row.push(escalation.lateMinutes);
    return row;
  });
}

describe('escalation at P% of a metric', () => {
  const created = monday('09:00', 'created');
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    { name: 'resolved before 50%: nothing owed', rows: [created, monday('09:30', 'resolved')], expected: [] },
    { name: 'both still ahead: pending', rows: [created], asOf: '2026-11-16T09:45:00-05:00', expected: [[1, '10:00', 'pending'], [2, '11:00', 'pending']] },
    {
      name: 'escalated before due: met; the next level pending',
      rows: [created, monday('09:50', 'escalated', { level: 1 })],
      asOf: '2026-11-16T10:30:00-05:00',
      expected: [[1, '10:00', 'met'], [2, '11:00', 'pending']],
    },
    {
      name: 'escalated after due: late, with how late',
      rows: [created, monday('10:20', 'escalated', { level: 1 })],
      asOf: '2026-11-16T10:30:00-05:00',
      expected: [[1, '10:00', 'late', 20], [2, '11:00', 'pending']],
    },
    { name: 'never escalated, both due: missed', rows: [created], asOf: '2026-11-16T11:30:00-05:00', expected: [[1, '10:00', 'missed'], [2, '11:00', 'missed']] },
    {
      name: 'a higher level meets the lower ones',
      rows: [created, monday('09:55', 'escalated', { level: 2 })],
      asOf: '2026-11-16T11:30:00-05:00',
      expected: [[1, '10:00', 'met'], [2, '11:00', 'met']],
    },
    {
      name: 'a lower level does not meet a higher one',
      rows: [created, monday('09:55', 'escalated', { level: 1 })],
      asOf: '2026-11-16T11:30:00-05:00',
      expected: [[1, '10:00', 'met'], [2, '11:00', 'missed']],
    },
    { name: 'resolved between the levels: only the first owed', rows: [created, monday('10:30', 'resolved')], expected: [[1, '10:00', 'missed']] },
    { name: 'resolved exactly at 100%: the second is not owed', rows: [created, monday('11:00', 'resolved')], expected: [[1, '10:00', 'missed']] },
    {
      name: 'escalated exactly at due: met',
      rows: [created, monday('10:00', 'escalated', { level: 1 }), monday('10:30', 'resolved')],
      expected: [[1, '10:00', 'met']],
    },
    {
      name: 'paused before 50% and still paused: not owed yet',
      rows: [created, monday('09:30', 'status', { status: 'Waiting on customer' })],
      asOf: '2026-11-16T12:00:00-05:00',
      expected: [],
    },
    {
      name: 'pauses push the due instant',
      rows: [created, monday('09:30', 'status', { status: 'Waiting on customer' }), monday('10:30', 'status', { status: 'Open' })],
      asOf: '2026-11-16T10:45:00-05:00',
      expected: [[1, '11:00', 'pending'], [2, '12:00', 'pending']],
    },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => {
    expect(escalationsOf(atParts, rows, asOf)).toEqual(expected);
  });
});

describe('escalation after a duration on the escalation clock', () => {
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    {
      name: 'business time from created, over the night: missed',
      rows: [monday('17:30', 'created')],
      asOf: '2026-11-17T09:00:00-05:00',
      expected: [[1, '08:30', 'missed']],
    },
    {
      name: 'escalated late',
      rows: [monday('17:30', 'created'), ['T1', '2026-11-17T08:45:00-05:00', 'escalated', { level: 1 }]],
      expected: [[1, '08:30', 'late', 15]],
    },
    { name: 'resolved first: not owed', rows: [monday('09:00', 'created'), monday('09:59', 'resolved')], expected: [] },
    { name: 'still ahead: pending', rows: [monday('09:00', 'created')], asOf: '2026-11-16T09:10:00-05:00', expected: [[1, '10:00', 'pending']] },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => {
    expect(escalationsOf(afterParts, rows, asOf)).toEqual(expected);
  });

  it('names the ticket and who', () => {
    const [escalation] = verdictsOf(afterParts, [monday('09:00', 'created')], '2026-11-16T11:00:00-05:00').escalations;
    expect(escalation).toMatchObject({ ticket: 'T1', level: 1, who: 'Duty manager', status: 'missed' });
  });
});

describe('escalation at P% of an update interval', () => {
  const parts = {
    metrics: [metric('Updates', 'updateInterval', { target: hours(2) })],
    escalation: { levels: [{ level: 1, who: 'Lead', trigger: { kind: 'at', percent: 50, metric: 'Updates' } }] } satisfies EscalationModel,
  };
  const table: { name: string; rows: EventRow[]; asOf?: string; expected: Expected }[] = [
    {
      name: 'the first gap to reach it owes it',
      rows: [monday('09:00', 'created'), monday('09:30', 'reply', { author: 'agent' }), monday('11:00', 'reply', { author: 'agent' }), monday('11:10', 'resolved')],
      expected: [[1, '10:30', 'missed']],
    },
    {
      name: 'gaps that stay short owe nothing',
      rows: [monday('09:00', 'created'), monday('09:30', 'reply', { author: 'agent' }), monday('10:20', 'reply', { author: 'agent' }), monday('10:30', 'resolved')],
      expected: [],
    },
    {
      name: 'the current gap projects a pending one',
      rows: [monday('09:00', 'created'), monday('09:30', 'reply', { author: 'agent' })],
      asOf: '2026-11-16T10:00:00-05:00',
      expected: [[1, '10:30', 'pending']],
    },
  ];
  it.each(table)('$name', ({ rows, asOf, expected }) => {
    expect(escalationsOf(parts, rows, asOf)).toEqual(expected);
  });
});
