/**
 * SEMANTICS.md "Objectives, availability, credits": period labels in the
 * metric clock's zone, attainment, uptime and credits.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, row } from './helpers.js';

const NEW_YORK = 'calendar NewYork { timezone "America/New_York" hours Mon-Sun 00:00-24:00 }';

function firstResponse(period: string): string {
  return agreement(`${NEW_YORK}\nmetric FirstResponse { measures first response clock NewYork target 30 minutes objective 90% ${period} }`);
}

describe('period labels in the metric clock zone', () => {
  it.each([
    // 23:30 New York on 31 March is 03:30 UTC on 1 April.
    ['monthly', '2026-03-31T23:30:00-04:00', '2026-03'],
    ['quarterly', '2026-03-31T23:30:00-04:00', '2026-Q1'],
    ['quarterly', '2026-04-01T00:00:00-04:00', '2026-Q2'],
    ['yearly', '2026-12-31T23:30:00-05:00', '2026'],
    // Sunday 1 March 2026 is in ISO week 9; in UTC it is already Monday (week 10).
    ['weekly', '2026-03-01T23:30:00-05:00', '2026-W09'],
    ['weekly', '2026-03-02T00:00:00-05:00', '2026-W10'],
    // 2026 starts on a Thursday, so it has 53 ISO weeks: Friday 1 January 2027 is 2026-W53.
    ['weekly', '2027-01-01T10:00:00-05:00', '2026-W53'],
    ['weekly', '2027-01-04T10:00:00-05:00', '2027-W01'],
  ])('%s: a ticket created %s belongs to %s', async (period, created, label) => {
    const reply = new Date(Date.parse(created) + 10 * 60_000).toISOString();
    const { code, report } = await check(firstResponse(period), csv([row('T', created, 'created'), row('T', reply, 'reply', { author: 'agent' })]));
    expect(code).toBe(0);
    expect(report.objectives.map((o: { period: string }) => o.period)).toEqual([label]);
    expect(report.objectives[0]).toMatchObject({ metric: 'FirstResponse', met: 1, breached: 0, attainment: 1, ok: true });
  });
});

/** n tickets created on 2 March, `breached` of them answered late, `pending` of them not answered at as-of. */
function tickets(met: number, breached: number, pending = 0): string {
  const rows: string[] = [];
  const add = (id: string, reply: string | null): void => {
    rows.push(row(id, '2026-03-02T10:00:00Z', 'created'));
    if (reply) rows.push(row(id, reply, 'reply', { author: 'agent' }));
  };
  for (let i = 0; i < met; i++) add(`M${i}`, '2026-03-02T10:10:00Z');
  for (let i = 0; i < breached; i++) add(`B${i}`, '2026-03-02T11:00:00Z');
  for (let i = 0; i < pending; i++) add(`P${i}`, null);
  return csv(rows);
}

describe('attainment', () => {
  const utc = (objective: string): string => agreement(`metric FirstResponse { measures first response clock Utc target 30 minutes objective ${objective} monthly }`);

  it('9 met of 10 is exactly 90%: not missed, exit 0', async () => {
    const { code, report } = await check(utc('90%'), tickets(9, 1));
    expect(report.objectives[0]).toMatchObject({ met: 9, breached: 1, attainment: 0.9, objective: 0.9, ok: true });
    expect(code).toBe(0);
  });

  it('8 met of 9 is below 90%: missed, exit 1', async () => {
    const { code, report } = await check(utc('90%'), tickets(8, 1));
    expect(report.objectives[0]).toMatchObject({ met: 8, breached: 1, ok: false });
    expect(report.objectives[0].attainment).toBeCloseTo(8 / 9, 6);
    expect(code).toBe(1);
  });

  it('999 met of 1000 is not below 99.9% (exact comparison)', async () => {
    const { code, report } = await check(utc('99.9%'), tickets(999, 1));
    expect(report.objectives[0]).toMatchObject({ met: 999, breached: 1, attainment: 0.999, ok: true });
    expect(code).toBe(0);
  });

  it('pending tickets are not counted', async () => {
    // as-of 10:20: the pending ones have 20 of 30 minutes.
    const { report } = await check(utc('90%'), tickets(1, 0, 3), ['--as-of', '2026-03-02T10:20:00Z']);
    expect(report.objectives[0]).toMatchObject({ met: 1, breached: 0, attainment: 1, ok: true });
  });

  it('a period with only pending tickets has no verdict', async () => {
    const { code, report } = await check(utc('90%'), tickets(0, 0, 2), ['--as-of', '2026-03-02T10:20:00Z']);
    expect(report.objectives[0]).toMatchObject({ met: 0, breached: 0, attainment: null, ok: null });
    expect(code).toBe(0);
  });

  it('tickets count in the period they were created in, whatever the period of their verdict', async () => {
    const sla = agreement('metric Fix { measures resolution clock Utc target 120 minutes objective 50% monthly }');
    const { report } = await check(sla, csv([
      row('A', '2026-03-31T23:00:00Z', 'created'),
      row('A', '2026-04-01T02:00:00Z', 'resolved'),
      row('B', '2026-04-01T10:00:00Z', 'created'),
      row('B', '2026-04-01T10:30:00Z', 'resolved'),
    ]));
    expect(report.objectives.map((o: { period: string; met: number; breached: number }) => `${o.period} ${o.met}/${o.breached}`)).toEqual(['2026-03 0/1', '2026-04 1/0']);
  });
});

