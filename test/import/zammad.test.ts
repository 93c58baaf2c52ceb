import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../import/import-source.js';
import { zammadDocumentOf } from '../../import/zammad/documents.js';
import { accounts, checkJson, clientsOf, expectedLog, expectEveryRecordAccounted, exportFolderIn, fixtures, outputFolder, skippedLines, slac, verdicts } from './helpers.js';

/**
 * `slac import zammad` through the built executable (run `node scripts/build.mjs`
 * first): the log checked by hand, the summary that accounts for every
 * record, and the verdicts `slac check` gives on the imported log.
 */

const out = outputFolder('zammad');

describe('slac import zammad (test/import/fixtures/zammad)', () => {
  const log = join(out, 'zammad.ndjson');
  const result = slac('import', 'zammad', `${fixtures}/zammad`, '-o', log);

  it('writes the log checked by hand: descriptions, internal articles and public notes left out, System replies, reopen after closed, merge', () => {
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(expectedLog('zammad'));
  });

  it('accounts for every record of every file, and lists the skipped ones with file, JSON path and reason', () => {
    const files = accounts(result.stderr);
    expect([...files.keys()].sort()).toEqual(['articles-1.json', 'articles-2.json', 'articles-3.json', 'articles-99.json', 'history-1.json', 'history-2.json', 'tickets.json']);
    expectEveryRecordAccounted(files);
    expect(files.get('articles-1.json')!.lines).toEqual([
      'ticket descriptions (the first article, not a reply): 1',
      'replies (system): 1',
      'internal articles (not replies): 1',
      'replies (agent): 1',
      'replies (customer): 1',
      'public notes (not communication in Zammad, not replies): 1',
    ]);
    expect(files.get('history-1.json')!.lines).toEqual([
      'other ticket history (not part of the ticket log): 3',
      'history of articles and other objects (not read): 1',
      'state changes: 6',
      'priority changes: 1',
      'skipped, changes without a value: 1',
    ]);
    expect(result.stderr.split('\n')[0]).toBe('slac import zammad: 3 tickets, 22 events written; 5 records skipped');
    expect(result.stderr).toContain('note (1): tickets merged into another (state "merged"): closed at the merge\n');
    expect(result.stderr).toContain('note (1): tickets without history: their current state is dated at close_at or updated_at\n');
    const skipped = skippedLines(result.stderr, 5);
    expect(skipped).toEqual([
      // In file order (the files as the summary lists them, a folder's in name order), not in the order read.
      `  ${fixtures}/zammad/articles-3.json at [2]: article of ticket 31003: the sender_id 9 is not Agent, Customer or System`,
      `  ${fixtures}/zammad/articles-99.json at [0]: article of ticket 99: the ticket is not in the ticket files`,
      `  ${fixtures}/zammad/history-1.json at history[11]: ticket 31001: the state change has no value_to`,
      `  ${fixtures}/zammad/history-2.json at history[3]: history of ticket 99: the ticket is not in the ticket files`,
      `  ${fixtures}/zammad/tickets.json at [3]: ticket 4: created_at null is not a time`,
    ]);
  });

  it('gives the verdicts computed by hand against an agreement that maps Zammad names', () => {
    const check = checkJson(`${fixtures}/zammad/agreement.sla`, log, '--as-of', '2024-03-05T12:00:00Z');
    expect(check.code).toBe(0);
    expect(verdicts(check.stdout)).toEqual({
      // Agent reply at 09:20 (not the System auto-reply at 09:00:20, nor the internal note at 09:10).
      // Resolution: 09:00-12:00 less "pending reminder" 10:30-11:30 (2 h), closed, reopened 13:00,
      // closed 14:00 (1 h): 180 minutes against 3 high's 4 hours, its priority since 10:00.
      '31001': { FirstResponse: 'met 20/60', Resolution: 'met 180/240' },
      // Merged at 10:40 with no agent reply: both metrics stop at the merge.
      '31002': { FirstResponse: 'met 40/60', Resolution: 'met 40/480' },
      // No history file: "pending close" since its updated_at, 09:00, so 08:00-09:00 counts.
      '31003': { FirstResponse: 'met 45/60', Resolution: 'pending 60/480' },
    });
  });

  it('takes the client from the field --client-field names', () => {
    const stdout = slac('import', 'zammad', `${fixtures}/zammad`, '--client-field', 'x_account_code').stdout;
    expect(clientsOf(stdout)).toEqual({ '31001': 'ACME-1', '31002': 'GLOBEX-7', '31003': undefined });
  });
});

