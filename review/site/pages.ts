/**
 * The pages of one agreement's (or one client's) site: the overview, one
 * page per month, and the breached-tickets table split into pages. Each is
 * HTML text made from `SiteData` and the charts rendered for it; paths are
 * relative, so the site opens from disk.
 */
import { plural } from '../../compiler/english.js';
import { NO_CHANNEL, type BreachedTicket, type MonthFigures, type SiteData } from '../data/site-data.js';
import { AFTER_AS_OF_MONTH, afterAsOfMonthText, escalationsDueLaterText, monthAfterAsOf, noCreditsText, noEscalationText, noUptimeText, spanAfterAsOfText, widerPeriodsText } from '../data/figure-text.js';
import { hrefTo, num, page, section, table, textHtml, type Cell, type PageFrame } from './html.js';
import {
  breachCountsSection,
  creditsSection,
  escalationsSection,
  monthMetricsSection,
  objectivesSection,
  reviewSection,
  uptimeSection,
  type ChartSvgs,
} from './sections.js';
import { reportMetricSlugs, type ChartFigure } from '../charts/figures.js';
import { metricTitles, titleOf } from '../../runtime/report/metric-titles.js';

/** Breached tickets listed per page of the table. */
export const BREACHES_PER_PAGE = 500;

/** Where a page of the agreement's site sits, relative to the agreement's folder. */
export const PAGE_FILES = {
  overview: 'index.html',
  month: (month: string) => `periods/${month}.html`,
  breaches: (pageNumber: number) => `breaches/page-${pageNumber}.html`,
};

/** What the pages of one agreement share. */
export interface SiteFrame {
  /** The agreement's title, or a client's name and agreement. */
  site: string;
  /** From the agreement's folder to the site root (`''`, or `'../../'` for a portfolio client). */
  toRoot: string;
  /** The portfolio's index, from the site root, when the agreement is one client of a portfolio. */
  portfolioIndex?: string;
  footer: string;
}

/** Relative path from a page at `from` (agreement-folder relative) to `to`. */
function relative(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${hrefTo(to)}`;
}

function frameFor(data: SiteData, frame: SiteFrame, file: string, title: string, current: string): PageFrame {
  const pageCount = breachPageCount(data);
  const nav = [
    ...(frame.portfolioIndex === undefined ? [] : [{ text: 'All clients', href: `${'../'.repeat(file.split('/').length - 1)}${frame.toRoot}${frame.portfolioIndex}` }]),
    { text: 'Overview', href: relative(file, PAGE_FILES.overview), current: current === 'overview' },
    { text: 'Periods', href: `${relative(file, PAGE_FILES.overview)}#periods` },
    ...(pageCount > 0 ? [{ text: 'Breached tickets', href: relative(file, PAGE_FILES.breaches(1)), current: current === 'breaches' }] : []),
  ];
  return { title, site: frame.site, root: `${'../'.repeat(file.split('/').length - 1)}${frame.toRoot}`, nav, footer: frame.footer };
}

/** How many pages the breached-tickets table takes. */
export function breachPageCount(data: SiteData): number {
  return Math.ceil(data.breached.length / BREACHES_PER_PAGE);
}

/** The overview: the agreement, totals, and every section over the whole span, with links to each month. */
export function overviewPage(data: SiteData, frame: SiteFrame, charts: readonly ChartFigure[], svgs: ChartSvgs): string {
  const file = PAGE_FILES.overview;
  const facts = `<dl class="facts">
<dt>Agreement</dt><dd>${textHtml(data.agreement)}</dd>
${data.client === undefined ? '' : `<dt>Client</dt><dd>${textHtml(data.client)}</dd>\n`}<dt>Figures as of</dt><dd>${textHtml(data.asOf)}</dd>
<dt>Span reported</dt><dd>${textHtml(spanText(data))}</dd>
</dl>`;
  const totals = table('totals', 'Totals over the span reported', ['Figure', 'Value'], [
    ['Tickets', num(data.totals.tickets)],
    ['Tickets with a breach', num(data.totals.breachedTickets)],
    ['Ticket metrics met', num(data.totals.met)],
    ['Ticket metrics breached', num(data.totals.breached)],
    ['Ticket metrics pending', num(data.totals.pending)],
    ...(data.invalidRows > 0 ? [['Log rows left out as invalid', num(data.invalidRows)] as Cell[]] : []),
  ]);
  const afterAsOf = spanAfterAsOfText(data);
  const body = [
    section('summary', 'Summary', `${facts}\n${afterAsOf === undefined ? '' : `<p class="note">${textHtml(afterAsOf)}</p>\n`}${totals}`),
    objectivesSection(data.objectives, charts, svgs, reportMetricSlugs(data), undefined, widerPeriodsText(data)),
    uptimeSection(data.uptime, charts, svgs, reportMetricSlugs(data), noUptimeText(data, 'in the span reported')),
    creditsSection(data.credits, metricTitles(data), noCreditsText(data)),
    escalationsSection(data.escalations, charts.filter((chart) => chart.id === 'escalations-chart'), svgs, noEscalationText(data), escalationsDueLaterText(data.escalationsDueAfterAsOf, data.asOf)),
    breachCountsSection(data.bySeverity, data.byChannel, charts, svgs),
    reviewSection(data.review, (ticket) => ticketHref(data, file, ticket), metricTitles(data)),
    section('periods', 'Periods', periodsTable(data, file)),
    breachedLink(data, file),
  ].join('\n');
  return page(frameFor(data, frame, file, data.client === undefined ? 'Service level report' : `Service level report: ${data.client}`, 'overview'), body);
}

