/**
 * A holiday file whose all-day event is written `DTSTART:20260116` (no
 * VALUE=DATE), through the built CLI: validate, compile and check each
 * stopped with "internal error" (exit 70, ical.js's "invalid date-time
 * value"); the day is now a holiday, and the check's due instant skips it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { officeReadingDaysIcs } from './holiday-file-fixtures.js';

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:1', 'SUMMARY:Company day', 'DTSTART:20260116', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const SLA = officeReadingDaysIcs();
// Thu 2026-01-15 16:00: one hour that day, Fri 16 closed, the second hour Mon 19 09:00-10:00.
const LOG = '{"ticket":"T1","time":"2026-01-15T16:00:00+01:00","event":"created"}\n';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slac-bare-date-'));
  writeFileSync(join(dir, 'days.ics'), ICS);
  writeFileSync(join(dir, 'a.sla'), SLA);
  writeFileSync(join(dir, 'log.ndjson'), LOG);
  return dir;
}

describe('a bare YYYYMMDD all-day date in a holiday file, through the built CLI', () => {
  it.each([
    { args: ['validate', 'a.sla'], expected: '' },
    { args: ['compile', 'a.sla', '--format', 'md', '-o', 'a.md'], expected: 'Wrote' },
    { args: ['check', 'a.sla', 'log.ndjson', '--format', 'json', '--as-of', '2026-02-01T00:00:00Z'], expected: '"due": "2026-01-19T10:00:00+01:00"' },
  ])('slac $args.0', { timeout: 60_000 }, ({ args, expected }) => {
    const run = runBuiltCli(args, folder());
    expect(`${run.stdout}${run.stderr}`).not.toContain('internal error');
    expect(`${run.stdout}${run.stderr}`).toContain(expected);
    expect(run.code).toBe(0);
  });
});
