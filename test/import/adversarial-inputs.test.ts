import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, checkJson, expectEveryRecordAccounted, exportFolderIn, fixtures, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * Inputs an adversarial pass on `slac import` found mishandled, through the
 * built executable (run `node scripts/build.mjs` first). Each export is a
 * table of file names and contents, written into a folder of its own.
 */

const out = outputFolder('adversarial');

const exportFolder = (name: string, files: Record<string, string>): string => exportFolderIn(out, name, files);

describe('slac import: a bad export is one error naming the file, the line and what is wrong (exit 2)', () => {
  const cases: { name: string; source: string; files: Record<string, string>; options?: string[]; stderr: (folder: string) => string }[] = [
    {
      name: 'a ticket table with a column named twice',
      source: 'zendesk-tables',
      files: { 'ticket.csv': 'id,created_at,status,status\n1,2024-03-04 09:00:00,open,solved\n' },
      stderr: (folder) => `slac: ${folder}/ticket.csv:1: column 'status' appears more than once in the header; name each column once.\n`,
    },
    {
      name: 'a user table with a column named twice',
      source: 'zendesk-tables',
      files: { 'ticket.csv': 'id,created_at,status\n1,2024-03-04 09:00:00,open\n', 'user.csv': 'id,role,role\n5,agent,end-user\n' },
      stderr: (folder) => `slac: ${folder}/user.csv:1: column 'role' appears more than once in the header; name each column once.\n`,
    },
    {
      name: 'a ticket table separated by semicolons',
      source: 'zendesk-tables',
      files: { 'ticket.csv': 'id;created_at;status\n1;2024-03-04 09:00:00;open\n' },
      stderr: (folder) =>
        `slac: ${folder}/ticket.csv:1: the header has no 'id', 'created_at', 'status' columns; the columns look separated by semicolons: an exported table separates them with commas (save it as comma-separated).\n`,
    },
    {
      name: 'a ticket table separated by tabs',
      source: 'zendesk-tables',
      files: { 'ticket.csv': 'id\tcreated_at\tstatus\n1\t2024-03-04 09:00:00\topen\n' },
      stderr: (folder) =>
        `slac: ${folder}/ticket.csv:1: the header has no 'id', 'created_at', 'status' columns; the columns look separated by tabs: an exported table separates them with commas (save it as comma-separated).\n`,
    },
    {
      name: '--assume-timezone with zendesk-tables, whose times are UTC',
      source: 'zendesk-tables',
      files: { 'ticket.csv': 'id,created_at,status\n1,2024-03-04 09:00:00,open\n' },
      options: ['--assume-timezone', 'Europe/Berlin'],
      stderr: () => 'slac: --assume-timezone does not apply to zendesk-tables: Fivetran stores every time in UTC (a time without an offset is read as UTC); leave the option out.\n',
    },
    {
      name: '--assume-timezone with zammad, whose API writes UTC',
      source: 'zammad',
      files: { 'tickets.json': '[]' },
      options: ['--assume-timezone', 'Europe/Berlin'],
      stderr: () => "slac: --assume-timezone does not apply to zammad: Zammad's API writes every time in UTC (a time without an offset is read as UTC); leave the option out.\n",
    },
  ];
  it.each(cases)('$name', ({ name, source, files, options = [], stderr }) => {
    const folder = exportFolder(name.replace(/\W+/g, '-'), files);
    const run = slac('import', source, folder, ...options);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: stderr(folder) });
  });

  it('freshdesk given a Jira export: one error, as zendesk, glpi and zammad give', () => {
    const run = slac('import', 'freshdesk', `${fixtures}/jira`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `slac: ${fixtures}/jira/OPS-7.comments.json: not a Freshdesk page slac reads, and no file holds Freshdesk tickets; give the responses of GET /api/v2/tickets?include=stats (or NDJSON of tickets), /api/v2/tickets/{id}/conversations and /api/v2/companies.\n`,
    );
  });

  // Jira wrote an empty log with exit 0 and a summary of files not read, so `slac import jira ... && slac check` went on with no ticket.
  it('jira given a Zammad export: one error, as freshdesk, zendesk, glpi and zammad give', () => {
    const run = slac('import', 'jira', `${fixtures}/zammad`);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `slac: ${fixtures}/zammad/articles-1.json: not a Jira search page, issue, comment page or status list, and no file holds Jira issues; give the responses of GET /rest/api/3/search?expand=changelog (or NDJSON of issues), /rest/api/3/issue/{key}/comment and /rest/api/3/status.\n`,
    );
  });

  it('jira given a status list and comments but no issue: one error naming the files', () => {
    const run = slac('import', 'jira', `${fixtures}/jira/statuses.json`, `${fixtures}/jira/OPS-7.comments.json`);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `slac: no Jira search page or issue among ${fixtures}/jira/statuses.json, ${fixtures}/jira/OPS-7.comments.json; give the responses of GET /rest/api/3/search?expand=changelog (or NDJSON of issues), /rest/api/3/issue/{key}/comment and /rest/api/3/status.\n`,
    );
  });

  it('jira given a search page of no issues: an empty log, exit 0, as before', () => {
    const folder = exportFolder('jira-empty-search', { 'search-0.json': '{"startAt": 0, "total": 0, "issues": []}' });
    const run = slac('import', 'jira', folder);
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('slac check --log-format zendesk-tables refuses --assume-timezone as slac import does', () => {
    const folder = exportFolder('check-assume', { 'ticket.csv': 'id,created_at,status\n1,2024-03-04 09:00:00,open\n' });
    const run = slac('check', `${fixtures}/zendesk-tables.sla`, '--log-format', 'zendesk-tables', folder, '--assume-timezone', 'Europe/Berlin');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('slac: --assume-timezone does not apply to zendesk-tables: Fivetran stores every time in UTC (a time without an offset is read as UTC); leave the option out.\n');
  });
});

