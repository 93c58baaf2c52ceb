import { describe, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliOnThreads, type CliRun } from './built-cli.js';
import { write } from './hardening-fixtures.js';
import { folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * `slac check`, `report` and `explain` stopped at an agreement's errors but
 * said nothing of its warnings: `timezone "EST"` (SLA3081: Panama's time,
 * with no summer time) was checked without a word unless the author ran
 * `slac validate`. They now give one line (SLA4060) naming how many
 * warnings there are and their codes, and the command that lists them; a
 * clean agreement or a compiled model gets none.
 */
function agreement(zone: string, unusedCalendar: boolean): string {
  return `agreement W {
  title "W"
  provider "P"
  client "C"
}

calendar Office {
  timezone "${zone}"
  hours Mon-Sun 00:00-24:00
}
${unusedCalendar ? '\ncalendar Spare {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n' : ''}
severity P1 {
  default
}

metric FirstResponse {
  title "First response"
  measures first response
  clock Office
  target 1 hour
  objective 95% monthly
}
`;
}

const LOG = `${[
  { ticket: 'A', time: '2026-04-01T09:00:00Z', event: 'created' },
  { ticket: 'A', time: '2026-04-01T09:30:00Z', event: 'reply', author: 'agent' },
]
  .map((row) => JSON.stringify(row))
  .join('\n')}\n`;

const TWO = "a.sla: warning: the agreement has 2 warnings (SLA3052, SLA3081), not listed here: `slac validate a.sla` lists them [SLA4060]\n";
const ONE = "a.sla: warning: the agreement has 1 warning (SLA3081), not listed here: `slac validate a.sla` lists it [SLA4060]\n";

function folder(name: string, zone: string, unusedCalendar: boolean): string {
  return folderWithAgreementAndLog(`agreement-warnings-${name}`, agreement(zone, unusedCalendar), LOG);
}

/** A run's stderr without report's own last line (`slac: wrote 2 pages ... to site; ...`). */
function warningsOf(run: CliRun): string {
  return run.stderr.replace(/^slac: wrote .*\n/m, '');
}

/** The commands that read an agreement to check a log, each as users run it. */
const COMMANDS: { name: string; run: (cwd: string, sla: string) => CliRun }[] = [
  { name: 'check (text)', run: (cwd, sla) => runBuiltCli(['check', sla, 'log.ndjson'], cwd) },
  { name: 'check --format json', run: (cwd, sla) => runBuiltCli(['check', sla, 'log.ndjson', '--format', 'json'], cwd) },
  { name: 'check --format csv', run: (cwd, sla) => runBuiltCli(['check', sla, 'log.ndjson', '--format', 'csv'], cwd) },
  { name: 'check --jobs 2 (threads)', run: (cwd, sla) => runBuiltCliOnThreads(['check', sla, 'log.ndjson', '--jobs', '2'], cwd) },
  { name: 'explain', run: (cwd, sla) => runBuiltCli(['explain', sla, 'log.ndjson', 'A'], cwd) },
  { name: 'report (site)', run: (cwd, sla) => runBuiltCli(['report', sla, 'log.ndjson', '-o', 'site'], cwd) },
];

describe('an agreement with warnings, read by check, report and explain', () => {
  const warned = folder('warned', 'EST', true);
  const once = folder('once', 'EST', false);
  const clean = folder('clean', 'UTC', false);

  it.each(COMMANDS)('$name: one line naming the count, the codes and slac validate', ({ run }) => {
    const result = run(warned, 'a.sla');
    expect(result.code).toBe(0);
    expect(warningsOf(result)).toBe(TWO);
  });

  it.each(COMMANDS)('$name: a single warning is named in the singular', ({ run }) => {
    expect(warningsOf(run(once, 'a.sla'))).toBe(ONE);
  });

  it.each(COMMANDS)('$name: nothing for an agreement without warnings', ({ run }) => {
    const result = run(clean, 'a.sla');
    expect({ code: result.code, stderr: warningsOf(result) }).toEqual({ code: 0, stderr: '' });
  });

  it('the count is what slac validate lists, and the report is the same as without the line', () => {
    const validated = runBuiltCli(['validate', 'a.sla', '--format', 'json'], warned);
    const listed = (JSON.parse(validated.stdout) as { severity: string; code: string }[]).filter((diagnostic) => diagnostic.severity === 'warning');
    expect(listed.map((diagnostic) => diagnostic.code).sort()).toEqual(['SLA3052', 'SLA3081']);
    const json = runBuiltCli(['check', 'a.sla', 'log.ndjson', '--format', 'json'], warned);
    expect(JSON.parse(json.stdout)).toMatchObject({ tickets: [{ id: 'A' }] });
  });

  it('a compiled model carries no diagnostics, so no line', () => {
    const compiled = runBuiltCli(['compile', 'a.sla', '--emit', 'model', '-o', 'a.sla.json'], warned);
    expect(compiled.code).toBe(0);
    const result = runBuiltCli(['check', 'a.sla.json', 'log.ndjson'], warned);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('a portfolio: the warnings of the agreements it uses, named under the portfolio', () => {
    write(warned, 'p.sla', 'portfolio P {\n  others use "a.sla"\n}\n');
    const result = runBuiltCli(['check', 'p.sla', 'log.ndjson'], warned);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("p.sla: warning: the portfolio and its agreements have 2 warnings (SLA3052, SLA3081), not listed here: `slac validate p.sla` lists them [SLA4060]\n");
  });
});
