import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { accounts, checkJson, clientsOf, expectEveryRecordAccounted, fixtures, ndjsonRows, outputFolder, skippedLines, slac, verdicts } from './helpers.js';

/**
 * `slac import zendesk` through the built executable (run `node
 * scripts/build.mjs` first) on test/import/fixtures/zendesk/: the log, the
 * summary that accounts for every child event, and the verdicts `slac check`
 * gives on the imported log, computed by hand.
 */

const out = outputFolder('zendesk');

/** The rows of an NDJSON log, per ticket, as "event key=value ..." at their time. */
function rowsOf(log: string): Record<string, string[]> {
  const tickets: Record<string, string[]> = {};
  for (const { ticket, time, event, ...rest } of ndjsonRows(log)) {
    (tickets[ticket!] ??= []).push([time!.slice(5, 16), event, ...Object.entries(rest).filter(([key]) => key !== 'client').map(([key, value]) => `${key}=${value}`)].join(' '));
  }
  return tickets;
}

describe('slac import zendesk: the awkward cases (test/import/fixtures/zendesk)', () => {
  const log = join(out, 'zendesk.ndjson');
  // The ticket events before the users file on purpose: files are told by their keys, and users are read first.
  const result = slac('import', 'zendesk', `${fixtures}/zendesk/ticket_events.jsonl`, `${fixtures}/zendesk/audits-ticket-7.json`, `${fixtures}/zendesk/users.json`, `${fixtures}/zendesk/organizations.json`, '-o', log);

  it('writes the rows checked by hand: descriptions and notes are no replies, rules and the API are system, reopen after solve, deleted ticket left out', () => {
    expect(result.code).toBe(0);
    expect(rowsOf(readFileSync(log, 'utf8'))).toEqual({
      // Merged into ticket 5: closed at the merge; the merge note is private.
      '4': ['03-04T08:00 created severity=normal channel=web', '03-04T08:00 status status=new', '03-04T08:10 status status=closed', '03-04T08:10 closed'],
      '1': [
        '03-04T09:00 created severity=normal channel=email',
        '03-04T09:00 status status=new',
        '03-04T09:05 reply author=system',
        '03-04T09:30 reply author=agent',
        '03-04T09:30 status status=pending',
        '03-04T10:30 reply author=customer',
        '03-04T10:30 status status=open',
        '03-04T11:00 reply author=agent',
        '03-04T11:00 status status=solved',
        '03-04T11:00 resolved',
        '03-04T11:30 reply author=customer',
        '03-04T11:30 reopened',
        '03-04T11:30 status status=open',
        '03-04T12:00 reply author=agent',
        '03-04T12:00 status status=solved',
        '03-04T12:00 resolved',
        '03-05T12:00 status status=closed',
        '03-05T12:00 closed',
      ],
      // From the audits; the 10:30 audit's time has no offset (UTC); the CRM's comment through the API is system.
      '7': [
        '03-05T09:00 created severity=high channel=web',
        '03-05T09:00 status status=new',
        '03-05T09:15 reply author=system',
        '03-05T09:45 reply author=agent',
        '03-05T09:45 status status=open',
        '03-05T10:30 status status=hold',
        '03-05T12:30 reply author=agent',
        '03-05T12:30 status status=solved',
        '03-05T12:30 resolved',
      ],
      '5': ['03-04T08:05 created severity=normal channel=chat', '03-04T08:05 status status=new', '03-04T08:25 reply author=agent', '03-04T08:25 status status=open'],
      // Dee is an end-user now (deactivated) but was assigned at 10:10: her reply is an agent's.
      '2': [
        '03-04T10:00 created severity=low channel=web',
        '03-04T10:00 status status=new',
        '03-04T10:20 reply author=agent',
        '03-04T10:20 status status=open',
        '03-04T11:00 severity severity=urgent',
        '03-04T13:00 status status=solved',
        '03-04T13:00 resolved',
      ],
    });
  });

  it('accounts for every record of every file, and lists the skipped ones with file, JSON path and reason', () => {
    const files = accounts(result.stderr);
    // In the order the files were given (the users and organizations, read first, were listed first until 2026-12-05).
    expect([...files.keys()]).toEqual(['ticket_events.jsonl', 'audits-ticket-7.json', 'users.json', 'organizations.json']);
    expectEveryRecordAccounted(files);
    // 14 events in the 5 audits; 53 child events and the ticket event without a ticket_id (27 on each line).
    expect(files.get('audits-ticket-7.json')!.rows).toBe(14);
    expect(files.get('ticket_events.jsonl')!.rows).toBe(54);
    expect(result.stderr).toContain('slac import zendesk: 5 tickets, 42 events written; 5 records skipped\n');
    expect(files.get('ticket_events.jsonl')!.lines).toContain('private notes (not replies): 2');
    expect(files.get('ticket_events.jsonl')!.lines).toContain('ticket descriptions (not replies): 5');
    expect(result.stderr).toContain('note (3): rows of tickets deleted in Zendesk: left out of the log\n');
    expect(result.stderr).toContain('note (1): times without an offset: taken as UTC\n');
    expect(result.stderr).toContain('note (1): tickets closed by a merge into another ticket: closed at the merge\n');
    const skipped = skippedLines(result.stderr, 5);
    expect(skipped).toEqual([
      // In file order (the files as the summary lists them, a folder's in name order), not in the order read.
      `  ${fixtures}/zendesk/ticket_events.jsonl at line 1, ticket_events[7].child_events[0]: ticket 6: no creation of it is open in the export`,
      `  ${fixtures}/zendesk/ticket_events.jsonl at line 2, ticket_events[9].child_events[0]: ticket 3 was deleted in Zendesk: its 3 rows are left out`,
      `  ${fixtures}/zendesk/ticket_events.jsonl at line 2, ticket_events[11].child_events[0]: comment on ticket 5: user 777 is not in the users file, nor the requester`,
      `  ${fixtures}/zendesk/ticket_events.jsonl at line 2, ticket_events[12]: the ticket event has no ticket_id`,
      `  ${fixtures}/zendesk/users.json at users[6]: user 901 has the role ''; the roles are end-user, agent, admin`,
    ]);
  });

  it('gives the verdicts computed by hand when checked against an agreement that maps Zendesk names', () => {
    const check = checkJson(`${fixtures}/zendesk.sla`, log, '--as-of', '2024-03-06T12:00:00Z');
    expect(check.code).toBe(0);
    expect(verdicts(check.stdout)).toEqual({
      // Closed by the merge 10 minutes after creation, before any agent reply: both stop there.
      '4': { FirstResponse: 'met 10/60', Resolution: 'met 10/480' },
      // Still open: 2024-03-04 08:05 to the as-of instant, 2024-03-06 12:00 (2 days 3 h 55 min).
      '5': { FirstResponse: 'met 20/60', Resolution: 'breached 3115/480' },
      // Reply at 09:30 (not the trigger's at 09:05, nor the note at 09:10). Resolution: 09:00-09:30,
      // pending until 10:30, solved at 11:00 (60), reopened 11:30-12:00 (30): 90 minutes.
      '1': { FirstResponse: 'met 30/60', Resolution: 'met 90/480' },
      // Urgent since 11:00 (2 hours), solved at 13:00, three hours after creation.
      '2': { FirstResponse: 'met 20/60', Resolution: 'breached 180/120' },
      // Bob's reply at 09:45 (the API comment at 09:15 is system); on hold 10:30-12:30: 90 minutes.
      '7': { FirstResponse: 'met 45/60', Resolution: 'met 90/180' },
    });
  });

  it('takes the client from the organisations file, the organisation id without one, or --client-field', () => {
    expect(clientsOf(readFileSync(log, 'utf8'))).toEqual({ '1': 'Acme Ltd', '2': '5002', '4': undefined, '5': undefined, '7': 'Acme Ltd' });
    const byField = slac('import', 'zendesk', `${fixtures}/zendesk`, '--client-field', 'custom_account');
    expect(byField.code).toBe(0);
    expect(clientsOf(byField.stdout)).toEqual({ '1': 'ACME-1', '2': undefined, '4': undefined, '5': undefined, '7': undefined });
  });

  it('reads a folder, and a page that is one pretty-printed document as well as pages one per line', () => {
    const fromFolder = slac('import', 'zendesk', `${fixtures}/zendesk`);
    expect(fromFolder.code).toBe(0);
    expect(rowsOf(fromFolder.stdout)).toEqual(rowsOf(readFileSync(log, 'utf8')));
    const pretty = join(out, 'page.json');
    const firstPage = JSON.parse(readFileSync(join(repoRoot, fixtures, 'zendesk', 'ticket_events.jsonl'), 'utf8').split('\n')[0]!) as unknown;
    writeFileSync(pretty, JSON.stringify(firstPage, null, 2));
    const single = slac('import', 'zendesk', pretty, `${fixtures}/zendesk/users.json`);
    expect(single.code).toBe(0);
    expect(single.stderr).toContain(`${pretty} at ticket_events[7].child_events[0]: ticket 6: no creation of it is open in the export`);
  });

  it('refuses a file that is no Zendesk export, naming it', () => {
    const other = join(out, 'other.json');
    writeFileSync(other, '{"tickets": []}\n');
    const refused = slac('import', 'zendesk', other);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`${other}: not a page of a Zendesk export: its first page has none of the keys ticket_events, audits, users, organizations`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
