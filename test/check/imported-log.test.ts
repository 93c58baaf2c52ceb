import { describe, expect, it } from 'vitest';
import { ImportedLog } from '../../cli/imported-log.js';
import { TicketLogWriter, type ImportedRow } from '../../import/ticket-log-writer.js';
import { UnmentionedValues } from '../../runtime/check/unmentioned-values.js';
import type { LogError } from '../../runtime/log/log-error.js';
import { supportModel } from '../runtime/check/fixture-model.js';

/**
 * The rows of `slac check --log-format NAME`: the session gets exactly what
 * `slac import NAME` would write (row N as line N), and messages about a row
 * name its exported record when the adapter gives it.
 */

const rows: ImportedRow[] = [
  { ticket: 'T-1', time: Date.UTC(2026, 2, 2, 9, 0, 0), event: 'created', severity: 'Critical', channel: 'Email', client: 'Acme', source: { file: 'ticket.csv', line: 2 } },
  { ticket: 'T-1', time: Date.UTC(2026, 2, 2, 9, 30, 0, 250), event: 'reply', author: 'agent', source: { file: 'comments.csv', line: 7 } },
  { ticket: 'T-1', time: Date.UTC(2026, 2, 2, 10, 0), event: 'status', status: 'Waiting on customer "A", \\ or B' },
  { ticket: 'T-1', time: Date.UTC(2026, 2, 2, 11, 0), event: 'resolved', source: { file: 'ticket.csv', line: 2 } },
];

/** What an ImportedLog hands to the session, as (line, row) pairs. */
function handed(): { log: ImportedLog; seen: [number, Record<string, unknown>][] } {
  const log = new ImportedLog('export (zendesk rows)', new UnmentionedValues(supportModel, 'export (zendesk rows)'));
  const seen: [number, Record<string, unknown>][] = [];
  log.into({ row: (values, line) => seen.push([line, { ...values }]), problem: () => undefined });
  for (const row of rows) log.write(row);
  return { log, seen };
}

describe('ImportedLog', () => {
  it('hands each row over as the line `slac import` writes for it parses', () => {
    let written = '';
    const writer = new TicketLogWriter('ndjson', { write: (text) => (written += text) });
    for (const row of rows) writer.write(row);
    writer.close(true);
    const lines = written.trimEnd().split('\n').map((line, index): [number, unknown] => [index + 1, JSON.parse(line)]);
    const { log, seen } = handed();
    expect(seen).toEqual(lines);
    expect(Object.fromEntries(log.eventCounts)).toEqual(Object.fromEntries(writer.eventCounts));
  });

  const error = (file: string, line: number): LogError => ({ code: 'SLA4010', severity: 'error', file, line, message: 'm' });
  const cases: [string, LogError, { file: string; line: number }][] = [
    ['a row with a source: its exported file and line', error('export (zendesk rows)', 2), { file: 'comments.csv', line: 7 }],
    ['a row without one: the row of the rows as `slac import` writes them', error('export (zendesk rows)', 3), { file: 'export (zendesk rows)', line: 3 }],
    ['a message about all the rows (line 0): unchanged', error('export (zendesk rows)', 0), { file: 'export (zendesk rows)', line: 0 }],
    ['a message about another file (the outage log): unchanged', error('outages.csv', 2), { file: 'outages.csv', line: 2 }],
    ['a line past the rows: unchanged', error('export (zendesk rows)', 99), { file: 'export (zendesk rows)', line: 99 }],
  ];
  it.each(cases)('relocates %s', (_name, given, expected) => {
    const { log } = handed();
    expect(log.relocate(given)).toMatchObject(expected);
  });

  it('relocates a list in place', () => {
    const { log } = handed();
    const list = [error('export (zendesk rows)', 1), error('export (zendesk rows)', 4)];
    log.relocateAll(list);
    expect(list.map((item) => `${item.file}:${item.line}`)).toEqual(['ticket.csv:2', 'ticket.csv:2']);
  });
});
