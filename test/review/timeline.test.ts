/**
 * Ticket timelines over small hand-written logs, with every figure worked
 * out by hand on BusinessHours (Mon-Fri 08:00-18:00 New York). Each table
 * row is [wall time, kind, metric, words the sentence must contain].
 */
import { describe, expect, it } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import { ticketTimeline, type TicketTimeline } from '../../review/timeline/timeline.js';
import { agreement, at, events, hours, metric, minutes, type EventRow } from '../runtime/evaluate/fixtures.js';

const agent = { author: 'agent' } as const;
const customer = { author: 'customer' } as const;

/** First response in 1 hour; resolution in 4 hours (Critical) or 8 (Standard); two escalation levels, the first named by the metric's title. */
const support: AgreementModel = agreement({
  metrics: [
    metric('FirstResponse', 'firstResponse', { target: hours(1), title: 'First response' }),
    metric('Resolution', 'resolution', { targets: { Critical: hours(4), Standard: hours(8) }, title: 'Incident resolution' }),
  ],
  escalation: {
    clock: 'BusinessHours',
    levels: [
      { level: 1, who: 'Team lead', trigger: { kind: 'at', percent: 50, metric: 'Resolution' } },
      { level: 2, who: 'Duty manager', trigger: { kind: 'after', duration: hours(6) } },
    ],
  },
});

type Expected = [local: string, kind: string, metric: string | undefined, words: string];

function timelineOf(model: AgreementModel, rows: EventRow[], asOf: string): TicketTimeline {
  return ticketTimeline(model, events(rows), at(asOf));
}

function expectEntries(timeline: TicketTimeline, expected: readonly Expected[]): void {
  expect(timeline.entries.map((entry) => [entry.local, entry.kind, entry.metric])).toEqual(expected.map(([local, kind, name]) => [local, kind, name]));
  timeline.entries.forEach((entry, index) => expect(entry.text).toContain(expected[index]![3]));
}

