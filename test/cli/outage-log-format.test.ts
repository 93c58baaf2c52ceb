import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * `--log-format csv|ndjson` names the ticket log's format; the outage log's
 * comes from its own extension (docs/check.md, docs/report.md). With
 * `--log-format ndjson` for a ticket log named `tickets.log`, the outage log
 * `outages.csv` was read as NDJSON: an SLA4012 "not a JSON object" on each
 * of its rows, and no report. Through the built CLI, for every command that
 * takes `--outages`, on one thread and on two.
 */
function folderWithLogs(): string {
  const folder = freshFolder('outage-log-format');
  copyFileSync(join(repoRoot, 'examples/hosting.sla'), join(folder, 'hosting.sla'));
  copyFileSync(join(repoRoot, 'examples/logs/hosting.tickets.ndjson'), join(folder, 'tickets.log'));
  copyFileSync(join(repoRoot, 'examples/logs/hosting.tickets.ndjson'), join(folder, 'tickets.ndjson'));
  copyFileSync(join(repoRoot, 'examples/logs/hosting.outages.csv'), join(folder, 'outages.csv'));
  // An outage log whose extension says nothing: --log-format still gives its format.
  copyFileSync(join(repoRoot, 'examples/logs/hosting.outages.csv'), join(folder, 'outages.txt'));
  return folder;
}

describe('--log-format does not override the outage log extension', () => {
  const folder = folderWithLogs();
  const expected = runBuiltCli(['check', 'hosting.sla', 'tickets.ndjson', '--outages', 'outages.csv', '--format', 'json'], folder);

  it.each([
    ['slac check --jobs 1', (args: string[]) => runBuiltCli([...args, '--jobs', '1'], folder)],
    ['slac check --jobs 2', (args: string[]) => runBuiltCliOnThreads([...args, '--jobs', '2'], folder)],
  ])('%s reads outages.csv as CSV with --log-format ndjson', (_name, run) => {
    const result = run(['check', 'hosting.sla', 'tickets.log', '--log-format', 'ndjson', '--outages', 'outages.csv', '--format', 'json']);
    expect(result.stderr).not.toContain('SLA4012');
    expect(result.code).toBe(expected.code);
    expect(result.stdout.replaceAll('"tickets.log"', '"tickets.ndjson"')).toBe(expected.stdout);
  });

  it('slac explain reads outages.csv as CSV with --log-format ndjson', () => {
    const typed = ['explain', 'hosting.sla', 'tickets.log', '--log-format', 'ndjson', '--outages', 'outages.csv', 'NW-1001'];
    const result = runBuiltCli(typed, folder);
    expect(result.stderr).not.toContain('SLA4012');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(runBuiltCli(['explain', 'hosting.sla', 'tickets.ndjson', '--outages', 'outages.csv', 'NW-1001'], folder).stdout);
  });

  it('slac report reads outages.csv as CSV with --log-format ndjson', () => {
    const result = runBuiltCli(['report', 'hosting.sla', 'tickets.log', '--log-format', 'ndjson', '--outages', 'outages.csv', '-o', 'site'], folder);
    expect(result.stderr).not.toContain('SLA4012');
    expect(result.code).toBe(0);
    const plain = runBuiltCli(['report', 'hosting.sla', 'tickets.ndjson', '--outages', 'outages.csv', '-o', 'plain'], folder);
    expect(plain.code).toBe(0);
    expect(readFileSync(join(folder, 'site', 'index.html'), 'utf8').replaceAll('tickets.log', 'tickets.ndjson')).toBe(readFileSync(join(folder, 'plain', 'index.html'), 'utf8'));
  });

  it('an outage log whose extension says nothing is still read in the --log-format given', () => {
    const result = runBuiltCli(['check', 'hosting.sla', 'tickets.ndjson', '--log-format', 'ndjson', '--outages', 'outages.txt', '--format', 'json'], folder);
    expect(result.stderr).toContain('SLA4012');
    const csv = runBuiltCli(['check', 'hosting.sla', 'tickets.ndjson', '--outages', 'outages.txt', '--format', 'json'], folder);
    expect(csv.stderr).toContain('SLA4020');
  });
});
