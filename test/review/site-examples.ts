import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';
import { measuredPercent, thresholdPercent } from '../../runtime/report/percent-text.js';

/** Every example agreement with logs in examples/logs, as `slac report` and `slac check` take them. */
export const SITE_EXAMPLES = [
  { name: 'letsflo', agreement: 'examples/letsflo.sla', log: 'examples/logs/letsflo.tickets.csv', outages: 'examples/logs/letsflo.outages.csv', portfolio: false },
  { name: 'poologics', agreement: 'examples/poologics.sla', log: 'examples/logs/poologics.tickets.csv', outages: 'examples/logs/poologics.outages.csv', portfolio: false },
  { name: 'hosting', agreement: 'examples/hosting.sla', log: 'examples/logs/hosting.tickets.ndjson', outages: 'examples/logs/hosting.outages.csv', portfolio: false },
  { name: 'finance', agreement: 'examples/multilevel/finance.sla', log: 'examples/logs/finance.tickets.ndjson', outages: 'examples/logs/finance.outages.csv', portfolio: false },
  { name: 'departments', agreement: 'examples/multilevel/departments.sla', log: 'examples/logs/departments.tickets.csv', outages: 'examples/logs/departments.outages.csv', portfolio: true },
] as const;

export type SiteExample = (typeof SITE_EXAMPLES)[number];

/** Builds an example's site with the built CLI into a fresh folder; `extra` adds options. */
export function buildExampleSite(example: SiteExample, extra: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), `slac-site-${example.name}-`));
  const run = runBuiltCli(['report', example.agreement, example.log, '--outages', example.outages, '-o', dir, ...extra], repoRoot);
  if (run.code !== 0) throw new Error(`slac report ${example.name} exited ${run.code}: ${run.stderr}`);
  return dir;
}

/** The JSON report of `slac check --format json` on the same inputs. */
export function exampleJson(example: SiteExample): unknown {
  const run = runBuiltCli(['check', example.agreement, example.log, '--outages', example.outages, '--format', 'json'], repoRoot);
  if (run.code !== 0 && run.code !== 1) throw new Error(`slac check ${example.name} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Every HTML file under a folder, relative paths. */
export function htmlFiles(dir: string, under = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...htmlFiles(dir, path));
    else if (entry.name.endsWith('.html')) files.push(path);
  }
  return files.sort();
}

/** A cell of a page's table: its text, the exact figure in data-value if any, and its link. */
export interface ParsedCell {
  text: string;
  value?: string;
  href?: string;
}

/** The body rows of the table with this id in the page, or undefined when the page has none. */
export function tableRows(html: string, id: string): ParsedCell[][] | undefined {
  const start = html.indexOf(`<table id="${id}">`);
  if (start < 0) return undefined;
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<t[hd]([^>]*)>(.*?)<\/t[hd]>/gs)].map((cell) => {
      const value = /data-value="([^"]*)"/.exec(cell[1]!)?.[1];
      const href = /href="([^"]*)"/.exec(cell[2]!)?.[1];
      const text = unescape(cell[2]!.replace(/<[^>]+>/g, ''));
      return { text, ...(value === undefined ? {} : { value: unescape(value) }), ...(href === undefined ? {} : { href: unescape(href) }) };
    }),
  );
}

/** The figure a cell stands for: its data-value, else its text, as a number when it is one. */
export function figure(cell: ParsedCell): string | number | boolean | null {
  const raw = cell.value ?? cell.text;
  if (raw === 'null') return null;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A page of a built site. */
export function readPage(dir: string, path: string): string {
  const file = join(dir, path);
  if (!existsSync(file)) throw new Error(`${path} is missing from the site`);
  return readFileSync(file, 'utf8');
}

/** One agreement's report in `slac check --format json`: the figures the site and the review pack show. */
export interface CheckJsonReport {
  asOf: string;
  tickets: { id: string; severity: string; channel?: string; created: string; metrics: Record<string, { status: string }> }[];
  objectives: { metric: string; title: string; period: string; met: number; breached: number; pending: number; attainment: number | null; objective: number | null; ok: boolean | null }[];
  uptime: { metric: string; title: string; period: string; to: string; scheduledMinutes: number; downtimeMinutes: number; uptime: number | null; objective: number | null; ok: boolean | null; maintenance: { excludedMinutes: number; countedMinutes: number } }[];
  credits: { period: string; percent: number; uncappedPercent: number; tiers: { metric: string; value: number; belowPercent: number; creditPercent: number }[] }[];
  review: { next: string | null; triggers: unknown[] };
  totals: { tickets: number; breachedTickets: number; met: number; breached: number; pending: number; escalations: Record<'met' | 'late' | 'missed' | 'pending', number> };
}

/** Each agreement report of an example's JSON: the one report, or one per client of a portfolio (with the client's name). */
export function checkReports(example: SiteExample, json: unknown): { client?: string; report: CheckJsonReport }[] {
  if (!example.portfolio) return [{ report: json as CheckJsonReport }];
  return (json as { clients: { client: string; report: CheckJsonReport }[] }).clients.map(({ client, report }) => ({ client, report }));
}

/** How the site and the pack print a measured figure and an objective: the text report's rule (runtime/report/percent-text.ts). */
export const measuredText = (fraction: number | null, objective: number | null, ok: boolean | null): string => (fraction === null ? 'no verdict' : measuredPercent(fraction, objective, ok));
export const objectiveText = (objective: number | null): string => (objective === null ? 'no verdict' : thresholdPercent(objective));

/**
 * The downtime an uptime row's objective allows, in minutes as the site
 * prints them: whole seconds of scheduled time × the share the objective
 * leaves, in integers of millionths, rounded down (as `slac compile` states it).
 */
export function allowedMinutes(row: { scheduledMinutes: number; objective: number | null }): number | 'no objective' {
  if (row.objective === null) return 'no objective';
  const spareMillionths = 1_000_000 - Math.round(row.objective * 1_000_000);
  const seconds = Math.floor((Math.round(row.scheduledMinutes * 60) * spareMillionths) / 1_000_000);
  return Math.round((seconds / 60) * 10_000) / 10_000;
}
