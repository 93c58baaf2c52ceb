import { describe, expect, it } from 'vitest';
import { clientsOf, fixtures, slac } from './helpers.js';

/**
 * zendesk-tables with `--client-field`: a ticket whose cell in that column
 * is empty was written without a client unremarked, while the JSON sources
 * count such tickets in a note. Now zendesk-tables gives the same note.
 * Through the built executable, one spawn.
 */

describe('slac import zendesk-tables --client-field: tickets with an empty cell', () => {
  it('are counted in the note the JSON sources give', () => {
    const run = slac('import', 'zendesk-tables', `${fixtures}/zendesk-tables`, '--client-field', 'custom_account');
    expect(run.code, run.stderr).toBe(0);
    const clientless = Object.values(clientsOf(run.stdout)).filter((client) => client === undefined).length;
    expect(clientless).toBeGreaterThan(0);
    expect(run.stderr).toContain(`note (${clientless}): tickets whose custom_account, which --client-field names, is empty (missing, null, "" or an empty list): written without a client (slac check gives them to a portfolio's others)\n`);
  });
});