describe('slac import zammad: a ticket without history whose close_at and updated_at are missing', () => {
  // Dated at its creation, a closed ticket was resolved at once: a verdict made up without a word.
  const CREATED = '2024-03-04T09:00:00Z';
  const MISSING = 'tickets without history and without close_at or updated_at: written without their state';
  const cases: { name: string; ticket: Record<string, unknown>; rows: string[]; warning?: string; note?: string }[] = [
    {
      name: 'closed, updated_at empty, no close_at: written without its state, warned of',
      ticket: { state: 'closed', updated_at: '' },
      rows: [`${CREATED} created`],
      warning: "ticket 7: state 'closed' cannot be dated: no history, and no close_at or updated_at; the ticket is written without its state",
    },
    {
      name: 'merged, close_at blank and no updated_at key: written without its state, warned of',
      ticket: { state: 'merged', close_at: '  ' },
      rows: [`${CREATED} created`],
      warning: "ticket 7: state 'merged' cannot be dated: no history, and no close_at or updated_at; the ticket is written without its state",
    },
    {
      name: 'open, updated_at null: written without its state, warned of',
      ticket: { state: 'open', updated_at: null },
      rows: [`${CREATED} created`],
      warning: "ticket 7: state 'open' cannot be dated: no history, and no updated_at; the ticket is written without its state",
    },
    {
      name: 'new, updated_at empty: the state a ticket is created in, dated at creation, said in a note',
      ticket: { state: 'new', updated_at: '' },
      rows: [`${CREATED} created`, `${CREATED} status new`],
      note: 'note (1): tickets without history in state "new" and without updated_at: their state is dated at their creation\n',
    },
    {
      name: 'closed, close_at blank, updated_at given: dated at updated_at, as documented',
      ticket: { state: 'closed', close_at: '', updated_at: '2024-03-04T11:00:00Z' },
      rows: [`${CREATED} created`, '2024-03-04T11:00:00Z status closed', '2024-03-04T11:00:00Z resolved'],
      note: 'note (1): tickets without history: their current state is dated at close_at or updated_at\n',
    },
  ];
  it.each(cases)('$name', ({ name, ticket, rows, warning, note }) => {
    const folder = exportFolderIn(out, `undated-${name.replace(/\W+/g, '-')}`, {
      'tickets.json': JSON.stringify([{ id: 7, number: '7', created_at: CREATED, ...ticket }]),
    });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    const written = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(written.map((row) => [row.time, row.event, row.status].filter(Boolean).join(' '))).toEqual(rows);
    if (warning === undefined) expect(run.stderr).not.toContain('warnings:');
    else {
      expect(run.stderr).toContain(`note (1): ${MISSING}\n`);
      expect(run.stderr).toContain(`warnings:\n  ${folder}/tickets.json at [0]: ${warning}\n`);
    }
    if (note !== undefined) expect(run.stderr).toContain(note);
    if (rows.length === 1) expect(run.stderr).not.toContain('dated at close_at or updated_at');
  });
});

describe('slac import zammad: a ticket whose every state change has no readable time', () => {
  // Its current state, the one after those changes, was dated at creation: a closed ticket resolved at once.
  it('is written without a state, warned of with its place; the change is listed as skipped', () => {
    const folder = exportFolderIn(out, 'undated-state-changes', {
      'tickets.json': JSON.stringify([{ id: 7, number: '7', state: 'closed', created_at: '2024-03-04T09:00:00Z', updated_at: '2024-03-04T12:00:00Z', close_at: '2024-03-04T12:00:00Z' }]),
      'history-7.json': JSON.stringify({ history: [{ id: 1, o_id: 7, object: 'Ticket', type: 'updated', attribute: 'state', value_from: 'new', value_to: 'closed', created_at: 'garbage' }], assets: {} }),
    });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"ticket":"7","time":"2024-03-04T09:00:00Z","event":"created"}\n');
    expect(run.stderr).toContain('note (1): tickets whose every state change has no readable time: written without a state\n');
    expect(run.stderr).toContain(
      `warnings:\n  ${folder}/tickets.json at [0]: ticket 7: its state at creation cannot be told: its state change cannot be placed in time, and its state 'closed' is the one after it; the ticket is written without a state\n`,
    );
    expect(run.stderr).toContain(`skipped records:\n  ${folder}/history-7.json at history[0]: ticket 7: created_at 'garbage' is not a time\n`);
  });
});

