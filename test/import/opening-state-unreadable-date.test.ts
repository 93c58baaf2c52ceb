import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A ticket without history in the state it was opened in (zammad `new`,
 * GLPI `New`) whose updated_at / date_mod is not a time was written
 * without its state, while the same ticket without updated_at / date_mod
 * has its state dated at its opening: the state it was opened in is known
 * at its opening either way. Now it is dated there too, and a warning
 * names the file, the record or line, and the time that could not be read.
 * Through the built executable, a spawn per source.
 */

const out = outputFolder('opening-state-unreadable-date');

const ZAMMAD_TICKETS = JSON.stringify([
  { id: 1, number: '100', state: 'new', priority: '2 normal', created_at: '2024-03-04T09:00:00.000Z', updated_at: 'not a time' },
  { id: 2, number: '101', state: 'open', priority: '2 normal', created_at: '2024-03-04T09:00:00.000Z', updated_at: 'not a time' },
]);

const GLPI_TICKETS = ['id,entities_id,name,date,closedate,solvedate,date_mod,status,requesttypes_id,priority,is_deleted', '1,0,a,2024-03-04 10:00:00,,,not a time,1,2,3,0', '2,0,b,2024-03-04 10:00:00,,,not a time,2,2,3,0', ''].join('\n');

const CASES: { source: string; files: Record<string, string>; ticket: string; status: string; warning: string; other: string }[] = [
  {
    source: 'zammad',
    files: { 'tickets.json': ZAMMAD_TICKETS },
    ticket: '100',
    status: '{"ticket":"100","time":"2024-03-04T09:00:00Z","event":"status","status":"new"}',
    warning: "tickets.json at [0]: ticket 100: state 'new' cannot be dated by its updated_at: 'not a time' is not a time; it is the state a ticket is created in, so it is dated at the ticket's creation, as without updated_at",
    other: "tickets.json at [1]: ticket 101: state 'open' cannot be dated: no history, and its updated_at 'not a time' is not a time",
  },
  {
    source: 'glpi',
    files: { 'glpi_tickets.csv': GLPI_TICKETS },
    ticket: '1',
    status: '{"ticket":"1","time":"2024-03-04T10:00:00Z","event":"status","status":"New","client":"0"}',
    warning: "glpi_tickets.csv:2: ticket 1: status 'New' cannot be dated by its date_mod: 'not a time' is not a time; it is the status a ticket is opened with, so it is dated at the ticket's opening, as without date_mod",
    other: "glpi_tickets.csv:3: ticket 2: status 'Processing (assigned)' cannot be dated: no log rows, and its date_mod 'not a time' is not a time",
  },
];

describe('slac import: the opening state of a ticket whose updated_at is not a time', () => {
  it.each(CASES)('$source: dated at the opening, with a warning naming the row', ({ source, files, status, warning, other }) => {
    const folder = exportFolderIn(out, source, files);
    const run = slac('import', source, folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${status}\n`);
    expect(run.stderr).toContain(`  ${folder}/${warning}\n`);
    // Any other state is still left out: dated at the opening, a closed ticket would be closed at once.
    expect(run.stderr).toContain(`  ${folder}/${other}`);
  });
});
