import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/built-cli.js';
import { accounts, expectedLog, expectEveryRecordAccounted, fixtures, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * docs/import/glpi.md's way of exporting GLPI's tables, as MariaDB wrote
 * it (test/import/fixtures/glpi-mariadb, see its README): every row read,
 * those of the fixture as from test/import/fixtures/glpi, and values with
 * commas, quotes, line breaks and `NULL` as written. Until 2026-12-05 the
 * page gave `mysql --batch ... | sed 's/\t/,/g'`, which quotes nothing:
 * a ticket whose name held a comma was not read, nor its history.
 */

const out = outputFolder('glpi-mariadb');
const folder = `${fixtures}/glpi-mariadb`;
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const INITECH = 'Initech, "Inc." \\ é 日本\tT';

describe('slac import glpi: the export docs/import/glpi.md gives, as MariaDB wrote it', () => {
  it('is the recipe the page gives, verbatim', () => {
    expect(read('docs/import/glpi.md')).toContain(read(`${folder}/recipe.sh`));
  });

  it('quotes every value and writes NULL as an empty value', () => {
    const tickets = read(`${folder}/export/glpi_tickets.csv`).split('\n');
    expect(tickets.find((line) => line.startsWith('"2",'))).toBe('"2","2","Slow reports","2024-03-04 11:00:00",,,"2024-03-04 11:45:00","12","2","21","1","Reports are slow.","3","3","3","0","1","0","2024-03-04 11:00:00","GLOBEX-7"');
    expect(readdirSync(join(repoRoot, folder, 'export')).sort()).toEqual(
      ['entities', 'itilfollowups', 'logs', 'profiles', 'profiles_users', 'tickets', 'tickets_users', 'users'].map((table) => `glpi_${table}.csv`),
    );
  });

  const log = join(out, 'glpi.ndjson');
  const result = slac('import', 'glpi', `${folder}/export`, '--assume-timezone', 'Europe/Paris', '-o', log);

  it('reads every row: none unreadable, every record accounted for', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/unreadable|fields but the header|not a time/);
    expectEveryRecordAccounted(accounts(result.stderr));
    expect(result.stderr).toMatch(/^slac import glpi: 5 tickets, 34 events written; 9 records skipped$/m);
  });

  it("writes the fixture's tickets as test/import/fixtures/glpi gives them", () => {
    const fixtureRows = readFileSync(log, 'utf8').split('\n').filter((line) => line !== '' && !/"ticket":"[56]"/.test(line));
    expect(fixtureRows.join('\n') + '\n').toBe(expectedLog('glpi'));
  });

  it('writes the tickets whose values hold commas, quotes, line breaks and NULL', () => {
    const rows = ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.ticket === '5' || row.ticket === '6');
    expect(rows.map(({ ticket, time, event, status, author, severity }) => [ticket, time, event, status ?? author ?? severity ?? ''])).toEqual([
      ['5', '2024-03-06T08:45:00Z', 'reply', 'agent'],
      ['5', '2024-03-06T08:50:00Z', 'reply', 'customer'],
      ['5', '2024-03-06T08:00:00Z', 'created', 'Medium'],
      ['5', '2024-03-06T08:00:00Z', 'status', 'New'],
      ['5', '2024-03-06T09:00:00Z', 'status', 'Processing (assigned)'],
      ['5', '2024-03-06T09:00:00Z', 'severity', 'High'],
      ['6', '2024-03-06T10:00:00Z', 'created', 'Medium'],
      ['6', '2024-03-06T11:00:00Z', 'status', 'Solved'],
      ['6', '2024-03-06T11:00:00Z', 'resolved', ''],
    ]);
    expect(new Set(rows.map((row) => row.client))).toEqual(new Set([INITECH]));
  });

  it('reads a --client-field value with a comma, a quote and a line break, and the word NULL as written', () => {
    const clientLog = join(out, 'client.ndjson');
    expect(slac('import', 'glpi', `${folder}/export`, '--client-field', 'x_contract_code', '-o', clientLog).code).toBe(0);
    const clients = new Map(ndjsonRows(readFileSync(clientLog, 'utf8')).map((row) => [row.ticket, row.client]));
    expect([clients.get('5'), clients.get('6'), clients.get('1')]).toEqual(['X,"Y"\n\\Z é', 'NULL', 'ACME-1']);
  });
});