describe('slac import zendesk-tables: times as warehouses write them', () => {
  const folder = exportFolder('times', {
    'ticket.csv': [
      'id,created_at,status',
      '1,0001-01-01 00:00:00,open', // a warehouse's placeholder date: year 1, not 1901
      '2,0099-12-31T23:00:00Z,open',
      '3,2024-03-04 09:00:00+00,open', // Postgres timestamptz text
      '4,2024-03-04 09:00:00-05,open',
      '5,2024-03-04 09:00:00+0530,open',
      '6,2024-03-04T09:00Z,open', // no seconds
      '',
    ].join('\n'),
  });
  const run = slac('import', 'zendesk-tables', folder);
  const created = Object.fromEntries(ndjsonRows(run.stdout).filter((row) => row.event === 'created').map((row) => [row.ticket, row.time]));

  const cases: [string, string][] = [
    ['1', '0001-01-01T00:00:00Z'],
    ['2', '0099-12-31T23:00:00Z'],
    ['3', '2024-03-04T09:00:00Z'],
    ['4', '2024-03-04T14:00:00Z'],
    ['5', '2024-03-04T03:30:00Z'],
    ['6', '2024-03-04T09:00:00Z'],
  ];
  it.each(cases)('ticket %s was created at %s', (ticket, time) => {
    expect(run.code).toBe(0);
    expect(created[ticket]).toBe(time);
  });
});

