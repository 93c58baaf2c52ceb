import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * The import summary's "skipped records (the first 20 of N)" listed the
 * first 20 in the order the import read its tables (zendesk-tables: the
 * tickets, their history, then their comments), not in the order the
 * summary lists the files (a folder's in name order): for the Fivetran seed
 * tables, whose comment table sorts first, the 20 comment rows skipped were
 * left out of the list, which began at ticket_data.csv:2. The list is now in
 * file order (by file, then line), its count exact, wherever it is printed:
 * `slac import`, and `slac check|explain|report --log-format`. Through the
 * built CLI.
 */
const fivetran = 'test/import/fixtures/zendesk-fivetran';
const fivetranSla = 'test/import/fixtures/zendesk-fivetran.sla';

/** The skipped records listed, and the heading's count. */
function skippedList(stderr: string): { heading: string; records: string[] } {
  const lines = stderr.split('\n');
  const start = lines.findIndex((line) => line.startsWith('skipped records'));
  expect(start, stderr).toBeGreaterThanOrEqual(0);
  const records: string[] = [];
  for (let index = start + 1; index < lines.length && lines[index]!.startsWith('  '); index++) records.push(lines[index]!.trim());
  return { heading: lines[start]!, records };
}

/** file index in the folder's name order, and line, of a listed record. */
function placeOf(record: string, files: readonly string[]): [number, number] {
  const match = /^[^:]*\/([^/:]+):(\d+): /.exec(record);
  expect(match, record).not.toBeNull();
  return [files.indexOf(match![1]!), Number(match![2])];
}

describe('the import summary lists the first skipped records in file order', () => {
  const files = [
    'daylight_time_data.csv',
    'group_data.csv',
    'organization_data.csv',
    'schedule_data.csv',
    'schedule_holiday_data.csv',
    'sla_policy_metric_history_data.csv',
    'ticket_comment_data.csv',
    'ticket_data.csv',
    'ticket_field_history_data.csv',
  ];

  it.each([
    ['slac import', ['import', 'zendesk-tables', fivetran, '-o', join(freshFolder('skipped-order'), 'log.ndjson')]],
    ['slac check --log-format', ['check', fivetranSla, fivetran, '--log-format', 'zendesk-tables']],
    ['slac explain --log-format', ['explain', fivetranSla, fivetran, '16988', '--log-format', 'zendesk-tables']],
  ])('%s', (_name, args) => {
    const run = runBuiltCli(args, repoRoot);
    const { heading, records } = skippedList(run.stderr);
    // 20 comment rows of tickets not in the ticket table, 2 deleted tickets, 20 history rows: the first of each
    // file and reason is listed (the deleted tickets, which the comments' 20 hid), then the first in file order.
    expect(heading).toBe('skipped records (20 of 42: the first of each file and reason, then the first by file and line):');
    expect(records).toHaveLength(20);
    expect(records.filter((record) => record.includes('/ticket_data.csv:'))).toHaveLength(1);
    expect(records.filter((record) => record.includes('/ticket_field_history_data.csv:')).length).toBeGreaterThanOrEqual(1);
    const places = records.map((record) => placeOf(record, files));
    const sorted = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(places).toEqual(sorted);
    // The comment table sorts first in the folder: its rows are the first listed.
    expect(records[0]).toBe(`${fivetran}/ticket_comment_data.csv:2: comment on ticket 1077: the ticket is not in the ticket table`);
  });

  it('a ticket table cut short by an unclosed quote is listed, not hidden behind the 20 rows it orphans', () => {
    const folder = freshFolder('skipped-order-cause');
    for (const file of files) write(folder, file, readFileSync(join(repoRoot, fivetran, file), 'utf8'));
    const [header, first, ...rest] = readFileSync(join(repoRoot, fivetran, 'ticket_data.csv'), 'utf8').split('\n');
    write(folder, 'ticket_data.csv', [header, first!.replace(',', ',"'), ...rest].join('\n'));
    const run = runBuiltCli(['import', 'zendesk-tables', folder, '-o', join(folder, 'log.ndjson')], repoRoot);
    const { heading, records } = skippedList(run.stderr);
    expect(heading).toMatch(/^skipped records \(20 of \d+: the first of each file and reason, then the first by file and line\):$/);
    expect(records).toContain(`${folder}/ticket_data.csv:2: a quoted field is not closed before the end of the file (line 11): lines 2-11 are not read`);
  });

  it('a short list is in file order too, each file in line order', () => {
    const folder = freshFolder('skipped-order-short');
    // The ticket table is read first, but given last: its row is listed last.
    write(folder, 'ticket.csv', 'id,created_at,status,priority,organization_id,requester_id,via_channel,updated_at\n1,2026-01-01 10:00:00,deleted,,,,web,\n2,2026-01-01 10:00:00,open,high,,5,web,2026-01-01 10:00:00\n');
    write(folder, 'ticket_comment.csv', 'id,ticket_id,created,public,user_id\n10,9,2026-01-01 11:00:00,true,5\n11,2,2026-01-01 11:00:00,true,5\n12,1,2026-01-01 11:00:00,true,5\n');
    const run = runBuiltCli(['import', 'zendesk-tables', join(folder, 'ticket_comment.csv'), join(folder, 'ticket.csv'), '-o', join(folder, 'log.ndjson')], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    const { records } = skippedList(run.stderr);
    expect(records.map((record) => record.replace(`${folder}/`, ''))).toEqual([
      'ticket_comment.csv:2: comment on ticket 9: the ticket is not in the ticket table',
      'ticket_comment.csv:4: comment on ticket 1: the ticket was deleted',
      'ticket.csv:2: ticket 1 was deleted in Zendesk',
    ]);
  });
});
