import { describe, expect, it } from 'vitest';
import { exportFolderIn, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * Zammad's admins name their own states (Admin → Ticket States: `gelöst`,
 * `Solved`), each of a state type: `closed` for the ones that end the work.
 * The import knew only the built-in names, so a ticket set to a custom
 * closed state was never resolved: its resolution clock ran on, a breach,
 * without a word in the summary; and the states list the API gives
 * (`GET /api/v1/ticket_states`) stopped the import as not Zammad's. It is now
 * read, and its state types tell which states resolve (closed) and which
 * close (merged); states neither built in nor in such a file are named in
 * a note.
 */

const out = outputFolder('zammad-states');

const tickets = JSON.stringify([
  { id: 1, number: '31001', created_at: '2024-03-04T09:00:00.000Z', updated_at: '2024-03-04T12:00:00.000Z', state: 'gelöst', priority: '2 normal', organization: 'Acme' },
  { id: 2, number: '31002', created_at: '2024-03-04T09:00:00.000Z', updated_at: '2024-03-04T13:00:00.000Z', state: 'in Arbeit', priority: '2 normal', organization: 'Globex' },
]);
const change = (id: number, from: string, to: string, at: string): object => ({ id, o_id: 2, object: 'Ticket', type: 'updated', attribute: 'state', value_from: from, value_to: to, created_at: at });
const history = JSON.stringify({
  history: [change(11, 'new', 'gelöst', '2024-03-04T10:00:00.000Z'), change(12, 'gelöst', 'in Arbeit', '2024-03-04T11:00:00.000Z')],
});
const states = JSON.stringify([
  { id: 1, state_type_id: 1, name: 'new', active: true },
  { id: 4, state_type_id: 5, name: 'closed', active: true },
  { id: 8, state_type_id: 5, name: 'gelöst', active: true },
  { id: 9, state_type_id: 2, name: 'in Arbeit', active: true },
]);

describe('slac import zammad: states an admin named', () => {
  it('reads ticket_states: a state of type closed resolves, leaving it reopens', () => {
    const folder = exportFolderIn(out, 'with-states', { 'tickets.json': tickets, 'history-2.json': history, 'ticket_states.json': states });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    const rows = ndjsonRows(run.stdout).map((row) => `${row.ticket} ${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
    expect(rows).toEqual([
      '31001 2024-03-04T09:00:00Z created',
      '31001 2024-03-04T12:00:00Z status gelöst',
      '31001 2024-03-04T12:00:00Z resolved',
      '31002 2024-03-04T09:00:00Z created',
      '31002 2024-03-04T09:00:00Z status new',
      '31002 2024-03-04T10:00:00Z status gelöst',
      '31002 2024-03-04T10:00:00Z resolved',
      '31002 2024-03-04T11:00:00Z reopened',
      '31002 2024-03-04T11:00:00Z status in Arbeit',
    ]);
    expect(run.stderr).toMatch(/ticket_states\.json: 4 rows\n {2}ticket states \(their state types\): 4\n/);
    expect(run.stderr).not.toContain('states that are neither');
  });

  it('without it, names the states it does not know, which never resolve', () => {
    const folder = exportFolderIn(out, 'without-states', { 'tickets.json': tickets, 'history-2.json': history });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    expect(ndjsonRows(run.stdout).filter((row) => row.event === 'resolved')).toEqual([]);
    expect(run.stderr).toContain(
      "note (2): states that are neither Zammad's built-in ones nor in a ticket_states file ('gelöst', 'in Arbeit'): written as statuses only, never as a resolution; add the response of GET /api/v1/ticket_states to the export, whose state types tell which states close a ticket\n",
    );
  });
});
