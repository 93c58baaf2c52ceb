import { expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// N Business Days are counted from the day the Ticket was opened, and that day is its date in the calendar's time
// zone (runtime/clock/open-time.ts, `closeOfNthOpenDay`): opened at 23:30 UTC on Monday 2 March, a Ticket under a
// Berlin calendar was opened on Tuesday, and 1 Business Day falls due at Wednesday's close. A Client in London or
// New York reads "the day the Ticket was opened" on their own clock, and holds the Provider to Tuesday's close,
// unless the definition says whose day it is.
const AGREEMENT = `agreement A {
  title "Days"
  effective 2026-03-01
  provider "P"
  client "C"
}
calendar Office { timezone "Europe/Berlin" hours Mon-Fri 09:00-17:00 }
severity S { description "Any." default }
metric Fix { title "Fix" measures resolution clock Office target 1 business day }
`;

test('the Business Day definition says the days are the calendar’s, as slac check counts them', () => {
  const folder = freshFolder('business-day-zone');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'tickets.ndjson', '{"ticket":"T-1","time":"2026-03-02T23:30:00Z","event":"created"}\n');
  const checked = runBuiltCli(['check', 'a.sla', 'tickets.ndjson', '--format', 'json'], folder);
  const report = JSON.parse(checked.stdout) as { tickets: { metrics: { Fix: { due: string } } }[] };
  expect(report.tickets[0]!.metrics.Fix.due).toBe('2026-03-04T17:00:00+01:00');
  const compiled = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(compiled.stdout.replace(/\s+/g, ' ')).toContain(
    'Business Days are counted in the calendar’s time zone: the day a Ticket was opened is the date there when it was opened, whatever the time zone of either party.',
  );
});
