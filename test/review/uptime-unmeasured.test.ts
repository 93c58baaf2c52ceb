import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';

/**
 * Where no uptime row is shown, the site and the review pack said "No uptime
 * is reported: the agreement measures none, or no outage log was given",
 * and left the reader to guess which; of an agreement whose credits rest on
 * uptime (hosting), not a word that those credits went uncounted. Each case
 * now says which, through the built CLI as users run `slac report`.
 */
const UNCOUNTED = 'No uptime is reported: no outage log was given, so Platform availability is not measured, and the service credits that depend on it are not counted.';

/** The site's overview and the page of one of its months. */
function site(args: readonly string[], month: string): { overview: string; month: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slac-uptime-site-'));
  const run = runBuiltCli(['report', ...args, '-o', dir], repoRoot);
  expect(run.code, run.stderr).toBe(0);
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8').replace(/\s+/g, ' ');
  return { overview: read('index.html'), month: read(`periods/${month}.html`), stderr: run.stderr };
}

describe('slac report: the uptime section when no uptime row is shown', () => {
  it.each([
    ['hosting without --outages: uptime credits not counted', ['examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson'], '2026-05', UNCOUNTED],
    ['poologics without --outages: uptime not measured, no credits on it', ['examples/poologics.sla', 'examples/logs/poologics.tickets.csv'], '2026-03', 'No uptime is reported: no outage log was given, so Service availability is not measured.'],
    ['finance: measures no uptime', ['examples/multilevel/finance.sla', 'examples/logs/finance.tickets.ndjson', '--outages', 'examples/logs/finance.outages.csv'], '2026-03', 'The agreement measures no uptime.'],
  ])('%s, on the overview and on a month page', (_name, args, monthName, sentence) => {
    const { overview, month } = site(args, monthName);
    expect(overview).toContain(`<p>${sentence}</p>`);
    expect(month).toContain(`<p>${sentence}</p>`);
  });

  it('hosting with its outage log: uptime rows, no such sentence', () => {
    const { overview, month } = site(['examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson', '--outages', 'examples/logs/hosting.outages.csv'], '2026-05');
    for (const page of [overview, month]) {
      expect(page).not.toContain('No uptime is reported');
      expect(page).toContain('Platform availability per period');
    }
  });

  it('the review pack of hosting without --outages says the same, and the check warns (SLA4064)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-uptime-pack-'));
    const run = runBuiltCli(['report', 'examples/hosting.sla', 'examples/logs/hosting.tickets.ndjson', '--format', 'pdf', '-o', dir], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('[SLA4064]');
    const text = execFileSync('pdftotext', [join(dir, 'hosting-review.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(UNCOUNTED);
  }, 120_000);
});
