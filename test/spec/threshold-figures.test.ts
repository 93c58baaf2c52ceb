/**
 * Issue 13: a figure is never rounded onto or across its objective. April
 * 2026 on a UTC clock has 43200 minutes; 99% allows 432 minutes (25920 s) of
 * downtime. One second more gives an uptime of 1 - 25921 / 2592000 =
 * 0.98999961..., which six decimals would round to 0.99, the objective
 * itself, beside `"ok": false`.
 */
import { describe, expect, it } from 'vitest';
import { agreement, check, csv, row, type Report } from './helpers.js';

const SLA = agreement('metric Up { measures uptime clock Utc objective 99% monthly }', 'agreement Audit { effective 2026-04-01 }');
const TICKETS = csv([row('T', '2026-04-02T10:00:00Z', 'created')]);

async function april(outageEnd: string): Promise<Report> {
  const outages = `start,end,kind\n2026-04-10T00:00:00Z,${outageEnd},outage\n`;
  const { report } = await check(SLA, TICKETS, ['--outages', 'outages.csv', '--as-of', '2026-05-01T00:00:00Z'], { 'outages.csv': outages });
  return report.uptime.find((entry: { period: string }) => entry.period === '2026-04');
}

describe('uptime figures beside their objective in the JSON report', () => {
  it.each([
    ['exactly the allowance', '2026-04-10T07:12:00Z', 0.99, true],
    ['one second over: rounded down, not onto the objective', '2026-04-10T07:12:01Z', 0.989999, false],
    ['a minute over: rounded as usual', '2026-04-10T07:13:00Z', 0.989977, false],
  ])('%s', async (_name, end, uptime, ok) => {
    const entry = await april(end);
    expect(entry.objective).toBe(0.99);
    expect(entry.ok).toBe(ok);
    expect(entry.uptime).toBe(uptime);
  });
});
