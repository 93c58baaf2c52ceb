import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlpiAuthors } from '../../import/glpi/authors.js';
import { readGlpiTime } from '../../import/glpi/local-time.js';
import { glpiValueName, PRIORITY_NAMES, STATUS_NAMES } from '../../import/glpi/mapping.js';
import { tableOfFile, tableOfKeys } from '../../import/glpi/tables.js';
import { ImportSummary } from '../../import/import-summary.js';
import { formatLogTime } from '../../import/warehouse-time.js';
import { accounts, checkJson, clientsOf, expectedLog, expectEveryRecordAccounted, exportFolderIn, fixtures, ndjsonRows, outputFolder, slac, verdicts } from './helpers.js';

/**
 * `slac import glpi` through the built executable (run `node scripts/build.mjs`
 * first), from a database export (CSV) and from REST API pages (JSON): the
 * log checked by hand, the summary, and the verdicts of `slac check`.
 */

const out = outputFolder('glpi');

const check = (log: string) => checkJson(`${fixtures}/glpi/agreement.sla`, log, '--as-of', '2024-03-05T12:00:00Z');

describe('slac import glpi: a database export (test/import/fixtures/glpi)', () => {
  const log = join(out, 'glpi.ndjson');
  const result = slac('import', 'glpi', `${fixtures}/glpi`, '--assume-timezone', 'Europe/Paris', '-o', log);

  it('writes the log checked by hand: local times read in Europe/Paris, private followups left out, users_id 0 as system, reopen after Solved', () => {
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(expectedLog('glpi'));
  });

  it('accounts for every record of every file, and lists the skipped ones with file, line and reason', () => {
    const files = accounts(result.stderr);
    expect([...files.keys()].sort()).toEqual(['glpi_entities.csv', 'glpi_itilfollowups.csv', 'glpi_logs.csv', 'glpi_profiles.csv', 'glpi_profiles_users.csv', 'glpi_tickets.csv', 'glpi_tickets_users.csv']);
    expectEveryRecordAccounted(files);
    expect(files.get('glpi_itilfollowups.csv')!.lines).toEqual([
      'replies (system): 1',
      'private followups (not replies): 1',
      'replies (agent): 3',
      'replies (customer): 1',
      'skipped, followups by users with no profile and no part in the ticket: 1',
      'skipped, rows of tickets in the trash: 1',
      'skipped, followups without a readable date: 1',
      'followups of changes and problems (not read): 1',
    ]);
    expect(files.get('glpi_tickets.csv')!.lines).toEqual(['tickets: 3', "skipped, tickets in GLPI's trash: 1"]);
    expect(result.stderr.split('\n')[0]).toBe('slac import glpi: 3 tickets, 25 events written; 9 records skipped');
    // 3 tickets' dates and 6 more of their dates, 10 log times, 7 followup dates: 26, less the one that does not exist.
    expect(result.stderr).toContain('note (25): times without an offset: read in Europe/Paris\n');
    expect(result.stderr).toContain(`  ${fixtures}/glpi/glpi_logs.csv:15: ticket 2: the status change '2' to '9' is not between GLPI's status values 1-6\n`);
    expect(result.stderr).toContain(`  ${fixtures}/glpi/glpi_itilfollowups.csv:10: followup of ticket 4: date: '2024-03-31 02:30:00' does not exist in Europe/Paris (the clocks went forward)\n`);
    // Ticket 1's description holds a line break, so ticket 3 starts on line 5.
    expect(result.stderr).toContain(`  ${fixtures}/glpi/glpi_tickets.csv:5: ticket 3 is in GLPI's trash (is_deleted)\n`);
  });

  it('gives the verdicts computed by hand against an agreement that maps GLPI names', () => {
    const report = check(log);
    expect(report.code).toBe(0);
    expect(verdicts(report.stdout)).toEqual({
      // 10:00+01:00 opened; Tech Smith's public followup at 10:20 (not GLPI's own at 10:00:30, nor the
      // private one at 10:10). Resolution: 10:00-13:00 less Pending 11:00-12:00 (2 h), Solved, reopened
      // 14:00, Solved 14:30 (30 min): 150 minutes against High's 4 hours, its priority since 10:30.
      '1': { FirstResponse: 'met 20/60', Resolution: 'met 150/240' },
      // Jane Doe has no profile but is assigned: an agent, at 11:45. Still Processing at the as-of instant:
      // 10:00Z on the 4th to 12:00Z on the 5th is 26 hours, against Medium's 8.
      '2': { FirstResponse: 'met 45/60', Resolution: 'breached 1560/480' },
      // No history: Solved at its solvedate, 10:30+01:00, 90 minutes after it was opened (Very high: 2 hours).
      '4': { FirstResponse: 'met 10/60', Resolution: 'met 90/120' },
    });
  });

  it('reads times without an offset as UTC without --assume-timezone, and says so', () => {
    const utc = slac('import', 'glpi', `${fixtures}/glpi`);
    expect(utc.stdout.split('\n')[0]).toBe('{"ticket":"1","time":"2024-03-04T10:00:30Z","event":"reply","author":"system","client":"Acme Ltd"}');
    expect(utc.stderr).toContain("note (26): times without an offset (GLPI writes local times): read as UTC; pass --assume-timezone with the GLPI server's zone\n");
  });

  it('refuses a zone that is not one', () => {
    expect(slac('import', 'glpi', `${fixtures}/glpi`, '--assume-timezone', 'Mars/Base')).toMatchObject({
      code: 2,
      stderr: "slac: --assume-timezone: 'Mars/Base' is not a time zone; use an IANA name such as Europe/Paris.\n",
    });
  });

  it('takes the client from the column --client-field names', () => {
    const stdout = slac('import', 'glpi', `${fixtures}/glpi`, '--client-field', 'x_contract_code').stdout;
    expect(clientsOf(stdout)).toEqual({ '1': 'ACME-1', '2': 'GLOBEX-7', '4': 'ACME-1' });
  });
});

