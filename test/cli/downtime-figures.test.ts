import { describe, expect, it } from 'vitest';
import { freshFolder, slacIn, write } from './hardening-fixtures.js';

/**
 * The downtime beside an uptime verdict is never rounded across what the
 * objective allows (issue 13: "never round a figure across its
 * threshold"). 99.9% of January's 744 hours allows 44m 38.4s: a downtime of
 * 44m 38.401s is MISSED, and showed as 44.64 minutes (JSON) and "44m 38s"
 * (text), the allowance or under it.
 */
function agreement(objective: string): string {
  return `agreement A {
  title "T"
  effective 2026-01-01
  provider "P"
  client "C"
}
calendar All {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}
channel Email {
  hours All
}
severity S {
  default
}
metric Up {
  measures uptime
  clock All
  objective ${objective} monthly
}
`;
}

const TICKETS = 'ticket,time,event,author\nX,2026-01-05T00:00:00Z,created,\nX,2026-01-05T00:30:00Z,reply,agent\n';

const cases = [
  // objective, outage end (from 2026-01-10T00:00:00Z), verdict, JSON minutes, text
  ['99.9%', '00:44:38.401', false, 44.6401, '44m 39s'],
  ['99.9%', '00:44:38.400', true, 44.64, '44m 38s'],
  ['99.9%', '00:44:38.399', true, 44.64, '44m 38s'],
  ['99.9%', '00:50:00.000', false, 50, '50m'],
  // 99.9993% of 744 h allows 18.7488 s, so at most 18,748 ms: 0.3124667 minutes, which rounds up to 0.3125 and 19 s.
  ['99.9993%', '00:00:18.748', true, 0.3124, '18s'],
  ['99.9993%', '00:00:18.749', false, 0.3125, '19s'],
] as const;

describe('the downtime of an uptime period beside its verdict', () => {
  it.each(cases)('objective %s, down until %s: ok %s, %s minutes, "%s"', async (objective, end, ok, minutes, text) => {
    const folder = freshFolder('downtime');
    write(folder, 'a.sla', agreement(objective));
    write(folder, 't.csv', TICKETS);
    write(folder, 'o.csv', `start,end,kind,announced,description\n2026-01-10T00:00:00Z,2026-01-10T${end}Z,outage,,x\n`);
    const args = ['check', 'a.sla', 't.csv', '--outages', 'o.csv', '--as-of', '2026-02-01T00:00:00Z'];
    const json = JSON.parse((await slacIn(folder, ...args, '--format', 'json')).stdout);
    const january = json.uptime.find((row: { period: string }) => row.period === '2026-01');
    expect({ ok: january.ok, downtimeMinutes: january.downtimeMinutes }).toEqual({ ok, downtimeMinutes: minutes });
    const report = (await slacIn(folder, ...args)).stdout;
    expect(report).toMatch(new RegExp(`2026-01 .* down ${text} of 744h  ${ok ? 'OK' : 'MISSED'}\\n`));
  });
});
