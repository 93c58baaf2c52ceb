import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder, write } from './hardening-fixtures.js';
import { join } from 'node:path';

/**
 * A ticket whose log gives no channel: `slac explain` left the channel out
 * of its heading, its created entry and the target it names, where the
 * site's ticket page and the review pack say "(no channel)". The heading now
 * says "(no channel)" and the sentences "with no channel", as a ticket with
 * one reads "channel Chat" and "via Chat".
 */
const poologics = ['examples/poologics.sla', 'examples/logs/poologics.tickets.csv'];

// hosting.sla sets `target P3 via Email 4 hours`: the target a ticket without a channel gets is the severity's own.
const HOSTING_LOG = `ticket,time,event,severity,channel,status,author,level
H-1,2026-03-02T09:00:00Z,created,P3,,,,
H-1,2026-03-02T10:00:00Z,reply,,,,agent,
H-2,2026-03-02T09:00:00Z,created,P3,Email,,,
H-2,2026-03-02T10:00:00Z,reply,,,,agent,
`;

describe('slac explain: a ticket with no channel', () => {
  const cases: [ticket: string, heading: string, created: string][] = [
    ['PL-1222', 'Ticket PL-1222 (severity Critical, no channel)', 'Ticket PL-1222 was created at severity Critical with no channel (log line 582); the clocks start.'],
    ['PL-1018', 'Ticket PL-1018 (severity Critical, channel Chat)', 'Ticket PL-1018 was created at severity Critical via Chat (log line 2); the clocks start.'],
  ];
  it.each(cases)('%s: the heading and the created entry name the channel or "(no channel)"', (ticket, heading, created) => {
    const run = runBuiltCli(['explain', ...poologics, ticket], repoRoot);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(heading);
    expect(lines.find((line) => line.includes('  created  '))).toContain(created);
  });

  it('gives the JSON entry the same sentence', () => {
    const run = runBuiltCli(['explain', ...poologics, 'PL-1222', '--format', 'json'], repoRoot);
    expect(run.code).toBe(0);
    const timeline = JSON.parse(run.stdout) as { channel?: string; entries: { kind: string; text: string }[] };
    expect(timeline.entries.find((entry) => entry.kind === 'created')?.text).toContain('at severity Critical with no channel (log line 582)');
  });

  it('names "with no channel" in the target of a metric whose targets vary by channel', () => {
    const folder = freshFolder('explain-no-channel');
    write(folder, 'log.csv', HOSTING_LOG);
    const target = (ticket: string): string | undefined => {
      const run = runBuiltCli(['explain', join(repoRoot, 'examples', 'hosting.sla'), 'log.csv', ticket], folder);
      expect(run.code, run.stderr).toBe(0);
      return /\(\d+ hours, severity P3[^)]*\)/.exec(run.stdout)?.[0];
    };
    expect(target('H-1')).toBe('(8 hours, severity P3 with no channel)');
    expect(target('H-2')).toBe('(4 hours, severity P3 via Email)');
  });
});
