import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, firstResponseMetric, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * The line `slac report` ends with counts the ticket timelines it wrote: one
 * was "(1 ticket timelines)". A timeline is written for each breached ticket: each
 * of these is answered after 3 hours, against a 1-hour target.
 */
const AGREEMENT = `${aroundTheClockAgreement('K')}
${firstResponseMetric()}`;

const row = (ticket: string, time: string, event: string, more: Record<string, string> = {}): string => JSON.stringify({ ticket, time, event, ...more });

describe('slac report: the line saying what it wrote', () => {
  it.each([
    { tickets: ['A'], words: '(1 ticket timeline)' },
    { tickets: ['A', 'B'], words: '(2 ticket timelines)' },
  ])('$words', ({ tickets, words }) => {
    const log = tickets.flatMap((ticket) => [row(ticket, '2026-04-01T09:00:00Z', 'created'), row(ticket, '2026-04-01T12:00:00Z', 'reply', { author: 'agent' })]).join('\n');
    const folder = folderWithAgreementAndLog(`report-summary-${tickets.length}`, AGREEMENT, `${log}\n`);
    const run = runBuiltCli(['report', 'a.sla', 'log.ndjson', '-o', 'site'], folder);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^slac: wrote \\d+ pages \\${words.slice(0, -1)}\\) to site; open site/index\\.html\\.\\n$`));
  });
});
