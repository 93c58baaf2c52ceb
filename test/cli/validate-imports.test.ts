import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

// `slac validate` as users run it (the built bundle): imports reached twice,
// overrides that break the merged declarations, portfolios imported or
// misused. Each row: the fixture, the exit status, the lines that must be
// printed and the codes that must not be.

const fixtures = join(repoRoot, 'test', 'language', 'fixtures');

const cases = [
  {
    fixture: 'names-override-default.sla',
    status: 2,
    shown: ['names-override-default.sla:7:19: error SLA3006', 'merge/corp.sla:4:10: note: The imported declaration it concerns.'],
    absent: ['SLA2008', 'merge/corp.sla:4:10: error'],
  },
  {
    fixture: 'names-override-uptime.sla',
    status: 2,
    shown: ['names-override-uptime.sla:7:17: error SLA3024'],
    absent: ['SLA2008', 'merge/corp.sla:8:36: error'],
  },
  { fixture: 'names-import-portfolio.sla', status: 2, shown: ['names-import-portfolio.sla:2:8: error SLA2019'], absent: [] },
  {
    fixture: 'names-portfolio-self.sla',
    status: 2,
    shown: ['names-portfolio-self.sla:3:22: error SLA2020', 'names-portfolio-self.sla:4:57: error SLA3054', 'names-portfolio-self.sla:5:59: error SLA3054'],
    absent: ['SLA2017'],
  },
];

describe('slac validate (built) on imports, overrides and portfolios', () => {
  it.each(cases)('$fixture', ({ fixture, status, shown, absent }) => {
    const run = runBuiltCli(['validate', fixture], fixtures);
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(status);
    for (const line of shown) expect(output).toContain(line);
    for (const text of absent) expect(output).not.toContain(text);
  });

  it('counts a file imported through a symbolic link once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-validate-link-'));
    writeFileSync(join(dir, 'shared.sla'), 'calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 }\nseverity S { default }\n');
    symlinkSync('shared.sla', join(dir, 'alias.sla'));
    writeFileSync(
      join(dir, 'entry.sla'),
      'import "shared.sla"\nimport "alias.sla"\nagreement A { provider "P" client "C" }\nmetric M { measures resolution clock Office target S 4 hours }\n',
    );
    const run = runBuiltCli(['validate', 'entry.sla'], dir);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: 'entry.sla: no problems\n', stderr: '' });
  });

  it('shows a holiday code with a line break escaped, on one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-validate-code-'));
    writeFileSync(join(dir, 'entry.sla'), 'calendar Office { timezone "UTC" hours Mon-Fri 09:00-17:00 holidays "US\\n" }\n');
    const run = runBuiltCli(['validate', 'entry.sla'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain("entry.sla:1:69: error SLA3039: Unknown holiday code 'US\\n'. Did you mean 'US'?\n");
  });
});
