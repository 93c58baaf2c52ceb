import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A GLPI ticket whose status or priority is not one of GLPI's values 1-6
 * (`9`, `8`) was written with status "9" and severity "8" without a word,
 * while a log row with such a value is skipped and listed; a request type
 * that is not one of GLPI's built-in ones became the channel "7" unremarked.
 * Now the status and priority are left out with a warning naming the file,
 * line and value, and a note says that such channels are request type ids.
 * Through the built executable, one spawn.
 */

const out = outputFolder('glpi-ticket-values');

const TICKETS = [
  'id,entities_id,name,date,closedate,solvedate,date_mod,status,requesttypes_id,priority,is_deleted',
  '1,0,a,2024-03-04 10:00:00,,,2024-03-04 11:00:00,9,7,8,0',
  '2,0,b,2024-03-04 10:00:00,,,2024-03-04 11:00:00,2,2,3,0',
  '',
].join('\n');

describe('slac import glpi: ticket values outside GLPI\'s are not written unremarked', () => {
  it('leaves out a status or priority outside 1-6 with a warning, and notes a request type that is not built in', () => {
    const folder = exportFolderIn(out, 'export', { 'glpi_tickets.csv': TICKETS });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('{"ticket":"1","time":"2024-03-04T10:00:00Z","event":"created","channel":"7","client":"0"}\n');
    expect(run.stdout).not.toContain('"status":"9"');
    expect(run.stdout).toContain('{"ticket":"2","time":"2024-03-04T11:00:00Z","event":"status","status":"Processing (assigned)","client":"0"}\n');
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:2: ticket 1: the status '9' is not between GLPI's status values 1-6; the ticket is written without its status\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:2: ticket 1: the priority '8' is not between GLPI's priority values 1-6; the ticket is written without a severity\n`);
    expect(run.stderr).toContain("note (1): tickets whose requesttypes_id is not one of GLPI's built-in request types (1-6): the channel is the id; name it in a channel's matches\n");
  });
});

/**
 * A status or priority given as a name GLPI's English interface does not
 * show (`Nouveau`, `Haute`: an export of the displayed values of a French
 * GLPI) was kept as the ticket's status and severity without a word, so a
 * `pause when status` naming GLPI's statuses never matched it. It is now
 * left out with a warning naming the file, line and value, as a number
 * outside 1-6 is; GLPI's English names are read in any case.
 */
const NAMED = [
  'id,entities_id,name,date,closedate,solvedate,date_mod,status,requesttypes_id,priority,is_deleted',
  '1,0,a,2024-03-04 10:00:00,,,2024-03-04 11:00:00,Nouveau,1,Haute,0',
  '2,0,b,2024-03-04 10:00:00,,,2024-03-04 11:00:00,processing (assigned),1,very HIGH,0',
  '',
].join('\n');

describe('slac import glpi: ticket status and priority names GLPI does not show are not written unremarked', () => {
  it('leaves out a translated status or priority with a warning, and reads the English names', () => {
    const folder = exportFolderIn(out, 'named', { 'glpi_tickets.csv': NAMED });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('{"ticket":"1","time":"2024-03-04T10:00:00Z","event":"created","channel":"Helpdesk","client":"0"}\n');
    expect(run.stdout).not.toContain('Nouveau');
    expect(run.stdout).toContain('{"ticket":"2","time":"2024-03-04T10:00:00Z","event":"created","severity":"Very high","channel":"Helpdesk","client":"0"}\n');
    expect(run.stdout).toContain('{"ticket":"2","time":"2024-03-04T11:00:00Z","event":"status","status":"Processing (assigned)","client":"0"}\n');
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:2: ticket 1: the status 'Nouveau' is neither one of GLPI's status values 1-6 nor one of their English names (New, Processing (assigned), Processing (planned), Pending, Solved, Closed); the ticket is written without its status\n`);
    expect(run.stderr).toContain(`  ${folder}/glpi_tickets.csv:2: ticket 1: the priority 'Haute' is neither one of GLPI's priority values 1-6 nor one of their English names (Very low, Low, Medium, High, Very high, Major); the ticket is written without a severity\n`);
    expect(run.stderr).toContain("note (2): tickets whose status or priority is a name GLPI's English interface does not show (a translated one): written without it; export the numbers GLPI stores (its database's status and priority columns)\n");
  });
});

/**
 * A history row whose value is a name GLPI does not define (`Résolu`, from
 * an export of a French GLPI's displayed history) was skipped as "not
 * between GLPI's status values 1-6", which sent the reader looking for a
 * number: the name is now said to be none of the English ones.
 */
describe('slac import glpi: a status change to a translated name says so', () => {
  it('names the value and GLPI’s English names', () => {
    const tickets = 'id,date,status,priority,solvedate,closedate,date_mod\n7,2024-03-04 10:00:00,2,3,,,2024-03-04 12:00:00\n';
    const logs = 'id,itemtype,items_id,id_search_option,old_value,new_value,date_mod,linked_action\n1,Ticket,7,12,New,Résolu,2024-03-04 11:00:00,0\n2,Ticket,7,12,1,9,2024-03-04 11:30:00,0\n';
    const folder = exportFolderIn(out, 'history-names', { 'glpi_tickets.csv': tickets, 'glpi_logs.csv': logs });
    const run = slac('import', 'glpi', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${folder}/glpi_logs.csv:2: ticket 7: the status change 'New' to 'Résolu': 'Résolu' is neither one of GLPI's status values 1-6 nor one of their English names (New, Processing (assigned), Processing (planned), Pending, Solved, Closed)\n`);
    expect(run.stderr).toContain(`${folder}/glpi_logs.csv:3: ticket 7: the status change '1' to '9' is not between GLPI's status values 1-6\n`);
  });
});
