import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';

/**
 * An objective keeps every decimal it was written with, up to the six
 * SLA3079 allows: in the JSON (as a fraction, so up to 8 decimals) and in
 * the text report, where 6 decimals of a fraction read 99.99995% as 100%.
 */
const folder = mkdtempSync(join(tmpdir(), 'slac-objective-decimals-'));
writeFileSync(
  join(folder, 'a.sla'),
  [
    'agreement A { provider "P" client "C" effective 2026-03-01 }',
    'calendar Always { timezone "UTC" hours Mon-Sun 00:00-24:00 }',
    'severity S { description "s" default }',
    'metric Up { measures uptime clock Always objective 99.99995% monthly }',
    'metric Reply { measures first response clock Always target 1 hour objective 66.666667% monthly }',
  ].join('\n'),
);
writeFileSync(join(folder, 'log.csv'), 'ticket,time,event,author\nT1,2026-03-02T09:00:00Z,created,\nT1,2026-03-02T09:10:00Z,reply,agent\n');
// Two seconds down of March (2,678,400 s): 99.9999253% up, below 99.99995% (1.34 s is allowed).
writeFileSync(join(folder, 'outages.csv'), 'start,end,kind\n2026-03-10T00:00:00Z,2026-03-10T00:00:02Z,outage\n');

async function check(format: string): Promise<string> {
  let stdout = '';
  await runCli(['check', 'a.sla', 'log.csv', '--outages', 'outages.csv', '--as-of', '2026-04-01T00:00:00Z', '--format', format], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
    stderrIsTTY: false,
    cwd: folder,
  });
  return stdout;
}

describe('an objective with six decimals', () => {
  it('is the exact fraction in the JSON', async () => {
    const report = JSON.parse(await check('json')) as { uptime: { objective: number; uptime: number; ok: boolean }[]; objectives: { objective: number }[] };
    expect(report.uptime[0]).toMatchObject({ objective: 0.9999995, ok: false });
    expect(report.uptime[0]!.uptime).toBeLessThan(0.9999995);
    expect(report.objectives.map((row) => row.objective)).toContain(0.66666667);
  });

  it('is written whole in the text report, beside a figure that stays below it', async () => {
    const text = await check('text');
    expect(text).toMatch(/objective 99\.99995% /);
    expect(text).not.toMatch(/objective 100%/);
    expect(text).toMatch(/objective 66\.666667% /);
  });
});
