/**
 * The severity beside a ticket metric's target, through the built CLI
 * (`npm run build` first). A metric that stopped keeps the target of the
 * severity the ticket had then; one still running takes the severity's at
 * the as-of instant (SEMANTICS.md "Target"). Every report shows the
 * severity whose target it gives, not only the ticket's severity now.
 * The tickets are described in fixtures/target-severity/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin, repoRoot, runBuiltCli } from './built-cli.js';

const folder = join(repoRoot, 'test', 'cli', 'fixtures', 'target-severity');
const check = ['check', 'agreement.sla', 'log.ndjson'];

interface MetricJson {
  status: string;
  targetMinutes: number;
  targetSeverity?: string;
}

interface ReportJson {
  tickets: { id: string; severity: string; metrics: Record<string, MetricJson> }[];
}

describe('the severity beside a target after a severity change', () => {
  it("lists each breach with the severity whose target it missed, and the ticket's severity now when another", () => {
    const run = runBuiltCli(check, folder);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const list = run.stdout.slice(run.stdout.indexOf('Breaches ('));
    expect(list).toBe(
      [
        'Breaches (5), in the order they fell due',
        '  D1  P1 (now P2)  FR   target 1h  elapsed 1h 30m  30m late  due 2026-03-02 01:00',
        '  D1  P2           Res  target 8h  elapsed 12h     4h late   due 2026-03-02 08:00',
        '  D2  P2           Res  target 8h  elapsed 12h     4h late   due 2026-03-02 08:00',
        '  D4  P1 (now P2)  Res  target 2h  elapsed 3h      1h late   due 2026-03-02 08:00',
        '  D3  P1           Res  target 2h  elapsed 3h      1h late   due 2026-03-02 11:00',
        '',
      ].join('\n'),
    );
  });

  it("adds targetSeverity to a JSON metric whose target is not the ticket's severity's, and keeps severity the ticket's now", () => {
    const run = runBuiltCli([...check, '--format', 'json'], folder);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const report = JSON.parse(run.stdout) as ReportJson;
    const shown = report.tickets.map((ticket) => [
      ticket.id,
      ticket.severity,
      Object.entries(ticket.metrics).map(([name, metric]) => [name, metric.status, metric.targetMinutes, metric.targetSeverity]),
    ]);
    expect(shown).toEqual([
      ['D1', 'P2', [['FR', 'breached', 60, 'P1'], ['Res', 'breached', 480, undefined]]],
      ['D2', 'P2', [['FR', 'met', 60, 'P1'], ['Res', 'breached', 480, undefined]]],
      ['D4', 'P2', [['FR', 'met', 60, 'P1'], ['Res', 'breached', 120, 'P1']]],
      ['D3', 'P1', [['FR', 'met', 240, 'P2'], ['Res', 'breached', 120, undefined]]],
    ]);
    // Right after the target it belongs to.
    expect(Object.keys(report.tickets[0]!.metrics.FR!)).toEqual(['status', 'elapsedMinutes', 'targetMinutes', 'targetSeverity', 'due', 'stoppedAt']);
  });

  it('gives every CSV row a last column targetSeverity, after the columns it had', () => {
    const run = runBuiltCli([...check, '--format', 'csv'], folder);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      [
        'ticket,severity,channel,metric,status,elapsedMinutes,targetMinutes,due,targetSeverity',
        'D1,P2,,FR,breached,90,60,2026-03-02T01:00:00+00:00,P1',
        'D1,P2,,Res,breached,720,480,2026-03-02T08:00:00+00:00,P2',
        'D2,P2,,FR,met,30,60,2026-03-02T01:00:00+00:00,P1',
        'D2,P2,,Res,breached,720,480,2026-03-02T08:00:00+00:00,P2',
        'D4,P2,,FR,met,10,60,2026-03-02T07:00:00+00:00,P1',
        'D4,P2,,Res,breached,180,120,2026-03-02T08:00:00+00:00,P1',
        'D3,P1,,FR,met,120,240,2026-03-02T13:00:00+00:00,P2',
        'D3,P1,,Res,breached,180,120,2026-03-02T11:00:00+00:00,P1',
        '',
      ].join('\n'),
    );
  });

  it('explains the target with the same severity, in text and in JSON', () => {
    const text = runBuiltCli(['explain', 'agreement.sla', 'log.ndjson', 'D1'], folder);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain('over the 1h (1 hour, severity P1) target');
    expect(text.stdout).toContain('over the 8h (8 hours, severity P2) target');
    const json = JSON.parse(runBuiltCli(['explain', 'agreement.sla', 'log.ndjson', 'D4', '--format', 'json'], folder).stdout) as {
      severity: string;
      metrics: { metric: string; targetMinutes: number; targetSeverity?: string; reason: string }[];
    };
    expect(json.severity).toBe('P2');
    expect(json.metrics.map((metric) => [metric.metric, metric.targetMinutes, metric.targetSeverity])).toEqual([
      ['FR', 60, 'P1'],
      ['Res', 120, 'P1'],
    ]);
    expect(json.metrics[1]!.reason).toContain('over the 2h (2 hours, severity P1) target');
  });

  it("counts the report site's breaches under the severity whose target was missed, and says so beside the target", () => {
    const site = mkdtempSync(join(tmpdir(), 'slac-target-severity-'));
    const run = runBuiltCli(['report', 'agreement.sla', 'log.ndjson', '-o', site], folder);
    expect(run.code).toBe(0);
    const breaches = readFileSync(join(site, 'breaches', 'page-1.html'), 'utf8');
    // The log gives no channel: the Channel cell says so (it was blank).
    expect(breaches).toContain('<td>P2</td><td>(no channel)</td><td>FR: 90 of 60 (the P1 target); Res: 720 of 480</td>');
    expect(breaches).toContain('<td>P2</td><td>(no channel)</td><td>Res: 180 of 120 (the P1 target)</td>');
    // D1's FR, D3's and D4's Res missed P1's targets; D1's and D2's Res, P2's.
    const counts = readFileSync(join(site, 'index.html'), 'utf8').match(/id="by-severity-table"[\s\S]*?<\/table>/)![0];
    expect(counts.match(/<th scope="row">P\d<\/th><td[^>]*>\d+<\/td>/g)).toEqual(['<th scope="row">P1</th><td class="num" data-value="3">3</td>', '<th scope="row">P2</th><td class="num" data-value="2">2</td>']);
  });

  it('writes the same bytes with --jobs 2 as with --jobs 1, in every format', () => {
    // The log is small: the internal switch makes the CLI start its workers anyway (as test/cli/check-jobs.test.ts does).
    const env = { ...process.env, SLAC_CHECK_PARALLEL_MIN_BYTES: '0', SLAC_CHECK_CORES: '8' };
    const run = (args: readonly string[]) => {
      const result = spawnSync(process.execPath, [builtBin, ...args], { cwd: folder, encoding: 'utf8', timeout: 120_000, env });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    for (const format of ['text', 'json', 'csv']) {
      const one = run([...check, '--format', format, '--jobs', '1']);
      expect(one.stdout).toContain(format === 'text' ? 'P1 (now P2)' : format === 'json' ? '"targetSeverity": "P1"' : ',P1\n');
      expect(run([...check, '--format', format, '--jobs', '2'])).toEqual(one);
    }
  });
});
