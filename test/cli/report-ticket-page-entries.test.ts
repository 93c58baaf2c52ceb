import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TIMELINE_ROWS } from '../../review/site/ticket-page.js';
import { runBuiltCli } from './built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from './hardening-fixtures.js';

/**
 * `slac report` writes a timeline page for each of the 1,000 most recent
 * breached tickets, and a page listed every entry of its ticket: a ticket
 * with 100,000 events made a page of 18 MB (18,791,453 bytes). A page now
 * lists at most MAX_TIMELINE_ROWS entries, the first and the last half, with
 * a row between them and a note that say how many are left out and that
 * `slac explain` prints them all. Through the built CLI.
 */

/** A log of two breached tickets, T-1 with `statuses` status events after its creation and T-2 with none, and T-3 weeks after them all, which the check is as of. */
function log(statuses: number): string {
  const rows = [LOG_HEADER, 'T-1,2026-03-02T09:00:00+01:00,created,High,Email,,,'];
  const start = Date.parse('2026-03-02T12:00:00+01:00');
  for (let index = 0; index < statuses; index++) rows.push(`T-1,${new Date(start + index * 60_000).toISOString()},status,,,open,,`);
  rows.push('T-2,2026-03-02T09:00:00+01:00,created,High,Email,,,', 'T-3,2026-04-01T09:00:00+02:00,created,High,Email,,,');
  return `${rows.join('\n')}\n`;
}

/** The time cells of a page's timeline table (the left-out row's is `…`). */
const timelineRows = (page: string): string[] =>
  [...page.slice(page.indexOf('<table id="timeline-entries">')).matchAll(/<tr><th scope="row" data-value="\d+">([^<]+)<\/th>/g)].map((match) => match[1]!);

describe('slac report: the timeline page of a ticket with many events', () => {
  it.each([
    // status events, timeline entries (created, breached and the statuses), rows listed
    [0, 2, 2],
    [MAX_TIMELINE_ROWS - 2, MAX_TIMELINE_ROWS, MAX_TIMELINE_ROWS],
    [20_000, 20_002, MAX_TIMELINE_ROWS + 1],
  ])('%i status events: %i entries, %i rows on the page', (statuses, entries, rows) => {
    const folder = freshFolder('report-ticket-page');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', log(statuses));
    const run = runBuiltCli(['report', 'a.sla', 'log.csv', '-o', 'site'], folder);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^slac: wrote \d+ pages \(2 ticket timelines\) to site; open site\/index.html.\n$/) });
    const page = readFileSync(join(folder, 'site', 'tickets', 'T-1.html'), 'utf8');
    expect(timelineRows(page)).toHaveLength(rows);
    // slac explain prints every entry: one line each.
    const explained = runBuiltCli(['explain', 'a.sla', 'log.csv', 'T-1'], folder);
    expect(explained.stdout.match(/^ {2}\d{4}-\d\d-\d\dT/gm)).toHaveLength(entries);
    if (rows === entries) {
      expect(page).not.toContain('Left out');
      return;
    }
    const leftOut = (entries - MAX_TIMELINE_ROWS).toLocaleString('en-US');
    expect(page).toContain(
      `<p class="note">This ticket's timeline has ${entries.toLocaleString('en-US')} entries; this page lists the first 500 and the last 500, and leaves out the ${leftOut} entries between them ` +
        '(the metric verdicts above are of the whole ticket). Every entry: slac explain AGREEMENT LOG T-1.</p>',
    );
    expect(page).toMatch(new RegExp(`<td>Left out</td><td></td><td>${leftOut} entries, from <span class="nobr">\\S+</span> to <span class="nobr">\\S+</span>, are not listed here: slac explain AGREEMENT LOG T-1 prints them.</td>`));
    // 20,003 rows made 3.8 MB; 1,001 rows are under 250 KB.
    expect(statSync(join(folder, 'site', 'tickets', 'T-1.html')).size).toBeLessThan(250_000);
  }, 60_000);
});
