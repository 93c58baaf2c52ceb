/**
 * SEMANTICS.md "Worked examples": each row of the business-time table, run
 * through a real ticket whose first response comes exactly that many minutes
 * of open time after creation, and the `2 business days` example.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, metricOf, row } from './helpers.js';

const WORKED = [
  { clock: 'BusinessHours', from: '2026-11-20T17:30:00-05:00', to: '2026-11-23T08:45:00-05:00', minutes: 75, lastOpen: '2026-11-23T08:45:00-05:00' },
  { clock: 'BusinessHours', from: '2026-11-25T17:00:00-05:00', to: '2026-11-27T09:00:00-05:00', minutes: 120, lastOpen: '2026-11-27T09:00:00-05:00' },
  { clock: 'OnCall', from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', minutes: 1500, lastOpen: '2026-10-26T00:00:00+01:00' },
  // The Sunday night shift ends at 06:00 Monday; the reply at 07:00 adds nothing.
  { clock: 'NightDesk', from: '2026-10-24T20:00:00+02:00', to: '2026-10-26T07:00:00+01:00', minutes: 480, lastOpen: '2026-10-26T06:00:00+01:00' },
];

function firstResponseOn(clock: string, minutes: number): string {
  return agreement(`metric FirstResponse { measures first response clock ${clock} target ${minutes} minutes }`);
}

function log(from: string, to: string): string {
  return csv([row('T-1', from, 'created'), row('T-1', to, 'reply', { author: 'agent' })]);
}

describe('worked examples: business time through a first response', () => {
  it.each(WORKED)('$clock $from -> $to is $minutes minutes: met at a target of exactly that', async ({ clock, from, to, minutes, lastOpen }) => {
    const { code, report } = await check(firstResponseOn(clock, minutes), log(from, to));
    expect(code).toBe(0);
    const metric = metricOf(report, 'T-1', 'FirstResponse');
    expect(metric.status).toBe('met');
    expect(metric.elapsedMinutes).toBe(minutes);
    expect(metric.targetMinutes).toBe(minutes);
    // Elapsed reached the target at the last open instant before (or at) the reply.
    expect(Date.parse(metric.due)).toBe(Date.parse(lastOpen));
  });

  it.each(WORKED)('$clock $from -> $to: breached at a target one minute shorter, due one open minute earlier', async ({ clock, from, to, minutes, lastOpen }) => {
    const { code, report } = await check(firstResponseOn(clock, minutes - 1), log(from, to));
    expect(code).toBe(0); // no objective, no credit: a breach alone exits 0 without --strict
    const metric = metricOf(report, 'T-1', 'FirstResponse');
    expect(metric.status).toBe('breached');
    expect(metric.elapsedMinutes).toBe(minutes);
    expect(Date.parse(metric.due)).toBe(Date.parse(lastOpen) - 60_000);
  });
});

describe('worked example: 2 business days', () => {
  const sla = agreement('metric Fix { measures resolution clock BusinessHours target 2 business days }');

  it('a ticket opened Wed 2026-11-25 10:00 is due Mon 2026-11-30 18:00 with a target of 1680 minutes', async () => {
    // Wed 10:00-18:00 = 480, Thu holiday, Fri 600, Mon 600: 1680.
    const { report } = await check(sla, csv([row('T-1', '2026-11-25T10:00:00-05:00', 'created'), row('T-1', '2026-11-25T11:00:00-05:00', 'reply', { author: 'agent' })]));
    const fix = metricOf(report, 'T-1', 'Fix');
    expect(fix.status).toBe('pending');
    expect(fix.elapsedMinutes).toBe(60);
    expect(fix.targetMinutes).toBe(1680);
    expect(fix.due).toBe('2026-11-30T18:00:00-05:00');
  });

  it('resolved Mon 2026-11-30 17:59 is met, 18:01 is breached', async () => {
    const base = [row('T-1', '2026-11-25T10:00:00-05:00', 'created')];
    const met = await check(sla, csv([...base, row('T-1', '2026-11-30T17:59:00-05:00', 'resolved')]));
    expect(metricOf(met.report, 'T-1', 'Fix')).toMatchObject({ status: 'met', elapsedMinutes: 1679, targetMinutes: 1680 });
    // After 18:00 Monday the clock is closed: a resolution Tue 08:01 has 1681 minutes.
    const late = await check(sla, csv([...base, row('T-1', '2026-12-01T08:01:00-05:00', 'resolved')]));
    expect(metricOf(late.report, 'T-1', 'Fix')).toMatchObject({ status: 'breached', elapsedMinutes: 1681, targetMinutes: 1680 });
  });
});

describe('1.1 worked example: holidays "DE-BE"', () => {
  const berlin = `
calendar Berlin {
  timezone "Europe/Berlin"
  hours Mon-Fri 08:00-17:00
  holidays "DE-BE"
  holidays {
    annually 12-24 hours 08:00-12:00 "Christmas Eve"
    2026-05-01 hours 09:00-13:00 "Open on May Day"
  }
}`;
  const sla = (minutes: number) => agreement(`${berlin}\nmetric FirstResponse { measures first response clock Berlin target ${minutes} minutes }`);
  const log = (from: string, to: string) => csv([row('T-1', from, 'created'), row('T-1', to, 'reply', { author: 'agent' })]);

  it.each([
    // Thu 16:00-17:00, Good Friday and Easter Monday closed, Tue 08:00-09:00.
    { from: '2026-04-02T16:00:00+02:00', to: '2026-04-07T09:00:00+02:00', minutes: 120 },
    // Labour Day 2026 opened by a dated line 09:00-13:00: 10:00-13:00.
    { from: '2026-05-01T10:00:00+02:00', to: '2026-05-04T08:00:00+02:00', minutes: 180 },
    // Christmas Eve 2027 (Fri) an annual short day 08:00-12:00; 25th and 26th the set's: Thu 23rd 16:00-17:00 + 240.
    { from: '2027-12-23T16:00:00+01:00', to: '2027-12-27T08:00:00+01:00', minutes: 300 },
  ])('$from -> $to is $minutes minutes', async ({ from, to, minutes }) => {
    const { code, report, stderr } = await check(sla(minutes), log(from, to));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(metricOf(report, 'T-1', 'FirstResponse')).toMatchObject({ status: 'met', elapsedMinutes: minutes, targetMinutes: minutes });
  });
});
