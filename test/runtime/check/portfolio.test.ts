import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../../language/model/model.js';
import { checkEvents, checkPortfolioEvents, type PortfolioOutcome } from '../../../runtime/check.js';
import type { ClientRun } from '../../../runtime/check.js';
import { buildReport, type TicketVerdictJson } from '../../../runtime/report/index.js';
import { supportModel } from './fixture-model.js';

/** Globex's agreement names its severities differently: each client's rows are read with its own vocabulary. */
const globexModel: AgreementModel = {
  ...supportModel,
  agreement: { name: 'GlobexSupport', effective: '2026-01-01' },
  severities: [
    { name: 'P1', isDefault: false, matches: [] },
    { name: 'P2', isDefault: true, matches: [] },
  ],
  metrics: supportModel.metrics.map((metric) => (metric.name === 'Resolution' ? { ...metric, targets: { P1: metric.targets['Critical']!, P2: metric.targets['Standard']! } } : metric)),
};

function portfolio(withOthers: boolean): PortfolioModel {
  return {
    format: PORTFOLIO_FORMAT,
    version: MODEL_VERSION,
    name: 'Customers',
    clients: [
      { names: ['Acme Widgets Ltd', 'Acme'], path: 'acme.sla', params: {}, agreement: supportModel },
      { names: ['Globex Corporation', 'Globex GmbH'], path: 'globex.sla', params: { ClientName: 'Globex Corporation' }, agreement: globexModel },
    ],
    ...(withOthers ? { others: { path: 'standard.sla', params: {}, agreement: supportModel } } : {}),
    sources: [],
  };
}

type Row = Record<string, unknown>;
const row = (ticket: string, time: string, event: string, extra: Row = {}): Row => ({ ticket, time: `2026-03-02T${time}:00-05:00`, event, ...extra });

/** Lines 1-9. */
const rows: Row[] = [
  row('A1', '09:00', 'created', { severity: 'Critical', client: 'Acme' }),
  row('G1', '09:05', 'created', { severity: 'P1', client: '  globex gmbh ' }),
  row('W1', '09:10', 'created', { severity: 'P2' }), // no client yet: waits for line 5
  row('A1', '09:15', 'reply', { author: 'agent', client: 'acme widgets ltd' }), // same client, other name: no warning
  row('W1', '09:20', 'reply', { author: 'agent', client: 'Globex Corporation' }),
  row('X1', '09:30', 'created', { client: 'Initech' }), // not listed
  row('X1', '09:40', 'reply', { author: 'agent' }),
  row('N1', '09:50', 'created'), // never a client
  row('A1', '10:00', 'resolved', { client: 'Globex' }), // another client: warned, Acme counts
];

interface Collected {
  outcome: PortfolioOutcome;
  head?: { portfolio: string; asOf: string };
  clients: { client: string; agreement: string; tickets: TicketVerdictJson[]; asOf: string }[];
}

function run(model: PortfolioModel, skipInvalid: boolean, input: Row[] = rows, asOf?: string): Collected {
  const collected: Omit<Collected, 'outcome'> = { clients: [] };
  const outcome = checkPortfolioEvents(model, input, { skipInvalid, ...(asOf === undefined ? {} : { asOf }) }, {
    begin: (head) => (collected.head = head),
    client: (clientRun: ClientRun) => {
      const entry = { client: clientRun.client, agreement: clientRun.member.agreement.agreement!.name, tickets: [] as TicketVerdictJson[], asOf: '' };
      collected.clients.push(entry);
      return { begin: (head) => (entry.asOf = head.asOf), ticket: (ticket) => entry.tickets.push(ticket) };
    },
  });
  return { ...collected, outcome };
}

const ids = (result: Collected) => Object.fromEntries(result.clients.map((entry) => [entry.client, entry.tickets.map((ticket) => ticket.id)]));

