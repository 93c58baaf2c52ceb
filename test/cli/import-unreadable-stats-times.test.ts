import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A time that dates a row but is not a time: Freshdesk's `stats` times
 * (which date the statuses, and the replies of an export without
 * conversations) and Zammad's `updated_at`/`close_at` of a ticket without
 * history (which dates its state). They were dropped without a word (22
 * events became 20; Zammad dated the state at creation instead); now each
 * is a warning of the summary naming the file, the ticket's place, the key
 * and the value, counted in a note, and the row it would date is not
 * written. `null` dates nothing, as before. Through the built CLI.
 */

const FIXTURES = join(repoRoot, 'test', 'import', 'fixtures');
const root = mkdtempSync(join(tmpdir(), 'slac-import-stats-times-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of a source's fixtures (the agreement removed: it is not part of the export), in a folder `name`. */
function fixtures(source: string, name: string): string {
  const dir = join(root, name);
  cpSync(join(FIXTURES, source), dir, { recursive: true });
  rmSync(join(dir, 'agreement.sla'));
  return name;
}

/** Sets the value at `keys` of the JSON document `file` in `dir`. */
function setJson(dir: string, file: string, keys: readonly (string | number)[], value: unknown): void {
  const path = join(root, dir, file);
  const document = JSON.parse(readFileSync(path, 'utf8')) as Record<string | number, unknown>;
  const holder = keys.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as Record<string | number, unknown>, document);
  holder[keys.at(-1)!] = value;
  writeFileSync(path, JSON.stringify(document));
}

/** Sets a key of the first ticket (one line) of an NDJSON file in `dir`. */
function setNdjsonTicket(dir: string, file: string, keys: readonly string[], value: unknown): void {
  const path = join(root, dir, file);
  const [first, ...rest] = readFileSync(path, 'utf8').split('\n');
  const ticket = JSON.parse(first!) as Record<string, unknown>;
  const holder = keys.slice(0, -1).reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, ticket);
  holder[keys.at(-1)!] = value;
  writeFileSync(path, [JSON.stringify(ticket), ...rest].join('\n'));
}

/** The log's lines, and the summary's warnings section and the note that counts them. */
function importOf(source: string, dir: string): { code: number | null; rows: string[]; stderr: string } {
  const run = runBuiltCli(['import', source, dir], root);
  return { code: run.code, rows: run.stdout.split('\n').filter((line) => line !== ''), stderr: run.stderr };
}

const FRESHDESK_NOTE = 'note (1): stats times that are not times: the status or reply each would date is not written\n';

