import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationOutcome } from '../../import/freshdesk/conversation.js';
import { freshdeskDocumentOf } from '../../import/freshdesk/documents.js';
import { writeTicket } from '../../import/freshdesk/ticket.js';
import { ImportSummary } from '../../import/import-summary.js';
import type { ImportedRow } from '../../import/ticket-log-writer.js';
import { formatLogTime } from '../../import/warehouse-time.js';
import { accounts, checkJson, clientsOf, expectedLog, expectEveryRecordAccounted, exportFolderIn, fixtures, ndjsonRows, outputFolder, skippedLines, slac, verdicts } from './helpers.js';

/**
 * `slac import freshdesk` through the built executable (run `node
 * scripts/build.mjs` first): the log checked by hand, the summary that
 * accounts for every record and says what Freshdesk does not keep, and the
 * verdicts `slac check` gives on it; then the mapping as tables.
 */

const out = outputFolder('freshdesk');

/** The rows of an NDJSON log as "ticket time event value". */
function rowsOf(ndjson: string): string[] {
  return ndjsonRows(ndjson).map((row) => `${row.ticket} ${row.time} ${row.event} ${row.status ?? row.severity ?? row.author ?? ''}`.trim());
}

describe('slac import freshdesk: the awkward cases (test/import/fixtures/freshdesk)', () => {
  const log = join(out, 'freshdesk.ndjson');
  const result = slac('import', 'freshdesk', `${fixtures}/freshdesk`, '-o', log);

  it('writes the log checked by hand: notes, forwards and survey feedback left out, statuses dated by stats', () => {
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(expectedLog('freshdesk'));
  });

  it('accounts for every record, lists the skipped ones, and says what Freshdesk does not keep', () => {
    const files = accounts(result.stderr);
    expect([...files.keys()].sort()).toEqual(['companies.json', 'other-conversations.json', 'ticket-1-conversations.json', 'ticket-2-conversations.json', 'ticket-5-conversations.json', 'tickets-page-1.json', 'tickets-with-conversations.ndjson']);
    expectEveryRecordAccounted(files);
    expect(files.get('tickets-page-1.json')!.lines).toEqual(['tickets: 3', 'skipped, deleted tickets: 1', 'skipped, spam tickets: 1']);
    expect(files.get('ticket-2-conversations.json')!.lines).toEqual(['replies (customer): 2', 'replies (agent): 1', 'survey feedback (not replies): 1', 'forwards (not replies): 1']);
    expect(result.stderr.split('\n')[0]).toBe('slac import freshdesk: 4 tickets, 22 events written; 7 records skipped');
    expect(result.stderr).toContain('note (1): Freshdesk keeps no status history: earlier pending spells, resolutions before the latest reopening and priority changes are not in the export (see docs/import/freshdesk.md)\n');
    expect(result.stderr).toContain('note (1): custom statuses (not 2-5): kept as their number; name them in the agreement by number\n');
    const skipped = skippedLines(result.stderr, 7);
    expect(skipped).toEqual([
      // In file order (the files as the summary lists them, a folder's in name order), not in the order read.
      `  ${fixtures}/freshdesk/companies.json at [2]: the company has no id or name`,
      `  ${fixtures}/freshdesk/other-conversations.json at [0]: conversation of ticket 3: the ticket was skipped: it was deleted in Freshdesk`,
      `  ${fixtures}/freshdesk/other-conversations.json at [1]: conversation of ticket 77: the ticket is in none of the files`,
      `  ${fixtures}/freshdesk/ticket-5-conversations.json at [1]: conversation of ticket 5: created_at "yesterday" is not a time`,
      `  ${fixtures}/freshdesk/tickets-page-1.json at [2]: ticket 3 was deleted in Freshdesk`,
      `  ${fixtures}/freshdesk/tickets-page-1.json at [3]: ticket 4 is marked as spam`,
      `  ${fixtures}/freshdesk/tickets-with-conversations.ndjson:2: not JSON (Expected double-quoted property name)`,
    ]);
  });

  it('gives the verdicts computed by hand when checked against an agreement that maps Freshdesk names', () => {
    const check = checkJson(`${fixtures}/freshdesk/agreement.sla`, log, '--as-of', '2026-03-03T17:00:00Z');
    expect(check.code).toBe(0);
    expect(verdicts(check.stdout)).toEqual({
      // Email, Medium (Standard, 8 hours). The requester's 08:10 message, the 08:20 private note and the 08:35
      // public note are no response: the agent's 08:30 is. resolved_at 10:00; closed_at 12:00 changes nothing.
      '1': { FirstResponse: 'met 30/60', Resolution: 'met 120/480' },
      // Urgent (4 hours). The requester's own 09:05 message through the portal (incoming false) is the customer's.
      // 09:00-11:00 to resolved_at, reopened_at 13:00 to 17:00. The old pending_since (10:00) is not dated: it ended.
      '2': { FirstResponse: 'met 20/60', Resolution: 'breached 360/240' },
      // created_at without an offset (UTC), company 999 not in companies.json. Pending since 14:30: both clocks stop.
      '5': { FirstResponse: 'pending 30/60', Resolution: 'pending 30/240' },
      // From the NDJSON file, conversations inline. Custom status 6 since 08:45, which the agreement pauses by number.
      '6': { FirstResponse: 'met 15/60', Resolution: 'pending 45/480' },
    });
  });

  it('dates replies by the stats when no conversations are exported', () => {
    const run = slac('import', 'freshdesk', `${fixtures}/freshdesk/tickets-page-1.json`, `${fixtures}/freshdesk/companies.json`);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).filter((row) => row.includes(' reply '))).toEqual([
      '1 2026-03-02T08:30:00Z reply agent', // first_responded_at
      '1 2026-03-02T08:40:00Z reply agent', // agent_responded_at
      '2 2026-03-03T09:20:00Z reply agent', // both the same instant: one reply
      '2 2026-03-03T12:55:00Z reply customer', // requester_responded_at
    ]);
    expect(run.stderr).toContain('replies dated by stats (first_responded_at, agent_responded_at, requester_responded_at)');
  });

  it('gives the same verdicts when slac check reads the export itself (--log-format freshdesk)', () => {
    const direct = checkJson(`${fixtures}/freshdesk/agreement.sla`, `${fixtures}/freshdesk`, '--log-format', 'freshdesk', '--as-of', '2026-03-03T17:00:00Z');
    const viaLog = checkJson(`${fixtures}/freshdesk/agreement.sla`, log, '--as-of', '2026-03-03T17:00:00Z');
    expect(direct.code).toBe(0);
    expect(verdicts(direct.stdout)).toEqual(verdicts(viaLog.stdout));
  });

  it('takes the client from the custom field --client-field names', () => {
    const run = slac('import', 'freshdesk', `${fixtures}/freshdesk`, '--client-field', 'cf_account_code');
    expect(run.code).toBe(0);
    expect(clientsOf(run.stdout)).toEqual({ '1': 'ACME-1', '2': 'GLOBEX-7', '5': undefined, '6': undefined });
  });
});

