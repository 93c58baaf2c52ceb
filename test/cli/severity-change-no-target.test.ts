import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * A P1 Ticket whose 4-hour Fix target had already passed was changed to P2,
 * for which Fix sets no target (a dash in the table), and then resolved:
 * slac check no longer applies Fix to it at all (SEMANTICS.md: a metric with
 * no target for the ticket's severity does not apply; the severity is the one
 * at the stop). The document said only that a change "applies the targets of
 * the new level ... to each service level still being measured", which does
 * not say what happens where the new level has none. It now says so, where
 * some service level sets no target for some level. A Ticket resolved before
 * the change keeps its P1 verdict, as the document already said. `slac
 * explain` says the same at the change: Fix sets no target for P2.
 */
const AGREEMENT = `${aroundTheClockAgreement('S')}
severity P1 {
}

severity P2 {
  default
}

metric Answer {
  measures first response
  clock Always
  target 8 hours
}

metric Fix {
  measures resolution
  clock Always
  target P1 4 hours
}
`;

const rows = [
  ['D1', '2026-04-07T09:00:00Z', 'created', 'P1'],
  ['D1', '2026-04-07T14:00:00Z', 'severity', 'P2'],
  ['D1', '2026-04-07T15:00:00Z', 'resolved'],
  ['D2', '2026-04-07T09:00:00Z', 'created', 'P1'],
  ['D2', '2026-04-07T15:00:00Z', 'resolved'],
  ['D2', '2026-04-07T16:00:00Z', 'severity', 'P2'],
];
const LOG = rows.map(([ticket, time, event, severity]) => JSON.stringify({ ticket, time, event, ...(severity ? { severity } : {}) })).join('\n');

it('says a service level without a target for the new level stops applying, as slac check drops it', () => {
  const folder = folderWithAgreementAndLog('severity-change-no-target', AGREEMENT, `${LOG}\n`);
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect([document.code, document.stderr]).toEqual([0, '']);
  expect(document.stdout).toContain(
    'a service level whose clock has already stopped keeps the target of the level the Ticket had when it stopped. A service level still being measured that sets no target for the new level no longer applies to the Ticket, even if its target under the old level has already passed.',
  );
  const check = runBuiltCli(['check', 'a.sla', 'log.ndjson', '--format', 'json'], folder);
  const tickets = (JSON.parse(check.stdout) as { tickets: { id: string; metrics: Record<string, { status: string }> }[] }).tickets;
  expect(tickets.map((ticket) => [ticket.id, Object.entries(ticket.metrics).map(([name, metric]) => `${name} ${metric.status}`)])).toEqual([
    ['D1', ['Answer met']],
    ['D2', ['Answer met', 'Fix breached']],
  ]);
  const explained = runBuiltCli(['explain', 'a.sla', 'log.ndjson', 'D1'], folder);
  expect([explained.code, explained.stderr]).toEqual([0, '']);
  expect(explained.stdout).toContain(
    'Severity changed from P1 to P2 (log line 2); targets follow the severity the ticket has when each clock stops. Fix sets no target for P2: if its clock is still running, it no longer applies to the ticket.',
  );
});
