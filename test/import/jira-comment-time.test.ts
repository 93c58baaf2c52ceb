import { describe, expect, it } from 'vitest';
import { exportFolderIn, outputFolder, slac } from './helpers.js';

/**
 * A Jira comment whose `created` was missing was skipped as "created
 * 'undefined' is not a time", and one whose `created` was text as
 * `created '"soon"'`; an issue's says `created "soon"`. The comment's now
 * reads as the issue's: the value as JSON, or "(missing)". Through the
 * built executable, one spawn.
 */

const out = outputFolder('jira-comment-time');

const comment = (id: string, created: string | undefined): string =>
  `{"id":"${id}","author":{"accountId":"a1","accountType":"atlassian"},${created === undefined ? '' : `"created":${created},`}"jsdPublic":true}`;
const page = `{"issues":[{"id":"10001","key":"SUP-1","fields":{"created":"2026-03-02T08:00:00.000+0000","status":{"id":"1","name":"Open","statusCategory":{"key":"new"}},"comment":{"comments":[${[
  comment('1', undefined),
  comment('2', '"soon"'),
  comment('3', '{}'),
].join(',')}],"maxResults":3,"total":3,"startAt":0}},"changelog":{"histories":[]}}]}`;

describe('slac import jira: a comment without a readable created time', () => {
  it('says what its created holds, as an issue does', () => {
    const folder = exportFolderIn(out, 'export', { 'search-0.json': page });
    const run = slac('import', 'jira', folder);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`  ${folder}/search-0.json at issues[0].fields.comment.comments[0]: comment on SUP-1: created (missing) is not a time\n`);
    expect(run.stderr).toContain(`  ${folder}/search-0.json at issues[0].fields.comment.comments[1]: comment on SUP-1: created "soon" is not a time\n`);
    expect(run.stderr).toContain(`  ${folder}/search-0.json at issues[0].fields.comment.comments[2]: comment on SUP-1: created {} is not a time\n`);
    expect(run.stderr).not.toContain('undefined');
  });
});
