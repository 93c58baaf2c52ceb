import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli, runBuiltCliOnThreads } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';

/**
 * Hosting's credits have tiers on its Uptime metric (`when Uptime below
 * 99.9% credit 5%`...). Without `--outages`, uptime is not measured, so
 * those tiers cannot apply: slac check reported 5% a month from First
 * response alone, in every format, without a word. It now warns (SLA4064),
 * on stderr and in the JSON report's warnings, on one thread and on two;
 * with the outage log, or for an agreement whose credits rest on no uptime
 * metric (Poologics sets none), nothing is said.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);
const hosting = ['check', example('hosting.sla'), example('logs', 'hosting.tickets.ndjson')];
const WARNING = "--outages: warning: no outage log was given, so 'Uptime' is not measured and the service credits that depend on it are not counted";

describe('slac check: credit tiers on an uptime metric, without an outage log', () => {
  it.each([
    ['hosting without --outages, text', [...hosting], 1],
    ['hosting without --outages, JSON', [...hosting, '--format', 'json'], 1],
    ['hosting with --outages', [...hosting, '--outages', example('logs', 'hosting.outages.csv')], 0],
    ['poologics without --outages (no credits)', ['check', example('poologics.sla'), example('logs', 'poologics.tickets.csv')], 0],
  ] as const)('%s', (_name, args, warnings) => {
    const run = runBuiltCli(args, freshFolder('uptime-credits'));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.split(WARNING).length - 1, run.stderr).toBe(warnings);
    if (args.includes('json')) {
      const codes = (JSON.parse(run.stdout) as { warnings: { code: string }[] }).warnings.map((warning) => warning.code);
      expect(codes).toContain('SLA4064');
    }
  });

  it('says the same on two threads as on one', () => {
    const one = runBuiltCli([...hosting, '--jobs', '1'], freshFolder('uptime-credits'));
    const two = runBuiltCliOnThreads([...hosting, '--jobs', '2'], freshFolder('uptime-credits'));
    expect(two.stderr).toContain(WARNING);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  });
});
