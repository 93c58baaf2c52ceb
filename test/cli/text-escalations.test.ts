import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementModel } from '../../language/model/model.js';
import { loadAgreementOrPortfolio, nodeSourceHost } from '../../language/workspace/index.js';
import { checkLogFiles } from '../../runtime/check.js';
import { agreementSets, renderText } from '../../runtime/report/index.js';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * The text report lists the first 50 missed or late escalations, and the
 * check keeps only those rows (runtime/evaluate/escalation-list.ts): on a
 * log that owes hundreds, with many due at the same instant (ties broken by
 * ticket id, then level), the report of the built CLI, on one thread and
 * on three, is the one made from every row (the library's check, which
 * keeps them all when not told otherwise).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-text-escalations-'));
const agreement = join(repoRoot, 'examples', 'poologics.sla');

// Critical chats while the service is closed (BusinessHours: weekdays 08:00-18:00, New York), one every
// 5 minutes from Monday 18:00 to Tuesday 08:00, each resolved at 08:45: level 1 (due at 08:30, half the
// 1-hour target after opening) is missed by all 168, and levels 2 and 3 are never owed. Their ids fall as
// they come (T-999 first), so each row is listed before every row that came before it, and a list that has
// kept 50 rows must still take the next rows due with its 50th. Then 400 never answered, one every 15
// minutes from Tuesday 09:00: owed at every level, and most rows come after the 50th.
const rows = ['ticket,time,event,severity,channel,status,author,level'];
const MONDAY_18H = Date.UTC(2026, 2, 2, 23);
const TUESDAY_0845 = new Date(Date.UTC(2026, 2, 3, 13, 45)).toISOString();
for (let index = 0; index < 168; index++) {
  const created = new Date(MONDAY_18H + index * 5 * 60_000).toISOString();
  rows.push(`T-${999 - index},${created},created,Critical,Chat,,,`, `T-${999 - index},${TUESDAY_0845},resolved,,,,,`);
}
for (let index = 0; index < 400; index++) {
  const created = new Date(Date.UTC(2026, 2, 3, 14) + index * 15 * 60_000).toISOString();
  rows.push(`U-${index},${created},created,Critical,Chat,,,`);
}
writeFileSync(join(folder, 'closed.csv'), `${rows.join('\n')}\n`);

async function textFromEveryRow(): Promise<string> {
  const model = loadAgreementOrPortfolio(agreement, nodeSourceHost).model as AgreementModel;
  const outcome = await checkLogFiles(model, { log: join(folder, 'closed.csv'), asOf: '2026-04-01T00:00:00Z', displayName: () => 'closed.csv' });
  if (!outcome.ok) throw new Error('the log has errors');
  expect(outcome.summary.escalations.length).toBeGreaterThan(1000);
  // As slac check renders it: Poologics sets no service credits.
  return renderText(outcome.summary, outcome.breaches, { sets: agreementSets(model) });
}

describe('the text report keeps only the escalations it lists', () => {
  it.each([1, 3])('--jobs %i: the report made from every escalation row', async (jobs) => {
    const expected = await textFromEveryRow();
    expect(expected).toMatch(/Escalations missed or late \(\d{4,}\)/);
    // The log is small: the internal switches put it on threads all the same.
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    process.env.SLAC_CHECK_CORES = '4';
    try {
      const run = runBuiltCli(['check', agreement, 'closed.csv', '--as-of', '2026-04-01T00:00:00Z', '--jobs', String(jobs)], folder);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(expected);
    } finally {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
      delete process.env.SLAC_CHECK_CORES;
    }
  }, 120_000);
});
