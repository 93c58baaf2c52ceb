/**
 * Malformed and never-open holiday files through the built CLI: validate,
 * compile --format md and check all stop with exit 2 and the same
 * diagnostic at the path, in seconds; never "internal error" (exit 70) or a
 * hang (the calendar closed every day made compile run for hours).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtBin } from './built-cli.js';

const fixtures = new URL('../language/holidays/fixtures/ical/', import.meta.url);
const LOG = 'ticket,time,event,severity,channel,status,author,level\nT1,2026-01-05T08:23:00+01:00,created,High,Email,,,\nT1,2026-01-05T09:00:00+01:00,reply,,,,agent,\n';

/** A folder with a.sla reading `icsFile` (copied from the fixtures) and a two-row log. */
function folderWith(icsFile: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'slac-ics-'));
  copyFileSync(new URL(icsFile, fixtures), join(folder, icsFile));
  writeFileSync(join(folder, 'log.csv'), LOG);
  writeFileSync(
    join(folder, 'a.sla'),
    `agreement A {\n  provider "P"\n  client "C"\n}\ncalendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-17:00\n  holidays from "${icsFile}"\n}\nchannel Email { hours Office }\nseverity High { default }\nmetric Response {\n  measures first response\n  clock Office\n  target High 1 hour\n  objective 90% monthly\n}\n`,
  );
  return folder;
}

/** Runs the built CLI, killed after 20 s so that a hang fails the test instead of the run. */
function slac(folder: string, ...args: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [builtBin, ...args], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('holiday files through the built CLI', () => {
  it.each([
    { file: 'not-ical.ics', code: 'SLA3071' },
    { file: 'empty.ics', code: 'SLA3071' },
    { file: 'no-end.ics', code: 'SLA3071' },
    { file: 'freq-bogus.ics', code: 'SLA3073' },
    { file: 'until-garbage.ics', code: 'SLA3073' },
    { file: 'secondly.ics', code: 'SLA3073' },
    { file: 'dtstart-day-missing.ics', code: 'SLA3072' },
    { file: 'february-30.ics', code: 'SLA3074' },
    { file: 'every-day.ics', code: 'SLA3075' },
    { file: 'interval-0.ics', code: 'SLA3073' },
  ])('$file: $code from validate, compile --format md and check, exit 2', { timeout: 90_000 }, ({ file, code }) => {
    const folder = folderWith(file);
    // compile and check first: before the fix they ran into the 20 s kill (every-day.ics) or exit 70; validate said nothing.
    for (const args of [['compile', 'a.sla', '--format', 'md', '-o', 'a.md'], ['check', 'a.sla', 'log.csv'], ['validate', 'a.sla']]) {
      const run = slac(folder, ...args);
      expect(run.output, args[0]).toContain(`a.sla:8:17: error ${code}: `);
      expect(run.output, args[0]).toContain(`'${file}'`);
      expect(run.output, args[0]).not.toContain('internal error');
      expect(run.code, args[0]).toBe(2);
    }
  });
});
