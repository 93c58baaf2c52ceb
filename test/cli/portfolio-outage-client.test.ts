import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * An outage row whose `client` the portfolio does not list, in a portfolio
 * without `others`, applied to no client and was said nowhere: a typo in
 * the client's name ("Acme Corp" for "Acme") took an outage out of every
 * uptime figure, and so out of the credits, while the check exited 0. A
 * ticket of such a client is an invalid row (SLA4030); so is such an
 * outage row now (SLA4056), named by file and line, and with
 * --skip-invalid it is counted and listed among the rows of no client.
 */

const PORTFOLIO = `portfolio Hosts {
  client "Acme" uses "hosting.sla"
  client "Globex" uses "hosting.sla"
}
`;

const TICKETS = [
  'ticket,time,event,severity,channel,status,author,level,client',
  'A-1,2026-04-22T08:34:00+02:00,created,High,Phone,,,,Acme',
  'A-1,2026-04-22T08:50:00+02:00,reply,,,,agent,,Acme',
  'G-1,2026-04-22T08:34:00+02:00,created,High,Phone,,,,Globex',
].join('\n');

const OUTAGES = [
  'start,end,kind,description,client',
  '2026-04-20T14:45:00+02:00,2026-04-20T15:24:00+02:00,outage,Acme down,Acme',
  '2026-04-21T14:45:00+02:00,2026-04-21T15:24:00+02:00,outage,Acme down,Acme Corp',
].join('\n');

const MESSAGE =
  "o.csv:3: key 'client': outage row has client 'Acme Corp'; portfolio Hosts lists 'Acme', 'Globex' and declares no others, so it would apply to no client [SLA4056]";

function folder(): string {
  const dir = freshFolder('portfolio-outage-client');
  copyFileSync(join(repoRoot, 'examples', 'hosting.sla'), join(dir, 'hosting.sla'));
  write(dir, 'p.sla', PORTFOLIO);
  write(dir, 't.csv', TICKETS);
  write(dir, 'o.csv', OUTAGES);
  return dir;
}

describe('an outage row of a client the portfolio does not list (no others)', () => {
  it('slac check refuses it, naming file, line and client', () => {
    const run = runBuiltCli(['check', 'p.sla', 't.csv', '--outages', 'o.csv'], folder());
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
  });

  it('with --skip-invalid, it is counted and listed among the rows of no client', () => {
    const run = runBuiltCli(['check', 'p.sla', 't.csv', '--outages', 'o.csv', '--skip-invalid', '--format', 'json'], folder());
    const report = JSON.parse(run.stdout) as { unassigned?: { invalidRows: number; skipped: { line: number }[] } };
    expect(report.unassigned?.invalidRows).toBe(1);
    expect(run.stderr).toContain('slac: 1 invalid log row skipped');
    expect(run.stderr).toContain(`${MESSAGE}\n`);
  });

  it('slac report refuses it too', () => {
    const run = runBuiltCli(['report', 'p.sla', 't.csv', '--outages', 'o.csv', '-o', 'site'], folder());
    expect(run.stderr).toContain(MESSAGE);
    expect(run.code).toBe(2);
  });
});
