import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, exportFolderIn, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * MySQL writes SQL NULL as the text `NULL` (`mysql --batch`) or `\N`
 * (`SELECT ... INTO OUTFILE`, `mysqldump --tab`). In a date column that
 * text was read as a time that is not one: a Solved ticket without log rows
 * whose solvedate was NULL was written without its status, a New one whose
 * date_mod was NULL was warned of. It is read as no value now, as an empty
 * one is. Through the built executable, one spawn.
 */

const out = outputFolder('glpi-null-dates');

const FILES = {
  'glpi_tickets.csv': [
    'id,entities_id,date,date_mod,solvedate,closedate,status,priority,is_deleted',
    '1,0,2024-03-04 10:00:00,NULL,NULL,NULL,1,3,0',
    '2,0,2024-03-04 10:00:00,2024-03-04 12:00:00,NULL,2024-03-04 12:00:00,6,3,0',
    '3,0,2024-03-04 10:00:00,2024-03-04 13:00:00,\\N,\\N,5,3,0',
    '4,0,NULL,2024-03-04 13:00:00,NULL,NULL,1,3,0',
    '5,0,2024-03-04 10:00:00,2024-03-04 10:00:00,NULL,NULL,1,3,0',
    '',
  ].join('\n'),
  'glpi_logs.csv': 'id,itemtype,items_id,id_search_option,date_mod,old_value,new_value\n1,Ticket,5,12,NULL,1,2\n',
  'glpi_itilfollowups.csv': 'id,itemtype,items_id,users_id,is_private,date\n1,Ticket,1,0,0,\\N\n2,Ticket,1,0,0,2024-03-04 11:00:00\n',
};

describe('slac import glpi: NULL in a date column', () => {
  const folder = exportFolderIn(out, 'export', FILES);
  const log = join(out, 'log.ndjson');
  const run = slac('import', 'glpi', folder, '-o', log);

  it('is read as no value, not as a time that is not one', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('is not a time');
    expectEveryRecordAccounted(accounts(run.stderr));
  });

  it('dates a status without log rows by the dates that are given', () => {
    const rows = ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'status');
    expect(rows.map(({ ticket, time, status }) => `${ticket} ${time} ${status}`)).toEqual([
      '1 2024-03-04T10:00:00Z New',
      '2 2024-03-04T12:00:00Z Closed',
      '3 2024-03-04T13:00:00Z Solved',
    ]);
    expect(run.stderr).toContain('note (1): tickets without status history in status "New" and without date_mod: their status is dated at their opening\n');
  });

  it('skips what needs the date, saying it has none', () => {
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:5: ticket 4: date: no time\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_logs.csv:2: ticket 5: date_mod: no time\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:6: ticket 5: its status at creation cannot be told: its status change cannot be placed in time, and its status 'New' is the one after it; the ticket is written without a status\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_itilfollowups.csv:2: followup of ticket 1: date: no time\n`);
  });
});