describe('slac import zammad: a ticket whose every state change is skipped for another reason', () => {
  // Its current state, the one after those changes, was dated at creation: a closed ticket resolved at once.
  const ticket = JSON.stringify([{ id: 7, number: '7', state: 'closed', created_at: '2024-03-04T09:00:00Z', updated_at: '2024-03-04T12:00:00Z', close_at: '2024-03-04T12:00:00Z' }]);
  const stateChange = (id: number, valueTo: string | undefined, createdAt: string) => ({ id, o_id: 7, object: 'Ticket', type: 'updated', attribute: 'state', value_from: 'new', ...(valueTo === undefined ? {} : { value_to: valueTo }), created_at: createdAt });
  const cases: { name: string; history: object[]; changes: string; group: string }[] = [
    {
      name: 'no value_to',
      history: [stateChange(1, undefined, '2024-03-04T12:00:00Z')],
      changes: 'its state change has no value_to, and its state \'closed\' is the one after it',
      group: 'tickets whose every state change was skipped (no readable time or no value_to): written without a state',
    },
    {
      name: 'one without value_to, one without a readable time',
      history: [stateChange(1, '', '2024-03-04T10:00:00Z'), stateChange(2, 'closed', 'garbage')],
      changes: "none of its 2 state changes can be read (1 cannot be placed in time, 1 has no value_to), and its state 'closed' is the one after them",
      group: 'tickets whose every state change was skipped (no readable time or no value_to): written without a state',
    },
  ];
  it.each(cases)('$name: written without a state, warned of with its place', ({ name, history, changes, group }) => {
    const folder = exportFolderIn(out, `skipped-state-changes-${name.replace(/\W+/g, '-')}`, { 'tickets.json': ticket, 'history-7.json': JSON.stringify({ history, assets: {} }) });
    const run = slac('import', 'zammad', folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"ticket":"7","time":"2024-03-04T09:00:00Z","event":"created"}\n');
    expect(run.stderr).toContain(`note (1): ${group}\n`);
    expect(run.stderr).toContain(`warnings:\n  ${folder}/tickets.json at [0]: ticket 7: its state at creation cannot be told: ${changes}; the ticket is written without a state\n`);
    expect(run.stderr).toContain(`${folder}/history-7.json at history[0]: ticket 7: the state change has no value_to\n`);
  });
});

describe('Zammad payloads by shape', () => {
  const file = { path: 'x.json', shown: 'x.json' };
  const cases: [string, unknown, string][] = [
    ['a ticket page', [{ id: 1, number: '1', state: 'new', created_at: '2024-01-01T00:00:00Z' }], 'tickets'],
    ['an empty ticket page', [], 'tickets'],
    ['one ticket', { id: 1, number: '1', state_id: 1, created_at: '2024-01-01T00:00:00Z' }, 'tickets'],
    ['a ticket history', { history: [], assets: {} }, 'history'],
    ['articles with sender names', [{ id: 1, ticket_id: 1, sender: 'Agent' }], 'articles'],
    ['articles with sender ids', [{ id: 1, ticket_id: 1, sender_id: 1 }], 'articles'],
  ];
  it.each(cases)('%s', (_, json, kind) => expect(zammadDocumentOf(json, file).kind).toBe(kind));

  it('refuses another payload, naming the file and the endpoints it reads', () => {
    expect(() => zammadDocumentOf({ users: [] }, file)).toThrow(ImportFileError);
    expect(() => zammadDocumentOf({ users: [] }, file)).toThrow(/^x\.json: not a Zammad payload slac reads; give the responses of GET \/api\/v1\/tickets\?expand=true/);
  });
});
