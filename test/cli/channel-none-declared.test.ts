import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * A row naming a channel, checked against an agreement that declares none:
 * the error said "expected one of (none declared)", which named no value a
 * row could give. It now says what the row should do.
 */
it('a channel in the log of an agreement that declares none says to leave it empty', () => {
  const folder = freshFolder('channel-none-declared');
  write(folder, 'a.sla', 'agreement A {\n  title "A"\n}\ncalendar Always {\n  timezone "UTC"\n  hours Mon-Sun 00:00-24:00\n}\nseverity P1 {\n  default\n}\nmetric Reply {\n  measures first response\n  clock Always\n  target 1 hour\n}\n');
  write(folder, 'log.ndjson', '{"ticket":"T1","time":"2026-03-02T09:00:00Z","event":"created","channel":"Email"}\n');
  const run = runBuiltCli(['check', 'a.sla', 'log.ndjson'], folder);
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n')[0]).toBe(
    "log.ndjson:1: key 'channel': 'Email' is not a channel of the agreement; the agreement declares no channel, so a row names none: leave the channel empty [SLA4005]",
  );
});
