import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * Figures one unit under their threshold, through the built executable:
 * the site states them as `slac check` does (never rounded onto the
 * objective, the objective with all its decimals, the allowed downtime in
 * whole seconds from the objective as written), and the JSON's credit
 * tiers carry the figure of the row they come from.
 * Fixtures: test/cli/fixtures/threshold-figures/README.md.
 */
const fixtures = join(repoRoot, 'test', 'cli', 'fixtures', 'threshold-figures');
const out = mkdtempSync(join(tmpdir(), 'slac-threshold-figures-'));
const AS_OF = '2026-04-01T00:00:00Z';

interface Case {
  agreement: string;
  outages?: string;
}

function inputs({ agreement, outages }: Case): string[] {
  return [join(fixtures, agreement), join(fixtures, 'tickets.csv'), ...(outages === undefined ? [] : ['--outages', join(fixtures, outages)]), '--as-of', AS_OF];
}

/** The site's index page, built by `slac report`. */
function siteIndex(fixture: Case): string {
  const dir = join(out, fixture.agreement);
  const run = runBuiltCli(['report', ...inputs(fixture), '-o', dir], out);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(join(dir, 'index.html'), 'utf8');
}

/** The text of each cell of the row of `period` in the table `id`. */
function rowCells(html: string, id: string, period: string): string[] {
  const tableHtml = html.slice(html.indexOf(`<table id="${id}">`));
  const row = new RegExp(`<tr><th scope="row">${period}</th>(.*?)</tr>`).exec(tableHtml.slice(0, tableHtml.indexOf('</table>')));
  if (!row) throw new Error(`no row ${period} in table ${id}`);
  return [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]!);
}

const UPTIME_9999 = { agreement: 'uptime-99.99.sla', outages: 'outage-268s.csv' };
const UPTIME_99999 = { agreement: 'uptime-99.999.sla', outages: 'outage-27s.csv' };
const ATTAINMENT = { agreement: 'attainment-66.6667.sla' };

describe('slac report: a figure one unit under its threshold', () => {
  const sites = new Map<Case, string>();
  beforeAll(() => {
    for (const fixture of [UPTIME_9999, UPTIME_99999, ATTAINMENT]) sites.set(fixture, siteIndex(fixture));
  }, 120_000);

  it.each([
    // [fixture, table, cells from the measured figure on, as slac check prints them]
    [UPTIME_9999, 'uptime-up', ['44640', '4.4667', '4.45', '99.9899%', '99.99%', 'missed']],
    [UPTIME_99999, 'uptime-up', ['44640', '0.45', '0.4333', '99.9989%', '99.999%', 'missed']],
    [ATTAINMENT, 'objectives-resp', ['2', '1', '0', '66.6666%', '66.6667%', 'missed']],
  ])('%j: the %s row reads %j (allowed downtime below the downtime that missed)', (fixture, table, cells) => {
    expect(rowCells(sites.get(fixture)!, table, '2026-03').slice(0, cells.length)).toEqual(cells);
  });

  it.each([
    // [fixture, text on the page, text never on it]
    [UPTIME_9999, '2026-03: 99.9899% up, 4.4667 minutes down, objective missed. The objective is 99.99%.', '99.99% up'],
    [UPTIME_9999, 'Up at 99.9899% is below 99.99%: 5% credit', 'Up at 99.99%'],
    [UPTIME_99999, 'objective missed. The objective is 99.999%.', '100.00%'],
    [UPTIME_99999, 'Up at 99.9989% is below 99.999%: 5% credit', '99.999% up'],
    [ATTAINMENT, '2026-03: 66.6666% of 3 tickets met the target, objective missed. The objective is 66.6667%.', '66.67%'],
    [ATTAINMENT, 'Resp at 66.6666% is below 66.6667%: 10% credit', 'Resp at 66.6667%'],
  ])('%j says %j and never %j', (fixture, present, absent) => {
    const html = sites.get(fixture)!;
    expect(html).toContain(present);
    expect(html).not.toContain(absent);
  });
});

describe('slac report: a month page states its metric figures on their side of the objective', () => {
  // The month table and chart once printed 66.667% (three decimals) for the 66.6666% that the objective table of the same page gives beside "missed".
  it('reads 66.6666% in the month table, its chart and the objective table, never 66.667%', () => {
    siteIndex(ATTAINMENT);
    const page = readFileSync(join(out, ATTAINMENT.agreement, 'periods', '2026-03.html'), 'utf8');
    const monthTable = page.slice(page.indexOf('<table id="month-metrics">'));
    expect(/<td class="num" data-value="([^"]*)">([^<]*)<\/td><\/tr>/.exec(monthTable)?.slice(1)).toEqual(['0.666666', '66.6666%']);
    expect(page).toContain('Resp: 66.6666% (2 met, 1 breached)');
    expect(page).not.toContain('66.667%');
  });
});

interface JsonReport {
  objectives: { metric: string; period: string; attainment: number | null }[];
  uptime: { metric: string; period: string; uptime: number | null }[];
  credits: { period: string; tiers: { metric: string; value: number; belowPercent: number }[] }[];
}

describe('slac check --format json: a credit tier states its row\'s figure', () => {
  it.each([
    // [fixture, the tier's value: the row's figure, under the threshold]
    [UPTIME_9999, 0.999899],
    [UPTIME_99999, 0.999989],
    [ATTAINMENT, 0.666666],
  ])('%j: value %s, as the uptime or objective row', (fixture, value) => {
    const run = runBuiltCli(['check', ...inputs(fixture), '--format', 'json'], out);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const tier = report.credits[0]!.tiers[0]!;
    const rows = [...report.uptime.map((row) => ({ ...row, figure: row.uptime })), ...report.objectives.map((row) => ({ ...row, figure: row.attainment }))];
    const row = rows.find((candidate) => candidate.metric === tier.metric && candidate.period === report.credits[0]!.period)!;
    expect(tier.value).toBe(value);
    expect(row.figure).toBe(value);
  });
});
