import { describe, expect, it } from 'vitest';
import { clientsOf, exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A warehouse stores a multi-select custom field as a JSON text list
 * (`["Globex"]`). zendesk-tables with `--client-field` read that cell as the
 * client named `["Globex"]`, unremarked, and `[]` as the client `[]`. It is
 * now read as the list, as the JSON sources read one: one element is the
 * client; an empty list is no value (counted in the note on tickets without
 * a client); of several, the first is the client, with a warning naming the
 * file, line and value; a list with no name to read (`[null]`) skips the
 * ticket, as jira's does. A cell that is not a JSON list (`[Internal]`) is
 * the client as written. Through the built executable, one spawn.
 */

const out = outputFolder('zendesk-tables-client-list');

const TICKETS = [
  'id,created_at,updated_at,status,priority,organization_id,requester_id,via_channel,custom_account',
  '1,2024-03-04 09:00:00,2024-03-04 11:00:00,open,high,,20,email,"[""Globex""]"',
  '2,2024-03-04 09:00:00,2024-03-04 11:00:00,open,high,,20,email,[]',
  '3,2024-03-04 09:00:00,2024-03-04 11:00:00,open,high,,20,email,"[""Acme"", ""Globex""]"',
  '4,2024-03-04 09:00:00,2024-03-04 11:00:00,open,high,,20,email,[Internal]',
  '5,2024-03-04 09:00:00,2024-03-04 11:00:00,open,high,,20,email,[null]',
  '',
].join('\n');

describe('slac import zendesk-tables --client-field: a cell holding a JSON text list', () => {
  it('is read as the list', () => {
    const folder = exportFolderIn(out, 'export', { 'ticket.csv': TICKETS });
    const run = slac('import', 'zendesk-tables', folder, '--client-field', 'custom_account');
    expect(run.code, run.stderr).toBe(0);
    expect(clientsOf(run.stdout)).toEqual({ '1': 'Globex', '2': undefined, '3': 'Acme', '4': '[Internal]' });
    expect(run.stderr).toContain(`  ${folder}/ticket.csv:4: ticket 3: the custom_account ["Acme", "Globex"] lists several values; the first, 'Acme', is the client\n`);
    expect(run.stderr).toContain('note (1): tickets whose custom_account, which --client-field names, lists several values: the first is the client\n');
    expect(run.stderr).toContain('note (1): tickets whose custom_account, which --client-field names, is empty (missing, null, "" or an empty list): written without a client');
    expect(run.stderr).toContain(`  ${folder}/ticket.csv:6: ticket 5: the custom_account [null] that --client-field names has no text, value, name or displayName to read as the client; export the field as text or name another field\n`);
  });
});
