import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * The summary's account of each file, through the built CLI: the files
 * were listed as the import first counted a row of each (Freshdesk's
 * companies and Jira's statuses first, since the first pass reads them),
 * so a folder's files came in an order nobody gave. They are listed now
 * in the order given, a folder's in name order, with the entries that are
 * not files among them.
 */

const out = outputFolder('summary-order');

/** The names of the files the summary accounts for, in its order. */
function accountedFiles(stderr: string, folder: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith(`${folder}/`)).map((line) => line.slice(folder.length + 1).split(':')[0]!);
}

describe('slac import: the files in the order given', () => {
  it('freshdesk: a folder\'s files in name order, the companies read first listed where they are', () => {
    const ticket = JSON.stringify({ id: 1, requester_id: 5, created_at: '2026-03-04T09:00:00Z', updated_at: '2026-03-04T10:00:00Z', status: 2, priority: 4, source: 1, spam: false, company_id: 3 });
    const folder = exportFolderIn(out, 'freshdesk', {
      'a-conversations.json': JSON.stringify([{ id: 11, ticket_id: 1, user_id: 7, incoming: false, private: false, source: 0, created_at: '2026-03-04T09:30:00Z' }]),
      'b-tickets.json': `[${ticket}]`,
      'c-companies.json': JSON.stringify([{ id: 3, name: 'Acme', domains: [] }]),
      'd-empty.json': '[]',
    });
    mkdirSync(join(folder, 'e-sub.json'));
    const run = slac('import', 'freshdesk', folder, '-o', join(folder, 'log.ndjson'));
    expect(run.code, run.stderr).toBe(0);
    expect(accountedFiles(run.stderr, folder)).toEqual(['a-conversations.json', 'b-tickets.json', 'c-companies.json', 'd-empty.json', 'e-sub.json']);
  });

  it('jira: files given one by one in the order typed, the status list last as typed', () => {
    const issue = '{"id":"10001","key":"SUP-1","fields":{"created":"2026-03-04T09:00:00.000Z","status":{"name":"Open","statusCategory":{"key":"new"}},"priority":{"name":"High"}}}';
    const folder = exportFolderIn(out, 'jira', {
      'search.json': `{"startAt":0,"total":1,"issues":[${issue}]}`,
      'statuses.json': '[{"name":"Open","statusCategory":{"key":"new"}}]',
    });
    const run = slac('import', 'jira', join(folder, 'search.json'), join(folder, 'statuses.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(accountedFiles(run.stderr, folder)).toEqual(['search.json', 'statuses.json']);
  });
});
