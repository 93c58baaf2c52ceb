import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * Only a portfolio applies an outage row to the client it names. Checked
 * for one agreement, a provider's outage log of all its clients counted
 * every client's outage as this agreement's downtime, without a word: its
 * uptime fell and its credits rose. Rows naming two clients or more now get
 * warning SLA4065, on one thread and two, in the JSON report's warnings
 * too; rows of one client, or of none, and a portfolio's log get none.
 */
const HEADER = 'start,end,kind,client';
const row = (day: number, client: string) => `2026-05-0${day}T09:00:00Z,2026-05-0${day}T10:00:00Z,outage,${client}`;
const WARNING =
  "outages.csv:3: warning: key 'client': the outage rows name 3 clients ('Globex' on this line, 'Acme' on line 2), but one agreement is checked, so every row counts as its downtime, whichever client the row names; check the log with a portfolio, which applies each row to its client, or leave the other clients' rows out [SLA4065]";

function check(rows: readonly string[], run = runBuiltCli, extra: readonly string[] = []) {
  const folder = freshFolder('outage-clients');
  write(folder, 'outages.csv', [HEADER, ...rows, ''].join('\n'));
  return run(['check', `${repoRoot}/examples/hosting.sla`, `${repoRoot}/examples/logs/hosting.tickets.ndjson`, '--outages', 'outages.csv', '--jobs', '2', ...extra], folder);
}

describe('an outage log naming several clients, checked for one agreement', () => {
  const three = [row(2, 'Acme'), row(3, 'Globex'), row(4, 'Initech'), row(5, ''), row(6, ' acme ')];

  it.each([
    ['one thread', runBuiltCli],
    ['two threads', runBuiltCliOnThreads],
  ])('is warned of, %s', (_name, run) => {
    const result = check(three, run);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${WARNING}\n`);
  });

  it('is listed in the JSON report', () => {
    const report = JSON.parse(check(three, runBuiltCli, ['--format', 'json']).stdout) as { warnings: { code: string; line: number; key?: string }[] };
    expect(report.warnings.filter((warning) => warning.code === 'SLA4065')).toEqual([expect.objectContaining({ file: 'outages.csv', line: 3, key: 'client' })]);
  });

  it.each([
    ['rows of one client, in two spellings', [row(2, 'Acme'), row(3, ' ACME')]],
    ['rows of no client', [row(2, ''), row(3, '')]],
  ])('is not warned of: %s', (_name, rows) => {
    expect(check(rows).stderr).toBe('');
  });

  it('is not warned of in a portfolio, which applies each row to its client', () => {
    const run = runBuiltCli(['check', 'examples/multilevel/departments.sla', 'examples/logs/departments.tickets.csv', '--outages', 'examples/logs/departments.outages.csv'], repoRoot);
    expect(run.stderr).not.toContain('SLA4065');
  });
});
