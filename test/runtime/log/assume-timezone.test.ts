import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogFiles, type CheckOutcome } from '../../../runtime/check.js';
import { formatLogError } from '../../../runtime/log/log-error.js';
import { supportModel } from '../check/fixture-model.js';

// In America/New_York, 2026 clocks go forward on 8 March at 02:00 (to 03:00) and back on 1 November at 02:00 (to 01:00).
const folder = mkdtempSync(join(tmpdir(), 'slac-assume-zone-'));
const HEADER = 'ticket,time,event,severity,channel,status,author,level';
const CREATED = 'T-1,2026-03-02T09:00:00-05:00,created,Critical,Email,,,';

async function check(rows: string[], outageRows?: string[]): Promise<CheckOutcome> {
  const log = join(folder, 'tickets.csv');
  writeFileSync(log, [HEADER, CREATED, ...rows, ''].join('\n'));
  const outages = outageRows === undefined ? undefined : join(folder, 'outages.csv');
  if (outages !== undefined) writeFileSync(outages, ['start,end,kind,description', ...outageRows!, ''].join('\n'));
  return checkLogFiles(supportModel, {
    log,
    ...(outages === undefined ? {} : { outages }),
    assumeTimezone: 'America/New_York',
    asOf: '2026-12-01T00:00:00Z',
    displayName: (path) => path.split('/').pop()!,
  });
}

describe('--assume-timezone: local times the zone makes doubtful', () => {
  it('rejects a date with no time of day', async () => {
    const outcome = await check(['T-1,2026-03-03,reply,,,,agent,']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map(formatLogError)).toEqual([
      "tickets.csv:3: key 'time': '2026-03-03' is a date without a time of day; give the time too, such as 2026-03-03T09:00 [SLA4043]",
    ]);
  });

  it('rejects a time the clocks skip, with the two offsets it could have meant', async () => {
    const outcome = await check(['T-1,2026-03-08T02:30,reply,,,,agent,']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map(formatLogError)).toEqual([
      "tickets.csv:3: key 'time': '2026-03-08T02:30' does not exist in America/New_York: the clocks went forward at 2026-03-08T03:00:00-04:00; " +
        'write it with the offset that was meant, 2026-03-08T02:30-05:00 (before the change) or 2026-03-08T02:30-04:00 (after) [SLA4044]',
    ]);
  });

  it('reads a time the clocks pass twice as the first, and says so with file and line', async () => {
    const outcome = await check(['T-1,2026-11-01T01:30,reply,,,,agent,', 'T-1,2026-11-01T03:30,resolved,,,,,'], ['2026-11-01 01:15,2026-11-01T01:45:00-05:00,outage,db']);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map(formatLogError)).toEqual([
      "tickets.csv:3: warning: key 'time': '2026-11-01T01:30' happens twice in America/New_York as the clocks go back; read as 2026-11-01T01:30:00-04:00, the first; write 2026-11-01T01:30:00-05:00 if the second was meant [SLA4045]",
      "outages.csv:2: warning: key 'start': '2026-11-01 01:15' happens twice in America/New_York as the clocks go back; read as 2026-11-01T01:15:00-04:00, the first; write 2026-11-01T01:15:00-05:00 if the second was meant [SLA4045]",
    ]);
  });

  it('reads an ordinary local time without a word', async () => {
    const outcome = await check(['T-1,2026-03-02 09:10,reply,,,,agent,']);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual([]);
  });
});
