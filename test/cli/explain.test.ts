/**
 * `slac explain` as users run it: bin/slac.js on the built dist/ (run
 * `node scripts/build.mjs` first). Its verdicts are those of `slac check
 * --format json` on the same files; user errors are one message, exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

const letsflo = ['examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv', '--outages', 'examples/logs/letsflo.outages.csv'];
const wording = join(repoRoot, 'test', 'cli', 'fixtures', 'explain-wording');
const departments = ['examples/multilevel/departments.sla', 'examples/logs/departments.tickets.csv', '--outages', 'examples/logs/departments.outages.csv'];

interface CheckJson {
  agreement: string;
  asOf: string;
  tickets: { id: string; metrics: Record<string, { status: string; elapsedMinutes: number; targetMinutes: number; targetSeverity?: string; due: string; stoppedAt?: string }> }[];
}

describe('slac explain through the built CLI', () => {
  let check: CheckJson;
  beforeAll(() => {
    check = JSON.parse(runBuiltCli(['check', ...letsflo, '--format', 'json'], repoRoot).stdout) as CheckJson;
  }, 120_000);

  it('prints the timeline and the verdicts of slac check for the ticket', () => {
    const ticket = check.tickets.find((each) => each.id === 'LF-1164')!;
    const run = runBuiltCli(['explain', letsflo[0]!, letsflo[1]!, 'LF-1164', ...letsflo.slice(2)], repoRoot);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Ticket LF-1164 (severity Normal, no channel)', 'Agreement: Lets Flo Service Level Agreement and Service Review Policy', expect.stringMatching(/^As of: 2026-/)]);
    expect(lines).toContain('Timeline (wall times in Europe/London):');
    expect(lines).toContain('  2026-02-03T09:29:00+00:00  created   Ticket LF-1164 was created at severity Normal with no channel (log line 12); the clocks start.');
    // Each metric by its title in letsflo.sla, as the document names it (the JSON keys are the names).
    const titles: Record<string, string> = { Response: 'Incident response time', Resolution: 'Incident resolution time' };
    expect(Object.keys(ticket.metrics).sort()).toEqual(Object.keys(titles).sort());
    for (const [metric, verdict] of Object.entries(ticket.metrics)) {
      expect(run.stdout).toContain(`\n  ${titles[metric]}: ${verdict.status}, `);
      expect(run.stdout).toContain(`, due ${verdict.due}\n`);
    }
  });

  it('gives JSON with the same figures as slac check --format json', () => {
    const expected = check.tickets.find((each) => each.id === 'LF-1164')!.metrics;
    const run = runBuiltCli(['explain', letsflo[0]!, letsflo[1]!, 'LF-1164', ...letsflo.slice(2), '--format', 'json'], repoRoot);
    expect(run.code).toBe(0);
    const timeline = JSON.parse(run.stdout);
    expect(timeline).toMatchObject({ agreement: check.agreement, ticket: 'LF-1164', asOf: check.asOf, zone: 'Europe/London' });
    const figures = Object.fromEntries(
      timeline.metrics.map((metric: { metric: string; status: string; elapsedMinutes: number; targetMinutes: number; targetSeverity?: string; due: string; stoppedAt?: string }) => [
        metric.metric,
        {
          status: metric.status,
          elapsedMinutes: metric.elapsedMinutes,
          targetMinutes: metric.targetMinutes,
          ...(metric.targetSeverity === undefined ? {} : { targetSeverity: metric.targetSeverity }),
          due: metric.due,
          ...(metric.stoppedAt === undefined ? {} : { stoppedAt: metric.stoppedAt }),
        },
      ]),
    );
    expect(figures).toEqual(expected);
  });

  // PL-1055's estimate and resolution were met while paused: check writes
  // "due": null for them, and explain left the key out.
  it('gives a metric never due while paused "due": null, as slac check --format json does', () => {
    const poologics = ['examples/poologics.sla', 'examples/logs/poologics.tickets.csv'];
    const checked = (JSON.parse(runBuiltCli(['check', ...poologics, '--format', 'json'], repoRoot).stdout) as CheckJson).tickets.find((each) => each.id === 'PL-1055')!;
    const run = runBuiltCli(['explain', ...poologics, 'PL-1055', '--format', 'json'], repoRoot);
    expect(run.code).toBe(0);
    const dues = (JSON.parse(run.stdout) as { metrics: { metric: string; due?: string | null }[] }).metrics.map((metric) => [metric.metric, metric.due]);
    expect(dues).toEqual(Object.entries(checked.metrics).map(([metric, verdict]) => [metric, verdict.due]));
    expect(dues.filter(([, due]) => due === null)).toHaveLength(2);
  });

  it("takes a portfolio ticket's client and its agreement", () => {
    const run = runBuiltCli(['explain', departments[0]!, departments[1]!, 'DEP-1142', ...departments.slice(2), '--format', 'json'], repoRoot);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({ ticket: 'DEP-1142', client: 'Human Resources Department', zone: 'Europe/Madrid' });
  });

  it('names a close id for an unknown ticket', () => {
    const run = runBuiltCli(['explain', letsflo[0]!, letsflo[1]!, 'lf-1164'], repoRoot);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^slac: examples\/logs\/letsflo\.tickets\.csv: no ticket 'lf-1164' among its \d+ tickets\. Did you mean 'LF-1164'\?\n$/);
    const far = runBuiltCli(['explain', departments[0]!, departments[1]!, 'nothing-like-it'], repoRoot);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/no ticket 'nothing-like-it' among its \d+ tickets\.\n$/);
  });

  it('refuses a ticket created after --as-of, a bad log and a missing file, without a stack trace', () => {
    const early = runBuiltCli(['explain', letsflo[0]!, letsflo[1]!, 'LF-1164', '--as-of', '2026-02-03T09:00:00Z'], repoRoot);
    expect(early).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slac: examples/logs/letsflo.tickets.csv: ticket LF-1164 was created at 2026-02-03T09:29:00+00:00, after the as-of instant 2026-02-03T09:00:00+00:00; pass a later --as-of.\n',
    });
    const folder = mkdtempSync(join(tmpdir(), 'slac-explain-'));
    writeFileSync(join(folder, 'bad.csv'), 'ticket,time,event,author\nA,2026-02-03T09:00:00Z,created,\nA,not a time,reply,agent\n');
    const bad = runBuiltCli(['explain', join(repoRoot, letsflo[0]!), 'bad.csv', 'A'], folder);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "bad.csv:3: key 'time': 'not a time' is not an ISO 8601 instant with an offset: write it as 2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset [SLA4002]\n" +
        'slac: no timeline: the input has 1 error (pass --skip-invalid to leave invalid rows out).\n',
    );
    const missing = runBuiltCli(['explain', join(repoRoot, letsflo[0]!), 'missing.csv', 'A'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.csv: cannot read missing.csv');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('names each other gap over its target in the singular, and the agent reply that ended the decisive gap, in text and JSON', () => {
    const args = ['explain', 'updates.sla', 'updates.csv', 'v'];
    const text = runBuiltCli(args, wording);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain('  2026-03-02T01:00:00+00:00  breached    Upd went over its 1h target in the gap between updates that began 2026-03-02T00:00:00+00:00.\n');
    expect(text.stdout).toContain('  2026-03-02T02:10:00+00:00  breached    Upd breached: its 1h target fell due before the agent reply (log line 14) stopped the clock.\n');
    expect(text.stdout).toContain('which fell due 2026-03-02T02:10:00+00:00; stopped by the agent reply (log line 14).\n');
    const json = JSON.parse(runBuiltCli([...args, '--format', 'json'], wording).stdout) as { entries: { local: string; text: string }[]; metrics: { metric: string; reason: string }[] };
    expect(json.entries.filter((entry) => entry.text.includes('went over')).map((entry) => entry.text)).toEqual([
      'Upd went over its 1h target in the gap between updates that began 2026-03-02T00:00:00+00:00.',
      'Upd went over its 1h target in the gap between updates that began 2026-03-02T03:00:00+00:00.',
    ]);
    expect(json.metrics.find((metric) => metric.metric === 'Upd')!.reason).toMatch(/; stopped by the agent reply \(log line 14\)\.$/);
  });

  it("gives each clock its own pause length when one status change resumes them all", () => {
    const run = runBuiltCli(['explain', 'pauses.sla', 'pauses.csv', 'k'], wording);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(
      '  2026-03-02T03:00:00+00:00  resume      Status changed to "Open" (log line 6): the clock of Res and the escalation clock resume after 2h paused; the clock of M2 after 1h paused.\n',
    );
  });

  it('is listed in the help as its own help gives it, one or more logs before the ticket', () => {
    // `slac explain --help` and docs/check.md take several logs (a helpdesk's export); the list said `<log>`.
    expect(runBuiltCli(['--help'], repoRoot).stdout).toMatch(/\n\s+explain \[options\] <agreement> <log\.\.\.> <ticket>/);
    expect(runBuiltCli(['help', 'explain'], repoRoot).stdout).toContain('Usage: slac explain [options] <agreement> <log...> <ticket>');
  });
});