describe('slac import freshdesk: a stats time that is not a time', () => {
  const original = importOf('freshdesk', fixtures('freshdesk', 'freshdesk-original'));

  it('the fixtures have no such time: no warning', () => {
    expect(original.code).toBe(0);
    expect(original.stderr).not.toContain('warnings');
    expect(original.stderr).toContain('4 tickets, 22 events written');
  });

  it.each<{ key: string; value: unknown; left: string[]; warning: string }>([
    {
      key: 'resolved_at',
      value: 'yesterday',
      left: ['{"ticket":"1","time":"2026-03-02T10:00:00Z","event":"status","status":"Resolved","client":"Acme Ltd"}', '{"ticket":"1","time":"2026-03-02T10:00:00Z","event":"resolved","client":"Acme Ltd"}'],
      warning: 'ticket 1: stats.resolved_at "yesterday" is not a time: the status Resolved it dates is not written',
    },
    {
      key: 'closed_at',
      value: '2026-03-02T12:00:00+25:00',
      // status_updated_at dates the current status, Closed, at 12:00 as closed_at did: the same rows.
      left: [],
      warning: 'ticket 1: stats.closed_at "2026-03-02T12:00:00+25:00" is not a time: +25:00 is no offset (at most +23:59): the status Closed it dates is not written',
    },
    {
      key: 'status_updated_at',
      value: 42,
      left: [],
      // closed_at dates Closed at 12:00 as status_updated_at did: the same rows.
      warning: 'ticket 1: stats.status_updated_at 42 is not a time: the status Closed it dates is not written',
    },
  ])('ticket 1 of a page, $key $value: warned of with its place, the rest as before', ({ key, value, left, warning }) => {
    const dir = fixtures('freshdesk', `freshdesk-${key}`);
    setJson(dir, 'tickets-page-1.json', [0, 'stats', key], value);
    const run = importOf('freshdesk', dir);
    expect(run.code).toBe(0);
    expect(run.rows).toEqual(original.rows.filter((row) => !left.includes(row)));
    expect(run.stderr).toContain(`4 tickets, ${22 - left.length} events written`);
    expect(run.stderr).toContain(FRESHDESK_NOTE);
    expect(run.stderr).toContain(`warnings:\n  ${dir}/tickets-page-1.json at [0]: ${warning}\n`);
  });

  it('a ticket of an NDJSON file: warned of at its line', () => {
    const dir = fixtures('freshdesk', 'freshdesk-ndjson');
    setNdjsonTicket(dir, 'tickets-with-conversations.ndjson', ['stats', 'status_updated_at'], 'later');
    const run = importOf('freshdesk', dir);
    expect(run.rows).toEqual(original.rows.filter((row) => !row.startsWith('{"ticket":"6","time":"2026-03-03T08:45:00Z","event":"status"')));
    expect(run.stderr).toContain(`warnings:\n  ${dir}/tickets-with-conversations.ndjson:1: ticket 6: stats.status_updated_at "later" is not a time: the status 6 it dates is not written\n`);
  });

  it('a ticket without stats: its updated_at, warned of', () => {
    const dir = fixtures('freshdesk', 'freshdesk-no-stats');
    setJson(dir, 'tickets-page-1.json', [4, 'stats'], undefined);
    const withoutStats = importOf('freshdesk', dir);
    setJson(dir, 'tickets-page-1.json', [4, 'updated_at'], 'not yet');
    const run = importOf('freshdesk', dir);
    expect(run.rows.length).toBe(withoutStats.rows.length - 1);
    expect(run.stderr).toContain(`warnings:\n  ${dir}/tickets-page-1.json at [4]: ticket 5: updated_at "not yet" is not a time: the status Pending it dates is not written\n`);
  });

  it('replies dated by stats in an export without conversations: each unreadable one warned of', () => {
    const dir = fixtures('freshdesk', 'freshdesk-stats-replies');
    for (const file of ['ticket-1-conversations.json', 'ticket-2-conversations.json', 'ticket-5-conversations.json', 'other-conversations.json']) rmSync(join(root, dir, file));
    const withoutConversations = importOf('freshdesk', dir);
    setJson(dir, 'tickets-page-1.json', [1, 'stats', 'first_responded_at'], 'soon');
    setJson(dir, 'tickets-page-1.json', [1, 'stats', 'requester_responded_at'], '');
    const run = importOf('freshdesk', dir);
    // Ticket 2's first and latest agent responses were one time: the latest still dates that reply.
    expect(run.rows).toEqual(withoutConversations.rows.filter((row) => !row.startsWith('{"ticket":"2","time":"2026-03-03T12:55:00Z","event":"reply","author":"customer"')));
    expect(run.stderr).toContain('note (2): stats times that are not times: the status or reply each would date is not written\n');
    expect(run.stderr).toContain(
      `warnings:\n  ${dir}/tickets-page-1.json at [1]: ticket 2: stats.first_responded_at "soon" is not a time: the agent reply it dates is not written\n` +
        `  ${dir}/tickets-page-1.json at [1]: ticket 2: stats.requester_responded_at "" is not a time: the customer reply it dates is not written\n`,
    );
  });
});

describe('slac import zammad: the updated_at or close_at of a ticket without history that is not a time', () => {
  const original = importOf('zammad', fixtures('zammad', 'zammad-original'));
  const WARNING = 'tickets without history whose close_at or updated_at is not a time: written without their state';

  it('ticket 31003 (pending close, no history), updated_at "soon": written without its state, warned of with its place', () => {
    const dir = fixtures('zammad', 'zammad-updated');
    setJson(dir, 'tickets.json', [2, 'updated_at'], 'soon');
    const run = importOf('zammad', dir);
    expect(run.code).toBe(0);
    expect(run.rows).toEqual(original.rows.filter((row) => row !== '{"ticket":"31003","time":"2024-03-05T09:00:00Z","event":"status","status":"pending close"}'));
    expect(run.stderr).toContain(`note (1): ${WARNING}\n`);
    expect(run.stderr).toContain(
      `warnings:\n  ${dir}/tickets.json at [2]: ticket 31003: state 'pending close' cannot be dated: no history, and its updated_at 'soon' is not a time; the ticket is written without its state\n`,
    );
  });

  it('a ticket with history: its close_at dates nothing, and is not warned of', () => {
    const dir = fixtures('zammad', 'zammad-history');
    setJson(dir, 'tickets.json', [0, 'close_at'], 'soon');
    const run = importOf('zammad', dir);
    expect({ ...run, stderr: run.stderr.replaceAll(dir, 'zammad-original') }).toEqual(original);
  });
});
