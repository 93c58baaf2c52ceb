import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, firstResponseMetric, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * The words of slac's outputs named a service level by its name in the
 * source (`FirstResponse`, `Fix`) where the document the client signed calls
 * it by its title ("First response", "Bug fix"): explain's Metrics lines,
 * the ticket pages of the site, the review triggers of check and of the
 * site's overview, the site's breached tickets, the review pack's major
 * incidents and recurring issues. They now use the title, as credit-titles
 * does for credits. `Fix` has no objective, so no report row carries its
 * title: only the model knows it.
 */
const AGREEMENT = `${aroundTheClockAgreement('K')}
${firstResponseMetric('objective 95% monthly')}
metric Fix {
  title "Bug fix"
  measures resolution
  clock Always
  target 4 hours
}

review {
  every 12 months
  also after major incident
}
`;

/** Three P1 tickets, each answered after 3 hours and resolved after 11: both targets breached on each. */
const LOG = ['A', 'B', 'C']
  .flatMap((ticket, day) => [
    { ticket, time: `2026-04-0${day + 1}T09:00:00Z`, event: 'created' },
    { ticket, time: `2026-04-0${day + 1}T12:00:00Z`, event: 'reply', author: 'agent' },
    { ticket, time: `2026-04-0${day + 1}T20:00:00Z`, event: 'resolved' },
  ])
  .map((row) => JSON.stringify(row))
  .join('\n');

/** The one line on the agreement's warning (SLA4060): its review cadence has no `effective` date to count from (SLA3035). */
const AGREEMENT_WARNING = "a.sla: warning: the agreement has 1 warning (SLA3035), not listed here: `slac validate a.sla` lists it [SLA4060]\n";

function folderWithInputs(): string {
  const folder = folderWithAgreementAndLog('metric-titles', AGREEMENT, `${LOG}\n`);
  return folder;
}

describe('a metric named by its title in the words of an output', () => {
  it('slac explain: the Metrics lines', () => {
    const run = runBuiltCli(['explain', 'a.sla', 'log.ndjson', 'A'], folderWithInputs());
    expect([run.code, run.stderr]).toEqual([0, AGREEMENT_WARNING]);
    expect(run.stdout).toContain('\n  First response: breached, 3h of 1h, due 2026-04-01T10:00:00+00:00\n');
    expect(run.stdout).toContain('\n  Bug fix: breached, 11h of 4h, due 2026-04-01T13:00:00+00:00\n');
  });

  let site = '';
  beforeAll(() => {
    const folder = folderWithInputs();
    expect(runBuiltCli(['report', 'a.sla', 'log.ndjson', '-o', 'site'], folder).code).toBe(0);
    site = join(folder, 'site');
  });
  const page = (file: string): string => readFileSync(join(site, file), 'utf8');

  it('slac report: the ticket page, its verdicts and its timeline (the site)', () => {
    const ticketPage = page('tickets/A.html');
    expect(ticketPage).toContain('<th scope="row" data-value="FirstResponse">First response</th>');
    expect(ticketPage).toContain('<th scope="row" data-value="Fix">Bug fix</th>');
    expect(ticketPage).toContain('<td data-value="Fix">Bug fix</td>');
    expect(ticketPage).not.toMatch(/>(FirstResponse|Fix)</);
  });

  it('slac check: the review triggers', () => {
    const run = runBuiltCli(['check', 'a.sla', 'log.ndjson'], folderWithInputs());
    expect([run.code, run.stderr]).toEqual([1, AGREEMENT_WARNING]);
    expect(run.stdout).toContain('\n  also due: ticket A (P1) breached First response, Bug fix\n');
  });

  it('slac report: the review triggers of the overview (the site)', () => {
    expect(page('index.html')).toContain('<td>P1 ticket breached First response, Bug fix</td>');
  });

  it('slac report: the breached tickets (the site)', () => {
    expect(page('breaches/page-1.html')).toContain('<td>First response: 180 of 60; Bug fix: 660 of 240</td>');
  });

  it('slac report --format pdf: the major incidents and the recurring issues of the review pack', () => {
    const folder = folderWithInputs();
    expect(runBuiltCli(['report', 'a.sla', 'log.ndjson', '--format', 'pdf', '-o', 'pack'], folder).code).toBe(0);
    const lines = execFileSync('pdftotext', ['-layout', join(folder, 'pack', 'a-review.pdf'), '-'], { encoding: 'utf8' }).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    // Ticket, created, channel (none: said as the recurring issues below say it), targets breached.
    expect(lines).toContain('A 2026-04-01T09:00:00+00:00 (no channel) First response, Bug fix');
    // Metric breached, severity, channel, tickets, months, first and last ticket.
    expect(lines).toContain('First response P1 (no channel) 3 2026-04 A…C');
    expect(lines).toContain('Bug fix P1 (no channel) 3 2026-04 A…C');
  });
});
