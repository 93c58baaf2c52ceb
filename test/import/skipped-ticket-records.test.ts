import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { fixtures, outputFolder, slac } from './helpers.js';

/**
 * The records of a ticket the import skipped (its conversations, comments,
 * history, articles, followups) said the ticket was missing: "the ticket is
 * in none of the files" (freshdesk, jira), "the ticket is not in the ticket
 * files" (zammad), "is not among the tickets read" (glpi), "the ticket
 * is not in the ticket table" (zendesk-tables), "no creation of it is open
 * in the export" (zendesk, whose ticket's creation had no time), or, for a
 * freshdesk ticket skipped for want of a created_at, "the ticket was deleted
 * or is spam", which sent a user looking for a file or a deletion. Each
 * source now remembers why it skipped a ticket, and its later records say
 * "the ticket was skipped: <why>". Through the built executable.
 */

const out = outputFolder('skipped-ticket-records');

interface Case {
  name: string;
  source: string;
  /** The fixture folder under test/import/fixtures. */
  folder: string;
  file: string;
  from: string;
  to: string;
  args: string[];
  /** A record of the skipped ticket as the summary lists it, up to the reason: `conversation of ticket 1`. */
  record: string;
  /** What its summary group calls such records: `conversations of skipped tickets`. */
  group: string;
  why: string;
}

const NO_NAME = (field: string): string => `its ${field} is an object or list with no name`;
const BIG = (field: string): string => `its ${field} is a number beyond 2^53`;

const FRESHDESK_CREATED = '"created_at": "2026-03-02T08:00:00Z"';
const ZAMMAD_CREATED = '"created_at": "2024-03-04T09:00:00.000Z"';
const JIRA_CREATED = '"created": "2026-03-03T10:00:00.000+0000"';
const GLPI_DATE = '"date": "2024-03-04 10:00:00"';

const freshdesk = { source: 'freshdesk', folder: 'freshdesk', file: 'tickets-page-1.json', from: FRESHDESK_CREATED, record: 'conversation of ticket 1', group: 'conversations of skipped tickets' };
const zammad = { source: 'zammad', folder: 'zammad', file: 'tickets.json', from: ZAMMAD_CREATED, group: 'of skipped tickets' };
const jira = { source: 'jira', folder: 'jira', file: 'search-page-1.json', from: JIRA_CREATED, record: 'comment on 10002', group: 'comments of skipped issues' };
const glpi = { source: 'glpi', folder: 'glpi/api', file: 'tickets-page-1.json', from: GLPI_DATE, group: 'rows of skipped tickets' };

const ZENDESK_TABLES_ROW = '1,2024-03-06 02:00:00.000,77,2024-03-04 09:00:00,';
const zendeskTables = {
  source: 'zendesk-tables',
  folder: 'zendesk-tables',
  file: 'ticket.csv',
  from: ZENDESK_TABLES_ROW,
  to: ZENDESK_TABLES_ROW.replace('2024-03-04 09:00:00', 'not a time'),
  args: [],
  group: 'rows of skipped tickets',
  why: 'it has no readable created_at',
};

