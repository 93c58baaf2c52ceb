import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * The Limit of Scheduled Maintenance (`at most 1 hour monthly`) did not say
 * in which time zone its months are cut, and `slac check` cuts them in one:
 * the window calendar's zone, or without a window the zone of the uptime
 * metric's clock (runtime/evaluate/maintenance.ts, maintenanceRulesFor). The
 * document now names that zone, as it does for availability. The check below
 * shows the runtime's cut: two hours of maintenance on the evening of
 * 31 March and the night of 1 April in New York are one hour in each New York
 * month (both Scheduled Maintenance), though both lie in April in UTC.
 */
const NIGHTS = 'calendar Nights {\n  timezone "Europe/Berlin"\n  hours Mon-Sun 00:00-06:00\n}\n';

const agreement = (window: string): string => `agreement M {
  title "M"
  provider "P"
  client "C"
}

calendar Office {
  timezone "America/New_York"
  hours Mon-Sun 00:00-24:00
}

${window === '' ? '' : NIGHTS}
severity P1 {
  default
}

metric Uptime {
  measures uptime
  clock Office
  excluding maintenance
  objective 99% monthly
}

maintenance {
  ${window}
  at most 1 hour monthly
}
`;

const OUTAGES = `start,end,kind
2026-03-31T22:30:00-04:00,2026-03-31T23:30:00-04:00,maintenance
2026-04-01T00:30:00-04:00,2026-04-01T01:30:00-04:00,maintenance
`;

const LIMIT = (zone: string): string =>
  `- **(a)** **Limit.** No more than 1 hour of maintenance in each month is Scheduled Maintenance, counted in the order the maintenance takes place. Months are counted in ${zone}. Maintenance beyond that counts as Downtime.`;

it('the Limit names the zone the months of maintenance are counted in, the one slac check cuts them in', () => {
  const folder = freshFolder('maintenance-cap-zone');
  write(folder, 'a.sla', agreement(''));
  write(folder, 'w.sla', agreement('window Nights'));
  write(folder, 'log.csv', `${LOG_HEADER}\n`);
  write(folder, 'outages.csv', OUTAGES);
  const plain = runBuiltCli(['compile', 'a.sla', '--format', 'md', '-o', '-'], folder);
  expect([plain.code, plain.stderr]).toEqual([0, '']);
  expect(plain.stdout).toContain(LIMIT('Eastern Time (America/New\\_York)'));
  const windowed = runBuiltCli(['compile', 'w.sla', '--format', 'md', '-o', '-'], folder);
  expect([windowed.code, windowed.stderr]).toEqual([0, '']);
  expect(windowed.stdout).toContain(LIMIT('Central European Time (Europe/Berlin)').replace('(a)', '(b)'));
  const check = runBuiltCli(['check', 'a.sla', 'log.csv', '--outages', 'outages.csv', '--as-of', '2026-04-02T00:00:00Z', '--format', 'json'], folder);
  const uptime = (JSON.parse(check.stdout) as { uptime: { period: string; maintenance?: { excludedMinutes: number; countedMinutes: number } }[] }).uptime;
  expect(uptime.map((row) => [row.period, row.maintenance])).toMatchObject([
    ['2026-03', { excludedMinutes: 60, countedMinutes: 0 }],
    ['2026-04', { excludedMinutes: 60, countedMinutes: 0 }],
  ]);
});
