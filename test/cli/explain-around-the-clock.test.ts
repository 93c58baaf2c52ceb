import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac explain` said "23h 30m of business time counted" for a metric whose
 * clock is open around the clock, where the agreement document states the
 * target in hours, not business hours, and defines no Business Time for it.
 * It now words the time counted as the document does: business time only on
 * a calendar with closed time (holidays close a calendar otherwise open
 * every hour, and the document says business hours there). Text and JSON,
 * through the built CLI.
 */
const AGREEMENT = `agreement U {
  title "U"
  provider "P"
  client "C"
}

calendar Office {
  timezone "UTC"
  hours Mon-Fri 09:00-17:00
}

calendar Always {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}

calendar AlwaysButChristmas {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
  holidays { annually 12-25 "Christmas Day" }
}

channel Email {
  hours Office
}

severity P1 {
  default
}

metric Reply {
  measures first response
  clock Office
  target 8 hours
}

metric Fix {
  measures resolution
  clock Always
  target 24 hours
}

metric Repair {
  measures resolution
  clock AlwaysButChristmas
  target 48 hours
}
`;

const LOG = `${LOG_HEADER}
T1,2026-03-02T09:00:00Z,created,P1,Email,,,
T1,2026-03-02T10:00:00Z,reply,,,,agent,
T1,2026-03-03T08:30:00Z,resolved,,,,,
`;

const REASONS = {
  Reply: 'Met: 1h of business time counted of 1h on the wall clock, within the 8h (8 business hours, severity P1) target; stopped by the agent reply (log line 3).',
  Fix: 'Met: 23h 30m counted of 23h 30m on the wall clock, within the 24h (24 hours, severity P1) target; stopped by the resolution (log line 4).',
  Repair: 'Met: 23h 30m of business time counted of 23h 30m on the wall clock, within the 48h (48 business hours, severity P1) target; stopped by the resolution (log line 4).',
};

it('explain counts business time only on a calendar with closed time, as the document words the targets', () => {
  const folder = freshFolder('explain-around-the-clock');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'log.csv', LOG);
  const text = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1'], folder);
  expect(text.stderr).toBe('');
  expect(text.code).toBe(0);
  for (const reason of Object.values(REASONS)) expect(text.stdout).toContain(`\n    ${reason}\n`);
  const json = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T1', '--format', 'json'], folder);
  expect(json.code).toBe(0);
  const reasons = Object.fromEntries((JSON.parse(json.stdout) as { metrics: { metric: string; reason: string }[] }).metrics.map((row) => [row.metric, row.reason]));
  expect(reasons).toEqual(REASONS);
});