describe('a met ticket with a pause', () => {
  const rows: EventRow[] = [
    ['T', '2026-03-02T09:00:00-05:00', 'created'],
    ['T', '2026-03-02T09:40:00-05:00', 'reply', agent],
    ['T', '2026-03-02T10:00:00-05:00', 'status', { status: 'Waiting on customer' }],
    ['T', '2026-03-02T12:00:00-05:00', 'status', { status: 'In progress' }],
    ['T', '2026-03-02T15:00:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(support, rows, '2026-03-02T15:00:00-05:00');

  it('lists created, the reply, the pause and resume, the resolution, and when each target was due', () => {
    expectEntries(timeline, [
      ['2026-03-02T09:00:00-05:00', 'created', undefined, 'created at severity Standard with no channel (log line 2)'],
      ['2026-03-02T09:40:00-05:00', 'reply', undefined, 'An agent replied (log line 3)'],
      ['2026-03-02T09:40:00-05:00', 'met', 'FirstResponse', '40m of 1h counted'],
      // First response has stopped: only the resolution and escalation clocks pause.
      ['2026-03-02T10:00:00-05:00', 'pause', undefined, 'the clock of Incident resolution and the escalation clock pause'],
      ['2026-03-02T10:00:00-05:00', 'due', 'FirstResponse', 'after it was met'],
      ['2026-03-02T12:00:00-05:00', 'resume', undefined, 'resume after 2h paused'],
      ['2026-03-02T15:00:00-05:00', 'resolved', undefined, 'resolved (log line 6)'],
      ['2026-03-02T15:00:00-05:00', 'met', 'Resolution', '4h of 8h counted'],
      // 60 minutes before the pause, 360 on Monday afternoon, 60 on Tuesday: 480.
      ['2026-03-03T09:00:00-05:00', 'due', 'Resolution', 'falls due, after it was met'],
    ]);
  });

  it('gives the verdicts with elapsed against target and why', () => {
    expect(timeline.metrics.map(({ reason, ...figures }) => figures)).toEqual([
      // Stopped by the agent's reply (09:40) and the resolution (15:00), as slac check --format json says.
      { metric: 'FirstResponse', status: 'met', elapsedMinutes: 40, targetMinutes: 60, due: '2026-03-02T10:00:00-05:00', stoppedAt: '2026-03-02T09:40:00-05:00' },
      { metric: 'Resolution', status: 'met', elapsedMinutes: 240, targetMinutes: 480, due: '2026-03-03T09:00:00-05:00', stoppedAt: '2026-03-02T15:00:00-05:00' },
    ]);
    expect(timeline.metrics[1]!.reason).toBe(
      'Met: 4h of business time counted of 6h on the wall clock (2h paused not counted), within the 8h (8 business hours, severity Standard) target; stopped by the resolution (log line 6).',
    );
  });

  it('owes no escalation: 50% of Resolution (240 minutes) is reached only as it stops', () => {
    expect(timeline.entries.filter((entry) => entry.kind === 'escalation')).toEqual([]);
  });
});

describe('a target met on its due instant', () => {
  // The reply comes exactly 1h after creation: met (elapsed <= target), due at the same instant.
  const rows: EventRow[] = [
    ['T', '2026-03-02T09:00:00-05:00', 'created'],
    ['T', '2026-03-02T10:00:00-05:00', 'reply', agent],
  ];
  const timeline = timelineOf(support, rows, '2026-03-02T10:00:00-05:00');

  it('says it was met before it says the target fell due "after it was met" (the other way round before)', () => {
    expect(timeline.entries.filter((entry) => entry.metric === 'FirstResponse').map((entry) => [entry.local, entry.kind, entry.text])).toEqual([
      ['2026-03-02T10:00:00-05:00', 'met', 'First response met: 1h of 1h counted when the agent reply (log line 3) stopped it.'],
      ['2026-03-02T10:00:00-05:00', 'due', 'First response target of 1h falls due, after it was met.'],
    ]);
  });
});

describe('a breached ticket: severity raised mid-flight, resolved, reopened', () => {
  const rows: EventRow[] = [
    ['U', '2026-03-02T09:00:00-05:00', 'created'],
    ['U', '2026-03-02T09:10:00-05:00', 'reply', agent],
    ['U', '2026-03-02T10:00:00-05:00', 'severity', { severity: 'Critical' }],
    ['U', '2026-03-02T11:00:00-05:00', 'resolved'],
    ['U', '2026-03-02T13:00:00-05:00', 'reopened'],
    ['U', '2026-03-02T13:30:00-05:00', 'escalated', { level: 1 }],
    ['U', '2026-03-02T17:00:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(support, rows, '2026-03-02T17:00:00-05:00');

  it('takes the Critical target (4h) and breaches at 15:00: 120 minutes before the first resolution, 120 after the reopening', () => {
    expect(timeline.severity).toBe('Critical');
    expect(timeline.metrics[1]).toMatchObject({ metric: 'Resolution', status: 'breached', elapsedMinutes: 360, targetMinutes: 240, due: '2026-03-02T15:00:00-05:00' });
    expect(timeline.metrics[1]!.reason).toContain('over the 4h (4 business hours, severity Critical) target, which fell due 2026-03-02T15:00:00-05:00; stopped by the resolution (log line 8)');
    expect(timeline.metrics[1]!.reason).toContain('6h of business time counted of 8h on the wall clock (2h while resolved not counted)');
  });

  it('lists the severity change, the reopening, the escalation owed at 50% (late) and the breach', () => {
    expectEntries(timeline, [
      ['2026-03-02T09:00:00-05:00', 'created', undefined, 'severity Standard'],
      ['2026-03-02T09:10:00-05:00', 'reply', undefined, 'An agent replied'],
      ['2026-03-02T09:10:00-05:00', 'met', 'FirstResponse', '10m of 1h'],
      ['2026-03-02T10:00:00-05:00', 'severity', undefined, 'Severity changed from Standard to Critical (log line 4)'],
      ['2026-03-02T10:00:00-05:00', 'due', 'FirstResponse', 'after it was met'],
      ['2026-03-02T11:00:00-05:00', 'resolved', undefined, 'resolved (log line 5)'],
      // 50% of the 4h target is reached at 11:00, before the final stop at 17:00.
      ['2026-03-02T11:00:00-05:00', 'escalation', 'Resolution', 'owed at 50% of Incident resolution: late, escalated 2h 30m after it was due'],
      ['2026-03-02T13:00:00-05:00', 'reopened', undefined, 'the resolution clock runs again'],
      ['2026-03-02T13:30:00-05:00', 'escalation', undefined, 'escalated to level 1 (log line 7)'],
      ['2026-03-02T15:00:00-05:00', 'breached', 'Resolution', 'fell due before the resolution (log line 8) stopped the clock'],
      ['2026-03-02T17:00:00-05:00', 'resolved', undefined, 'resolved (log line 8)'],
    ]);
  });
});

describe('a pending ticket across a weekend and a daylight-saving change, paused at the as-of instant', () => {
  const rows: EventRow[] = [
    ['V', '2026-03-06T17:00:00-05:00', 'created', { channel: 'Email' }],
    ['V', '2026-03-09T08:30:00-04:00', 'reply', { ...agent, channel: 'Chat' }],
    ['V', '2026-03-09T09:00:00-04:00', 'status', { status: 'Waiting on customer' }],
  ];
  const timeline = timelineOf(support, rows, '2026-03-09T12:00:00-04:00');

  it('summarises the weekend as time outside service hours, not a line per night', () => {
    // Fri 17:00-18:00 and Mon 08:00-08:30: 90 minutes; 2d 14h 30m on the wall clock; the hour was up at Friday's close.
    expect(timeline.metrics[0]).toMatchObject({ status: 'breached', elapsedMinutes: 90, targetMinutes: 60, due: '2026-03-06T18:00:00-05:00' });
    expect(timeline.metrics[0]!.reason).toContain('1h 30m of business time counted of 2d 14h 30m on the wall clock (2d 13h outside service hours not counted)');
  });

  it('keeps the first channel, and never gives a due instant while paused', () => {
    expect(timeline.channel).toBe('Email');
    expect(timeline.metrics[1]).toEqual({ metric: 'Resolution', status: 'pending', elapsedMinutes: 120, targetMinutes: 480, due: null, reason: expect.stringContaining('never due while paused') });
    expectEntries(timeline, [
      ['2026-03-06T17:00:00-05:00', 'created', undefined, 'via Email'],
      ['2026-03-06T18:00:00-05:00', 'breached', 'FirstResponse', 'fell due before the agent reply (log line 3) stopped the clock'],
      ['2026-03-09T08:30:00-04:00', 'reply', undefined, 'An agent replied'],
      ['2026-03-09T08:30:00-04:00', 'channel', undefined, 'given as Chat (log line 3); targets keep the first channel, Email'],
      ['2026-03-09T09:00:00-04:00', 'pause', undefined, 'the clock of Incident resolution and the escalation clock pause'],
      ['2026-03-09T12:00:00-04:00', 'pending', 'Resolution', '2h of 8h counted'],
    ]);
  });
});

describe('next reply cycles', () => {
  const model = agreement({ metrics: [metric('Reply', 'nextReply', { target: hours(2), title: 'Next reply' })] });
  const rows: EventRow[] = [
    ['W', '2026-12-02T08:00:00-05:00', 'created'],
    ['W', '2026-12-02T08:30:00-05:00', 'reply', agent],
    ['W', '2026-12-02T17:00:00-05:00', 'reply', customer],
    ['W', '2026-12-03T09:30:00-05:00', 'reply', agent],
    ['W', '2026-12-03T10:00:00-05:00', 'reply', customer],
    ['W', '2026-12-03T10:30:00-05:00', 'reply', agent],
    ['W', '2026-12-03T11:00:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(model, rows, '2026-12-03T11:00:00-05:00');

  it('names the decisive cycle: Wed 17:00 to Thu 09:30 is 150 minutes against 120, due Thu 09:00', () => {
    expect(timeline.metrics[0]).toMatchObject({ status: 'breached', elapsedMinutes: 150, targetMinutes: 120, due: '2026-12-03T09:00:00-05:00' });
    expect(timeline.metrics[0]!.reason).toContain('2 reply cycles were measured; the decisive one began 2026-12-02T17:00:00-05:00');
    expect(timeline.entries.filter((entry) => entry.metric === 'Reply').map((entry) => [entry.local, entry.kind])).toEqual([['2026-12-03T09:00:00-05:00', 'breached']]);
    expect(timeline.entries.filter((entry) => entry.kind === 'reply').map((entry) => entry.text.split(' (')[0])).toEqual([
      'An agent replied',
      'The customer replied',
      'An agent replied',
      'The customer replied',
      'An agent replied',
    ]);
  });
});

describe('events the check leaves out', () => {
  it('leaves out events after the as-of instant', () => {
    const rows: EventRow[] = [
      ['X', '2026-03-02T09:00:00-05:00', 'created'],
      ['X', '2026-03-02T09:30:00-05:00', 'reply', agent],
      ['X', '2026-03-02T16:00:00-05:00', 'resolved'],
    ];
    const timeline = timelineOf(support, rows, '2026-03-02T12:00:00-05:00');
    expect(timeline.entries.some((entry) => entry.kind === 'resolved')).toBe(false);
    expect(timeline.metrics[1]).toMatchObject({ status: 'pending', elapsedMinutes: 180, due: '2026-03-02T17:00:00-05:00' });
    expect(timeline.entries.at(-1)).toMatchObject({ local: '2026-03-02T17:00:00-05:00', kind: 'due', metric: 'Resolution', text: expect.stringContaining('projected') });
  });
});

describe('pauses per metric (1.1 `pause never`)', () => {
  const model = agreement({
    metrics: [
      { ...metric('FirstResponse', 'firstResponse', { target: hours(1), title: 'First response' }), pause: { statuses: [] } },
      metric('Resolution', 'resolution', { target: hours(8) }),
    ],
  });
  const rows: EventRow[] = [
    ['P', '2026-03-02T09:00:00-05:00', 'created'],
    ['P', '2026-03-02T09:10:00-05:00', 'status', { status: 'In progress' }],
    ['P', '2026-03-02T09:20:00-05:00', 'status', { status: 'waiting on customer ' }],
    ['P', '2026-03-02T09:50:00-05:00', 'reply', agent],
    ['P', '2026-03-02T10:20:00-05:00', 'status', { status: 'In progress' }],
  ];
  const timeline = timelineOf(model, rows, '2026-03-02T10:20:00-05:00');

  it('pauses only the clocks whose pause statuses match, and a plain status is a status entry', () => {
    expect(timeline.entries.filter((entry) => ['status', 'pause', 'resume'].includes(entry.kind)).map((entry) => [entry.kind, entry.text])).toEqual([
      ['status', 'Status changed to "In progress" (log line 3).'],
      ['pause', 'Status changed to "waiting on customer" (log line 4): the clock of Resolution pauses.'],
      ['resume', 'Status changed to "In progress" (log line 6): the clock of Resolution resumes after 1h paused.'],
    ]);
    // First response never pauses: 50 minutes; resolution: 20 + 0 = 20 minutes so far.
    expect(timeline.metrics.map((each) => [each.metric, each.status, each.elapsedMinutes])).toEqual([
      ['FirstResponse', 'met', 50],
      ['Resolution', 'pending', 20],
    ]);
  });
});

describe('update intervals', () => {
  const model = agreement({ metrics: [metric('Updates', 'updateInterval', { target: hours(2), title: 'Updates' })] });
  const rows: EventRow[] = [
    ['U', '2026-12-02T08:00:00-05:00', 'created'],
    ['U', '2026-12-02T09:00:00-05:00', 'reply', agent],
    ['U', '2026-12-02T10:30:00-05:00', 'reply', agent],
    ['U', '2026-12-02T11:00:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(model, rows, '2026-12-02T11:00:00-05:00');

  it('counts the gaps in the plural: created to the first update, the first to the second, the second to the resolution', () => {
    expect(timeline.metrics[0]!.reason).toContain('3 gaps between updates were measured; the decisive one began 2026-12-02T09:00:00-05:00');
  });
});

describe('an estimate', () => {
  const model = agreement({ metrics: [metric('Estimate', 'firstEstimate', { target: hours(2), title: 'Estimate' })] });
  const rows: EventRow[] = [
    ['E', '2026-12-02T08:00:00-05:00', 'created'],
    ['E', '2026-12-02T08:30:00-05:00', 'reply', agent],
    ['E', '2026-12-02T09:00:00-05:00', 'estimate'],
  ];
  const timeline = timelineOf(model, rows, '2026-12-02T09:00:00-05:00');

  it('is an estimate entry, not a reply', () => {
    expect(timeline.entries.filter((entry) => entry.kind === 'estimate' || entry.kind === 'reply').map((entry) => [entry.kind, entry.text])).toEqual([
      ['reply', 'An agent replied (log line 3).'],
      ['estimate', 'An estimate was given (log line 4).'],
    ]);
  });
});

/** The entries of one metric, as [wall time, kind, sentence]. */
function metricEntries(timeline: TicketTimeline, name: string): [string, string, string][] {
  return timeline.entries.filter((entry) => entry.metric === name).map((entry) => [entry.local, entry.kind, entry.text]);
}

describe('gaps between updates over their target: each in words, and the event that ended the decisive one', () => {
  const model = agreement({ metrics: [metric('Upd', 'updateInterval', { target: hours(1), clock: 'AroundTheClock' })] });
  // Gaps: 00:00-01:10 (70m), 01:10-03:00 (110m, decisive), 03:00-04:30 (90m), 04:30-04:40.
  const rows: EventRow[] = [
    ['V', '2026-03-02T00:00:00-05:00', 'created'],
    ['V', '2026-03-02T00:30:00-05:00', 'reply', { author: 'system' }],
    ['V', '2026-03-02T01:10:00-05:00', 'reply', agent],
    ['V', '2026-03-02T02:30:00-05:00', 'reply', customer],
    ['V', '2026-03-02T03:00:00-05:00', 'reply', agent],
    ['V', '2026-03-02T04:30:00-05:00', 'reply', agent],
    ['V', '2026-03-02T04:40:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(model, rows, '2026-03-02T04:40:00-05:00');

  it('says "in the gap between updates that began", in the singular, for each other gap over its target', () => {
    expect(metricEntries(timeline, 'Upd').filter(([, , text]) => text.includes('went over'))).toEqual([
      ['2026-03-02T01:00:00-05:00', 'breached', 'Upd went over its 1h target in the gap between updates that began 2026-03-02T00:00:00-05:00.'],
      ['2026-03-02T04:00:00-05:00', 'breached', 'Upd went over its 1h target in the gap between updates that began 2026-03-02T03:00:00-05:00.'],
    ]);
  });

  it('names the agent reply at 03:00 (line 6) that ended the decisive gap, not the resolution', () => {
    expect(metricEntries(timeline, 'Upd').find(([local]) => local === '2026-03-02T02:10:00-05:00')).toEqual([
      '2026-03-02T02:10:00-05:00',
      'breached',
      'Upd breached: its 1h target fell due before the agent reply (log line 6) stopped the clock.',
    ]);
    expect(timeline.metrics[0]!.reason).toBe(
      'Breached: 4 gaps between updates were measured; the decisive one began 2026-03-02T01:10:00-05:00: 1h 50m counted of 1h 50m on the wall clock, ' +
        'over the 1h (1 hour, severity Standard) target, which fell due 2026-03-02T02:10:00-05:00; stopped by the agent reply (log line 6).',
    );
  });

  it('names the agent reply that ended the decisive gap while a later gap is still open at the as-of instant', () => {
    const open = timelineOf(model, rows.slice(0, 6), '2026-03-02T03:30:00-05:00');
    expect(metricEntries(open, 'Upd').find(([local]) => local === '2026-03-02T02:10:00-05:00')?.[2]).toBe('Upd breached: its 1h target fell due before the agent reply (log line 6) stopped the clock.');
    expect(open.metrics[0]!.reason).toContain('which fell due 2026-03-02T02:10:00-05:00; stopped by the agent reply (log line 6).');
  });
});

describe('reply cycles over their target: each in words, and the event that ended the decisive one', () => {
  const model = agreement({ metrics: [metric('NR', 'nextReply', { target: hours(1), clock: 'AroundTheClock' })] });
  // Cycles: 01:00-02:30 (90m), 03:00-05:00 (120m, decisive).
  const breached = timelineOf(
    model,
    [
      ['M', '2026-03-02T00:00:00-05:00', 'created'],
      ['M', '2026-03-02T00:10:00-05:00', 'reply', agent],
      ['M', '2026-03-02T01:00:00-05:00', 'reply', customer],
      ['M', '2026-03-02T02:30:00-05:00', 'reply', agent],
      ['M', '2026-03-02T03:00:00-05:00', 'reply', customer],
      ['M', '2026-03-02T05:00:00-05:00', 'reply', agent],
      ['M', '2026-03-02T06:00:00-05:00', 'resolved'],
    ],
    '2026-03-02T06:00:00-05:00',
  );

  it('says "in the reply cycle that began", in the singular, for the other cycle over its target', () => {
    expect(metricEntries(breached, 'NR')[0]).toEqual(['2026-03-02T02:00:00-05:00', 'breached', 'NR went over its 1h target in the reply cycle that began 2026-03-02T01:00:00-05:00.']);
  });

  it('names the agent reply at 05:00 (line 7) that ended the decisive cycle, not the resolution', () => {
    expect(metricEntries(breached, 'NR')[1]).toEqual(['2026-03-02T04:00:00-05:00', 'breached', 'NR breached: its 1h target fell due before the agent reply (log line 7) stopped the clock.']);
    expect(breached.metrics[0]!.reason).toContain('2 reply cycles were measured; the decisive one began 2026-03-02T03:00:00-05:00');
    expect(breached.metrics[0]!.reason).toContain('which fell due 2026-03-02T04:00:00-05:00; stopped by the agent reply (log line 7).');
  });

  it('met: names the agent reply that ended the decisive cycle, and the resolution that stopped the metric', () => {
    const rows: EventRow[] = [
      ['N', '2026-03-02T00:00:00-05:00', 'created'],
      ['N', '2026-03-02T00:10:00-05:00', 'reply', agent],
      ['N', '2026-03-02T01:00:00-05:00', 'reply', customer],
      ['N', '2026-03-02T01:50:00-05:00', 'reply', agent],
      ['N', '2026-03-02T02:00:00-05:00', 'reply', customer],
      ['N', '2026-03-02T02:20:00-05:00', 'reply', agent],
      ['N', '2026-03-02T03:00:00-05:00', 'resolved'],
    ];
    const timeline = timelineOf(model, rows, '2026-03-02T03:00:00-05:00');
    expect(timeline.metrics[0]!.reason).toBe(
      'Met: 2 reply cycles were measured; the decisive one began 2026-03-02T01:00:00-05:00: 50m counted of 50m on the wall clock, ' +
        'within the 1h (1 hour, severity Standard) target; stopped by the agent reply (log line 5).',
    );
    expect(metricEntries(timeline, 'NR')).toEqual([
      ['2026-03-02T02:00:00-05:00', 'due', 'NR target of 1h falls due, after it was met.'],
      ['2026-03-02T03:00:00-05:00', 'met', 'NR met: the resolution (log line 8) stopped it; its decisive reply cycle counted 50m of 1h, stopped by the agent reply (log line 5).'],
    ]);
  });

  it('met: a decisive cycle the resolution ended reads as before', () => {
    const rows: EventRow[] = [
      ['R', '2026-03-02T00:00:00-05:00', 'created'],
      ['R', '2026-03-02T00:10:00-05:00', 'reply', agent],
      ['R', '2026-03-02T01:00:00-05:00', 'reply', customer],
      ['R', '2026-03-02T01:50:00-05:00', 'resolved'],
    ];
    const timeline = timelineOf(model, rows, '2026-03-02T01:50:00-05:00');
    expect(timeline.metrics[0]!.reason).toContain('; stopped by the resolution (log line 5).');
    expect(metricEntries(timeline, 'NR').find(([, kind]) => kind === 'met')).toEqual(['2026-03-02T01:50:00-05:00', 'met', 'NR met: 50m of 1h counted when the resolution (log line 5) stopped it.']);
  });
});

describe('a resume ends pauses of different lengths', () => {
  const model = agreement({
    pause: { statuses: ['Hold', 'Waiting'] },
    metrics: [
      metric('Res', 'resolution', { target: hours(10), clock: 'AroundTheClock' }),
      { ...metric('M2', 'resolution', { target: hours(10), clock: 'AroundTheClock' }), pause: { statuses: ['Waiting'] } },
    ],
    escalation: { clock: 'AroundTheClock', levels: [{ level: 1, who: 'a', trigger: { kind: 'after', duration: minutes(100) } }] },
  });
  const rows: EventRow[] = [
    ['K', '2026-03-02T00:00:00-05:00', 'created'],
    ['K', '2026-03-02T01:00:00-05:00', 'status', { status: 'Hold' }],
    ['K', '2026-03-02T02:00:00-05:00', 'status', { status: 'Waiting' }],
    ['K', '2026-03-02T03:00:00-05:00', 'status', { status: 'Open' }],
    ['K', '2026-03-02T04:00:00-05:00', 'resolved'],
  ];
  const timeline = timelineOf(model, rows, '2026-03-02T04:00:00-05:00');

  it("gives each clock its own pause: Res and the escalation clock 2h (Hold, then Waiting), M2 1h (Waiting only)", () => {
    expect(timeline.entries.filter((entry) => entry.kind === 'pause' || entry.kind === 'resume').map((entry) => [entry.local, entry.text])).toEqual([
      ['2026-03-02T01:00:00-05:00', 'Status changed to "Hold" (log line 3): the clock of Res and the escalation clock pause.'],
      ['2026-03-02T02:00:00-05:00', 'Status changed to "Waiting" (log line 4): the clock of M2 pauses.'],
      ['2026-03-02T03:00:00-05:00', 'Status changed to "Open" (log line 5): the clock of Res and the escalation clock resume after 2h paused; the clock of M2 after 1h paused.'],
    ]);
    expect(timeline.metrics.map((each) => [each.metric, each.elapsedMinutes])).toEqual([
      ['Res', 120],
      ['M2', 180],
    ]);
  });
});
