import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * In an NDJSON ticket log, a `client` that is no text (`["Finance"]`,
 * `{"name": "Finance"}`, `true`) was read as no client: with `others`
 * declared, a Finance ticket was checked against the others' agreement and
 * nothing said so. An outage row's such `client` is refused (SLA4014); a
 * ticket row's now is too, naming file, line and value (a number is still
 * read as its digits, as a ticket id is).
 */

const PORTFOLIO = 'portfolio DO {\n  client "Finance Department", "Finance" uses "finance.sla"\n  others use "hr.sla"\n}\n';

const row = (ticket: string, client: unknown): string =>
  JSON.stringify({ ticket, time: '2026-03-03T09:00:00+01:00', event: 'created', severity: 'High', channel: 'Portal', client });

const LOG = [row('T-1', ['Finance']), row('T-2', { name: 'Finance' }), row('T-3', 'Finance'), row('T-4', 42)].join('\n');

function folder(): string {
  const dir = freshFolder('portfolio-client-not-text');
  cpSync(join(repoRoot, 'examples', 'multilevel'), dir, { recursive: true });
  write(dir, 'do.sla', PORTFOLIO);
  write(dir, 'log.ndjson', LOG);
  return dir;
}

describe('a ticket row whose client is no text', () => {
  it('slac check refuses it, naming file, line and value', () => {
    const run = runBuiltCli(['check', 'do.sla', 'log.ndjson'], folder());
    expect(run.stderr).toContain(`log.ndjson:1: key 'client': 'client' must be a text, not ["Finance"] [SLA4014]`);
    expect(run.stderr).toContain(`log.ndjson:2: key 'client': 'client' must be a text, not {"name":"Finance"} [SLA4014]`);
    expect(run.stderr).toContain('the input has 2 errors');
    expect(run.code).toBe(2);
  });

  it('with --skip-invalid, its rows are counted among the rows of no client, not checked as others', () => {
    const run = runBuiltCli(['check', 'do.sla', 'log.ndjson', '--skip-invalid', '--format', 'json'], folder());
    const report = JSON.parse(run.stdout) as { clients: { client: string; report: { tickets: { id: string }[] } }[]; unassigned?: { invalidRows: number } };
    const ids = Object.fromEntries(report.clients.map((client) => [client.client, client.report.tickets.map((ticket) => ticket.id)]));
    expect(ids).toEqual({ 'Finance Department': ['T-3'], others: ['T-4'] });
    expect(report.unassigned?.invalidRows).toBe(2);
  });
});
