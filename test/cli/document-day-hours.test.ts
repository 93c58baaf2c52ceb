import { expect, test } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';

// A notice of `3 days` is 72 hours of elapsed time (LANGUAGE.md, maintenance): announced Thursday 10:00 for
// Sunday 10:00, the Sunday summer time starts, it is 71 hours. The document must say what slac check counts,
// or the Client reads the notice as kept where the check counts the maintenance as Downtime.
const AGREEMENT = `agreement A {
  title "Notice"
  effective 2026-01-01
  provider "P"
  client "C"
}
calendar Always { timezone "Europe/London" hours Mon-Sun 00:00-24:00 }
maintenance { notice 3 days }
metric Up { measures uptime clock Always excluding maintenance objective 99% monthly }
`;

test('a notice in days is stated in the hours slac check counts', () => {
  const folder = freshFolder('day-hours');
  write(folder, 'a.sla', AGREEMENT);
  write(folder, 'tickets.csv', 'ticket,time,event\n');
  write(folder, 'outages.csv', 'start,end,kind,announced\n2026-03-29T10:00:00+01:00,2026-03-29T11:00:00+01:00,maintenance,2026-03-26T10:00:00+00:00\n');
  const compiled = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect(compiled.stdout).toContain('The Provider announces planned maintenance to the Client at least 3 days (72 hours) before it starts.');
  const checked = runBuiltCli(['check', 'a.sla', 'tickets.csv', '--outages', 'outages.csv', '--as-of', '2026-04-01T00:00:00Z'], folder);
  expect(checked.stdout).toContain('short notice (71h given, 72h required)');
});
