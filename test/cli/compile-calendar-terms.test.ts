import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, write } from './hardening-fixtures.js';

// Office and OfficeHours both read as the defined term Office Hours: the document would define it twice, with two meanings.
const twoOffices = agreementText('\ncalendar OfficeHours {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-18:00\n}\n');
const refusal = [
  "two-offices.sla:31:10: error SLA3088: The calendars Office (line 7) and OfficeHours both read as the defined term 'Office Hours' in the agreement; rename one.",
  'calendar OfficeHours {',
  '         ^~~~~~~~~~~',
].join('\n');

test('slac validate reports two calendars that read as the same defined term at the second one, and exits 2', () => {
  const folder = freshFolder('calendar-terms');
  write(folder, 'two-offices.sla', twoOffices);
  const run = runBuiltCli(['validate', 'two-offices.sla'], folder);
  expect(run.code).toBe(2);
  expect(run.stdout).toContain(refusal);
});

test('slac compile refuses two calendars that read as the same defined term, naming both, and writes nothing', () => {
  const folder = freshFolder('calendar-terms');
  write(folder, 'two-offices.sla', twoOffices);
  const run = runBuiltCli(['compile', 'two-offices.sla', '--format', 'md', '-o', 'out.md'], folder);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(refusal);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(folder, 'out.md'))).toBe(false);
});