describe('slac import: rows that cannot be read are skipped and listed, never guessed', () => {
  it('zendesk-tables: a ticket_comment.public that is neither true nor false is not an internal note', () => {
    const folder = exportFolder('public', {
      'ticket.csv': 'id,created_at,status\n2,2024-03-04 09:00:00,open\n',
      'user.csv': 'id,role\n5,agent\n',
      'ticket_comment.csv': 'ticket_id,created,public,user_id\n2,2024-03-04 09:10:00,garbage,5\n2,2024-03-04 09:20:00,,5\n2,2024-03-04 09:30:00,Yes,5\n2,2024-03-04 09:40:00,f,5\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    const files = accounts(run.stderr);
    expectEveryRecordAccounted(files);
    expect(files.get('ticket_comment.csv')!.lines).toEqual(['skipped, comments whose public is neither true nor false: 2', 'replies (agent): 1', 'internal notes (not replies): 1']);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/ticket_comment.csv:2: comment on ticket 2: public 'garbage' is neither true nor false (true, t, 1, yes or false, f, 0, no)\n`);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/ticket_comment.csv:3: comment on ticket 2: public '' is neither true nor false`);
  });

  it('zendesk-tables: a table joined from two files repeats its header; that row is skipped and named as such', () => {
    const folder = exportFolder('joined', {
      'ticket.csv': 'id,created_at,status\n2,2024-03-04 09:00:00,open\n\uFEFFid,created_at,status\n3,2024-03-05 09:00:00,open\n',
      'user.csv': 'id,role\n5,agent\n',
      'ticket_comment.csv': 'ticket_id,created,public,user_id\n2,2024-03-04 09:10:00,true,5\nticket_id,created,public,user_id\n3,2024-03-05 09:10:00,true,5\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    expectEveryRecordAccounted(accounts(run.stderr));
    const skipped = skippedSection(run.stderr);
    for (const file of ['ticket.csv', 'ticket_comment.csv']) {
      expect(skipped).toContain(`  ${folder}/${file}:3: the row repeats the header row of line 1, as where two CSV files are joined into one: delete this line\n`);
    }
    // The rows after the repeated header are read: ticket 3 and its reply.
    const rows = ndjsonRows(run.stdout);
    expect([...new Set(rows.map((row) => row.ticket))].sort()).toEqual(['2', '3']);
    expect(rows.filter((row) => row.event === 'reply').map((row) => row.ticket)).toEqual(['2', '3']);
  });

  it('zendesk: ids beyond 2^53 never merge two tickets or two users', () => {
    const folder = exportFolder('big-ids', {
      'events.jsonl':
        '{"ticket_events":[' +
        '{"id":1,"ticket_id":9007199254740993,"timestamp":1709539200,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":2,"status":"new","event_type":"Create"}]},' +
        '{"id":5,"ticket_id":9007199254740992,"timestamp":1709539200,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":6,"status":"new","event_type":"Create"}]},' +
        '{"id":7,"ticket_id":12,"timestamp":1709539200,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":8,"status":"new","event_type":"Create"}]},' +
        '{"id":9,"ticket_id":12,"timestamp":1709539300,"updater_id":9007199254740997,"via":"Web form","event_type":"Audit","child_events":[{"id":10,"type":"Comment","author_id":9007199254740997,"public":true,"event_type":"Comment","via":{"channel":"web"}}]}' +
        ']}\n',
      'users.json': '{"users":[{"id":9007199254740997,"role":"agent"},{"id":9007199254740996,"role":"end-user"},{"id":7,"role":"agent"}]}\n',
    });
    const run = slac('import', 'zendesk', folder);
    expect(run.code).toBe(0);
    expect([...new Set(ndjsonRows(run.stdout).map((row) => row.ticket))]).toEqual(['12']);
    const files = accounts(run.stderr);
    expectEveryRecordAccounted(files);
    expect(files.get('users.json')!.lines).toEqual(['skipped, users whose id is beyond 2^53: 2', 'users (roles of comment authors): 1']);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/events.jsonl at line 1, ticket_events[0]: the ticket_id 9007199254740992 is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text\n`);
    expect(skipped).toContain(`  ${folder}/events.jsonl at line 1, ticket_events[1]: the ticket_id 9007199254740992 is a JSON number beyond 2^53`);
    expect(skipped).toContain(`ticket_events[3].child_events[0]: comment on ticket 12: the author id 9007199254740996 is a JSON number beyond 2^53`);
  });

  it('zendesk: an update dated before its ticket was created is moved to the creation, counted, and the log checks', () => {
    const folder = exportFolder('zendesk-before-creation', {
      'events.jsonl':
        '{"ticket_events":[' +
        '{"id":1,"ticket_id":3,"timestamp":1709539200,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":2,"status":"new","event_type":"Create"},{"id":3,"priority":"normal","event_type":"Create"}]},' +
        '{"id":4,"ticket_id":3,"timestamp":1709535600,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":5,"status":"open","previous_value":"new","event_type":"Change"},{"id":6,"type":"Comment","author_id":7,"public":true,"event_type":"Comment"}]},' +
        '{"id":7,"ticket_id":3,"timestamp":1709542800,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":8,"status":"solved","previous_value":"open","event_type":"Change"}]}' +
        ']}\n',
      'users.json': '{"users":[{"id":7,"role":"agent"}]}\n',
    });
    const log = join(folder, 'log.ndjson');
    const run = slac('import', 'zendesk', folder, '-o', log);
    expect(run.code).toBe(0);
    const rows = ndjsonRows(readFileSync(log, 'utf8')).map((row) => `${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
    // The 07:00 update is an hour before the 08:00 creation: its status and reply are at the creation.
    expect(rows).toEqual(['2024-03-04T08:00:00Z created', '2024-03-04T08:00:00Z status new', '2024-03-04T08:00:00Z status open', '2024-03-04T08:00:00Z reply', '2024-03-04T09:00:00Z status solved', '2024-03-04T09:00:00Z resolved']);
    expect(run.stderr).toContain('note (1): updates dated before their ticket was created: moved to its creation\n');
    const check = checkJson(`${fixtures}/zendesk.sla`, log, '--as-of', '2024-03-05T12:00:00Z');
    expect(check.stderr).not.toContain('SLA4008');
    expect(check.code).toBe(0);
  });

  it('jira: a first status change the clocks skip is listed as such, and the created status is still the one it left', () => {
    const folder = exportFolder('jira-gap', {
      'search.json': JSON.stringify({
        issues: [
          {
            id: '1',
            key: 'SUP-1',
            fields: { created: '2026-03-28T09:00:00.000', status: { name: 'Open', id: '1' }, priority: { name: 'High' }, comment: { comments: [] } },
            changelog: {
              histories: [
                { created: '2026-03-29T02:30:00.000', items: [{ field: 'status', fromString: 'Open', toString: 'In Progress' }] },
                { created: '2026-04-02T10:00:00.000', items: [{ field: 'status', fromString: 'In Progress', toString: 'Waiting for customer' }] },
              ],
            },
          },
        ],
      }),
    });
    const run = slac('import', 'jira', folder, '--assume-timezone', 'Europe/Berlin');
    expect(run.code).toBe(0);
    const statuses = ndjsonRows(run.stdout).filter((row) => row.event === 'status').map((row) => `${row.time} ${row.status}`);
    expect(statuses).toEqual(['2026-03-28T08:00:00Z Open', '2026-04-02T08:00:00Z Waiting for customer']);
    expect(skippedSection(run.stderr)).toContain(
      `  ${folder}/search.json at issues[0].changelog.histories[0].items[0]: issue SUP-1: the status change cannot be placed in time: created '2026-03-29T02:30:00.000' does not exist in Europe/Berlin: the clocks went forward at 2026-03-29T03:00:00+02:00; write it with the offset that was meant, 2026-03-29T02:30:00.000+01:00 (before the change) or 2026-03-29T02:30:00.000+02:00 (after)\n`,
    );
  });

  it('zendesk-tables: an updated_at before created_at dates the current status at creation, and the summary says so', () => {
    const folder = exportFolder('updated-before-created', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,solved,2024-03-01 12:00:00\n2,2024-03-04 09:00:00,solved,2024-03-05 12:00:00\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    const solved = ndjsonRows(run.stdout).filter((row) => row.event === 'status').map((row) => `${row.ticket} ${row.time}`);
    expect(solved).toEqual(['1 2024-03-04T09:00:00Z', '2 2024-03-05T12:00:00Z']);
    expect(run.stderr).toContain('note (1): tickets whose updated_at is before created_at: their current status is dated at creation\n');
  });

  describe('zendesk-tables: a current status that nothing dates is left out and listed, not dated at creation', () => {
    const history = 'ticket_id,field_name,updated,value\n4,status,2024-03-04 10:00:00,solved\n';
    const cases: { name: string; ticket: string; statuses: string[]; skipped: string[]; notes?: string[] }[] = [
      {
        name: 'updated_at empty or not a time',
        ticket: 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,solved,\n2,2024-03-04 09:00:00,closed,garbage\n3,2024-03-04 09:00:00,new,\n4,2024-03-04 09:00:00,solved,garbage\n',
        // Ticket 3 is still new, so new since its creation; ticket 4's history dates its status.
        statuses: ['3 2024-03-04T09:00:00Z new', '4 2024-03-04T10:00:00Z solved'],
        skipped: [
          "ticket.csv:2: ticket 1: status 'solved' cannot be dated: no status history, and no updated_at",
          "ticket.csv:3: ticket 2: status 'closed' cannot be dated: no status history, and its updated_at 'garbage' is not a time",
        ],
        notes: ['note (1): tickets whose updated_at is not a time: not needed, their status history dates their status'],
      },
      {
        name: 'no updated_at column',
        ticket: 'id,created_at,status\n1,2024-03-04 09:00:00,pending\n',
        statuses: [],
        skipped: ["ticket.csv:2: ticket 1: status 'pending' cannot be dated: no status history, and no updated_at"],
      },
    ];
    it.each(cases)('$name', ({ name, ticket, statuses, skipped, notes = [] }) => {
      const folder = exportFolder(`undated-${name.replace(/\W+/g, '-')}`, { 'ticket.csv': ticket, 'ticket_field_history.csv': history });
      const run = slac('import', 'zendesk-tables', folder);
      expect(run.code).toBe(0);
      const rows = ndjsonRows(run.stdout);
      expect(rows.filter((row) => row.event === 'status').map((row) => `${row.ticket} ${row.time} ${row.status}`)).toEqual(statuses);
      // No resolution without its status, and every ticket keeps its created row.
      expect(rows.filter((row) => row.event === 'resolved' || row.event === 'closed').map((row) => row.ticket)).toEqual(statuses.some((s) => s.endsWith('solved')) ? ['4'] : []);
      expect(rows.filter((row) => row.event === 'created')).toHaveLength(ticket.trim().split('\n').length - 1);
      expectEveryRecordAccounted(accounts(run.stderr));
      for (const line of skipped) expect(skippedSection(run.stderr)).toContain(`  ${folder}/${line}\n`);
      expect(run.stderr).toContain(`  skipped, statuses that cannot be dated (the ticket is written without its status): ${skipped.length}\n`);
      for (const note of notes) expect(run.stderr).toContain(`${note}\n`);
      // The note on dating at updated_at is not given where nothing was dated so.
      expect(run.stderr).not.toContain('their current status is dated at updated_at');
    });
  });

  it('zendesk-tables: rows Fivetran marks _fivetran_deleted are left out of the log and listed, as slac init leaves them out', () => {
    const folder = exportFolder('fivetran-deleted', {
      'organization.csv': 'id,name,_fivetran_deleted\n10,Acme,false\n11,Gone Ltd,TRUE\n',
      'user.csv': 'id,role,_fivetran_deleted\n5,agent,f\n6,agent,t\n',
      'ticket.csv': [
        'id,created_at,status,updated_at,organization_id,_fivetran_deleted',
        '1,2024-03-04 09:00:00,open,2024-03-04 10:00:00,10,FALSE',
        '2,2024-03-04 09:00:00,solved,2024-03-04 10:00:00,10,TRUE',
        '3,2024-03-04 09:00:00,open,2024-03-04 10:00:00,10,',
        '4,2024-03-04 09:00:00,open,2024-03-04 10:00:00,10,maybe',
        '',
      ].join('\n'),
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value,_fivetran_deleted\n1,status,2024-03-04 09:30:00,pending,true\n2,status,2024-03-04 09:30:00,solved,false\n',
      'ticket_comment.csv': 'ticket_id,created,public,user_id,_fivetran_deleted\n1,2024-03-04 09:10:00,true,5,1\n1,2024-03-04 09:20:00,true,5,0\n2,2024-03-04 09:10:00,true,5,false\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    const rows = ndjsonRows(run.stdout).map((row) => `${row.ticket} ${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
    expect(rows).toEqual(['1 2024-03-04T09:20:00Z reply', '1 2024-03-04T09:00:00Z created', '1 2024-03-04T10:00:00Z status open', '3 2024-03-04T09:00:00Z created', '3 2024-03-04T10:00:00Z status open']);
    const files = accounts(run.stderr);
    expectEveryRecordAccounted(files);
    const deleted = 'skipped, rows deleted in Zendesk (_fivetran_deleted true): 1';
    expect(files.get('organization.csv')!.lines).toEqual(['organisations (client names): 1', deleted]);
    expect(files.get('user.csv')!.lines).toEqual(['users (roles of comment authors): 1', deleted]);
    expect(files.get('ticket.csv')!.lines).toEqual([deleted, "skipped, rows whose _fivetran_deleted is neither true nor false: 1", 'tickets: 2']);
    // The deleted ticket's other rows say it was deleted, as those of a ticket whose status is `deleted` do.
    expect(files.get('ticket_field_history.csv')!.lines).toEqual([deleted, 'skipped, rows of deleted tickets: 1']);
    expect(files.get('ticket_comment.csv')!.lines).toEqual([deleted, 'replies (agent): 1', 'skipped, rows of deleted tickets: 1']);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/ticket.csv:3: the row was deleted in Zendesk (_fivetran_deleted is TRUE)\n`);
    expect(skipped).toContain(`  ${folder}/ticket.csv:5: _fivetran_deleted 'maybe' is neither true nor false (true/false, t/f, 1/0, yes/no)\n`);
    expect(skipped).toContain(`  ${folder}/ticket_comment.csv:4: comment on ticket 2: the ticket was deleted\n`);
  });

  it('zendesk-tables: a history or comment row with an empty ticket id says so, not "ticket : not in the ticket table"', () => {
    const folder = exportFolder('empty-ticket-id', {
      'ticket.csv': 'id,created_at,status\n1,2024-03-04 09:00:00,new\n',
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value\n,status,2024-03-04 10:00:00,open\n',
      'ticket_comment.csv': 'ticket_id,created,public,user_id\n ,2024-03-04 09:10:00,true,5\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    const files = accounts(run.stderr);
    expectEveryRecordAccounted(files);
    expect(files.get('ticket_field_history.csv')!.lines).toEqual(['skipped, rows without a ticket id: 1']);
    expect(files.get('ticket_comment.csv')!.lines).toEqual(['skipped, rows without a ticket id: 1']);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/ticket_field_history.csv:2: status with an empty ticket id\n`);
    expect(skipped).toContain(`  ${folder}/ticket_comment.csv:2: comment with an empty ticket id\n`);
  });

  describe('a ticket given twice (overlapping pages) is written once; the second is skipped and listed, and the log checks', () => {
    const jiraIssue = JSON.stringify({ id: '10001', key: 'SUP-1', fields: { created: '2026-03-04T09:00:00.000Z', status: { name: 'Open', statusCategory: { key: 'new' } }, priority: { name: 'High' } } });
    const freshdeskTicket = JSON.stringify({ id: 1, requester_id: 5, created_at: '2026-03-04T09:00:00Z', updated_at: '2026-03-04T10:00:00Z', status: 2, priority: 4, source: 1, spam: false });
    const cases: { source: string; agreement: string; files: Record<string, string>; skipped: string; group: string }[] = [
      {
        source: 'jira',
        agreement: `${fixtures}/jira/agreement.sla`,
        files: { 'search-1.json': `{"startAt":0,"total":1,"issues":[${jiraIssue}]}`, 'search-2.json': `{"startAt":1,"total":1,"issues":[${jiraIssue}]}` },
        skipped: 'search-2.json at issues[0]: issue SUP-1 is given earlier (in this file or another): the first is kept',
        group: 'search-2.json: 1 row\n  skipped, issues given twice (in two pages or files): 1\n',
      },
      {
        source: 'jira',
        agreement: `${fixtures}/jira/agreement.sla`,
        files: { 'issues.ndjson': `${jiraIssue}\n${jiraIssue}\n` },
        skipped: 'issues.ndjson:2: issue SUP-1 is given earlier (in this file or another): the first is kept',
        group: 'issues.ndjson: 2 rows\n  issues: 1\n  skipped, issues given twice (in two pages or files): 1\n',
      },
      {
        source: 'freshdesk',
        agreement: `${fixtures}/freshdesk/agreement.sla`,
        files: { 'tickets-1.json': `[${freshdeskTicket}]`, 'tickets-2.json': `[${freshdeskTicket}]` },
        skipped: 'tickets-2.json at [0]: ticket 1 is given earlier (in this file or another): the first is kept',
        group: 'tickets-2.json: 1 row\n  skipped, tickets given twice (in two pages or files): 1\n',
      },
    ];
    it.each(cases)('$source: $skipped', ({ source, agreement, files, skipped, group }) => {
      const folder = exportFolder(`twice-${source}-${Object.keys(files)[0]}`, files);
      const log = join(folder, 'log.ndjson');
      const run = slac('import', source, folder, '-o', log);
      expect(run.code).toBe(0);
      expect(ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'created')).toHaveLength(1);
      expectEveryRecordAccounted(accounts(run.stderr));
      expect(run.stderr).toContain(`${folder}/${group}`);
      expect(skippedSection(run.stderr)).toContain(`  ${folder}/${skipped}\n`);
      const check = checkJson(agreement, log);
      expect(check.stderr).not.toContain('SLA4009');
    });
  });

  it('freshdesk: a conversation given twice (inline and in a conversation page) is one reply; the repeat is counted as read before', () => {
    // Each was a reply row of its own: the log said the agent replied twice at 09:30.
    const reply = (id: number, minute: number): string => JSON.stringify({ id, ticket_id: 1, user_id: 7, incoming: false, private: false, source: 0, created_at: `2026-03-04T09:${minute}:00Z` });
    const ticket = JSON.stringify({ id: 1, requester_id: 5, created_at: '2026-03-04T09:00:00Z', updated_at: '2026-03-04T10:00:00Z', status: 2, priority: 4, source: 1, spam: false, conversations: [JSON.parse(reply(11, 30))] });
    const folder = exportFolder('twice-freshdesk-conversation', {
      'tickets-1.json': `[${ticket}]`,
      'conversations-1.json': `[${reply(11, 30)},${reply(12, 45)}]`,
      'conversations-2.json': `[${reply(12, 45)}]`,
    });
    const log = join(folder, 'log.ndjson');
    const run = slac('import', 'freshdesk', folder, '-o', log);
    expect(run.code, run.stderr).toBe(0);
    expect(ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'reply').map((row) => row.time)).toEqual(['2026-03-04T09:30:00Z', '2026-03-04T09:45:00Z']);
    const files = accounts(run.stderr);
    expectEveryRecordAccounted(files);
    expect(files.get('conversations-1.json')!.lines).toEqual(['conversations read before (with their ticket or in another file): 1', 'replies (agent): 1']);
    expect(files.get('conversations-2.json')!.lines).toEqual(['conversations read before (with their ticket or in another file): 1']);
  });

  describe('zendesk: a closed ticket whose creation comes again is written once', () => {
    const page =
      '{"ticket_events":[' +
      '{"id":1,"ticket_id":4,"timestamp":1709539200,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":2,"status":"new","event_type":"Create"}]},' +
      '{"id":3,"ticket_id":4,"timestamp":1709542800,"updater_id":7,"via":"Web form","event_type":"Audit","child_events":[{"id":4,"status":"closed","previous_value":"new","event_type":"Change"}]}' +
      ']}\n';
    /** Imports the events file `events`; returns the run, the log's rows and the events file's outcome lines. */
    function importPages(name: string, events: string) {
      const folder = exportFolder(name, { 'events.jsonl': events, 'users.json': '{"users":[{"id":7,"role":"agent"}]}\n' });
      const log = join(folder, 'log.ndjson');
      const run = slac('import', 'zendesk', folder, '-o', log);
      expect(run.code).toBe(0);
      expect(ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'created')).toHaveLength(1);
      const files = accounts(run.stderr);
      expectEveryRecordAccounted(files);
      expect(checkJson(`${fixtures}/zendesk.sla`, log).stderr).not.toContain('SLA4009');
      return { folder, run, lines: files.get('events.jsonl')!.lines };
    }

    it('a page given twice: its updates are read once by their ids, the repeats counted', () => {
      const { lines } = importPages('zendesk-page-twice', page + page);
      expect(lines).toContain('child events of ticket events read before (in another file or page): 2');
      expect(lines.filter((line) => line.startsWith('skipped,'))).toEqual([]);
    });

    it('the page again without ids (no id to read it once by): the repeat is skipped and listed', () => {
      const { folder, run, lines } = importPages('zendesk-page-twice-no-ids', page + page.replace(/"id":\d+,/g, ''));
      expect(lines).toContain('skipped, creations of tickets closed earlier in the export: 1');
      expect(skippedSection(run.stderr)).toContain(`  ${folder}/events.jsonl at line 2, ticket_events[0].child_events[0]: ticket 4 was closed earlier in the export and is created again (a page or file given twice?): the first is kept\n`);
    });
  });

  describe('a reply in the second its ticket was created (an automatic answer) comes after the created row, so the log checks', () => {
    const glpiFiles = Object.fromEntries(
      ['glpi_entities', 'glpi_profiles', 'glpi_profiles_users', 'glpi_tickets_users', 'glpi_tickets', 'glpi_logs', 'glpi_itilfollowups'].map((table) => [`${table}.csv`, readFileSync(join(fixtures, 'glpi', `${table}.csv`), 'utf8')]),
    );
    // GLPI's automatic acknowledgement of ticket 1, moved to the second the ticket was opened (10:00:00).
    glpiFiles['glpi_itilfollowups.csv'] = glpiFiles['glpi_itilfollowups.csv']!.replace(/^1,Ticket,1,2024-03-04 10:00:30,/m, '1,Ticket,1,2024-03-04 10:00:00,');
    const cases: { source: string; agreement: string; files: Record<string, string>; ticket: string; time: string }[] = [
      {
        source: 'zammad',
        agreement: `${fixtures}/zammad/agreement.sla`,
        files: {
          'tickets.json': '[{"id": 3, "priority": "1 low", "state": "new", "number": "31003", "created_at": "2024-03-05T08:00:00.000Z", "updated_at": "2024-03-05T08:00:00.000Z", "create_article_type": "email"}]',
          'articles-3.json':
            '[{"id": 31, "ticket_id": 3, "type": "email", "sender": "Customer", "internal": false, "created_at": "2024-03-05T08:00:00.000Z"},' +
            ' {"id": 32, "ticket_id": 3, "type": "email", "sender": "System", "internal": false, "created_at": "2024-03-05T08:00:00.000Z"}]',
        },
        ticket: '31003',
        time: '2024-03-05T08:00:00Z',
      },
      { source: 'glpi', agreement: `${fixtures}/glpi/agreement.sla`, files: glpiFiles, ticket: '1', time: '2024-03-04T10:00:00Z' },
    ];
    it.each(cases)('$source', ({ source, agreement, files, ticket, time }) => {
      const folder = exportFolder(`reply-at-creation-${source}`, files);
      const log = join(folder, 'log.ndjson');
      const run = slac('import', source, folder, '-o', log);
      expect(run.code).toBe(0);
      expectEveryRecordAccounted(accounts(run.stderr));
      const rows = ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.ticket === ticket);
      const created = rows.findIndex((row) => row.event === 'created');
      const reply = rows.findIndex((row) => row.event === 'reply' && row.author === 'system');
      expect(rows[reply]?.time).toBe(time);
      expect(created).toBeGreaterThanOrEqual(0);
      expect(reply).toBeGreaterThan(created);
      const check = checkJson(agreement, log);
      expect(check.stderr).not.toContain('SLA4008');
      expect([0, 1]).toContain(check.code);
    });
  });

  it('a file given twice (its folder and itself) is read once, and the summary says so', () => {
    // `new`: a status without updated_at that is dated (at creation), so both rows are tickets.
    const folder = exportFolder('twice', { 'ticket.csv': 'id,created_at,status\n1,2024-03-04 09:00:00,new\n2,2024-03-04 10:00:00,new\n' });
    const run = slac('import', 'zendesk-tables', folder, join(folder, 'ticket.csv'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${folder}/ticket.csv: 2 rows\n  tickets: 2\n`);
    expect(run.stderr).toContain(`note (1): ${folder}/ticket.csv was given again as ${folder}/ticket.csv: read once\n`);
    expect(run.stderr).not.toContain('a second file of the same table');
  });
});
