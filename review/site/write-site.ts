/**
 * Writes the report site: one stylesheet at the root, then for one
 * agreement its overview, period pages, breached-ticket pages, ticket
 * timeline pages and chart specs; for a portfolio, an index of clients and
 * each client's pages in its own folder. Charts are rendered here, once per
 * page that shows them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { barChartSpec } from '../charts/bar-chart.js';
import { fileSlug } from '../../compiler/render/slug.js';
import { attainmentCharts, breachCountChart, escalationChart, monthAttainmentChart, reportMetricSlugs, uptimeCharts, type ChartFigure } from '../charts/figures.js';
import { renderBarChartSvg } from '../charts/render-svg.js';
import type { AgreementFigures, PortfolioFigures } from '../data/run-check.js';
import type { SiteData } from '../data/site-data.js';
import { ticketTimeline } from '../timeline/timeline.js';
import { breachesPage, breachPageCount, BREACHES_PER_PAGE, monthPage, overviewPage, PAGE_FILES, periodCovers, type SiteFrame } from './pages.js';
import { portfolioIndexPage, type ClientLink } from './portfolio-page.js';
import { contentHash, MANIFEST_FILE, manifestText } from './site-manifest.js';
import { STYLESHEET } from './stylesheet.js';
import { renderTicketPage, ticketPageFiles } from './ticket-page.js';
import { metricTitles } from '../../runtime/report/metric-titles.js';

/**
 * Timeline pages are written for at most this many breached tickets per
 * agreement (the most recently created): a page is a few kilobytes, and a
 * million-ticket log can breach on a hundred thousand tickets. The table
 * still lists every breached ticket.
 */
export const MAX_TICKET_PAGES = 1000;

/** What was written. */
export interface SiteSummary {
  pages: number;
  ticketPages: number;
  bytes: number;
  /** Each file written (a path under the site's folder) and the SHA-256 of its bytes: the list the next build reads (site-manifest.ts). */
  files: Map<string, string>;
}

class SiteWriter {
  readonly summary: SiteSummary = { pages: 0, ticketPages: 0, bytes: 0, files: new Map() };
  constructor(private readonly root: string) {}

  write(path: string, text: string): void {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (path.endsWith('.html')) this.summary.pages += 1;
    this.summary.bytes += Buffer.byteLength(text);
    this.summary.files.set(path, contentHash(text));
  }

  /** The list of what was written, last, so that the next build into the folder can remove what it no longer writes. */
  writeManifest(): SiteSummary {
    writeFileSync(join(this.root, MANIFEST_FILE), manifestText(this.summary.files));
    return this.summary;
  }
}

/** Writes one agreement's site into `dir`. */
export async function writeAgreementSite(dir: string, figures: AgreementFigures, source: string): Promise<SiteSummary> {
  const writer = new SiteWriter(dir);
  writer.write('style.css', STYLESHEET);
  await writeAgreementPages(writer, '', figures, { site: siteTitle(figures.data), toRoot: '', footer: footerText(figures.data, source) });
  return writer.writeManifest();
}

/** Writes a portfolio's site into `dir`: an index of clients, each client's pages under `clients/NAME/`. */
export async function writePortfolioSite(dir: string, figures: PortfolioFigures, source: string): Promise<SiteSummary> {
  const writer = new SiteWriter(dir);
  writer.write('style.css', STYLESHEET);
  const links: ClientLink[] = [];
  const folders = clientFileNames(figures.clients.map((client) => client.data.client ?? client.data.agreement));
  for (const [index, client] of figures.clients.entries()) {
    const folder = `clients/${folders[index]!}/`;
    const frame: SiteFrame = { site: `${figures.portfolio}: ${client.data.client ?? ''}`, toRoot: '../../', portfolioIndex: 'index.html', footer: footerText(client.data, source) };
    await writeAgreementPages(writer, folder, client, frame);
    links.push({ data: client.data, href: `${folder}${PAGE_FILES.overview}` });
  }
  writer.write('index.html', portfolioIndexPage(figures, links, footerText(undefined, source, figures.asOf)));
  return writer.writeManifest();
}

