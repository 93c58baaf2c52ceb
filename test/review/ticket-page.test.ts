/**
 * The ticket page: a whole static page (landmarks, the site's stylesheet,
 * no script), the verdicts table and the timeline table with one row per
 * entry, everything from the log escaped; and the file it lives in.
 */
import { describe, expect, it } from 'vitest';
import { renderTicketPage, ticketPageFile } from '../../review/site/ticket-page.js';
import type { TicketTimeline } from '../../review/timeline/timeline.js';
import { ticketTimeline } from '../../review/timeline/timeline.js';
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
const html = renderTicketPage({ ...timeline, client: 'Finance' }, { agreementTitle: 'Support & Co', backHref: '../breaches.html', stylesheetHref: '../style.css' });

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

  it('shows the verdict with its exact figures, and the client', () => {
    // 09:00 to 10:30: 90 minutes against 60, due 10:00.
    expect(html).toContain('<dt>Client</dt><dd>Finance</dd>');
    expect(html).toMatch(/<tr><th scope="row">FirstResponse<\/th><td class="missed" data-value="breached">breached<\/td><td class="num" data-value="90">1h 30m<\/td><td class="num" data-value="60">1h<\/td><td>2026-03-02T10:00:00-05:00<\/td>/);
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
