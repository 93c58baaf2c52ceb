import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

/**
 * `--as-of 2026-06-01T12:00:00.500Z` is honoured to the millisecond
 * (SEMANTICS.md: events after the as-of instant are ignored): a reply at
 * .200 counts, one at .700 is left out. The report said it was made as of
 * 2026-06-01T14:00:00+02:00, the instant truncated to the second, which
 * reads as an instant before the reply it counted. Every place that says
 * what the report was made as of now gives the instant used, milliseconds
 * and all: check (text, JSON, on one thread and two, the SLA4040 warning),
 * explain, and report's site; a whole second is written as before.
 */
const AS_OF = '2026-06-01T12:00:00.500Z';
const SHOWN = '2026-06-01T14:00:00.500+02:00';

function folderWithLog(): string {
  const folder = freshFolder('as-of-fraction');
  write(
    folder,
    'log.csv',
    [
      'ticket,time,event,severity,channel,status,author,level',
      'A-1,2026-06-01T11:00:00Z,created,P1,Email,,,',
      'A-1,2026-06-01T12:00:00.200Z,reply,,,,agent,',
      'B-1,2026-06-01T11:00:00Z,created,P1,Email,,,',
      'B-1,2026-06-01T12:00:00.700Z,reply,,,,agent,',
      '',
    ].join('\n'),
  );
  return folder;
}

describe('an --as-of with a fraction of a second is shown as it was used', () => {
  const folder = folderWithLog();
  const agreement = join(repoRoot, 'examples/hosting.sla');

  it('slac check: the verdicts honour the fraction, and the report and SLA4040 name the instant with it', () => {
    const text = runBuiltCli(['check', agreement, 'log.csv', '--as-of', AS_OF], folder);
    expect(text.stdout).toContain(`As of ${SHOWN}\n`);
    expect(text.stderr).toContain(`1 event is after the as-of instant ${SHOWN} and left out of the report [SLA4040]`);
    const json = runBuiltCli(['check', agreement, 'log.csv', '--as-of', AS_OF, '--format', 'json'], folder);
    const report = JSON.parse(json.stdout) as { asOf: string; ignoredAfterAsOf: number; tickets: { id: string; metrics: Record<string, { elapsedMinutes: number; stoppedAt?: string }> }[] };
    expect(report.asOf).toBe(SHOWN);
    expect(report.ignoredAfterAsOf).toBe(1);
    // A-1's reply at .200 stopped its first response; B-1's at .700 is after the as-of instant: 60 minutes and half a second run.
    const firstResponse = (id: string) => Object.values(report.tickets.find((ticket) => ticket.id === id)!.metrics)[0]!;
    expect(firstResponse('A-1').stoppedAt).toBeDefined();
    expect(firstResponse('B-1').stoppedAt).toBeUndefined();
    expect(firstResponse('B-1').elapsedMinutes).toBe(60.0083);
    const threads = runBuiltCliOnThreads(['check', agreement, 'log.csv', '--as-of', AS_OF, '--format', 'json', '--jobs', '2'], folder);
    expect(threads.stdout).toBe(json.stdout);
  });

  it('slac explain says the timeline is as of the instant used', () => {
    const run = runBuiltCli(['explain', agreement, 'log.csv', 'B-1', '--as-of', AS_OF], folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`As of: ${SHOWN}\n`);
  });

  it("slac report's site gives the figures as of the instant used", () => {
    const run = runBuiltCli(['report', agreement, 'log.csv', '--as-of', AS_OF, '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(readFileSync(join(folder, 'site', 'index.html'), 'utf8')).toContain(SHOWN);
  });

  it('a whole second is written as before, without a fraction', () => {
    const run = runBuiltCli(['check', agreement, 'log.csv', '--as-of', '2026-06-01T12:00:01Z'], folder);
    expect(run.stdout).toContain('As of 2026-06-01T14:00:01+02:00\n');
  });
});