async function writeAgreementPages(writer: SiteWriter, folder: string, figures: AgreementFigures, frame: SiteFrame): Promise<void> {
  const { data } = figures;
  const withPages = data.breached.slice(Math.max(0, data.breached.length - MAX_TICKET_PAGES));
  const pageFiles = ticketPageFiles(withPages.map((ticket) => ticket.id));
  for (const ticket of withPages) ticket.page = pageFiles.get(ticket.id)!;
  const slugs = reportMetricSlugs(data);
  const overviewCharts = [
    ...attainmentCharts(data.objectives, slugs),
    ...uptimeCharts(data.uptime, slugs),
    ...present([escalationChart('escalations-chart', data.escalations), breachCountChart('by-severity', 'severity', data.bySeverity), breachCountChart('by-channel', 'channel', data.byChannel)]),
  ];
  writer.write(`${folder}${PAGE_FILES.overview}`, overviewPage(data, frame, overviewCharts, await renderAll(writer, folder, 'overview', overviewCharts)));
  for (const month of data.months) {
    const charts = [
      ...present([monthAttainmentChart(month.month, month.metrics)]),
      ...attainmentCharts(data.objectives.filter((row) => periodCovers(row.period, month.month)), slugs),
      ...uptimeCharts(data.uptime.filter((row) => periodCovers(row.period, month.month)), slugs),
      ...present([escalationChart('escalations-chart', month.escalations), breachCountChart('by-severity', 'severity', month.bySeverity), breachCountChart('by-channel', 'channel', month.byChannel)]),
    ];
    writer.write(`${folder}${PAGE_FILES.month(month.month)}`, monthPage(data, month, frame, charts, await renderAll(writer, folder, month.month, charts)));
  }
  const pages = breachPageCount(data);
  for (let pageNumber = 1; pageNumber <= pages; pageNumber++) writer.write(`${folder}${PAGE_FILES.breaches(pageNumber)}`, breachesPage(data, pageNumber, frame));
  writeTicketPages(writer, folder, figures, frame);
}

/** Each breached ticket's timeline page, from its events as the check evaluated them. */
function writeTicketPages(writer: SiteWriter, folder: string, figures: AgreementFigures, frame: SiteFrame): void {
  const { data } = figures;
  const indexes = new Map(data.breached.map((ticket, index) => [ticket.id, index]));
  const pages = new Map(data.breached.filter((ticket) => ticket.page !== undefined).map((ticket) => [ticket.id, ticket.page!]));
  const events = figures.eventsOf(new Set(pages.keys()));
  const titles = metricTitles(figures.model);
  for (const [id, file] of pages) {
    const timeline = ticketTimeline(figures.model, events.get(id) ?? [], figures.asOf);
    if (data.client !== undefined) timeline.client = data.client;
    const up = '../'.repeat(file.split('/').length - 1);
    const backPage = Math.floor(indexes.get(id)! / BREACHES_PER_PAGE) + 1;
    const html = renderTicketPage(timeline, {
      agreementTitle: frame.site,
      backHref: `${up}${PAGE_FILES.breaches(backPage)}`,
      stylesheetHref: `${up}${frame.toRoot}style.css`,
      metricTitles: titles,
    });
    writer.write(`${folder}${file}`, html);
    writer.summary.ticketPages += 1;
  }
}

/** Renders a page's charts and writes each spec beside the pages, as data. */
async function renderAll(writer: SiteWriter, folder: string, pageName: string, charts: readonly ChartFigure[]): Promise<Map<string, string>> {
  const svgs = new Map<string, string>();
  for (const chart of charts) {
    writer.write(`${folder}charts/${pageName}-${chart.id}.vl.json`, `${JSON.stringify(barChartSpec(chart.input), null, 2)}\n`);
    svgs.set(chart.id, await renderBarChartSvg(chart.input, { id: chart.id, title: chart.input.title, description: chart.input.description }));
  }
  return svgs;
}

function present<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

function siteTitle(data: SiteData): string {
  return data.title ?? data.agreement;
}

/** Where the figures come from; no date of the build, so the same inputs give the same pages. */
function footerText(data: SiteData | undefined, source: string, asOf?: string): string {
  return `Made by slac report from ${source}; figures as of ${data?.asOf ?? asOf ?? ''}, from the same evaluation as slac check.`;
}

/**
 * The file name of each client's folder (or review pack), as `slac compile`
 * names its documents (fileSlug: letters without accents, digits, hyphens);
 * `client-N` (its place in the portfolio) when no such letter is left
 * (`日本 株式会社`), and numbered when two names meet (`Acme`, `ACME`).
 */
export function clientFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    const base = fileSlug(name) || `client-${index + 1}`;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
