/**
 * SEMANTICS.md: pauses, severity changes, the as-of instant and ties in
 * event order. Resolution target 120 minutes on a UTC clock open around the
 * clock unless the case says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, metricOf, row } from './helpers.js';

const at = (time: string): string => `2026-03-02T${time}:00Z`;

describe('pauses', () => {
  const sla = agreement('metric Fix { measures resolution clock Utc target 120 minutes }');

  it.each([
    ['exact', 'Waiting on customer'],
    ['other case', 'WAITING ON CUSTOMER'],
    ['surrounding blanks', '"  waiting on Customer  "'],
  ])('status match is case-insensitive and trimmed (%s): 30 + 30 minutes', async (_label, status) => {
    const { code, report } = await check(sla, csv([
      row('T', at('10:00'), 'created'),
      row('T', at('10:30'), 'status', { status }),
      row('T', at('11:30'), 'status', { status: 'In progress' }),
      row('T', at('12:00'), 'resolved'),
    ]));
    expect(code).toBe(0);
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'met', elapsedMinutes: 60 });
  });

  it('a status that is not a pause status does not pause', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created'),
      row('T', at('10:30'), 'status', { status: 'Waiting on customer approval' }),
      row('T', at('12:30'), 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'breached', elapsedMinutes: 150 });
  });

  it('a pause spanning the close and the next opening counts only the unpaused open time', async () => {
    const business = agreement('metric Fix { measures resolution clock BusinessHours target 120 minutes }');
    // Mon 17:00-17:30 counts (30); paused to Tue 09:00 (Tue 08:00-09:00 paused); Tue 09:00-10:00 counts (60).
    const { report } = await check(business, csv([
      row('T', '2026-03-02T17:00:00-05:00', 'created'),
      row('T', '2026-03-02T17:30:00-05:00', 'status', { status: 'Waiting on customer' }),
      row('T', '2026-03-03T09:00:00-05:00', 'status', { status: 'Open' }),
      row('T', '2026-03-03T10:00:00-05:00', 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'met', elapsedMinutes: 90 });
  });

  it('due is null when paused at as-of and the target is not reached', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('10:30'), 'status', { status: 'Waiting on customer' })]), ['--as-of', at('15:00')]);
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'pending', elapsedMinutes: 30, due: null });
  });

  it('due is the past crossing when paused at as-of after the target was reached', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('12:30'), 'status', { status: 'Waiting on customer' })]), ['--as-of', at('15:00')]);
    const fix = metricOf(report, 'T', 'Fix');
    expect(fix).toMatchObject({ status: 'breached', elapsedMinutes: 150 });
    expect(Date.parse(fix.due)).toBe(Date.parse(at('12:00')));
  });

  it('due of a running ticket moves by the pause that is over (10:30-11:00 paused: due 12:30)', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created'),
      row('T', at('10:30'), 'status', { status: 'Waiting on customer' }),
      row('T', at('11:00'), 'status', { status: 'Open' }),
    ]), ['--as-of', at('11:00')]);
    const fix = metricOf(report, 'T', 'Fix');
    expect(fix).toMatchObject({ status: 'pending', elapsedMinutes: 30 });
    expect(Date.parse(fix.due)).toBe(Date.parse(at('12:30')));
  });

  it('pauses stop every clock, first response too', async () => {
    const both = agreement('metric FirstResponse { measures first response clock Utc target 30 minutes }');
    const { report } = await check(both, csv([
      row('T', at('10:00'), 'created'),
      row('T', at('10:10'), 'status', { status: 'Waiting on customer' }),
      row('T', at('11:00'), 'status', { status: 'Open' }),
      row('T', at('11:15'), 'reply', { author: 'agent' }),
    ]));
    expect(metricOf(report, 'T', 'FirstResponse')).toMatchObject({ status: 'met', elapsedMinutes: 25 });
  });
});

describe('severity', () => {
  const sla = agreement(`
metric Fix { measures resolution clock Utc target High 60 minutes target Low 240 minutes }
metric HighOnly { measures first response clock Utc target High 30 minutes }
`);

  it('a severity change re-targets the whole ticket and can breach at once', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created', { severity: 'Low' }), row('T', at('11:30'), 'severity', { severity: 'High' })]));
    const fix = metricOf(report, 'T', 'Fix');
    expect(report.tickets[0].severity).toBe('High');
    expect(fix).toMatchObject({ status: 'breached', elapsedMinutes: 90, targetMinutes: 60 });
    expect(Date.parse(fix.due)).toBe(Date.parse(at('11:00')));
  });

  it('a ticket created without a severity has the default one', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('11:30'), 'reply', { author: 'agent' })]));
    expect(report.tickets[0].severity).toBe('Low');
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'pending', elapsedMinutes: 90, targetMinutes: 240 });
  });

  it('a metric with no target for the severity does not apply to the ticket', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('11:30'), 'reply', { author: 'agent' })]));
    expect(metricOf(report, 'T', 'HighOnly')).toBeUndefined();
  });

  it('the target is the severity at the stop: a change after resolution changes nothing', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created', { severity: 'Low' }),
      row('T', at('11:30'), 'resolved'),
      row('T', at('11:40'), 'severity', { severity: 'High' }),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'met', elapsedMinutes: 90, targetMinutes: 240 });
  });
});

describe('as-of', () => {
  const sla = agreement('metric FirstResponse { measures first response clock Utc target 60 minutes }');
  const rows = [
    row('B', at('10:20'), 'created'),
    row('A', at('10:00'), 'created'),
    row('A', at('10:50'), 'reply', { author: 'agent' }),
  ];

  it('defaults to the latest event time in the log, whatever the row order', async () => {
    const { report } = await check(sla, csv([row('A', at('10:50'), 'reply', { author: 'agent' }), row('A', at('10:00'), 'created'), row('B', at('10:20'), 'created')]));
    expect(Date.parse(report.asOf)).toBe(Date.parse(at('10:50')));
    expect(metricOf(report, 'B', 'FirstResponse')).toMatchObject({ status: 'pending', elapsedMinutes: 30 });
    // Tickets oldest created first.
    expect(report.tickets.map((t: { id: string }) => t.id)).toEqual(['A', 'B']);
  });

  it('--as-of makes the report then; later events are ignored', async () => {
    const { report } = await check(sla, csv(rows), ['--as-of', at('10:40')]);
    expect(Date.parse(report.asOf)).toBe(Date.parse(at('10:40')));
    expect(metricOf(report, 'A', 'FirstResponse')).toMatchObject({ status: 'pending', elapsedMinutes: 40 });
    expect(metricOf(report, 'B', 'FirstResponse')).toMatchObject({ status: 'pending', elapsedMinutes: 20 });
    expect(report.ignoredAfterAsOf).toBe(1);
  });

  it('a ticket created after --as-of is not reported', async () => {
    const { report } = await check(sla, csv(rows), ['--as-of', at('10:10')]);
    expect(report.tickets.map((t: { id: string }) => t.id)).toEqual(['A']);
  });
});

describe('ties: same instant, file order decides', () => {
  const sla = agreement('metric Fix { measures resolution clock Utc target High 60 minutes target Low 240 minutes }');

  it('severity then resolved at the same second: the new severity is the one at the stop', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created', { severity: 'Low' }),
      row('T', at('11:30'), 'severity', { severity: 'High' }),
      row('T', at('11:30'), 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'breached', targetMinutes: 60, elapsedMinutes: 90 });
  });

  it('resolved then severity at the same second: the old severity is the one at the stop', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created', { severity: 'Low' }),
      row('T', at('11:30'), 'resolved'),
      row('T', at('11:30'), 'severity', { severity: 'High' }),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'met', targetMinutes: 240, elapsedMinutes: 90 });
  });

  it('file order decides even when the rows are far apart in the file', async () => {
    const { report } = await check(sla, csv([
      row('T', at('11:30'), 'severity', { severity: 'High' }),
      row('T', at('10:00'), 'created', { severity: 'Low' }),
      row('U', at('10:00'), 'created'),
      row('T', at('11:30'), 'resolved'),
    ]));
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'breached', targetMinutes: 60 });
  });

  it.each([
    ['reply then resolved', ['reply', 'resolved']],
    ['resolved then reply', ['resolved', 'reply']],
  ])('first response with %s at the same second stops there either way', async (_label, order) => {
    const fr = agreement('metric FirstResponse { measures first response clock Utc target 30 minutes }');
    const events = order.map((event) => row('T', at('10:20'), event, event === 'reply' ? { author: 'agent' } : {}));
    const { report } = await check(fr, csv([row('T', at('10:00'), 'created'), ...events]), ['--as-of', at('12:00')]);
    expect(metricOf(report, 'T', 'FirstResponse')).toMatchObject({ status: 'met', elapsedMinutes: 20 });
  });

  it('resolved then reopened at the same second: the clock runs on', async () => {
    const { report } = await check(sla, csv([
      row('T', at('10:00'), 'created'),
      row('T', at('10:30'), 'resolved'),
      row('T', at('10:30'), 'reopened'),
    ]), ['--as-of', at('15:00')]);
    // 30 + 270 minutes, still running.
    expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'breached', elapsedMinutes: 300 });
  });

  it('pause status then resolved at the same second vs resolved then pause: no difference to resolution', async () => {
    for (const order of [['status', 'resolved'], ['resolved', 'status']]) {
      const events = order.map((event) => row('T', at('10:30'), event, event === 'status' ? { status: 'Waiting on customer' } : {}));
      const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), ...events]), ['--as-of', at('15:00')]);
      expect(metricOf(report, 'T', 'Fix')).toMatchObject({ status: 'met', elapsedMinutes: 30 });
    }
  });
});