describe('portfolio check: routing tickets to their client', () => {
  it('without others, a ticket of no listed client is invalid on every row, named by line', () => {
    const { outcome } = run(portfolio(false), false);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => [error.code, error.line, error.key])).toEqual([
      ['SLA4030', 6, 'client'],
      ['SLA4030', 7, 'client'],
      ['SLA4030', 8, 'client'],
    ]);
    expect(outcome.errors[0]!.message).toBe(
      "ticket 'X1' has client 'Initech'; portfolio Customers lists 'Acme Widgets Ltd', 'Globex Corporation' and declares no others",
    );
    expect(outcome.errors[2]!.message).toContain("ticket 'N1' names no client");
  });

  it('with --skip-invalid, those rows are counted and listed once, beside the clients', () => {
    const result = run(portfolio(false), true);
    expect(result.outcome.ok).toBe(true);
    if (!result.outcome.ok) return;
    expect(ids(result)).toEqual({ 'Acme Widgets Ltd': ['A1'], 'Globex Corporation': ['G1', 'W1'] });
    expect(result.outcome.unassigned.invalidRows).toBe(3);
    expect(result.outcome.unassigned.skipped.map((skipped) => skipped.line)).toEqual([6, 7, 8]);
  });

  it('with others, unlisted and client-less tickets go there; the first client counts, a change is warned once', () => {
    const result = run(portfolio(true), false);
    expect(result.outcome.ok).toBe(true);
    if (!result.outcome.ok) return;
    expect(ids(result)).toEqual({ 'Acme Widgets Ltd': ['A1'], 'Globex Corporation': ['G1', 'W1'], others: ['X1', 'N1'] });
    expect(result.outcome.warnings.map((warning) => [warning.code, warning.line, warning.message])).toEqual([
      ['SLA4031', 9, "ticket 'A1' has client 'Globex' here but 'Acme' on line 1; the first client counts"],
    ]);
    expect(result.outcome.unassigned).toEqual({ invalidRows: 0, skipped: [] });
    // ... and is listed in the report of the ticket's client.
    const listed: Record<string, string[]> = {};
    checkPortfolioEvents(portfolio(true), rows, {}, { clientDone: (clientRun, outcome) => (listed[clientRun.client] = outcome.summary.warnings.map((w) => `${w.code}:${w.line}`)) });
    expect(listed).toEqual({ 'Acme Widgets Ltd': ['SLA4031:9'], 'Globex Corporation': [], others: [] });
  });

  it('reads each client rows with its own agreement: a severity of another agreement is invalid', () => {
    const input = [...rows.slice(0, 2), row('G2', '09:06', 'created', { severity: 'Critical', client: 'Globex GmbH' })];
    const { outcome } = run(portfolio(true), false, input);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => [error.code, error.line, error.key])).toEqual([['SLA4004', 3, 'severity']]);
  });

  it('makes every client report at one as-of instant, the latest event of the whole log; a client without tickets still gets one', () => {
    const input = rows.slice(0, 2).concat(row('A1', '11:00', 'resolved'));
    const result = run(portfolio(true), false, input);
    expect(result.head).toEqual({ portfolio: 'Customers', asOf: '2026-03-02T11:00:00-05:00' });
    expect(result.clients.map((entry) => [entry.client, entry.asOf, entry.tickets.length])).toEqual([
      ['Acme Widgets Ltd', '2026-03-02T11:00:00-05:00', 1],
      ['Globex Corporation', '2026-03-02T11:00:00-05:00', 1],
      ['others', '2026-03-02T11:00:00-05:00', 0],
    ]);
  });

  it("gives each client exactly the report of its own tickets checked alone", () => {
    const asOf = '2026-03-03T00:00:00Z';
    const model = portfolio(true);
    const reports: Record<string, unknown> = {};
    checkPortfolioEvents(model, rows, { asOf }, {
      client: (clientRun) => {
        const tickets: TicketVerdictJson[] = [];
        return { ticket: (ticket) => tickets.push(ticket), begin: () => (reports[clientRun.client] = tickets) };
      },
      clientDone: (clientRun, outcome) => (reports[clientRun.client] = buildReport(outcome.summary, reports[clientRun.client] as TicketVerdictJson[])),
    });
    const alone = checkEvents(globexModel, [rows[1]!, rows[2]!, rows[4]!].map(({ client: _client, ...rest }) => rest), { asOf });
    const { skipped: _a, warnings: _w, ...expected } = alone;
    const { skipped: _b, warnings: _v, ...actual } = reports['Globex Corporation'] as Record<string, unknown>;
    // Only the lines differ (the rows are numbered in the whole log); the verdicts are the same.
    expect(actual).toEqual(expected);
  });
});

describe('portfolio check: outage rows', () => {
  const outage = (start: string, end: string, client?: string): Row => ({ start: `2026-03-02T${start}:00Z`, end: `2026-03-02T${end}:00Z`, kind: 'outage', ...(client === undefined ? {} : { client }) });

  it('a row with a client applies to that client only (an unlisted one to others), a row without one to every client', () => {
    const downtime: Record<string, number> = {};
    checkPortfolioEvents(
      portfolio(true),
      rows.slice(0, 2),
      { asOf: '2026-03-03T00:00:00Z', outages: [outage('10:00', '10:30', ' acme '), outage('11:00', '11:10'), outage('12:00', '12:45', 'Initech')] },
      { clientDone: (clientRun, outcome) => (downtime[clientRun.client] = outcome.summary.uptime.find((row) => row.period === '2026-03')!.downtimeMinutes) },
    );
    expect(downtime).toEqual({ 'Acme Widgets Ltd': 30 + 10, 'Globex Corporation': 10, others: 10 + 45 });
  });
});
