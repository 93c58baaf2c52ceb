import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * The document defined an Update Interval as running "to the Provider's next
 * update" without saying what an update is, so an automated status message
 * read as one; slac check ends an Update Interval only at a reply written by
 * an agent (SEMANTICS.md, update interval: `system` replies never count).
 * Here two automated messages within the hour leave a 110-minute interval,
 * breached against a target of 1 hour. The definition now says that only a
 * reply written by a person acting for the Provider is an update.
 */
const AGREEMENT = `${aroundTheClockAgreement('U')}
severity P1 {
  default
}

metric Updates {
  measures update interval
  clock Always
  target 1 hour
}
`;

const rows = [
  ['2026-04-06T09:00:00Z', 'created'],
  ['2026-04-06T09:10:00Z', 'reply', 'agent'],
  ['2026-04-06T09:50:00Z', 'reply', 'system'],
  ['2026-04-06T10:40:00Z', 'reply', 'system'],
  ['2026-04-06T11:00:00Z', 'reply', 'agent'],
  ['2026-04-06T11:30:00Z', 'resolved'],
];
const LOG = rows.map(([time, event, author]) => JSON.stringify({ ticket: 'U1', time, event, ...(author ? { author } : {}) })).join('\n');

it('defines an update as a reply by a person, as slac check ends an Update Interval', () => {
  const folder = folderWithAgreementAndLog('update-interval-automated', AGREEMENT, `${LOG}\n`);
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect([document.code, document.stderr]).toEqual([0, '']);
  expect(document.stdout).toContain(
    '**Update Interval** means the time from the opening of a Ticket, its reopening or the Provider’s last update on it, whichever is latest, to the Provider’s next update or the Ticket’s Resolution, whichever comes first. An update is a reply written by a person acting for the Provider; automated replies, such as status messages sent by a ticketing system, are not updates.',
  );
  const check = runBuiltCli(['check', 'a.sla', 'log.ndjson', '--format', 'json'], folder);
  const ticket = (JSON.parse(check.stdout) as { tickets: { metrics: Record<string, { status: string; elapsedMinutes: number }> }[] }).tickets[0]!;
  expect(ticket.metrics.Updates).toMatchObject({ status: 'breached', elapsedMinutes: 110 });
});
