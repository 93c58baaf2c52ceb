/**
 * `holidays "DE-BY-A"`: date-holidays knows regions below a subdivision
 * (Augsburg in Bavaria, Timaru in Canterbury, 57 in all), and the clock read
 * them, but the checker knew countries and subdivisions only: `slac
 * validate` refused DE-BY-A with SLA3039 "Did you mean 'DE'?". Every code the
 * data set knows is now accepted and described; an unknown region gets the
 * region it most likely meant.
 */
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

function agreement(...codes: string[]): string {
  return `agreement A { provider "P" client "C" effective 2026-01-01 }
calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 09:00-17:00
${codes.map((code) => `  holidays "${code}"\n`).join('')}}
severity Normal { description "Any request." default }
metric Resolution { measures resolution clock Office target 2 hours }
`;
}

describe('holiday codes with a region, through the built CLI', () => {
  it('validate accepts DE-BY-A and NZ-CAN-Timaru', { timeout: 60_000 }, () => {
    const folder = freshFolder('region-codes');
    write(folder, 'a.sla', agreement('DE-BY-A', 'NZ-CAN-Timaru'));
    const run = runBuiltCli(['validate', 'a.sla'], folder);
    expect(run.stdout + run.stderr).toBe('a.sla: no problems\n');
    expect(run.code).toBe(0);
  });

  it('compile --format md names Augsburg and lists its Peace Festival (8 August)', { timeout: 60_000 }, () => {
    const folder = freshFolder('region-codes');
    write(folder, 'a.sla', agreement('DE-BY-A'));
    const run = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('the public holidays of Stadt Augsburg, Bayern, Germany');
    expect(run.stdout).toMatch(/\| Saturday 8 August 2026 \| [^|]+ \| Closed \|/);
  });

  it('an unknown or miswritten region gets the region it most likely meant', { timeout: 60_000 }, () => {
    const folder = freshFolder('region-codes');
    write(folder, 'a.sla', agreement('de-by-a', 'DE-BY-KATHH', 'NZ-CAN-TIMARU'));
    const run = runBuiltCli(['validate', 'a.sla'], folder);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain("Unknown holiday code 'de-by-a'. Did you mean 'DE-BY-A'?");
    expect(printed).toContain("Unknown holiday code 'DE-BY-KATHH'. Did you mean 'DE-BY-KATH'?");
    expect(printed).toContain("Unknown holiday code 'NZ-CAN-TIMARU'. Did you mean 'NZ-CAN-Timaru'?");
    expect(run.code).toBe(2);
  });
});