describe('slac import glpi: REST API pages (test/import/fixtures/glpi/api)', () => {
  it('gives ticket 1 the same log as the database export, from JSON numbers and unknown keys', () => {
    const log = join(out, 'glpi-api.ndjson');
    const result = slac('import', 'glpi', `${fixtures}/glpi/api`, '--assume-timezone', 'Europe/Paris', '-o', log);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('slac import glpi: 1 ticket, 17 events written; 0 records skipped');
    const fromCsv = expectedLog('glpi').split('\n').filter((line) => line.startsWith('{"ticket":"1"'));
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(fromCsv);
    expect(verdicts(check(log).stdout)).toEqual({ '1': { FirstResponse: 'met 20/60', Resolution: 'met 150/240' } });
  });
});

describe('GLPI times without an offset', () => {
  const cases: [string, string | undefined, string][] = [
    ['2024-03-04 10:00:00', undefined, '2024-03-04T10:00:00Z'], // no zone: UTC
    ['2024-03-04 10:00:00', 'Europe/Paris', '2024-03-04T09:00:00Z'],
    ['2024-07-04 10:00:00', 'Europe/Paris', '2024-07-04T08:00:00Z'], // summer time
    ['2024-10-27 02:30:00', 'Europe/Paris', '2024-10-27T00:30:00Z ambiguous'], // passed twice: the first
    ['2024-03-31 02:30:00', 'Europe/Paris', "'2024-03-31 02:30:00' does not exist in Europe/Paris (the clocks went forward)"],
    ['2024-03-04T10:00:00+02:00', 'Europe/Paris', '2024-03-04T08:00:00Z offset'], // an offset wins over the zone
    ['', 'Europe/Paris', 'no time'],
    ['0000-00-00 00:00:00', undefined, "'0000-00-00 00:00:00' is not a time: there is no month 00"], // MySQL's zero date
  ];
  it.each(cases)('%s in %s is %s', (text, zone, expected) => {
    const read = readGlpiTime(text, zone);
    const shown = 'problem' in read ? read.problem : `${formatLogTime(read.time)}${read.ambiguous ? ' ambiguous' : ''}${read.hadOffset ? ' offset' : ''}`;
    expect(shown).toBe(expected);
  });
});

describe('GLPI names and tables', () => {
  const values: [string, ReadonlyMap<string, string>, string | undefined][] = [
    ['4', STATUS_NAMES, 'Pending'],
    ['5', STATUS_NAMES, 'Solved'],
    ['processing (planned)', STATUS_NAMES, 'Processing (planned)'], // a displayed history export
    ['9', STATUS_NAMES, undefined],
    ['6', PRIORITY_NAMES, 'Major'],
    ['1', PRIORITY_NAMES, 'Very low'],
  ];
  it.each(values)('value %s is %s', (value, names, name) => expect(glpiValueName(value, names)).toBe(name));

  const files: [string, string | undefined][] = [
    ['glpi_logs.csv', 'logs'],
    ['GLPI_TICKETS.CSV', 'tickets'],
    ['itilfollowups.csv', 'itilfollowups'],
    ['glpi_computers.csv', undefined],
  ];
  it.each(files)('file %s holds %s', (file, table) => expect(tableOfFile(file)).toBe(table));

  const pages: [string[], string | undefined][] = [
    [['id', 'itemtype', 'items_id', 'id_search_option', 'old_value', 'new_value'], 'logs'],
    [['id', 'itemtype', 'items_id', 'users_id', 'is_private', 'date'], 'itilfollowups'],
    [['id', 'tickets_id', 'users_id', 'type'], 'tickets_users'],
    [['id', 'name', 'date', 'status', 'urgency', 'priority'], 'tickets'],
    [['id', 'name', 'interface'], 'profiles'],
    [['id', 'users_id', 'profiles_id', 'entities_id'], 'profiles_users'],
    [['id', 'name', 'realname', 'profiles_id'], 'users'],
    [['id', 'name', 'completename', 'level'], 'entities'],
    [['id', 'serial'], undefined],
  ];
  it.each(pages)('a page with %j holds %s', (keys, table) => expect(tableOfKeys(new Set(keys))).toBe(table));
});

