import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * `mysql --batch` writes nothing at all, not even the header, for a query
 * of no rows: a GLPI without followups gave a 0-byte glpi_itilfollowups.csv,
 * and the whole import was refused (exit 2, "the file is empty; a table
 * starts with a header row"). A 0-byte table other than the tickets is read
 * as a table without rows now, with a warning: a failed export is empty too.
 * A 0-byte glpi_tickets.csv is still refused: without tickets there is
 * nothing to import. Through the built executable, one spawn a case.
 */

const out = outputFolder('glpi-empty-table-file');

const TICKETS = 'id,entities_id,date,date_mod,status,priority,is_deleted\n1,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n';

describe('slac import glpi: a table file of 0 bytes', () => {
  it('of followups or history is read as a table without rows, and warned of', () => {
    const folder = exportFolderIn(out, 'no-followups', { 'glpi_tickets.csv': TICKETS, 'glpi_itilfollowups.csv': '', 'glpi_logs.csv': '' });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^slac import glpi: 1 ticket, 2 events written; 0 records skipped$/m);
    for (const table of ['glpi_itilfollowups', 'glpi_logs']) {
      expect(run.stderr).toContain(`\n${folder}/${table}.csv: 0 rows, empty (0 bytes): read as a table without rows\n`);
      expect(run.stderr).toContain(
        `\n  ${folder}/${table}.csv: the file is empty (0 bytes), as mysql writes a query that gives no rows, so it is read as a table without rows; a failed export is empty too: if the table has rows in GLPI, export it again (the export of docs/import/glpi.md writes a header row even for a table without rows)\n`,
      );
    }
    expectEveryRecordAccounted(accounts(run.stderr));
  });

  it('of tickets is still refused', () => {
    const folder = exportFolderIn(out, 'no-tickets', { 'glpi_tickets.csv': '', 'glpi_itilfollowups.csv': '' });
    const run = slac('import', 'glpi', folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`slac: ${folder}/glpi_tickets.csv: the file is empty; a table starts with a header row.\n`);
  });
});
