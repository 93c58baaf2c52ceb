import { describe, expect, it } from 'vitest';
import { exportFolderIn, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * An issue moved to another project between two exports (project SUP saved
 * on Monday, project OPS on Tuesday, or pages fetched while an agent moved
 * it) is in both, under its old key and its new one, with the same `id`.
 * It was written as two tickets, created twice, each measured and counted
 * against the client, while the summary's first line said "1 ticket". The
 * second is now skipped as the same issue given twice, naming both keys.
 */

const out = outputFolder('jira-moved');

const open = '{"id":"1","name":"Open","statusCategory":{"key":"new"}}';
const progress = '{"id":"3","name":"In Progress","statusCategory":{"key":"indeterminate"}}';
const before = `{"startAt":0,"maxResults":50,"total":1,"issues":[{"id":"10003","key":"SUP-3","fields":{"created":"2026-03-03T12:00:00.000-0500","priority":{"name":"Low"},"status":${open}},"changelog":{"histories":[]}}]}`;
const moveHistory = '{"id":"9","created":"2026-03-03T17:30:00.000+0000","items":[{"field":"Key","fromString":"SUP-3","toString":"OPS-7"},{"field":"status","from":"1","fromString":"Open","to":"3","toString":"In Progress"}]}';
const after = `{"startAt":0,"maxResults":50,"total":1,"issues":[{"id":"10003","key":"OPS-7","fields":{"created":"2026-03-03T12:00:00.000-0500","priority":{"name":"Low"},"status":${progress}},"changelog":{"histories":[${moveHistory}]}}]}`;

describe('slac import jira: an issue in two exports under its old and new key', () => {
  it.each([
    ['old key first', { 'search-sup.json': before, 'search-tue-ops.json': after }, 'search-tue-ops.json', 'OPS-7', 'SUP-3'],
    ['new key first', { 'search-ops.json': after, 'search-tue-sup.json': before }, 'search-tue-sup.json', 'SUP-3', 'OPS-7'],
  ])('%s: written once, the second listed with both keys', (name, files, second, secondKey, firstKey) => {
    const folder = exportFolderIn(out, name.replace(/ /g, '-'), files);
    const run = slac('import', 'jira', folder);
    expect(run.code).toBe(0);
    const created = ndjsonRows(run.stdout).filter((row) => row.event === 'created');
    expect(created.map((row) => row.ticket)).toEqual([firstKey]);
    expect(run.stderr.split('\n')[0]).toMatch(/^slac import jira: 1 ticket, \d+ events written; 1 record skipped$/);
    expect(run.stderr).toContain(`${folder}/${second} at issues[0]: issue ${secondKey} (id 10003) is issue ${firstKey}, given earlier (moved between projects, in this file or another): the first is kept`);
  });
});
