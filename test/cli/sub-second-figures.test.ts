import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';
import { withoutNobr } from './site-text.js';

/**
 * Log times with fractions of a second (fixtures/sub-second): a reply
 * 0.4 s after the 1h target, an escalation 0.4 s after its due instant,
 * maintenance announced 0.4 s short of the 2 days' notice. Durations are
 * printed to the second, and each was rounded onto its threshold: "elapsed
 * 1h" and "0m late" beside a 1h target breached, "0m late" for the
 * escalation, "48h given, 48h required" for short notice. Each now reads
 * on its verdict's side, to the nearest whole second: 1h 1s, 1s late,
 * 47h 59m 59s given, in the text report, `slac explain` and the site.
 */
const fixtures = join(repoRoot, 'test', 'cli', 'fixtures', 'sub-second');
const inputs = [join(fixtures, 'agreement.sla'), join(fixtures, 'tickets.csv'), '--outages', join(fixtures, 'outages.csv')];

describe('durations a fraction of a second across their threshold', () => {
  let folder: string;
  beforeAll(() => {
    folder = freshFolder('sub-second-figures');
  });

  it('slac check prints the breach, the late escalation and the short notice on their side of the threshold', () => {
    const run = runBuiltCli(['check', ...inputs], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/T-1 +Std +Resp +target 1h +elapsed 1h 1s +1s late +due 2026-03-02 11:00/);
    expect(run.stdout).toMatch(/T-1 +level 1 +Lead +due 2026-03-02 10:30 +1s late/);
    expect(run.stdout).toContain('short notice (47h 59m 59s given, 48h required)');
  });

  it('slac explain says the breach counted more than its target', () => {
    const run = runBuiltCli(['explain', ...inputs.slice(0, 2), 'T-1'], folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Resp: breached, 1h 1s of 1h,');
    expect(run.stdout).toContain('Breached: 1h 1s counted of 1h 1s on the wall clock, over the 1h (1 hour, severity Std) target');
  });

  it('the JSON and CSV reports never give a breach 1 ms over its target the minutes of the target', () => {
    // 1 ms is 0.0000167 of a minute: rounded to the 4 decimals written, it read 60 beside a target of 60, breached.
    writeFileSync(join(folder, 'one-ms.csv'), 'ticket,time,event,author\nT-1,2026-03-02T10:00:00Z,created,\nT-1,2026-03-02T11:00:00.001Z,reply,agent\n');
    const args = ['check', inputs[0]!, 'one-ms.csv'];
    const json = runBuiltCli([...args, '--format', 'json'], folder);
    const resp = (JSON.parse(json.stdout) as { tickets: { metrics: Record<string, { status: string; elapsedMinutes: number; targetMinutes: number }> }[] }).tickets[0]!.metrics['Resp']!;
    expect(resp).toMatchObject({ status: 'breached', elapsedMinutes: 60.0001, targetMinutes: 60 });
    const csv = runBuiltCli([...args, '--format', 'csv'], folder);
    expect(csv.stdout).toContain('T-1,Std,,Resp,breached,60.0001,60,');
  });

  it('the site gives the same figures on the ticket page and in the maintenance table', () => {
    const run = runBuiltCli(['report', ...inputs, '-o', 'site'], folder);
    expect(run.code, run.stderr).toBe(0);
    const ticket = withoutNobr(readFileSync(join(folder, 'site', 'tickets', 'T-1.html'), 'utf8'));
    expect(ticket).toMatch(/<td class="num" data-value="60.0067">1h 1s<\/td><td class="num" data-value="60">1h<\/td>/);
    expect(ticket).toContain('Breached: 1h 1s counted of 1h 1s on the wall clock');
    const index = withoutNobr(readFileSync(join(folder, 'site', 'index.html'), 'utf8'));
    expect(index).toContain('short notice (47h 59m 59s given, 48h required)');
    expect(index).not.toContain('48h given');
  });
});
