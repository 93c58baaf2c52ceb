import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A page of an export that holds no ticket (the last page of a paged
 * search, or a request that came back empty) is read and named in the
 * summary, as every file given is: Jira and Zammad left it out, so the
 * summary did not show that the file was read at all.
 */

const out = outputFolder('empty-pages');

const jiraIssue = '{"id":"10001","key":"SUP-1","fields":{"created":"2026-03-02T08:00:00.000+0000","status":{"id":"1","name":"Open","statusCategory":{"key":"new"}}},"changelog":{"histories":[]}}';
const zammadTicket = '{"id":1,"number":"1","created_at":"2026-03-02T08:00:00Z","state":"new","priority":"2 normal","customer_id":3}';
const freshdeskTicket = '{"id":1,"requester_id":2,"status":2,"priority":1,"source":1,"created_at":"2026-03-02T08:00:00Z","updated_at":"2026-03-02T08:00:00Z","stats":{"status_updated_at":"2026-03-02T08:00:00Z"}}';

const cases: { source: string; pages: Record<string, string>; empty: string }[] = [
  { source: 'jira', pages: { 'search-0.json': `{"issues":[${jiraIssue}]}`, 'search-1.json': '{"startAt":50,"maxResults":50,"total":1,"issues":[]}' }, empty: 'search-1.json' },
  { source: 'zammad', pages: { 'tickets-1.json': `[${zammadTicket}]`, 'tickets-2.json': '[]' }, empty: 'tickets-2.json' },
  { source: 'freshdesk', pages: { 'tickets-1.json': `[${freshdeskTicket}]`, 'tickets-2.json': '[]' }, empty: 'tickets-2.json' },
];

describe('slac import: an empty page of tickets', () => {
  it.each(cases)('$source: named in the summary as an empty page, the other page read', ({ source, pages, empty }) => {
    const folder = exportFolderIn(out, source, pages);
    const run = slac('import', source, folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`slac import ${source}: 1 ticket,`);
    expect(run.stderr.split('\n')).toContain(`${folder}/${empty}: 0 rows, an empty page`);
  });

  it('jira: only empty pages give an empty log and say so, rather than that no file is Jira\'s', () => {
    const folder = exportFolderIn(out, 'jira-only-empty', { 'search-0.json': '{"startAt":0,"maxResults":50,"total":0,"issues":[]}' });
    const run = slac('import', 'jira', folder);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toContain(`${folder}/search-0.json: 0 rows, an empty page`);
  });
});
