import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogFiles, type CheckOutcome } from '../../../runtime/check.js';
import { formatLogError } from '../../../runtime/log/log-error.js';
import { supportModel } from '../check/fixture-model.js';

/**
 * NDJSON ticket ids written as numbers are whole numbers in plain digits
 * up to 2^53 - 1 (docs/check.md "Limits"). Any other number is an error on
 * its row: JSON reads `7.0000000000000001`, `7.0` and `7e0` as 7, which
 * would put the row on ticket 7, and `-0` as 0.
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-number-ids-'));
const CREATED_7 = '{"ticket":7,"time":"2026-03-02T09:00:00Z","event":"created"}';

async function check(text: string): Promise<CheckOutcome> {
  const file = join(folder, 'log.ndjson');
  writeFileSync(file, text);
  return checkLogFiles(supportModel, { log: file, displayName: () => 'log.ndjson' });
}

/** Line 2 as `{"ticket":ID,...}`, flat (the fast readers' shape) and with blanks (only the general path's). */
function rowsWithId(id: string): [string, string][] {
  return [
    [`${id}, flat`, `{"ticket":${id},"time":"2026-03-02T10:00:00Z","event":"resolved"}`],
    [`${id}, with blanks`, `{ "ticket" : ${id} , "time": "2026-03-02T10:00:00Z", "event": "resolved" }`],
  ];
}

describe('NDJSON ticket ids written as numbers', () => {
  it.each(['7.5', '7.0000000000000001', '7.0', '7e0', '7E0', '0.7e1', '70e-1', '-0', '-0.0', '1e3'].flatMap(rowsWithId))('refuse %s on its own row, naming line and key', async (_name, row) => {
    const outcome = await check(`${CREATED_7}\n${row}\n`);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => [error.line, error.key, error.code])).toEqual([[2, 'ticket', 'SLA4014']]);
    expect(formatLogError(outcome.errors[0]!)).toMatch(/^log\.ndjson:2: key 'ticket': 'ticket' must be a whole number up to 9007199254740991 written in plain digits, or text/);
  });

  it.each([...rowsWithId('7'), ...rowsWithId('-7'), ...rowsWithId('9007199254740991')])('accept %s', async (_name, row) => {
    const id = /"ticket" ?: ?(-?\d+)/.exec(row)![1]!;
    const outcome = await check(`${CREATED_7.replace('7', id)}\n${row}\n`);
    expect(outcome.ok).toBe(true);
  });

  it('says what JSON would have read', async () => {
    const outcome = await check(`${CREATED_7}\n${rowsWithId('7.0000000000000001')[0]![1]}\n`);
    expect(outcome.ok ? [] : outcome.errors.map(formatLogError)).toEqual([
      "log.ndjson:2: key 'ticket': 'ticket' must be a whole number up to 9007199254740991 written in plain digits, or text (write other ids in quotes), not the number 7.0000000000000001, which JSON reads as 7 [SLA4014]",
    ]);
  });
});
