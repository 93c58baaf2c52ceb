import { describe, expect, it } from 'vitest';
import { exportFolderIn, ndjsonRows, outputFolder, slac } from './helpers.js';

/**
 * Two changelog histories at the same instant (a workflow post function or
 * an automation moving an issue on at once, or times an export cut to the
 * second) were put in the order of the array, which the search API gives
 * newest first: an issue moved Open → In Progress → Done in one instant
 * was written as created In Progress, Done, then reopened to In Progress,
 * and its resolution clock ran on though it is Done. Histories at one
 * instant now go in the order of their ids, which Jira gives in sequence.
 */

const out = outputFolder('jira-same-instant');

const history = (id: string, from: [string, string], to: [string, string]): string =>
  `{"id":"${id}","created":"2026-03-02T08:15:00.000+0000","items":[{"field":"status","from":"${from[0]}","fromString":"${from[1]}","to":"${to[0]}","toString":"${to[1]}"}]}`;
const toProgress = history('10100', ['1', 'Open'], ['3', 'In Progress']);
const toDone = history('10101', ['3', 'In Progress'], ['10002', 'Done']);
const page = (histories: string[]): string =>
  `{"startAt":0,"maxResults":50,"total":1,"issues":[{"id":"10001","key":"SUP-1","fields":{"created":"2026-03-02T09:15:00.000+0100","priority":{"name":"High"},"status":{"id":"10002","name":"Done","statusCategory":{"key":"done"}}},"changelog":{"startAt":0,"maxResults":100,"total":2,"histories":[${histories.join(',')}]}}]}`;

describe('slac import jira: histories at the same instant as creation', () => {
  it.each([
    ['newest first', [toDone, toProgress]],
    ['oldest first', [toProgress, toDone]],
  ])('%s: in the order of their ids, the issue ends Done', (name, histories) => {
    const folder = exportFolderIn(out, name.replace(/ /g, '-'), { 'search-0.json': page(histories) });
    const run = slac('import', 'jira', folder);
    expect(run.code).toBe(0);
    const rows = ndjsonRows(run.stdout).map((row) => `${row.time} ${row.event}${row.status === undefined ? '' : ` ${row.status}`}`);
    expect(rows).toEqual([
      '2026-03-02T08:15:00Z created',
      '2026-03-02T08:15:00Z status Open',
      '2026-03-02T08:15:00Z status In Progress',
      '2026-03-02T08:15:00Z status Done',
      '2026-03-02T08:15:00Z resolved',
    ]);
  });
});
