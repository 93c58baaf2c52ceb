import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A GLPI followup or log row with an empty itemtype was counted among
 * "followups of changes and problems (not read)" or "history of other
 * items (not read)": a ticket's reply or status change left out under a
 * heading that says it belongs to another item. Now such a row is skipped
 * and listed with file, line and why. Through the built executable, one
 * spawn.
 */

const out = outputFolder('glpi-no-itemtype');

const FILES = {
  'glpi_tickets.csv': 'id,entities_id,date,date_mod,status,priority,is_deleted\n1,0,2024-03-04 10:00:00,2024-03-04 10:00:00,1,3,0\n',
  'glpi_logs.csv': 'id,itemtype,items_id,id_search_option,date_mod,old_value,new_value,linked_action\n1,,1,12,2024-03-04 11:00:00,1,2,0\n2,Change,1,12,2024-03-04 11:00:00,1,2,0\n',
  'glpi_itilfollowups.csv': 'id,itemtype,items_id,users_id,is_private,date\n1, ,1,0,0,2024-03-04 11:00:00\n2,Problem,1,0,0,2024-03-04 11:00:00\n',
};

describe('slac import glpi: rows without an itemtype', () => {
  it('are skipped and listed, not counted as rows of other items', () => {
    const folder = exportFolderIn(out, 'export', FILES);
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`  ${folder}/glpi_logs.csv:2: history of item 1: the row has no itemtype, so whether it is of a ticket cannot be told\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_itilfollowups.csv:2: followup of item 1: the row has no itemtype, so whether it is of a ticket cannot be told\n`);
    // A row of a change or problem is still counted as such.
    expect(run.stderr).toContain('  history of other items (not read): 1\n');
    expect(run.stderr).toContain('  followups of changes and problems (not read): 1\n');
  });
});
