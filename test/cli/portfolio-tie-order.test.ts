import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Tickets created at the same time, in a portfolio's client reports: in
 * order of first appearance in the log, as `slac check AGREEMENT` on the
 * client's rows lists them, though rows that waited for their ticket's
 * client reach that client's check later. Fixtures:
 * test/cli/fixtures/portfolio-ties/README.md.
 */
const fixtures = join(repoRoot, 'test', 'cli', 'fixtures', 'portfolio-ties');

function check(file: string, log: string, format: 'csv' | 'json'): string {
  const run = runBuiltCli(['check', join(fixtures, file), join(fixtures, log), '--format', format], fixtures);
  expect(run.code, run.stderr).toBeLessThan(2);
  return run.stdout;
}

/** Ticket ids of a CSV report, in its order, once each; `client` picks a portfolio's rows. */
function csvTickets(csv: string, client?: string): string[] {
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
  const ids = client === undefined ? rows.map((row) => row[0]!) : rows.filter((row) => row[0] === client).map((row) => row[1]!);
  return [...new Set(ids)];
}

interface JsonReport {
  tickets: { id: string }[];
}

describe.each([
  // [client, its rows of tickets.csv, its tickets in order of first appearance]
  ['Acme', 'acme.csv', ['K1', 'K2']],
  ['others', 'others.csv', ['K4', 'K3']],
])('the portfolio report of %s', (client, rows, expected) => {
  it(`lists ${expected.join(', ')} as slac check on ${rows} does (CSV)`, () => {
    expect(csvTickets(check('agreement.sla', rows, 'csv'))).toEqual(expected);
    expect(csvTickets(check('portfolio.sla', 'tickets.csv', 'csv'), client)).toEqual(expected);
  });

  it(`lists ${expected.join(', ')} as slac check on ${rows} does (JSON)`, () => {
    const alone = JSON.parse(check('agreement.sla', rows, 'json')) as JsonReport;
    const portfolio = JSON.parse(check('portfolio.sla', 'tickets.csv', 'json')) as { clients: { client: string; report: JsonReport }[] };
    const report = portfolio.clients.find((candidate) => candidate.client === client)!.report;
    expect(alone.tickets.map((ticket) => ticket.id)).toEqual(expected);
    expect(report.tickets.map((ticket) => ticket.id)).toEqual(expected);
  });
});
