import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain` on a pending `update interval` whose longest gap was not
 * the one still open printed "the decisive one began 11:00: 30m of business
 * time counted of 10m on the wall clock so far": the 30m was the longest
 * gap's (the verdict's elapsed), the 10m the open gap's, and no gap counts
 * more business time than wall time. A pending `next reply` whose cycles
 * were all answered said its target fell "due 12:00 if the ticket stays as
 * it is" at an as-of instant of 14:00. Through the built CLI.
 */
function agreement(measures: string): string {
  return `agreement U {
  title "U"
  provider "P"
  client "C"
}

calendar Always {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}

channel Email {
  hours Always
}

severity P1 {
  default
}

metric Spans {
  title "Spans"
  measures ${measures}
  clock Always
  target 2 hours
}
`;
}

function explain(measures: string, rows: string[], asOf: string): string {
  const folder = freshFolder('explain-pending-spans');
  write(folder, 'a.sla', agreement(measures));
  write(folder, 'log.csv', `${LOG_HEADER}\n${rows.join('\n')}\n`);
  const run = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1', '--as-of', asOf], folder);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

describe('slac explain on a pending metric measured in several spans', () => {
  it('update interval: counts the open gap as the open gap, and names the longest', () => {
    const text = explain(
      'update interval',
      ['T1,2026-03-02T10:00:00Z,created,P1,Email,,,', 'T1,2026-03-02T10:30:00Z,reply,,,,agent,', 'T1,2026-03-02T11:00:00Z,reply,,,,agent,'],
      '2026-03-02T11:10:00Z',
    );
    // The verdict's row is the report's: the longest gap, and the open gap's due instant.
    expect(text).toContain('  Spans: pending, 30m of 2h, due 2026-03-02T13:00:00+00:00\n');
    expect(text).not.toContain('30m counted of 10m on the wall clock');
    expect(text).toContain(
      'Pending: 3 gaps between updates were measured, the longest 30m; the decisive one began 2026-03-02T11:00:00+00:00: 10m counted of 10m on the wall clock so far against the 2h (2 hours, severity P1) target, due 2026-03-02T13:00:00+00:00 if the ticket stays as it is.',
    );
  });

  it('next reply: a due instant of a cycle answered in time is not projected from the as-of instant', () => {
    const text = explain(
      'next reply',
      [
        'T1,2026-03-02T09:00:00Z,created,P1,Email,,,',
        'T1,2026-03-02T09:10:00Z,reply,,,,agent,',
        'T1,2026-03-02T10:00:00Z,reply,,,,customer,',
        'T1,2026-03-02T10:30:00Z,reply,,,,agent,',
        'T1,2026-03-02T11:00:00Z,reply,,,,customer,',
        'T1,2026-03-02T11:10:00Z,reply,,,,agent,',
      ],
      '2026-03-02T14:00:00Z',
    );
    expect(text).toContain('  Spans: pending, 30m of 2h, due 2026-03-02T12:00:00+00:00\n');
    expect(text).not.toContain('if the ticket stays as it is');
    expect(text).toContain(
      'Pending: 2 reply cycles were measured; the decisive one began 2026-03-02T10:00:00+00:00: 30m counted of 30m on the wall clock, within the 2h (2 hours, severity P1) target (due 2026-03-02T12:00:00+00:00); stopped by the agent reply (log line 5). No reply cycle is open at the as-of instant; the ticket is unresolved.',
    );
    expect(text).toContain('  2026-03-02T12:00:00+00:00  due      Spans target of 2h falls due, after the reply cycle that began 2026-03-02T10:00:00+00:00 ended.\n');
  });
});

// A met metric is settled: "falls due, after it was met (projected, if the
// ticket stays as it is)" said both, for a due instant after the as-of.
describe('slac explain on a met metric whose due instant is after the as-of instant', () => {
  it('tells the due instant as settled, not projected', () => {
    const text = explain('first response', ['T1,2026-03-02T10:00:00Z,created,P1,Email,,,', 'T1,2026-03-02T10:30:00Z,reply,,,,agent,'], '2026-03-02T11:00:00Z');
    expect(text).toContain('  Spans: met, 30m of 2h, due 2026-03-02T12:00:00+00:00\n');
    expect(text).toContain('  2026-03-02T12:00:00+00:00  due      Spans target of 2h falls due, after it was met.\n');
    expect(text).not.toContain('projected');
  });
});
