import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogFiles, type CheckOutcome } from '../../../runtime/check.js';
import { formatLogError } from '../../../runtime/log/log-error.js';
import { supportModel } from '../check/fixture-model.js';

/**
 * The escalation level of an `escalated` row is a whole number from 1
 * (docs/check.md "Ticket log"), written as plain digits: a JSON number
 * spelled otherwise (`2.0`, `1e0`, `2.00000000000000001`, all read by JSON
 * as whole numbers) is an error on its row that says what JSON would have
 * read, as a ticket id so spelled is (SLA4014), and as the CSV cell `2.0`
 * is (SLA4007).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-number-levels-'));
const CREATED = '{"ticket":"A","time":"2026-03-02T09:00:00Z","event":"created"}';

async function check(name: string, text: string): Promise<CheckOutcome> {
  const file = join(folder, name);
  writeFileSync(file, text);
  return checkLogFiles(supportModel, { log: file, displayName: () => name });
}

/** Line 2 as an `escalated` row with `"level":LEVEL`, flat (the fast readers' shape) and with blanks (only the general path's). */
function rowsWithLevel(level: string): [string, string][] {
  return [
    [`${level}, flat`, `{"ticket":"A","time":"2026-03-02T10:00:00Z","event":"escalated","level":${level}}`],
    [`${level}, with blanks`, `{ "ticket": "A", "time": "2026-03-02T10:00:00Z", "event": "escalated", "level" : ${level} }`],
  ];
}

describe('NDJSON escalation levels written as numbers', () => {
  it.each([
    ['2.0', '2'],
    ['1e0', '1'],
    ['1E0', '1'],
    ['0.2e1', '2'],
    ['20e-1', '2'],
    ['2.00000000000000001', '2'],
    ['1.50', '1.5'],
    ['-0', '0'],
  ].flatMap(([written, read]) => rowsWithLevel(written!).map(([name, row]) => [name, row, written!, read!])))('refuse %s on its own row, saying what JSON reads', async (_name, row, written, read) => {
    const outcome = await check('log.ndjson', `${CREATED}\n${row}\n`);
    expect(outcome.ok ? [] : outcome.errors.map(formatLogError)).toEqual([
      `log.ndjson:2: key 'level': 'level' must be a whole number from 1 written in plain digits, not the number ${written}, which JSON reads as ${read} [SLA4014]`,
    ]);
  });

  it.each(['1.5', '0', '1000000'].flatMap(rowsWithLevel))('refuse %s as no escalation level (SLA4007)', async (_name, row) => {
    const outcome = await check('log.ndjson', `${CREATED}\n${row}\n`);
    expect(outcome.ok ? [] : outcome.errors.map((error) => [error.line, error.key, error.code])).toEqual([[2, 'level', 'SLA4007']]);
  });

  it.each([...rowsWithLevel('2'), ...rowsWithLevel('"2"'), ...rowsWithLevel('999999')])('accept %s', async (_name, row) => {
    const outcome = await check('log.ndjson', `${CREATED}\n${row}\n`);
    expect(outcome.ok).toBe(true);
  });

  it('refuses the CSV cell 2.0 as well (SLA4007: CSV values are text)', async () => {
    const outcome = await check('log.csv', 'ticket,time,event,level\nA,2026-03-02T09:00:00Z,created,\nA,2026-03-02T10:00:00Z,escalated,2.0\n');
    expect(outcome.ok ? [] : outcome.errors.map(formatLogError)).toEqual([
      "log.csv:3: key 'level': '2.0' is not an escalation level; expected a whole number from 1 [SLA4007]",
    ]);
  });
});
