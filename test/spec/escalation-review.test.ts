/**
 * SEMANTICS.md "Escalation" and "Review".
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, row } from './helpers.js';

const at = (time: string): string => `2026-03-02T${time}:00Z`;

interface Escalation {
  ticket: string;
  level: number;
  due: string;
  status: string;
  lateMinutes?: number;
}

function levels(report: { escalations: Escalation[] }, ticket = 'T'): Record<number, Escalation> {
  return Object.fromEntries(report.escalations.filter((e) => e.ticket === ticket).map((e) => [e.level, e]));
}

describe('escalation at P% of a metric', () => {
  // Resolution target 120 minutes: level 1 due at 60 minutes (11:00), level 2 at 120 (12:00).
  const sla = agreement(`
metric Fix { measures resolution clock Utc target 120 minutes }
escalation {
  level 1 "Senior" at 50% of Fix
  level 2 "Head" at 100% of Fix
}`);

  it('met by an escalated row before the due instant; a level not reached while running is not owed', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('10:50'), 'escalated', { level: '1' }), row('T', at('11:30'), 'resolved')]));
    const byLevel = levels(report);
    expect(byLevel[1].status).toBe('met');
    expect(Date.parse(byLevel[1].due)).toBe(Date.parse(at('11:00')));
    expect(byLevel[2]).toBeUndefined();
  });

  it('met by an escalated row exactly at the due instant', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('11:00'), 'escalated', { level: '1' }), row('T', at('11:30'), 'resolved')]));
    expect(levels(report)[1].status).toBe('met');
  });

  it('late by 20 minutes', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('11:20'), 'escalated', { level: '1' }), row('T', at('11:30'), 'resolved')]));
    expect(levels(report)[1]).toMatchObject({ status: 'late', lateMinutes: 20 });
  });

  it('missed when never escalated and due before as-of; --strict exits 1', async () => {
    const log = csv([row('T', at('10:00'), 'created')]);
    const { code, report } = await check(sla, log, ['--as-of', at('12:30')]);
    const byLevel = levels(report);
    expect(byLevel[1].status).toBe('missed');
    expect(byLevel[2].status).toBe('missed');
    expect(Date.parse(byLevel[2].due)).toBe(Date.parse(at('12:00')));
    expect(code).toBe(0);
    expect((await check(sla, log, ['--as-of', at('12:30'), '--strict'])).code).toBe(1);
  });

  it('late is not missed: --strict still exits 0', async () => {
    const log = csv([row('T', at('10:00'), 'created'), row('T', at('11:20'), 'escalated', { level: '1' }), row('T', at('11:30'), 'resolved')]);
    expect((await check(sla, log, ['--strict'])).code).toBe(0);
  });

  it('a higher level satisfies a lower one', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('10:55'), 'escalated', { level: '2' })]), ['--as-of', at('12:30')]);
    const byLevel = levels(report);
    expect(byLevel[1].status).toBe('met');
    expect(byLevel[2].status).toBe('met');
  });

  it('a lower level does not satisfy a higher one', async () => {
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created'), row('T', at('10:55'), 'escalated', { level: '1' })]), ['--as-of', at('12:30')]);
    expect(levels(report)[2].status).toBe('missed');
  });

  it('the due instant follows the ticket target after a severity change and pauses', async () => {
    const bySeverity = agreement(`
metric Fix { measures resolution clock Utc target High 60 minutes target Low 240 minutes }
escalation { level 1 "Senior" at 50% of Fix }`);
    // High from the start: 50% of 60 = 30 minutes, plus a 20-minute pause 10:10-10:30: due 10:50.
    const { report } = await check(bySeverity, csv([
      row('T', at('10:00'), 'created', { severity: 'High' }),
      row('T', at('10:10'), 'status', { status: 'Waiting on customer' }),
      row('T', at('10:30'), 'status', { status: 'Open' }),
      row('T', at('10:50'), 'escalated', { level: '1' }),
    ]), ['--as-of', at('12:00')]);
    expect(levels(report)[1].status).toBe('met');
    expect(Date.parse(levels(report)[1].due)).toBe(Date.parse(at('10:50')));
  });
});

describe('escalation after a duration on the escalation clock', () => {
  const sla = agreement(`
metric Fix { measures resolution clock Utc target 10 hours }
escalation {
  clock BusinessHours
  level 1 "Duty manager" after 2 hours
}`);
  // Created Mon 17:00 New York: 60 minutes Monday, then Tue 08:00-09:00: due Tue 09:00 -05:00.
  const created = row('T', '2026-03-02T17:00:00-05:00', 'created');

  it('due after 2 hours of business time, met at the due instant', async () => {
    const { report } = await check(sla, csv([created, row('T', '2026-03-03T09:00:00-05:00', 'escalated', { level: '1' })]));
    const level = levels(report)[1];
    expect(Date.parse(level.due)).toBe(Date.parse('2026-03-03T09:00:00-05:00'));
    expect(level.status).toBe('met');
  });

  it('late by 30 wall minutes', async () => {
    const { report } = await check(sla, csv([created, row('T', '2026-03-03T09:30:00-05:00', 'escalated', { level: '1' })]));
    expect(levels(report)[1]).toMatchObject({ status: 'late', lateMinutes: 30 });
  });

  it('pending before it is due', async () => {
    const { report } = await check(sla, csv([created]), ['--as-of', '2026-03-03T08:30:00-05:00']);
    expect(levels(report)[1].status).toBe('pending');
  });
});

describe('review', () => {
  const withReview = (review: string, effective = '2026-01-01'): string =>
    agreement(`metric FirstResponse { measures first response clock Utc target 30 minutes }\nreview { ${review} }`, `agreement Audit { effective ${effective} }`);
  const oneTicket = (day: string): string => csv([row('T', `${day}T10:00:00Z`, 'created')]);

  it.each([
    ['every 3 months', '2026-01-01', '2026-05-10', '2026-07-01'],
    ['every 3 months', '2026-01-01', '2026-04-01', '2026-04-01'],
    ['every 12 months', '2026-01-01', '2026-11-23', '2027-01-01'],
    ['every 1 month', '2026-01-31', '2026-02-15', '2026-02-28'],
    ['every 1 month', '2026-01-31', '2026-03-01', '2026-03-31'],
    ['every 2 weeks', '2026-01-01', '2026-01-16', '2026-01-29'],
  ])('%s from %s, as of %s: next %s', async (every, effective, asOf, next) => {
    const { report } = await check(withReview(every, effective), oneTicket(asOf));
    expect(report.review.next).toBe(next);
    expect(report.review.triggers).toEqual([]);
  });

  it('the as-of date is read in the report zone (New York: 2026-07-02T02:00Z is 1 July, a review day)', async () => {
    const sla = agreement('calendar NewYork { timezone "America/New_York" hours Mon-Sun 00:00-24:00 }\nmetric M { measures first response clock NewYork target 30 minutes }\nreview { every 3 months }');
    const { report } = await check(sla, csv([row('T', '2026-07-01T10:00:00Z', 'created')]), ['--as-of', '2026-07-02T02:00:00Z']);
    expect(report.review.next).toBe('2026-07-01');
  });

  const major = agreement(`
metric Fix { measures resolution clock Utc target 60 minutes }
review { every 12 months also after major incident }`);

  it('a breached ticket of the most severe severity triggers a review', async () => {
    const { report } = await check(major, csv([row('T', at('10:00'), 'created', { severity: 'High' }), row('T', at('12:00'), 'resolved')]));
    expect(report.review.triggers).toHaveLength(1);
  });

  it('a breached ticket of a less severe severity does not', async () => {
    const { report } = await check(major, csv([row('T', at('10:00'), 'created', { severity: 'Low' }), row('T', at('12:00'), 'resolved')]));
    expect(report.review.triggers).toEqual([]);
  });

  it('a missed uptime objective triggers a review', async () => {
    const sla = agreement(`
metric Up { measures uptime clock Utc objective 99% monthly }
review { every 12 months also after major incident }`, 'agreement Audit { effective 2026-03-01 }');
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created')]), ['--outages', 'outages.csv', '--as-of', '2026-04-01T00:00:00Z'], {
      'outages.csv': 'start,end,kind\n2026-03-10T00:00:00Z,2026-03-11T00:00:00Z,outage\n',
    });
    expect(report.uptime[0].ok).toBe(false);
    expect(report.review.triggers).toHaveLength(1);
  });

  it('without "also after major incident" nothing triggers', async () => {
    const sla = agreement('metric Fix { measures resolution clock Utc target 60 minutes }\nreview { every 12 months }');
    const { report } = await check(sla, csv([row('T', at('10:00'), 'created', { severity: 'High' }), row('T', at('12:00'), 'resolved')]));
    expect(report.review.triggers).toEqual([]);
  });
});
