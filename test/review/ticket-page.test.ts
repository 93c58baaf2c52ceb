/**
 * The ticket page: a whole static page (landmarks, the site's stylesheet,
 * no script), the verdicts table and the timeline table with one row per
 * entry, everything from the log escaped; and the file it lives in.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TIMELINE_ROWS, renderTicketPage, ticketPageFile } from '../../review/site/ticket-page.js';
import type { TicketTimeline } from '../../review/timeline/timeline.js';
import { ticketTimeline } from '../../review/timeline/timeline.js';
import { metricTitles } from '../../runtime/report/metric-titles.js';
import { agreement, at, events, hours, metric } from '../runtime/evaluate/fixtures.js';

const model = agreement({ metrics: [metric('FirstResponse', 'firstResponse', { target: hours(1), title: 'First response' })] });
const timeline: TicketTimeline = ticketTimeline(
  model,
  events([
    ['<b>&"x"', '2026-03-02T09:00:00-05:00', 'created'],
    ['<b>&"x"', '2026-03-02T10:30:00-05:00', 'reply', { author: 'agent' }],
  ]),
  at('2026-03-02T10:30:00-05:00'),
);
const html = renderTicketPage({ ...timeline, client: 'Finance' }, { agreementTitle: 'Support & Co', backHref: '../breaches.html', stylesheetHref: '../style.css', metricTitles: metricTitles(model) });

describe('renderTicketPage', () => {
  it('is a whole page with landmarks, the given stylesheet and back link, and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    for (const landmark of ['<header>', '<main>', '<footer>', '<nav aria-label="Report">']) expect(html).toContain(landmark);
    expect(html).toContain('<link rel="stylesheet" href="../style.css">');
    expect(html).toContain('<a href="../breaches.html">Back to the breached tickets</a>');
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).toContain('<title>Ticket &lt;b&gt;&amp;&quot;x&quot; — Support &amp; Co</title>');
    expect(html).not.toContain('<b>&');
  });

  it('shows the verdict with its exact figures, and the client; the metric by its title, as the document names it', () => {
    // 09:00 to 10:30: 90 minutes against 60, due 10:00.
    expect(html).toContain('<dt>Client</dt><dd>Finance</dd>');
    expect(html).toMatch(/<tr><th scope="row" data-value="FirstResponse">First response<\/th><td class="missed" data-value="breached">breached<\/td><td class="num" data-value="90">1h 30m<\/td><td class="num" data-value="60">1h<\/td><td><span class="nobr">2026-03-02T10:00:00-05:00<\/span><\/td>/);
  });

  it('has one timeline row per entry, in order, with the kind in words', () => {
    const rows = [...html.matchAll(/<tr><th scope="row" data-value="(\d+)">([^<]+)<\/th><td[^>]*>([^<]+)<\/td>/g)].map((match) => [match[2], match[3]]);
    expect(rows).toEqual([
      ['2026-03-02T09:00:00-05:00', 'Created'],
      ['2026-03-02T10:00:00-05:00', 'Breached'],
      ['2026-03-02T10:30:00-05:00', 'Reply'],
    ]);
    expect(rows).toHaveLength(timeline.entries.length);
  });
});

describe('the verdicts column of time counted', () => {
  // A metric on a calendar open around the clock counts plain time, not business time (as explain, the
  // document and the breached tickets' page say): the column named every figure 'Business time counted'.
  it('names the time counted, not business time', () => {
    const aroundTheClock = agreement({ metrics: [metric('Fix', 'resolution', { target: hours(48), clock: 'AroundTheClock' })] });
    const page = renderTicketPage(ticketTimeline(aroundTheClock, events([['T1', '2026-03-02T09:00:00-05:00', 'created']]), at('2026-03-03T09:00:00-05:00')), {
      agreementTitle: 'A',
      backHref: '../breaches.html',
      stylesheetHref: '../style.css',
      metricTitles: metricTitles(aroundTheClock),
    });
    expect(page).toContain('<th scope="col">Time counted</th>');
    expect(page).not.toContain('Business time');
  });
});

describe('ticketPageFile', () => {
  it.each([
    ['LF-1164', 'tickets/LF-1164.html'],
    ['a/b c', 'tickets/a%2Fb%20c.html'],
    ['..', 'tickets/%2E..html'],
    ["it's*", 'tickets/it%27s%2A.html'],
  ])('%s lives in %s', (ticket, file) => {
    expect(ticketPageFile(ticket)).toBe(file);
  });

  it('gives different ids different files', () => {
    const ids = ['a', 'A', 'a b', 'a%20b', 'a+b', 'a/b', 'a%2Fb'];
    expect(new Set(ids.map(ticketPageFile)).size).toBe(ids.length);
  });
});

describe('renderTicketPage: a ticket with more entries than a page lists', () => {
  /** A timeline of `count` status entries a minute apart. */
  const longTimeline = (count: number): TicketTimeline => ({
    ...timeline,
    entries: Array.from({ length: count }, (_, index) => ({
      time: Date.UTC(2026, 2, 2) + index * 60_000,
      local: `entry-${index}`,
      kind: 'status' as const,
      text: `Status set to open (${index}).`,
    })),
  });
  const pageOf = (count: number): string => renderTicketPage(longTimeline(count), { agreementTitle: 'A', backHref: 'b.html', stylesheetHref: 's.css', metricTitles: metricTitles(model) });
  const rowTimes = (page: string): string[] => [...page.matchAll(/<tr><th scope="row" data-value="\d+">([^<]+)<\/th>/g)].map((match) => match[1]!).filter((text) => text.startsWith('entry-') || text === '…');

  it.each([
    // entries, rows listed (the left-out row counted), entries left out
    [MAX_TIMELINE_ROWS, MAX_TIMELINE_ROWS, 0],
    [MAX_TIMELINE_ROWS + 1, MAX_TIMELINE_ROWS + 1, 1],
    [100_000, MAX_TIMELINE_ROWS + 1, 99_000],
  ])('%i entries: %i rows, %i left out', (count, rows, leftOut) => {
    const page = pageOf(count);
    const times = rowTimes(page);
    expect(times).toHaveLength(rows);
    if (leftOut === 0) {
      expect(page).not.toContain('Left out');
      expect(page).not.toContain('leaves out');
      return;
    }
    // The first 500 and the last 500, in order, with one row between them.
    expect(times.slice(0, 500)).toEqual(Array.from({ length: 500 }, (_, index) => `entry-${index}`));
    expect(times[500]).toBe('…');
    expect(times.slice(501)).toEqual(Array.from({ length: 500 }, (_, index) => `entry-${count - 500 + index}`));
    const shown = (entries: number): string => entries.toLocaleString('en-US');
    // The id <b>&"x", quoted for a shell (review/site/explain-command.ts) and escaped for HTML.
    const id = `'&lt;b&gt;&amp;&quot;x&quot;'`;
    expect(page).toContain(
      leftOut === 1
        ? `<td>Left out</td><td></td><td>1 entry, at entry-500, is not listed here: slac explain AGREEMENT LOG ${id} prints it.</td>`
        : `<td>Left out</td><td></td><td>${shown(leftOut)} entries, from entry-500 to entry-${count - 501}, are not listed here: slac explain AGREEMENT LOG ${id} prints them.</td>`,
    );
    expect(page).toContain(
      `<p class="note">This ticket's timeline has ${shown(count)} entries; this page lists the first 500 and the last 500, and leaves out the ${shown(leftOut)} ${leftOut === 1 ? 'entry' : 'entries'} between them ` +
        `(the metric verdicts above are of the whole ticket). Every entry: slac explain AGREEMENT LOG ${id}.</p>`,
    );
  });

  it('keeps a page of 100,000 entries to about the size of one of 1,000', () => {
    // 100,000 entries took 18 MB before the cap.
    expect(pageOf(100_000).length).toBeLessThan(pageOf(MAX_TIMELINE_ROWS).length * 1.05);
  });
});