function spanText(data: SiteData): string {
  if (data.spanLabel !== undefined) return data.spanLabel;
  const first = data.months[0]?.month;
  const last = data.months[data.months.length - 1]?.month;
  return first === undefined ? 'the whole log' : `the whole log (${first} to ${last})`;
}

/** The months, each linking to its page; an escalations column only for an agreement that sets levels (a column of zeros read as levels kept). */
function periodsTable(data: SiteData, file: string): string {
  if (data.months.length === 0) return '<p>No period has any ticket.</p>';
  const escalations = data.setsEscalation;
  return table(
    'periods-table',
    'Months reported; each links to its page',
    ['Month', 'Tickets', 'Tickets with a breach', ...(escalations ? ['Escalations late or missed'] : [])],
    data.months.map((month) => [
      { text: month.month, href: relative(file, PAGE_FILES.month(month.month)) },
      ...(monthAfterAsOf(data, month.month)
        ? [{ text: AFTER_AS_OF_MONTH, value: 0 }, { text: '—', value: 0 }, ...(escalations ? [{ text: '—', value: 0 }] : [])]
        : [num(month.tickets), num(month.breachedTickets), ...(escalations ? [num(month.escalations.late + month.escalations.missed)] : [])]),
    ]),
  );
}

function breachedLink(data: SiteData, file: string): string {
  if (data.breached.length === 0) return section('breached', 'Breached tickets', '<p>No ticket breached a target in the span reported.</p>');
  const pages = breachPageCount(data);
  return section(
    'breached',
    'Breached tickets',
    `<p>${plural(data.breached.length, 'ticket')} breached at least one target: <a href="${relative(file, PAGE_FILES.breaches(1))}">the table of breached tickets</a> (${pages} ${pages === 1 ? 'page' : 'pages'} of up to ${BREACHES_PER_PAGE}).</p>${ticketPageNote(data)}`,
  );
}

function ticketPageNote(data: SiteData): string {
  const withPages = data.breached.filter((ticket) => ticket.page !== undefined).length;
  if (withPages === data.breached.length) return '';
  return `<p class="note">Timeline pages are written for the ${withPages} most recently created breached tickets; the others are listed without one (run <code>slac explain</code> for any ticket's timeline).</p>`;
}

/** One month: its tickets' verdicts, breaches, escalations, and the objective, uptime and credit rows of the periods it falls in. */
export function monthPage(data: SiteData, month: MonthFigures, frame: SiteFrame, charts: readonly ChartFigure[], svgs: ChartSvgs): string {
  const file = PAGE_FILES.month(month.month);
  const inMonth = <T extends { period: string }>(rows: readonly T[]): T[] => rows.filter((row) => periodCovers(row.period, month.month));
  const firstBreach = data.breached.findIndex((ticket) => ticket.created.startsWith(month.month));
  const breachedLine =
    month.breachedTickets === 0
      ? '<p>No ticket created this month breached a target.</p>'
      : `<p>${plural(month.breachedTickets, 'ticket')} created this month breached a target; they start on <a href="${relative(file, PAGE_FILES.breaches(Math.floor(firstBreach / BREACHES_PER_PAGE) + 1))}">page ${Math.floor(firstBreach / BREACHES_PER_PAGE) + 1} of the breached tickets</a>.</p>`;
  const body = [
    monthAfterAsOf(data, month.month) ? `<p class="note">${textHtml(afterAsOfMonthText(data, month.month))}</p>` : '',
    `<p>${textHtml(monthCountedText(data, month.month))}</p>`,
    monthMetricsSection(month.metrics, charts.filter((chart) => chart.id === 'month-attainment'), svgs),
    objectivesSection(inMonth(data.objectives), charts.filter((chart) => chart.id.startsWith('attainment-')), svgs, reportMetricSlugs(data), 'Objective periods including this month'),
    uptimeSection(inMonth(data.uptime), charts.filter((chart) => chart.id.startsWith('uptime-')), svgs, reportMetricSlugs(data), noUptimeText(data, 'in this month')),
    creditsSection(inMonth(data.credits), metricTitles(data), noCreditsText(data)),
    escalationsSection(month.escalations, charts.filter((chart) => chart.id === 'escalations-chart'), svgs, noEscalationText(data), escalationsDueLaterText(month.escalationsDueAfterAsOf, data.asOf)),
    breachCountsSection(month.bySeverity, month.byChannel, charts, svgs),
    section('breached', 'Breached tickets', breachedLine),
  ].join('\n');
  return page(frameFor(data, frame, file, `Period ${month.month}`, 'month'), body);
}

