import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, expectEveryRecordAccounted, exportFolderIn, ndjsonRows, outputFolder, skippedSection, slac } from './helpers.js';

/**
 * A Zammad ticket is written under its `number`, the one users see. A
 * ticket whose number was not a string or a number (an object, a list,
 * true, null, an empty string), or none, was written under its internal `id` instead, unremarked: a
 * ticket the log named by a number Zammad's users do not know, which
 * could be another ticket's number. It is skipped and listed now, and its
 * history and articles say why. Through the built executable, one spawn.
 */

const out = outputFolder('zammad-ticket-number');

const ticket = (id: number, number: unknown): object => ({ id, number, created_at: '2024-03-04T09:00:00Z', updated_at: '2024-03-04T09:00:00Z', state: 'new', organization: 'Acme' });
const NUMBERS: [string, unknown][] = [
  ['an object', { value: '31002' }],
  ['a list', ['31003']],
  ['true', true],
  ['null', null],
  ['empty', ''],
  ['missing', undefined],
];

describe('slac import zammad: a ticket whose number is not a string or a number', () => {
  const folder = exportFolderIn(out, 'export', {
    'tickets.json': JSON.stringify([ticket(1, '31001'), ...NUMBERS.map(([, number], index) => ticket(index + 2, number)), ticket(9, 9007199254740993)]).replace('9007199254740992', '9007199254740993'),
    'articles-2.json': JSON.stringify([{ id: 20, ticket_id: 2, sender: 'Agent', internal: false, type: 'email', created_at: '2024-03-04T10:00:00Z' }]),
    'history-2.json': JSON.stringify({ history: [{ id: 30, o_id: 2, object: 'Ticket', type: 'updated', attribute: 'state', value_from: 'new', value_to: 'open', created_at: '2024-03-04T10:00:00Z' }] }),
  });
  const log = join(out, 'log.ndjson');
  const run = slac('import', 'zammad', folder, '-o', log);

  it('is skipped and listed, not written under its id', () => {
    expect(run.code, run.stderr).toBe(0);
    expect([...new Set(ndjsonRows(readFileSync(log, 'utf8')).map((row) => row.ticket))]).toEqual(['31001']);
    const skipped = skippedSection(run.stderr);
    NUMBERS.forEach(([, number], index) => {
      const given = number === undefined ? 'it has no number' : `its number ${JSON.stringify(number)} is not a ticket number (a string or a number)`;
      expect(skipped).toContain(`  ${folder}/tickets.json at [${index + 1}]: ticket ${index + 2}: ${given}, so the ticket cannot be named as Zammad's users know it; the ticket is not written\n`);
    });
    expect(skipped).toContain(
      `  ${folder}/tickets.json at [7]: ticket 9: the number 9007199254740992 is a JSON number beyond 2^53, which JSON readers round, so two ids could read as one; export ids as text\n`,
    );
    expect(run.stderr).toContain('  skipped, tickets without a readable number: 7\n');
    expectEveryRecordAccounted(accounts(run.stderr));
  });

  it('makes its history and articles say why', () => {
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/articles-2.json at [0]: article of ticket 2: the ticket was skipped: it has no readable number\n`);
    expect(skipped).toContain(`  ${folder}/history-2.json at history[0]: history of ticket 2: the ticket was skipped: it has no readable number\n`);
  });
});

describe('slac import zammad: two tickets with the same number', () => {
  it('writes the first and lists the second, which was written into it (two created rows, slac check refused the log)', () => {
    const folder = exportFolderIn(out, 'same-number', {
      'tickets.json': JSON.stringify([ticket(1, '31001'), ticket(2, '31001')]),
      'articles-2.json': JSON.stringify([{ id: 20, ticket_id: 2, sender: 'Agent', internal: false, type: 'email', created_at: '2024-03-04T10:00:00Z' }]),
    });
    const log = join(out, 'same-number.ndjson');
    const run = slac('import', 'zammad', folder, '-o', log);
    expect(run.code, run.stderr).toBe(0);
    expect(ndjsonRows(readFileSync(log, 'utf8')).filter((row) => row.event === 'created')).toHaveLength(1);
    const skipped = skippedSection(run.stderr);
    expect(skipped).toContain(`  ${folder}/tickets.json at [1]: ticket 2: its number 31001 is also that of ticket 1 (${folder}/tickets.json at [0]); the ticket is not written\n`);
    expect(skipped).toContain(`  ${folder}/articles-2.json at [0]: article of ticket 2: the ticket was skipped: its number 31001 is ticket 1's\n`);
    expectEveryRecordAccounted(accounts(run.stderr));
  });
});
