import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * `--assume-timezone` naming a zone that is read otherwise than it seems
 * (an abbreviation, an Etc/GMT offset): one warning line, in the words of
 * the agreement's SLA3081 and SLA3082, and the command goes on. Through the
 * built CLI, for `slac check`, `explain` and `import`.
 */
const folder = mkdtempSync(join(tmpdir(), 'slac-zone-option-'));
const agreement = join(repoRoot, 'examples', 'poologics.sla');
writeFileSync(join(folder, 'local.csv'), 'ticket,time,event,severity,author\nA,2026-07-06 09:00,created,Critical,\nA,2026-07-06 09:10,reply,,agent\n');

const EST =
  "slac: warning: --assume-timezone: 'EST' is an abbreviation, which the time-zone database reads as one place's zone: America/Panama, UTC-05:00 all year. Eastern Time, with its summer time, is \"America/New_York\". [SLA3081]\n";

describe('--assume-timezone with a zone read otherwise than it seems', () => {
  it('slac check: one warning, then the report made in that zone', () => {
    const run = runBuiltCli(['check', agreement, 'local.csv', '--assume-timezone', 'EST', '--format', 'json'], folder);
    expect(run.stderr).toBe(EST);
    expect(run.code).toBe(0);
    // 09:00 in Panama's UTC-05:00, not New York's summer UTC-04:00.
    expect(run.stdout).toContain('"created": "2026-07-06T10:00:00-04:00"');
  });

  it('slac explain, and an Etc/GMT offset', () => {
    const run = runBuiltCli(['explain', agreement, 'local.csv', 'A', '--assume-timezone', 'Etc/GMT+5'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "slac: warning: --assume-timezone: 'Etc/GMT+5' is UTC-05:00 all year: the Etc/GMT zones count hours west of Greenwich, the reverse of how UTC offsets are written. If UTC+05:00 was meant, write \"Etc/GMT-5\". [SLA3082]\n",
    );
  });

  it.each(['America/New_York', 'UTC'])('%s: no warning', (zone) => {
    const run = runBuiltCli(['check', agreement, 'local.csv', '--assume-timezone', zone], folder);
    expect(run.stderr).toBe('');
  });

  it('an unknown zone is still the error it was, with no warning before it', () => {
    const run = runBuiltCli(['check', agreement, 'local.csv', '--assume-timezone', 'AEST'], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("--assume-timezone: 'AEST' is not a time zone; use an IANA name such as Europe/Berlin [SLA4017]\nslac: no report: the input has 1 error.\n");
  });

  it('slac import', () => {
    const run = runBuiltCli(['import', 'glpi', join(repoRoot, 'test', 'import', 'fixtures', 'glpi'), '--assume-timezone', 'EST', '-o', join(folder, 'glpi.ndjson')], folder);
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith(EST)).toBe(true);
  });
});
