import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * A Further Message was "a message the Client sends ... after the Provider's
 * first reply to it ... and before its Resolution", so a message on a Ticket
 * that was resolved and then reopened read as none; slac check starts a
 * reply cycle at any customer message while the Ticket is unresolved
 * (SEMANTICS.md, next reply), reopened or not, and here breaches the
 * 2-day-late answer to one. The definition now says so.
 */
const AGREEMENT = `${aroundTheClockAgreement('R')}
severity P1 {
  default
}

metric NextReply {
  measures next reply
  clock Always
  target 8 hours
}
`;

const rows = [
  ['2026-04-08T09:00:00Z', 'created'],
  ['2026-04-08T09:30:00Z', 'reply', 'agent'],
  ['2026-04-08T10:00:00Z', 'resolved'],
  ['2026-04-08T11:00:00Z', 'reopened'],
  ['2026-04-08T11:05:00Z', 'reply', 'customer'],
  ['2026-04-10T11:00:00Z', 'reply', 'agent'],
];
const LOG = rows.map(([time, event, author]) => JSON.stringify({ ticket: 'R1', time, event, ...(author ? { author } : {}) })).join('\n');

it('counts a message on a reopened Ticket as a Further Message, in the words as in slac check', () => {
  const folder = folderWithAgreementAndLog('further-message-reopened', AGREEMENT, `${LOG}\n`);
  const document = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect([document.code, document.stderr]).toEqual([0, '']);
  expect(document.stdout).toContain(
    '**Further Message** means a message the Client sends on a Ticket after the Provider’s first reply to it (written by a person, not an automated reply) and before its Resolution, or after it is reopened and before its next Resolution.',
  );
  const check = runBuiltCli(['check', 'a.sla', 'log.ndjson', '--format', 'json'], folder);
  const ticket = (JSON.parse(check.stdout) as { tickets: { metrics: Record<string, { status: string; elapsedMinutes: number }> }[] }).tickets[0]!;
  expect(ticket.metrics.NextReply).toMatchObject({ status: 'breached', elapsedMinutes: 2875 });
});