const CASES: Case[] = [
  { ...freshdesk, name: 'freshdesk: client field with no name', to: `"cf_account": {"id": 7}, ${FRESHDESK_CREATED}`, args: ['--client-field', 'cf_account'], why: NO_NAME('cf_account') },
  { ...freshdesk, name: 'freshdesk: client number beyond 2^53', to: `"cf_account": 12345678901234567890, ${FRESHDESK_CREATED}`, args: ['--client-field', 'cf_account'], why: BIG('cf_account') },
  { ...freshdesk, name: 'freshdesk: no readable created_at', to: '"created_at": "not a time"', args: [], why: 'it has no readable created_at' },
  { ...freshdesk, name: 'freshdesk: deleted', to: `"deleted": true, ${FRESHDESK_CREATED}`, args: [], why: 'it was deleted in Freshdesk' },
  { ...zammad, name: 'zammad (articles): client field with no name', to: `"account": {"id": 7}, ${ZAMMAD_CREATED}`, args: ['--client-field', 'account'], record: 'article of ticket 1', group: `articles ${zammad.group}`, why: NO_NAME('account') },
  { ...zammad, name: 'zammad (history): client field with no name', to: `"account": {"id": 7}, ${ZAMMAD_CREATED}`, args: ['--client-field', 'account'], record: 'history of ticket 1', group: `history ${zammad.group}`, why: NO_NAME('account') },
  { ...zammad, name: 'zammad (articles): no readable created_at', to: '"created_at": "not a time"', args: [], record: 'article of ticket 1', group: `articles ${zammad.group}`, why: 'it has no readable created_at' },
  { ...zammad, name: 'zammad (history): no readable created_at', to: '"created_at": "not a time"', args: [], record: 'history of ticket 1', group: `history ${zammad.group}`, why: 'it has no readable created_at' },
  { ...jira, name: 'jira: client field with no name', to: `"customfield_10077": {"id": 7}, ${JIRA_CREATED}`, args: ['--client-field', 'customfield_10077'], why: NO_NAME('customfield_10077') },
  { ...jira, name: 'jira: no readable created time', to: '"created": "not a time"', args: [], why: 'it has no readable created time' },
  { ...glpi, name: 'glpi (followups): client field with no name', to: `"x_account": {"id": 7}, ${GLPI_DATE}`, args: ['--client-field', 'x_account'], record: 'followup of ticket 1', why: NO_NAME('x_account') },
  { ...glpi, name: 'glpi (history): client number beyond 2^53', to: `"x_account": 12345678901234567890, ${GLPI_DATE}`, args: ['--client-field', 'x_account'], record: 'history of ticket 1', why: BIG('x_account') },
  { ...glpi, name: 'glpi (followups): no readable date', to: '"date": "not a time"', args: [], record: 'followup of ticket 1', why: 'it has no readable date' },
  { ...zendeskTables, name: 'zendesk-tables (history): no readable created_at', record: 'status of ticket 1' },
  // A client field whose name ends in _id made the whole record unreadable before the client check (its followups: "not among the tickets read").
  { ...glpi, name: 'glpi (followups): client field ending in _id beyond 2^53', to: `"x_account_id": 12345678901234567890, ${GLPI_DATE}`, args: ['--client-field', 'x_account_id'], record: 'followup of ticket 1', why: BIG('x_account_id') },
  { ...zammad, name: 'zammad (articles): client field ending in _id beyond 2^53', to: `"x_account_id": 12345678901234567890, ${ZAMMAD_CREATED}`, args: ['--client-field', 'x_account_id'], record: 'article of ticket 1', group: `articles ${zammad.group}`, why: BIG('x_account_id') },
  { ...freshdesk, name: 'freshdesk: client field ending in _id beyond 2^53', to: `"cf_account_id": 12345678901234567890, ${FRESHDESK_CREATED}`, args: ['--client-field', 'cf_account_id'], why: BIG('cf_account_id') },
  // A ticket skipped for another id beyond 2^53 than its own was not remembered: its records said the ticket was missing.
  { ...glpi, name: 'glpi (history): another id beyond 2^53', to: `"x_group_id": 12345678901234567890, ${GLPI_DATE}`, args: [], record: 'history of ticket 1', why: BIG('x_group_id') },
  { ...zammad, name: 'zammad (history): another id beyond 2^53', to: `"x_owner_id": 12345678901234567890, ${ZAMMAD_CREATED}`, args: [], record: 'history of ticket 1', group: `history ${zammad.group}`, why: BIG('x_owner_id') },
  { ...freshdesk, name: 'freshdesk: another id beyond 2^53', to: `"x_company_id": 12345678901234567890, ${FRESHDESK_CREATED}`, args: [], why: BIG('x_company_id') },
  {
    name: 'zendesk (ticket events): creation without a readable time',
    source: 'zendesk',
    folder: 'zendesk',
    file: 'ticket_events.jsonl',
    from: '"ticket_id": 2, "timestamp": 1709546400, "created_at": "2024-03-04T10:00:00Z"',
    to: '"ticket_id": 2, "timestamp": "never", "created_at": "never"',
    args: [],
    record: 'update of ticket 2',
    group: 'updates of skipped tickets',
    why: 'its creation has no readable time',
  },
  { ...zendeskTables, name: 'zendesk-tables (comments): no readable created_at', record: 'comment on ticket 1' },
];

/** What the records of a skipped ticket said before: that it was missing, deleted or spam. */
const MISLEADING = ['in none of the files', 'not in the ticket files', 'not among the tickets read', 'deleted or is spam', 'not in the ticket table', 'no creation of it is open'];

/** A copy of the case's fixture folder with the first `from` of its `file` replaced by `to`. */
function exportWith(test: Case): string {
  const folder = join(out, test.name.replace(/[^a-z0-9]+/gi, '-'));
  cpSync(join(repoRoot, fixtures, test.folder), folder, { recursive: true });
  const text = readFileSync(join(folder, test.file), 'utf8');
  expect(text).toContain(test.from);
  writeFileSync(join(folder, test.file), text.replace(test.from, test.to));
  return folder;
}

describe('slac import: the records of a skipped ticket say it was skipped, and why', () => {
  it.each(CASES)('$name', (test) => {
    const run = slac('import', test.source, exportWith(test), ...test.args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`: ${test.record}: the ${test.source === 'jira' ? 'issue' : 'ticket'} was skipped: ${test.why}\n`);
    expect(run.stderr).toMatch(new RegExp(`skipped, ${test.group}: \\d+`));
    // The fixtures hold records of tickets that are in no file (77, 99, 99999): those may say so.
    const ofThisTicket = run.stderr.split('\n').filter((line) => line.includes(`${test.record}:`) || line.includes(`${test.record} `));
    expect(ofThisTicket.length).toBeGreaterThan(0);
    for (const line of ofThisTicket) for (const words of MISLEADING) expect(line).not.toContain(words);
  });
});
