import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH } from '../../import/table-records.js';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A row of glpi_tickets.csv with more fields than its header is skipped;
 * its followups then said "followup of ticket 1 is not among the tickets
 * read", sending the user to look for a missing ticket, as did those of
 * a row with a value too long to read. Now they name the row that may be
 * the ticket's, or say the ticket was skipped and why, as zendesk-tables
 * does. So do those of a row lost to a quote error (text after a closing
 * quote, a quote inside an unquoted value, a quote never closed), whose
 * followups and history said only that the ticket was not among those
 * read. Through the built executable, one spawn a case.
 */

const out = outputFolder('glpi-unreadable-ticket-row');

const FILES = {
  'glpi_tickets.csv': 'id,entities_id,date,date_mod,status,priority,is_deleted\n1,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0,extra\n2,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n',
  'glpi_itilfollowups.csv': 'id,itemtype,items_id,users_id,is_private,date\n1,Ticket,1,0,0,2024-03-04 11:00:00\n',
};

describe('slac import glpi: the followups of a ticket row that could not be read', () => {
  it('name that row', () => {
    const folder = exportFolderIn(out, 'export', FILES);
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:2: the row has 8 fields but the header has 7\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_itilfollowups.csv:2: followup of ticket 1 is not among the tickets read; its row may be the one at ${folder}/glpi_tickets.csv:2, which could not be read (its id column reads '1')\n`);
  });

  it('say the ticket was skipped when a value of its row is too long', () => {
    const long = 'x'.repeat(MAX_VALUE_LENGTH + 1);
    const folder = exportFolderIn(out, 'long', {
      'glpi_tickets.csv': `id,name,entities_id,date,date_mod,status,priority,is_deleted\n1,${long},0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n2,b,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n`,
      'glpi_itilfollowups.csv': FILES['glpi_itilfollowups.csv'],
    });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`  ${folder}/glpi_itilfollowups.csv:2: followup of ticket 1: the ticket was skipped: its row (${folder}/glpi_tickets.csv:2) could not be read\n`);
  });

  it.each([
    ['text after a closing quote', '1,0,"2024-03-04 10:00:00"x,2024-03-04 10:00:00,1,3,0\n2,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n'],
    ['a quote inside an unquoted value', '1,0,2024-03-04 "10:00:00",2024-03-04 10:00:00,1,3,0\n2,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n'],
    ['a quote never closed', '2,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n1,0,"2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n'],
  ])('name the row lost to %s', (name, rows) => {
    const folder = exportFolderIn(out, name.replaceAll(' ', '-'), {
      'glpi_tickets.csv': `id,entities_id,date,date_mod,status,priority,is_deleted\n${rows}`,
      'glpi_itilfollowups.csv': FILES['glpi_itilfollowups.csv'],
      'glpi_logs.csv': 'id,itemtype,items_id,id_search_option,date_mod,old_value,new_value\n1,Ticket,1,12,2024-03-04 11:00:00,1,2\n',
    });
    const line = rows.startsWith('1,') ? 2 : 3;
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    const hint = `is not among the tickets read; its row may be the one at ${folder}/glpi_tickets.csv:${line}, which could not be read (its id column reads '1')\n`;
    expect(run.stderr).toContain(`  ${folder}/glpi_itilfollowups.csv:2: followup of ticket 1 ${hint}`);
    expect(run.stderr).toContain(`  ${folder}/glpi_logs.csv:2: history of ticket 1 ${hint}`);
  });
});
