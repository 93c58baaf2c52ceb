import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A search page holds at most a page of each issue's comments
 * (`fields.comment.total` says how many there are). Without the comment
 * files that give the rest, the later replies were missing, unremarked:
 * a warning now names the issue and what to fetch.
 */

const out = outputFolder('jira-comment-total');

const comment = (id: string): string => `{"id":"${id}","author":{"accountId":"a1","accountType":"atlassian"},"created":"2026-03-02T09:00:00.000+0000","jsdPublic":true}`;
const issue = (key: string, id: string, total: number, comments: string[]): string =>
  `{"id":"${id}","key":"${key}","fields":{"created":"2026-03-02T08:00:00.000+0000","status":{"id":"1","name":"Open","statusCategory":{"key":"new"}},"comment":{"comments":[${comments.join(',')}],"maxResults":${comments.length},"total":${total},"startAt":0}},"changelog":{"histories":[]}}`;

describe('slac import jira: an issue with more comments than the page gives', () => {
  it('is warned of unless a comment file gives the rest', () => {
    const page = `{"issues":[${issue('SUP-1', '10001', 2, [comment('1')])},${issue('SUP-2', '10002', 2, [comment('3')])},${issue('SUP-3', '10003', 1, [comment('5')])}]}`;
    const rest = `{"comments":[${comment('3').replace('{', '{"self":"https://x.atlassian.net/rest/api/3/issue/10002/comment/3",')},${comment('4').replace('{', '{"self":"https://x.atlassian.net/rest/api/3/issue/10002/comment/4",')}]}`;
    const folder = exportFolderIn(out, 'export', { 'search-0.json': page, 'SUP-2.comments.json': rest });
    const run = slac('import', 'jira', folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${folder}/search-0.json at issues[0]: issue SUP-1: its fields.comment.total is 2, but 1 of its comments is in the export: the others' replies are missing; export GET /rest/api/3/issue/SUP-1/comment\n`);
    expect(run.stderr).not.toContain('issue SUP-2: its fields.comment.total');
    expect(run.stderr).not.toContain('issue SUP-3: its fields.comment.total');
  });
});
