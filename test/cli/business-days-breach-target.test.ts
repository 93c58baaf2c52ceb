import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A breach of a `business days` target was listed with the target in hours
 * (`NW-1124  P2  Bug fix or workaround  target 20h 19m`): the open time from
 * that ticket's creation to the close of its due day, a figure the agreement
 * never states, and different for every ticket (16h, 20h 19m). The text
 * report now gives the target as agreed, then that figure:
 * `target 2 business days (20h 19m)`. Targets in hours are listed as before.
 */
describe('the text report lists a business-days target as agreed', () => {
  const run = runBuiltCli(['check', 'examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson', '--outages', 'examples/logs/hosting.outages.csv'], repoRoot);
  const breach = (ticket: string, metric: string) => run.stdout.split('\n').find((line) => line.startsWith(`  ${ticket} `) && line.includes(metric)) ?? '';

  it.each([
    ['NW-1124', 'Bug fix or workaround', /  target 2 business days \(20h 19m\)  +elapsed 316h 19m  /],
    ['NW-1274', 'Bug fix or workaround', /  target 2 business days \(16h\)  +elapsed 250h  /],
    ['NW-1044', 'Bug fix or workaround', /  target 10 business days \(80h\)  +elapsed 437h 41m 29s  /],
    ['NW-1169', 'First response', /  target 1h  +elapsed 2h 24m 55s  /],
  ])('%s, %s', (ticket, metric, target) => {
    expect(run.code).toBe(1);
    expect(breach(ticket, metric)).toMatch(target);
  });
});