const OUTAGE_HEADER = 'start,end,kind,description';

async function uptime(body: string, outages: string[], asOf: string, head = 'agreement Audit { effective 2026-03-01 }') {
  const sla = agreement(body, head);
  const log = csv([row('T', '2026-03-02T10:00:00Z', 'created'), row('T', '2026-03-02T10:10:00Z', 'reply', { author: 'agent' })]);
  return check(sla, log, ['--outages', 'outages.csv', '--as-of', asOf], { 'outages.csv': [OUTAGE_HEADER, ...outages].join('\n') + '\n' });
}

describe('uptime', () => {
  it('overlapping outage rows are merged (10:00-11:00 and 10:30-11:30 is 90 minutes of 44640)', async () => {
    const { code, report } = await uptime('metric Up { measures uptime clock Utc objective 99% monthly }', [
      '2026-03-10T10:00:00Z,2026-03-10T11:00:00Z,outage,a',
      '2026-03-10T10:30:00Z,2026-03-10T11:30:00Z,outage,b',
    ], '2026-04-01T00:00:00Z');
    expect(code).toBe(0);
    const march = report.uptime.find((u: { period: string }) => u.period === '2026-03');
    // 1 - 90 / (31 * 1440) = 0.99798387...
    expect(march).toMatchObject({ metric: 'Up', uptime: 0.997984, objective: 0.99, ok: true });
  });

  it('an outage outside open hours counts nothing', async () => {
    const { report } = await uptime('metric Up { measures uptime clock BusinessHours objective 99% monthly }', [
      '2026-03-07T10:00:00-05:00,2026-03-07T12:00:00-05:00,outage,Saturday',
      '2026-03-03T19:00:00-05:00,2026-03-04T07:00:00-05:00,outage,overnight',
    ], '2026-04-01T00:00:00-04:00');
    expect(report.uptime.find((u: { period: string }) => u.period === '2026-03')).toMatchObject({ uptime: 1, ok: true });
  });

  it('excluding maintenance: maintenance is not scheduled, and outage inside it is not downtime', async () => {
    // March 2026 has 22 weekdays: 13200 open minutes. Maintenance Tue 08:00-10:00 (120),
    // outage 09:00-11:00: only 10:00-11:00 (60) is downtime. 1 - 60/13080 = 0.99541284...
    const outages = ['2026-03-03T08:00:00-05:00,2026-03-03T10:00:00-05:00,maintenance,planned', '2026-03-03T09:00:00-05:00,2026-03-03T11:00:00-05:00,outage,broken'];
    // 1.1: `excluding maintenance` needs a maintenance block; a window of business hours admits this row.
    const excluding = await uptime('metric Up { measures uptime clock BusinessHours excluding maintenance objective 99% monthly }\nmaintenance { window BusinessHours }', outages, '2026-04-01T00:00:00-04:00');
    expect(excluding.report.uptime.find((u: { period: string }) => u.period === '2026-03')).toMatchObject({ uptime: 0.995413, ok: true });
    // Without it, maintenance changes nothing: 1 - 120/13200 = 0.99090909...
    const including = await uptime('metric Up { measures uptime clock BusinessHours objective 99% monthly }', outages, '2026-04-01T00:00:00-04:00');
    expect(including.report.uptime.find((u: { period: string }) => u.period === '2026-03')).toMatchObject({ uptime: 0.990909, ok: true });
  });

  it('the last period is partial at as-of (240 down of 14 days = 0.988095: missed, exit 1)', async () => {
    const { code, report } = await uptime('metric Up { measures uptime clock Utc objective 99% monthly }', ['2026-04-02T00:00:00Z,2026-04-02T04:00:00Z,outage,x'], '2026-04-15T00:00:00Z');
    const april = report.uptime.find((u: { period: string }) => u.period === '2026-04');
    expect(april).toMatchObject({ uptime: 0.988095, ok: false });
    expect(code).toBe(1);
  });

  it.each([
    ['quarterly', ['2026-Q1', '2026-Q2']],
    ['weekly', ['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14', '2026-W15', '2026-W16']],
    ['yearly', ['2026']],
  ])('uptime periods %s are labelled in the clock zone', async (period, labels) => {
    const { report } = await uptime(`metric Up { measures uptime clock Utc objective 99% ${period} }`, [], '2026-04-15T00:00:00Z');
    expect(report.uptime.map((u: { period: string }) => u.period)).toEqual(labels);
  });

  it('periods after as-of are not reported', async () => {
    const { report } = await uptime('metric Up { measures uptime clock Utc objective 99% monthly }', ['2026-05-02T00:00:00Z,2026-05-02T04:00:00Z,outage,x'], '2026-04-15T00:00:00Z');
    expect(report.uptime.map((u: { period: string }) => u.period)).toEqual(['2026-03', '2026-04']);
    expect(report.uptime.every((u: { uptime: number }) => u.uptime === 1)).toBe(true);
  });
});