/** Runs the ticket mapping on one ticket and returns its rows as "time event value". */
function mapTicket(ticket: Record<string, unknown>): string[] {
  const rows: ImportedRow[] = [];
  writeTicket({ id: 1, requester_id: 9, created_at: '2026-03-02T08:00:00Z', ...ticket }, { file: 't.json', where: '[0]' }, { files: [], sink: { write: (row) => rows.push(row) }, summary: new ImportSummary() }, new Map());
  return rows.map((row) => `${formatLogTime(row.time).slice(11, 16)} ${row.event} ${row.status ?? row.severity ?? ''}`.trim());
}

describe('Freshdesk tickets as log rows', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['an open ticket: its status at status_updated_at', { status: 2, priority: 3, stats: { status_updated_at: '2026-03-02T08:05:00Z' } }, ['08:00 created High', '08:05 status Open']],
    [
      'resolved then closed',
      { status: 5, priority: 1, stats: { resolved_at: '2026-03-02T09:00:00Z', closed_at: '2026-03-02T10:00:00Z', status_updated_at: '2026-03-02T10:00:00Z' } },
      ['08:00 created Low', '09:00 status Resolved', '09:00 resolved', '10:00 status Closed', '10:00 closed'],
    ],
    [
      'reopened after a resolution the stats keep',
      { status: 2, priority: 4, stats: { resolved_at: '2026-03-02T09:00:00Z', reopened_at: '2026-03-02T11:00:00Z', status_updated_at: '2026-03-02T11:00:00Z' } },
      ['08:00 created Urgent', '09:00 status Resolved', '09:00 resolved', '11:00 reopened', '11:00 status Open'],
    ],
    [
      'reopened, then resolved again: the first resolution is lost, so no reopened row',
      { status: 4, priority: 2, stats: { reopened_at: '2026-03-02T10:00:00Z', resolved_at: '2026-03-02T12:00:00Z', status_updated_at: '2026-03-02T12:00:00Z' } },
      ['08:00 created Medium', '10:00 status Open', '12:00 status Resolved', '12:00 resolved'],
    ],
    ['pending now: pending_since dates it', { status: 3, priority: 2, stats: { pending_since: '2026-03-02T08:30:00Z', status_updated_at: '2026-03-02T08:30:00Z' } }, ['08:00 created Medium', '08:30 status Pending']],
    ['no stats: the current status at updated_at', { status: 2, priority: 2, updated_at: '2026-03-02T08:45:00Z' }, ['08:00 created Medium', '08:45 status Open']],
  ];
  it.each(cases)('%s', (_, ticket, rows) => expect(mapTicket(ticket)).toEqual(rows));
});