/** True when a report period label (`2026`, `2026-Q1`, `2026-03`) includes the month (`2026-03`); weeks are shown in the month they start. */
export function periodCovers(label: string, month: string): boolean {
  if (label === month) return true;
  if (label === month.slice(0, 4)) return true;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return quarter[1] === month.slice(0, 4) && Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1 === Number(quarter[2]);
  return false;
}

/** One page of the breached-tickets table. */
export function breachesPage(data: SiteData, pageNumber: number, frame: SiteFrame): string {
  const file = PAGE_FILES.breaches(pageNumber);
  const pages = breachPageCount(data);
  const rows = data.breached.slice((pageNumber - 1) * BREACHES_PER_PAGE, pageNumber * BREACHES_PER_PAGE);
  const titles = metricTitles(data);
  const tableHtml = table(
    'breached-tickets',
    `Breached tickets ${(pageNumber - 1) * BREACHES_PER_PAGE + 1} to ${(pageNumber - 1) * BREACHES_PER_PAGE + rows.length} of ${data.breached.length}, by creation`,
    // A metric on a calendar open around the clock counts plain minutes, not business minutes (as `explain` and the document say).
    ['Ticket', 'Created', 'Severity', 'Channel', 'Targets breached (minutes counted in the metric’s hours, of the target)'],
    rows.map((ticket) => breachRow(data, file, ticket, titles)),
  );
  const body = `${pagerNav(file, pageNumber, pages, 'above')}\n${tableHtml}\n${pagerNav(file, pageNumber, pages, 'below')}${ticketPageNote(data)}`;
  return page(frameFor(data, frame, file, `Breached tickets, page ${pageNumber} of ${pages}`, 'breaches'), body);
}

/**
 * One row per ticket, kept short: a large log lists a hundred thousand of
 * them. The ticket links to its timeline page when one was written; a
 * metric is named by its title, as the document names it.
 */
function breachRow(data: SiteData, file: string, ticket: BreachedTicket, titles: ReadonlyMap<string, string>): Cell[] {
  const href = ticketHref(data, file, ticket.id);
  const breaches = ticket.breaches
    .map((breach) => `${titleOf(titles, breach.metric)}: ${breach.elapsedMinutes} of ${breach.targetMinutes}${breach.targetSeverity === undefined ? '' : ` (the ${breach.targetSeverity} target)`}`)
    .join('; ');
  return [
    { text: ticket.id, ...(href === undefined ? {} : { href }) },
    ticket.created,
    ticket.severity,
    ticket.channel ?? NO_CHANNEL,
    breaches,
  ];
}

function ticketHref(data: SiteData, file: string, ticket: string): string | undefined {
  const found = pageOf(data).get(ticket);
  return found === undefined ? undefined : relative(file, found);
}

const pagesByData = new WeakMap<SiteData, Map<string, string>>();

function pageOf(data: SiteData): Map<string, string> {
  let pages = pagesByData.get(data);
  if (!pages) {
    pages = new Map(data.breached.filter((ticket) => ticket.page !== undefined).map((ticket) => [ticket.id, ticket.page!]));
    pagesByData.set(data, pages);
  }
  return pages;
}

function pagerNav(file: string, pageNumber: number, pages: number, where: 'above' | 'below'): string {
  if (pages <= 1) return '';
  const links: string[] = [];
  if (pageNumber > 1) links.push(`<li><a href="${relative(file, PAGE_FILES.breaches(pageNumber - 1))}" rel="prev">Previous page</a></li>`);
  links.push(`<li>Page ${pageNumber} of ${pages}</li>`);
  if (pageNumber < pages) links.push(`<li><a href="${relative(file, PAGE_FILES.breaches(pageNumber + 1))}" rel="next">Next page</a></li>`);
  return `<nav class="pager" aria-label="Pages of the table, ${where} it"><ul>${links.join('')}</ul></nav>`;
}

/**
 * How a month page counts: its tickets by creation, the agreement's period
 * rows that include the month. Credits are named only when the agreement
 * sets them: "credits are shown" above "The agreement sets no service
 * credits." read as credits agreed.
 */
function monthCountedText(data: SiteData, month: string): string {
  const shown = data.setsCredits ? 'objectives, uptime and credits are' : 'objectives and uptime are';
  return `Tickets are counted in the month they were created; ${shown} shown for the agreement's periods that include ${month}.`;
}