describe('GLPI followup authors', () => {
  const authors = new GlpiAuthors();
  authors.profile('9', 'central'); // a custom staff profile
  authors.userProfile('10', '6'); // built-in Technician
  authors.userProfile('20', '1'); // built-in Self-Service
  authors.userProfile('30', '9');
  authors.userProfile('31', '1');
  authors.userProfile('31', '6'); // self-service and technician: staff
  authors.actor('7', '40', '2');
  authors.actor('7', '41', '1');
  authors.actor('8', '42', '3');
  const cases: [string, string, string | undefined][] = [
    ['10', '7', 'agent'],
    ['20', '7', 'customer'],
    ['30', '7', 'agent'],
    ['31', '7', 'agent'],
    ['40', '8', 'agent'], // assigned to some ticket
    ['41', '7', 'customer'], // requester of this ticket
    ['41', '8', undefined], // but no part in that one
    ['42', '8', 'customer'], // observer
    ['0', '7', 'system'],
    ['99', '7', undefined],
  ];
  it.each(cases)('user %s on ticket %s is %s', (user, ticket, author) => expect(authors.authorOf(user, ticket, new ImportSummary())).toBe(author));
});

describe('slac import glpi: a ticket without log rows whose dates cannot date its status', () => {
  // Dated at its opening without a word, a Solved ticket was solved at once; a date that is not a time was dropped without a word.
  const HEADER = 'id,date,status,priority,solvedate,closedate,date_mod\n';
  const OPENED = '2024-03-04T10:00:00Z';
  const cases: { name: string; row: string; rows: string[]; warnings: string[] }[] = [
    {
      name: 'Solved, no solvedate and no date_mod: written without its status, warned of',
      row: '7,2024-03-04 10:00:00,5,3,,,',
      rows: [`${OPENED} created`],
      warnings: ["glpi_tickets.csv:2: ticket 7: status 'Solved' cannot be dated: no log rows, and no solvedate or date_mod; the ticket is written without its status"],
    },
    {
      name: 'Processing, date_mod not a time: written without its status, warned of',
      row: '7,2024-03-04 10:00:00,2,3,,,soon',
      rows: [`${OPENED} created`],
      warnings: ["glpi_tickets.csv:2: ticket 7: status 'Processing (assigned)' cannot be dated: no log rows, and its date_mod 'soon' is not a time; the ticket is written without its status"],
    },
    {
      name: 'Solved, solvedate not a time: not dated at date_mod, warned of',
      row: '7,2024-03-04 10:00:00,5,3,2024-13-04 11:00:00,,2024-03-04 12:00:00',
      rows: [`${OPENED} created`],
      warnings: [
        "glpi_tickets.csv:2: ticket 7: status 'Solved' cannot be dated: no log rows, and its solvedate '2024-13-04 11:00:00' is not a time: there is no month 13; the ticket is written without its status",
      ],
    },
    {
      name: 'Closed, solvedate not a time, closedate given: closed at closedate, the Solved row warned of',
      row: '7,2024-03-04 10:00:00,6,3,yesterday,2024-03-04 12:00:00,2024-03-04 12:00:00',
      rows: [`${OPENED} created`, '2024-03-04T12:00:00Z status Closed', '2024-03-04T12:00:00Z closed'],
      warnings: ["glpi_tickets.csv:2: ticket 7: its solvedate 'yesterday' is not a time: the Solved row it dates is not written"],
    },
    {
      name: 'Closed, solvedate given, closedate and date_mod not times: Solved at its solvedate, the Closed row warned of',
      row: '7,2024-03-04 10:00:00,6,3,2024-03-04 11:00:00,later,never',
      rows: [`${OPENED} created`, '2024-03-04T11:00:00Z status Solved', '2024-03-04T11:00:00Z resolved'],
      warnings: ["glpi_tickets.csv:2: ticket 7: status 'Closed' cannot be dated: no log rows, and its closedate 'later' is not a time; the ticket is written Solved at its solvedate, without the Closed row"],
    },
    {
      name: 'New, no date_mod: the status a ticket is opened with, dated at its opening',
      row: '7,2024-03-04 10:00:00,1,3,,,',
      rows: [`${OPENED} created`, `${OPENED} status New`],
      warnings: [],
    },
  ];
  it.each(cases)('$name', ({ name, row, rows, warnings }) => {
    const folder = exportFolderIn(out, `undated-${name.replace(/\W+/g, '-')}`, { 'glpi_tickets.csv': HEADER + row + '\n' });
    const run = slac('import', 'glpi', folder);
    expect(run.code).toBe(0);
    expect(ndjsonRows(run.stdout).map((r) => [r.time, r.event, r.status].filter(Boolean).join(' '))).toEqual(rows);
    const listed = run.stderr.includes('warnings:\n') ? run.stderr.split('warnings:\n')[1]!.split('\n').filter((line) => line.startsWith('  ')) : [];
    expect(listed).toEqual(warnings.map((warning) => `  ${folder}/${warning}`));
    if (rows.length < 3) expect(run.stderr).not.toContain('their status is dated at solvedate');
  });
});