describe('slac import freshdesk: a current status no time dates', () => {
  // Left out without a word, a resolved ticket was never resolved: a verdict made up without a word.
  const UNDATED = 'current statuses no time dates (stats.status_updated_at, or updated_at without stats, null or missing): not written';
  const cases: { name: string; ticket: Record<string, unknown>; rows: string[]; warning?: string }[] = [
    {
      name: 'resolved, its resolved_at and status_updated_at null: not written, warned of',
      ticket: { status: 4, stats: { resolved_at: null, status_updated_at: null } },
      rows: ['created'],
      warning: 'ticket 1: its status Resolved is dated by no time: stats.status_updated_at is null, and no other stats time dates it; the status is not written',
    },
    {
      name: 'closed, no stats and no updated_at: not written, warned of',
      ticket: { status: 5 },
      rows: ['created'],
      warning: 'ticket 1: its status Closed is dated by no time: updated_at is missing, and no other stats time dates it; the status is not written',
    },
    {
      name: 'resolved, status_updated_at missing but resolved_at dates it: written, no warning',
      ticket: { status: 4, stats: { resolved_at: '2026-03-02T09:00:00Z' } },
      rows: ['created', '2026-03-02T09:00:00Z status Resolved', '2026-03-02T09:00:00Z resolved'],
    },
  ];
  it.each(cases)('$name', ({ name, ticket, rows, warning }) => {
    const folder = exportFolderIn(out, `undated-${name.replace(/\W+/g, '-')}`, {
      'tickets.json': JSON.stringify([{ id: 1, requester_id: 9, priority: 2, created_at: '2026-03-02T08:00:00Z', ...ticket }]),
    });
    const run = slac('import', 'freshdesk', folder);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).map((row) => row.replace('1 2026-03-02T08:00:00Z created Medium', 'created').replace(/^1 /, ''))).toEqual(rows);
    if (warning === undefined) expect(run.stderr).not.toContain('warnings:');
    else {
      expect(run.stderr).toContain(`note (1): ${UNDATED}\n`);
      expect(run.stderr).toContain(`warnings:\n  ${folder}/tickets.json at [0]: ${warning}\n`);
    }
  });
});

describe('Freshdesk conversations and documents', () => {
  const entry = { ticket: '1', created: 0, requester: '9', client: undefined, hasClientField: false };
  const outcomes: [string, Record<string, unknown>, string][] = [
    ['incoming reply', { incoming: true, private: false, source: 0, user_id: 9 }, 'customer'],
    ['reply by the requester through the portal', { incoming: false, private: false, source: 0, user_id: 9 }, 'customer'],
    ['outgoing reply', { incoming: false, private: false, source: 0, user_id: 7 }, 'agent'],
    ['private note', { incoming: false, private: true, source: 2, user_id: 7 }, 'private notes (not replies)'],
    ['public note', { incoming: false, private: false, source: 2, user_id: 7 }, 'public notes (not replies)'],
    ['incoming public note (a CC replying)', { incoming: true, private: false, source: 2, user_id: 8 }, 'customer'],
    ['forward', { incoming: false, private: false, source: 8, user_id: 7 }, 'forwards (not replies)'],
    ['survey feedback', { incoming: true, private: false, source: 6, user_id: 9 }, 'survey feedback (not replies)'],
  ];
  it.each(outcomes)('%s: %s', (_, conversation, expected) => {
    const outcome = conversationOutcome(conversation, entry);
    expect('author' in outcome ? outcome.author : outcome.not).toBe(expected);
  });

  const kinds: [string, unknown, string | undefined][] = [
    ['a page of tickets', [{ id: 1, requester_id: 2, status: 2 }], 'tickets'],
    ['a ticket search', { results: [], total: 0 }, 'tickets'],
    ['one ticket', { id: 1, requester_id: 2, status: 2, conversations: [] }, 'tickets'],
    ['a page of conversations', [{ id: 1, ticket_id: 1, incoming: true }], 'conversations'],
    ['a page of companies', [{ id: 1, name: 'Acme', domains: [] }], 'companies'],
    ['an empty page', [], 'empty'],
    ['anything else', { hello: 1 }, undefined],
  ];
  it.each(kinds)('%s', (_, value, kind) => expect(freshdeskDocumentOf(value)?.kind).toBe(kind));
});
