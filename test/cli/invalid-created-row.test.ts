import { describe, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

/**
 * A ticket whose `created` row is invalid (a severity the agreement does
 * not have) has a created event in the file, but none that counts: its
 * other rows said "ticket 'T1' has no 'created' event" (SLA4010), which
 * sends the reader looking for a row that is there. They name that row
 * now (SLA4055); a ticket with no created row at all is still SLA4010.
 * One thread and several give the same errors.
 */

const LOG = [
  'ticket,time,event,severity,author',
  'T1,2026-03-02T09:00:00+01:00,created,Bogus,',
  'T1,2026-03-02T10:00:00+01:00,reply,,agent',
  'T1,2026-03-02T11:00:00+01:00,resolved,,',
  'T2,2026-03-02T09:00:00+01:00,reply,,agent',
  'T3,2026-03-02T09:00:00+01:00,created,High,',
  '',
].join('\n');

const EXPECTED = [
  "log.csv:2: key 'severity': 'Bogus' is not a severity of the agreement; expected one of High or Normal [SLA4004]",
  "log.csv:3: key 'ticket': ticket 'T1' has no valid 'created' event: its 'created' row on line 2 is invalid [SLA4055]",
  "log.csv:4: key 'ticket': ticket 'T1' has no valid 'created' event: its 'created' row on line 2 is invalid [SLA4055]",
  "log.csv:5: key 'ticket': ticket 'T2' has no 'created' event [SLA4010]",
];

describe("the rows of a ticket whose 'created' row is invalid name that row", () => {
  it.each([
    ['one thread', runBuiltCli],
    ['several threads', runBuiltCliOnThreads],
  ])('%s', (_name, run) => {
    const folder = freshFolder('invalid-created');
    write(folder, 'small.sla', agreementText());
    write(folder, 'log.csv', LOG);
    const result = run(['check', 'small.sla', 'log.csv', '--as-of', '2026-03-31T00:00:00Z'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('log.csv:'))).toEqual(EXPECTED);
  });
});
