import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH } from '../../import/table-records.js';
import { accounts, expectEveryRecordAccounted, exportFolderIn, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * `slac import zendesk-tables` on what warehouses hold beside the tidy case,
 * through the built executable (run `node scripts/build.mjs` first): values
 * longer than a log line may be, a ticket table and a status history that
 * disagree, and comment rows a sync wrote twice. Each export is a table of
 * file names and contents, written into a folder of its own.
 */

const out = outputFolder('zendesk-tables-integrity');

const exportFolder = (name: string, files: Record<string, string>): string => exportFolderIn(out, name, files);

/** The lines under "warnings:" in the summary. */
function warnings(summary: string): string[] {
  const start = summary.indexOf('warnings:\n');
  if (start < 0) return [];
  const lines = summary.slice(start).split('\n').slice(1);
  return lines.slice(0, lines.findIndex((line) => !line.startsWith('  ')));
}

const USERS = 'id,role\n10,agent\n11,end-user\n';

/** `slac import zendesk-tables FOLDER`, which must succeed and account for every record of every file: the run, and each file's account. */
function importAccounted(folder: string): { run: ReturnType<typeof slac>; files: ReturnType<typeof accounts> } {
  const run = slac('import', 'zendesk-tables', folder);
  expect(run.code).toBe(0);
  const files = accounts(run.stderr);
  expectEveryRecordAccounted(files);
  return { run, files };
}

describe('slac import zendesk-tables: a value longer than a log line', () => {
  const long = 'x'.repeat(MAX_VALUE_LENGTH + 1000);

  it('reads past a long value in a column it does not read (a description, a comment body): nothing is dropped', () => {
    const folder = exportFolder('long-ignored', {
      'ticket.csv': `id,created_at,status,updated_at,description\n1,2024-03-04 09:00:00,open,2024-03-04 10:00:00,"${long}\nsecond line"\n2,2024-03-04 09:00:00,open,2024-03-04 10:00:00,short\n`,
      'user.csv': USERS,
      'ticket_comment.csv': `id,ticket_id,created,public,user_id,body\n100,1,2024-03-04 09:30:00,true,10,"${long}"\n101,2,2024-03-04 09:31:00,true,10,${long}\n102,1,2024-03-04 09:40:00,true,11,hi\n`,
    });
    const { run, files } = importAccounted(folder);
    expect(run.stderr).toContain('2 tickets, 7 events written; 0 records skipped');
    expect(files.get('ticket.csv')!.lines).toEqual(['tickets: 2']);
    expect(files.get('ticket_comment.csv')!.lines).toEqual(['replies (agent): 2', 'replies (customer): 1']);
    expect(ndjsonRows(run.stdout).filter((row) => row.event === 'reply').map((row) => `${row.ticket} ${row.time}`)).toEqual(['1 2024-03-04T09:30:00Z', '2 2024-03-04T09:31:00Z', '1 2024-03-04T09:40:00Z']);
  });

  it('a long value in a column it reads: one error naming file, line, column and length; the rows of that ticket name its row', () => {
    const folder = exportFolder('long-read', {
      'ticket.csv': `id,created_at,status,updated_at,via_channel\n1,2024-03-04 09:00:00,open,2024-03-04 10:00:00,"${long}"\n2,2024-03-04 09:00:00,open,2024-03-04 10:00:00,web\n`,
      'user.csv': USERS,
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value\n1,status,2024-03-04 09:00:00,open\n',
      'ticket_comment.csv': 'id,ticket_id,created,public,user_id\n100,1,2024-03-04 09:30:00,true,10\n',
    });
    const { run, files } = importAccounted(folder);
    expect(files.get('ticket.csv')!.lines).toEqual(['skipped, unreadable rows: 1', 'tickets: 1']);
    expect(files.get('ticket_field_history.csv')!.lines).toEqual(["skipped, rows of tickets whose row could not be read: 1"]);
    expect(skippedSection(run.stderr).split('\n').slice(1, 4)).toEqual([
      `  ${folder}/ticket.csv:2: the value of column 'via_channel' has ${long.length} characters, more than the ${MAX_VALUE_LENGTH} slac reads of a value; the row is not read`,
      // In file order (the folder's files in name order), not in the order read (the history before the comments).
      `  ${folder}/ticket_comment.csv:2: comment on ticket 1: the ticket's row (${folder}/ticket.csv:2) could not be read`,
      `  ${folder}/ticket_field_history.csv:2: status of ticket 1: the ticket's row (${folder}/ticket.csv:2) could not be read`,
    ]);
    expect(run.stderr).not.toContain('not in the ticket table');
  });
});

describe('slac import zendesk-tables: a ticket row of the wrong number of fields', () => {
  it('the rows of the ticket its id column reads name that row, which could not be read', () => {
    const folder = exportFolder('misaligned-row', {
      // Line 3 has a field too many (an unquoted comma), so it is not read; its id column reads 2.
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 10:00:00\n2,2024-03-04 09:00:00,open,2024,03-04 10:00:00\n',
      'user.csv': USERS,
      'ticket_comment.csv': 'id,ticket_id,created,public,user_id\n100,2,2024-03-04 09:30:00,true,10\n101,3,2024-03-04 09:30:00,true,10\n',
    });
    const { run, files } = importAccounted(folder);
    expect(files.get('ticket.csv')!.lines).toEqual(['skipped, unreadable rows: 1', 'tickets: 1']);
    expect(files.get('ticket_comment.csv')!.lines).toEqual(['skipped, rows of tickets not in the ticket table: 2']);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/ticket.csv:3: the row has 5 fields but the header has 4\n`);
    expect(skipped).toContain(
      `  ${folder}/ticket_comment.csv:2: comment on ticket 2: the ticket is not in the ticket table; its row may be the one at ${folder}/ticket.csv:3, which could not be read (its id column reads '2')\n`,
    );
    // A ticket no unreadable row reads as its id is simply missing.
    expect(skipped).toContain(`  ${folder}/ticket_comment.csv:3: comment on ticket 3: the ticket is not in the ticket table\n`);
  });

  it('a row cut short reads its id too', () => {
    const folder = exportFolder('short-row', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 10:00:00\n2,2024-03-04 09:00:00\n',
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value\n2,status,2024-03-04 09:00:00,open\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(skippedSection(run.stderr)).toContain(
      `  ${folder}/ticket_field_history.csv:2: status of ticket 2: the ticket is not in the ticket table; its row may be the one at ${folder}/ticket.csv:3, which could not be read (its id column reads '2')\n`,
    );
  });

  it('a row lost to a quote error reads its id too (it said only that the ticket is not in the ticket table)', () => {
    const folder = exportFolder('quote-error-row', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 10:00:00\n2,2024-03-04 09:00:00,"open"!,2024-03-04 10:00:00\n',
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value\n2,status,2024-03-04 09:00:00,open\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(skippedSection(run.stderr)).toContain(
      `  ${folder}/ticket_field_history.csv:2: status of ticket 2: the ticket is not in the ticket table; its row may be the one at ${folder}/ticket.csv:3, which could not be read (its id column reads '2')\n`,
    );
  });
});

describe('slac import zendesk-tables: a ticket table and a status history that disagree', () => {
  it('warns of a ticket whose status is not the last of its history, naming both and where each is; the log follows the history', () => {
    const folder = exportFolder('status-disagrees', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,solved,2024-03-04 12:00:00\n2,2024-03-04 09:00:00,OPEN,2024-03-04 12:00:00\n',
      'ticket_field_history.csv': 'ticket_id,field_name,updated,value\n1,status,2024-03-04 10:00:00,open\n1,status,2024-03-04 09:00:00,new\n2,status,2024-03-04 09:00:00,open\n',
    });
    const { run } = importAccounted(folder);
    // Ticket 2 agrees (statuses are compared in lower case, as they are written to the log).
    expect(warnings(run.stderr)).toEqual([
      `  ${folder}/ticket.csv:2: ticket 1: status 'solved' in the ticket table, but its status history ends with 'open' (${folder}/ticket_field_history.csv:2); the log follows the history`,
    ]);
    expect(run.stderr).toContain('note (1): tickets whose status in the ticket table is not the last of their status history: the log follows the history\n');
    expect(ndjsonRows(run.stdout).filter((row) => row.ticket === '1').map((row) => row.status ?? row.event)).toEqual(['created', 'new', 'open']);
  });
});

describe('slac import zendesk-tables: comment rows a sync wrote twice', () => {
  it('reads a comment repeated with the same values once, counting the copies, and lists one repeated with other values', () => {
    const folder = exportFolder('repeated-comments', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 12:00:00\n',
      'user.csv': USERS,
      'ticket_comment.csv': [
        'id,_fivetran_synced,ticket_id,created,public,user_id,body',
        '100,2024-03-05 01:00:00,1,2024-03-04 09:30:00,true,10,hello',
        '101,2024-03-05 01:00:00,1,2024-03-04 09:40:00,true,11,thanks',
        // Later syncs: the same comment, synced later (a body redacted since, values spelt otherwise), and comment 101 at another time.
        '100,2024-03-06 01:00:00,1,2024-03-04 09:30:00,true,10,hello (redacted)',
        '100,2024-03-07 01:00:00,1,2024-03-04T09:30:00Z,TRUE,10,hello',
        '101,2024-03-06 01:00:00,1,2024-03-04 09:45:00,true,11,thanks',
        '',
      ].join('\n'),
    });
    const { run, files } = importAccounted(folder);
    expect(files.get('ticket_comment.csv')!.lines).toEqual([
      'replies (agent): 1',
      'replies (customer): 1',
      'repeated rows of a comment (same id and values as an earlier row): read once: 2',
      'skipped, rows of a comment read before with other values (the first row is kept): 1',
    ]);
    expect(ndjsonRows(run.stdout).filter((row) => row.event === 'reply').map((row) => `${row.time} ${row.author}`)).toEqual(['2024-03-04T09:30:00Z agent', '2024-03-04T09:40:00Z customer']);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/ticket_comment.csv:6: comment 101: line 3 has the same comment id with other values (here ticket_id '1', created '2024-03-04 09:45:00', public 'true', user_id '11'); the row of line 3 is kept\n`);
  });

  it('tells comment ids apart as text: 7 and 007 are two comments, not one repeated with other values', () => {
    const folder = exportFolder('comment-ids-as-text', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 12:00:00\n',
      'user.csv': USERS,
      'ticket_comment.csv': 'id,ticket_id,created,public,user_id\n7,1,2024-03-04 09:30:00,true,10\n007,1,2024-03-04 09:40:00,true,11\n007,1,2024-03-04 09:40:00,true,11\n',
    });
    const { run, files } = importAccounted(folder);
    expect(files.get('ticket_comment.csv')!.lines).toEqual([
      'replies (agent): 1',
      'replies (customer): 1',
      'repeated rows of a comment (same id and values as an earlier row): read once: 1',
    ]);
  });

  it('says so when the comment table has no id column to tell repeated rows by', () => {
    const folder = exportFolder('comments-without-id', {
      'ticket.csv': 'id,created_at,status,updated_at\n1,2024-03-04 09:00:00,open,2024-03-04 12:00:00\n',
      'user.csv': USERS,
      'ticket_comment.csv': 'ticket_id,created,public,user_id\n1,2024-03-04 09:30:00,true,10\n',
    });
    const run = slac('import', 'zendesk-tables', folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note (1): comment table without an id column: a comment a sync wrote twice cannot be told apart, and is read twice\n');
  });
});
