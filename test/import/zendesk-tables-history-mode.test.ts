import { describe, expect, it } from 'vitest';
import { accounts, exportFolderIn, expectEveryRecordAccounted, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * Tables Fivetran syncs in history mode keep every version of a row, the
 * current one marked `_fivetran_active` true and the earlier ones false.
 * The import read them all as rows: the ticket kept its first (oldest)
 * version, so a ticket solved since stayed open in the log with its old
 * organisation, and each later version was skipped as "ticket 7 has an
 * earlier row"; a user's earlier version read after the current one gave
 * the user its old role. Earlier versions are now counted and not read, as
 * dbt_zendesk reads only `_fivetran_active` rows. Through the built CLI.
 */

const out = outputFolder('zendesk-tables-history-mode');

const HISTORY = '_fivetran_start,_fivetran_end,_fivetran_active';
const tickets = [
  `id,created_at,updated_at,status,priority,organization_id,requester_id,via_channel,${HISTORY}`,
  '7,2024-03-04 09:00:00,2024-03-04 09:30:00,open,normal,500,20,web,2024-03-04 09:30:00,2024-03-05 10:00:00,false',
  '7,2024-03-04 09:00:00,2024-03-05 10:00:00,solved,normal,501,20,web,2024-03-05 10:00:00,9999-12-31 23:59:59,true',
  '',
].join('\n');
const organizations = 'id,name\n500,Acme Ltd\n501,Globex\n';
// The user's current row says agent; its earlier version (an end-user before promotion) comes after it.
const users = [`id,role,${HISTORY}`, '20,end-user,2024-01-01 00:00:00,9999-12-31 23:59:59,true', `21,agent,2024-02-01 00:00:00,9999-12-31 23:59:59,true`, '21,end-user,2024-01-01 00:00:00,2024-02-01 00:00:00,false', ''].join('\n');
const comments = 'id,ticket_id,created,public,user_id\n1,7,2024-03-04 09:10:00,true,21\n';

describe('slac import zendesk-tables: tables in Fivetran history mode', () => {
  it('reads the current version of each row (_fivetran_active true) and counts the earlier ones', () => {
    const folder = exportFolderIn(out, 'history-mode', { 'ticket.csv': tickets, 'organization.csv': organizations, 'user.csv': users, 'ticket_comment.csv': comments });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code, run.stderr).toBe(0);
    const rows = ndjsonRows(run.stdout).map((row) => `${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}${row.author === undefined ? '' : ` ${row.author}`} ${row.client}`);
    expect(rows).toContain('2024-03-05T10:00:00Z resolved Globex');
    expect(rows).toContain('2024-03-04T09:10:00Z reply agent Globex');
    expect(rows.some((row) => row.endsWith('Acme Ltd'))).toBe(false);
    expect(run.stderr).not.toContain('has an earlier row');
    const accounted = accounts(run.stderr);
    expectEveryRecordAccounted(accounted);
    expect(accounted.get('ticket.csv')!.lines).toEqual(['earlier versions of rows (_fivetran_active false, Fivetran history mode): not read: 1', 'tickets: 1']);
    expect(accounted.get('user.csv')!.lines).toContain('earlier versions of rows (_fivetran_active false, Fivetran history mode): not read: 1');
  });

  it('skips and lists a row whose _fivetran_active is neither true nor false', () => {
    const folder = exportFolderIn(out, 'unreadable-mark', { 'ticket.csv': tickets.replace(/,false\n/, ',maybe\n') });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(skippedSection(run.stderr)).toContain(`  ${folder}/ticket.csv:2: _fivetran_active 'maybe' is neither true nor false (true/false, t/f, 1/0, yes/no)\n`);
    expectEveryRecordAccounted(accounts(run.stderr));
  });
});