describe('credits', () => {
  const CREDITS = (cap: string): string => `
metric FirstResponse { measures first response clock Utc target 30 minutes objective 90% monthly }
metric Up { measures uptime clock Utc objective 99.9% monthly }
credits {
  when Up below 99.9% credit 5%
  when Up below 99.5% credit 10%
  when Up below 99% credit 25%
  when FirstResponse below 95% credit 5%
  cap ${cap}
}`;
  const march = (minutes: number, seconds = 0): string => {
    const end = new Date(Date.parse('2026-03-10T00:00:00Z') + minutes * 60_000 + seconds * 1000).toISOString();
    return `2026-03-10T00:00:00Z,${end},outage,x`;
  };
  // March: 44640 scheduled minutes.
  it.each([
    ['uptime 0.99798 (under 99.9 only): 5%', 90, 0, 5],
    ['uptime exactly 99.5% (223.2 min down) is not under 99.5: 5%', 223, 12, 5],
    ['uptime just under 99.5% (224 min): 10%', 224, 0, 10],
    ['uptime 0.98 (892.8 min): 25%', 892, 48, 25],
    ['uptime 1: nothing', 0, 0, 0],
  ])('%s', async (_name, minutes, seconds, percent) => {
    const outages = minutes + seconds > 0 ? [march(minutes, seconds)] : [];
    const { code, report } = await uptime(CREDITS('30%'), outages, '2026-04-01T00:00:00Z');
    const credit = report.credits.find((c: { period: string }) => c.period === '2026-03');
    if (percent === 0) expect(credit).toBeUndefined();
    else expect(credit.percent).toBe(percent);
    expect(code).toBe(percent === 0 ? 0 : 1);
  });

  it('credits are summed over metrics and limited by the cap', async () => {
    const sla = agreement(CREDITS('25%'), 'agreement Audit { effective 2026-03-01 }');
    // First response 8 of 10 (80%, under 95%): 5%; uptime 0.98: 25%; sum 30, cap 25 (a tier above the cap would be an agreement error).
    const rows = tickets(8, 2).trimEnd().split('\n').slice(1);
    const { code, report } = await check(sla, csv(rows), ['--outages', 'outages.csv', '--as-of', '2026-04-01T00:00:00Z'], {
      'outages.csv': `${OUTAGE_HEADER}\n${march(892, 48)}\n`,
    });
    expect(report.credits.find((c: { period: string }) => c.period === '2026-03').percent).toBe(25);
    expect(code).toBe(1);
  });

  it('sum under the cap is the sum', async () => {
    const sla = agreement(CREDITS('50%'), 'agreement Audit { effective 2026-03-01 }');
    const rows = tickets(8, 2).trimEnd().split('\n').slice(1);
    const { report } = await check(sla, csv(rows), ['--outages', 'outages.csv', '--as-of', '2026-04-01T00:00:00Z'], {
      'outages.csv': `${OUTAGE_HEADER}\n${march(224)}\n`,
    });
    expect(report.credits.find((c: { period: string }) => c.period === '2026-03').percent).toBe(15);
  });

  it('a credit due with no objective missed still exits 1', async () => {
    const sla = agreement(`
metric FirstResponse { measures first response clock Utc target 30 minutes objective 80% monthly }
credits { when FirstResponse below 95% credit 5% cap 10% }`);
    const { code, report } = await check(sla, tickets(9, 1));
    expect(report.objectives[0].ok).toBe(true);
    expect(report.credits[0].percent).toBe(5);
    expect(code).toBe(1);
  });
});
