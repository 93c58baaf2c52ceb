/**
 * A portfolio's index: the clients, each with its headline figures and a
 * link to its own pages.
 */
import type { PortfolioFigures } from '../data/run-check.js';
import type { SiteData } from '../data/site-data.js';
import { hrefTo, num, page, section, table, textHtml } from './html.js';

/** A client's figures and where its overview is, from the site root. */
export interface ClientLink {
  data: SiteData;
  href: string;
}

/**
 * The cells for a client whose agreement sets no service credits or no
 * escalation levels, as the pack says it: a 0 read as credits or levels
 * agreed and none owed.
 */
const SETS_NO_CREDITS = 'sets no service credits';
const SETS_NO_LEVELS = 'sets no escalation levels';

/** The portfolio's index page. */
export function portfolioIndexPage(figures: PortfolioFigures, clients: readonly ClientLink[], footer: string): string {
  const rows = clients.map(({ data, href }) => [
    { text: data.client ?? data.agreement, href: hrefTo(href) },
    data.agreement,
    num(data.totals.tickets),
    num(data.totals.breachedTickets),
    num(data.objectives.filter((row) => row.ok === false).length + data.uptime.filter((row) => row.ok === false).length),
    data.setsCredits ? num(data.credits.length) : SETS_NO_CREDITS,
    data.setsEscalation ? num(data.escalations.late + data.escalations.missed) : SETS_NO_LEVELS,
  ]);
  const body = [
    `<dl class="facts">
<dt>Figures as of</dt><dd>${textHtml(figures.asOf)}</dd>
<dt>Span reported</dt><dd>${textHtml(portfolioSpanText(clients.map((client) => client.data)))}</dd>
</dl>`,
    '<p>Each client has its own pages: objectives, uptime, credits, escalations, breaches and the breached tickets.</p>',
    section(
      'clients',
      'Clients',
      table('clients-table', 'Clients of the portfolio', ['Client', 'Agreement', 'Tickets', 'Tickets with a breach', 'Objectives missed (periods)', 'Periods with credits owed', 'Escalations late or missed'], rows),
    ),
    figures.unassignedInvalidRows > 0 ? `<p class="note">${figures.unassignedInvalidRows} log rows went to no client and were left out as invalid.</p>` : '',
  ].join('\n');
  return page({ title: 'Service level portal', site: figures.portfolio, root: '', nav: [{ text: 'All clients', href: 'index.html', current: true }], footer }, body);
}

/**
 * The span every client's figures are of (`--period`, `--from/--to`), or the
 * months of the log across the clients: without it, a portal built for March
 * read as if its counts were of the whole log.
 */
function portfolioSpanText(clients: readonly SiteData[]): string {
  const label = clients.find((data) => data.spanLabel !== undefined)?.spanLabel;
  if (label !== undefined) return label;
  const months = clients.flatMap((data) => data.months.map((month) => month.month)).sort();
  return months.length === 0 ? 'the whole log' : `the whole log (${months[0]!} to ${months[months.length - 1]!})`;
}