describe('slac import glpi: a ticket whose every status change has no readable time', () => {
  // Its current status, the one after those changes, was dated at its opening: a Solved ticket solved at once.
  it('is written without a status, warned of with its line; the change is listed as skipped', () => {
    const folder = exportFolderIn(out, 'undated-status-changes', {
      'glpi_tickets.csv': 'id,date,status,priority,solvedate,closedate,date_mod\n7,2024-03-04 10:00:00,5,3,2024-03-04 12:00:00,,2024-03-04 12:00:00\n',
      'glpi_logs.csv': 'id,itemtype,items_id,id_search_option,old_value,new_value,date_mod,linked_action\n1,Ticket,7,12,1,5,garbage,0\n',
    });
    const run = slac('import', 'glpi', folder);
    expect(run.code).toBe(0);
    expect(ndjsonRows(run.stdout).map((r) => `${r.time} ${r.event}`)).toEqual(['2024-03-04T10:00:00Z created']);
    expect(run.stderr).toContain('note (1): tickets whose every status change has no readable time: written without a status\n');
    expect(run.stderr).toContain(
      `warnings:\n  ${folder}/glpi_tickets.csv:2: ticket 7: its status at creation cannot be told: its status change cannot be placed in time, and its status 'Solved' is the one after it; the ticket is written without a status\n`,
    );
    expect(run.stderr).toContain(`skipped records:\n  ${folder}/glpi_logs.csv:2: ticket 7: date_mod: 'garbage' is not a time\n`);
  });
});

describe('slac import glpi: a ticket whose every status change is skipped for another reason', () => {
  // Its current status, the one after those changes, was dated at its opening: a Solved ticket solved at once.
  const tickets = 'id,date,status,priority,solvedate,closedate,date_mod\n7,2024-03-04 10:00:00,5,3,2024-03-04 12:00:00,,2024-03-04 12:00:00\n';
  const header = 'id,itemtype,items_id,id_search_option,old_value,new_value,date_mod,linked_action\n';
  const cases: { name: string; logs: string; changes: string }[] = [
    { name: 'a value outside 1-6', logs: '1,Ticket,7,12,1,9,2024-03-04 12:00:00,0\n', changes: "its status change is not between GLPI's status values 1-6, and its status 'Solved' is the one after it" },
    { name: 'an old value outside 1-6', logs: '1,Ticket,7,12,0,5,2024-03-04 12:00:00,0\n', changes: "its status change is not between GLPI's status values 1-6, and its status 'Solved' is the one after it" },
    {
      name: 'one outside 1-6, one without a readable time',
      logs: '1,Ticket,7,12,1,9,2024-03-04 11:00:00,0\n2,Ticket,7,12,2,5,garbage,0\n',
      changes: "none of its 2 status changes can be read (1 cannot be placed in time, 1 is not between GLPI's status values 1-6), and its status 'Solved' is the one after them",
    },
  ];
  it.each(cases)('$name: written without a status, warned of with its line', ({ name, logs, changes }) => {
    const folder = exportFolderIn(out, `skipped-status-changes-${name.replace(/\W+/g, '-')}`, { 'glpi_tickets.csv': tickets, 'glpi_logs.csv': header + logs });
    const run = slac('import', 'glpi', folder);
    expect(run.code).toBe(0);
    expect(ndjsonRows(run.stdout).map((r) => `${r.time} ${r.event}`)).toEqual(['2024-03-04T10:00:00Z created']);
    expect(run.stderr).toContain('note (1): tickets whose every status change was skipped (no readable time or a value outside 1-6): written without a status\n');
    expect(run.stderr).toContain(`warnings:\n  ${folder}/glpi_tickets.csv:2: ticket 7: its status at creation cannot be told: ${changes}; the ticket is written without a status\n`);
    expect(run.stderr).toContain(`${folder}/glpi_logs.csv:2: ticket 7: the status change `);
  });
});
