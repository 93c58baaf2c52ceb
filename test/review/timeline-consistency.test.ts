/**
 * The timeline's verdicts are `slac check --format json`'s: for every ticket
 * of every example log, the same status, elapsed and target minutes, due
 * instant and stop, for the same metrics; and every breach has its entry at the
 * instant the target fell due.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { PORTFOLIO_FORMAT, type AgreementModel, type PortfolioModel } from '../../language/model/model.js';
import { loadAgreementOrPortfolio, nodeSourceHost } from '../../language/workspace/index.js';
import type { TicketVerdictJson } from '../../runtime/report/index.js';
import { eventsOfTicket, readLogsAsCheckDoes } from '../../review/timeline/ticket-events.js';
import { ticketTimeline } from '../../review/timeline/timeline.js';

const root = join(import.meta.dirname, '..', '..');

const examples: [string, string, string][] = [
  ['poologics', 'examples/poologics.sla', 'examples/logs/poologics.tickets.csv'],
  ['hosting', 'examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson'],
  ['letsflo', 'examples/letsflo.sla', 'examples/logs/letsflo.tickets.csv'],
  ['finance', 'examples/multilevel/finance.sla', 'examples/logs/finance.tickets.ndjson'],
  ['departments', 'examples/multilevel/departments.sla', 'examples/logs/departments.tickets.csv'],
];

async function checkJson(sla: string, log: string, outages: string): Promise<Record<string, unknown>> {
  let stdout = '';
  await runCli(['check', sla, log, '--outages', outages, '--format', 'json'], { stdout: (text) => (stdout += text), stderr: () => {}, stderrIsTTY: false, cwd: root });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Tickets of the JSON report by client (`''` for a single agreement) and id. */
function ticketsByClient(report: Record<string, unknown>): Map<string, Map<string, TicketVerdictJson>> {
  const reports = Array.isArray(report.clients)
    ? (report.clients as { client: string; report: { tickets: TicketVerdictJson[] } }[]).map((each) => [each.client, each.report.tickets] as const)
    : [['', report.tickets as TicketVerdictJson[]] as const];
  return new Map(reports.map(([client, tickets]) => [client, new Map(tickets.map((ticket) => [ticket.id, ticket]))]));
}

describe('timelines agree with slac check --format json', () => {
  it.each(examples)('%s: every ticket', async (name, sla, log) => {
    const outages = `examples/logs/${name}.outages.csv`;
    const expected = ticketsByClient(await checkJson(sla, log, outages));
    const model = loadAgreementOrPortfolio(join(root, sla), nodeSourceHost).model as AgreementModel | PortfolioModel;
    expect(model.format === PORTFOLIO_FORMAT).toBe(name === 'departments');
    const read = await readLogsAsCheckDoes(model, { log: join(root, log), outages: join(root, outages) });
    if (!read.ok) throw new Error(`${name}: the example log does not read`);
    let compared = 0;
    let breaches = 0;
    for (const source of read.sources) {
      const tickets = expected.get(source.client ?? '')!;
      for (let index = 0; index < source.store.ticketCount; index++) {
        const events = eventsOfTicket(source.store, index);
        const json = tickets.get(source.store.ticketId(index));
        if (!json) continue;
        const timeline = ticketTimeline(source.agreement, events, read.asOf);
        const figures = timeline.metrics.map(({ metric, status, elapsedMinutes, targetMinutes, due, stoppedAt }) => [metric, { status, elapsedMinutes, targetMinutes, due: due ?? null, stoppedAt }]);
        const jsonFigures = Object.entries(json.metrics).map(([metric, { status, elapsedMinutes, targetMinutes, due, stoppedAt }]) => [metric, { status, elapsedMinutes, targetMinutes, due, stoppedAt }]);
        expect(figures, `${name} ${json.id}`).toEqual(jsonFigures);
        expect([timeline.severity, timeline.channel]).toEqual([json.severity, json.channel]);
        expect(timeline.entries[0]).toMatchObject({ kind: 'created', local: json.created });
        for (const metric of timeline.metrics.filter((each) => each.status === 'breached')) {
          const entry = timeline.entries.find((each) => each.kind === 'breached' && each.metric === metric.metric && each.time === Date.parse(metric.due!));
          expect(entry, `${name} ${json.id} ${metric.metric}`).toBeDefined();
          breaches++;
        }
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    }
    expect(compared).toBe([...expected.values()].reduce((sum, tickets) => sum + tickets.size, 0));
    expect(breaches).toBeGreaterThan(0);
  });
});
