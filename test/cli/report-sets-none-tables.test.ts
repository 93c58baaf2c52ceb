import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';
import { freshFolder } from './hardening-fixtures.js';
import { pageText } from './site-text.js';

/**
 * slac report's tables counted what an agreement does not have: the months
 * table of Lets Flo (no escalation levels) had a column "Escalations late
 * or missed" of zeros, and a portfolio's index gave "Periods with credits
 * owed: 0" for a client whose agreement sets no service credits (and would
 * give "Escalations late or missed: 0" for one without levels), as if
 * credits and levels were agreed and none owed. The months table now has
 * no such column, and the portfolio's cell says the agreement sets none, as
 * the review pack and the overview say; agreements that set them keep their
 * counts.
 */
const example = (...parts: string[]): string => join(repoRoot, 'examples', ...parts);

function site(folder: string, agreement: string, log: string): string {
  const run = runBuiltCli(['report', agreement, log, '-o', 'site'], folder);
  expect(run.code, run.stderr).toBe(0);
  return join(folder, 'site');
}

/** The header and the cells of each row of a table, as words. */
function tableCells(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)![1]!;
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => pageText(cell[1]!).trim()));
}

describe('slac report: the months table', () => {
  it.each([
    ['letsflo.sla', 'letsflo.tickets.csv', false],
    ['poologics.sla', 'poologics.tickets.csv', true],
  ] as const)('of %s has an escalations column only when the agreement sets levels', (agreement, log, levels) => {
    const dir = site(freshFolder('report-sets-none-months'), example(agreement), example('logs', log));
    const [header, ...rows] = tableCells(readFileSync(join(dir, 'index.html'), 'utf8'), 'periods-table');
    expect(header).toEqual(['Month', 'Tickets', 'Tickets with a breach', ...(levels ? ['Escalations late or missed'] : [])]);
    for (const row of rows) expect(row).toHaveLength(header!.length);
  });
});

describe('slac report: a month page', () => {
  it.each([
    ['letsflo.sla', 'letsflo.tickets.csv', 'objectives and uptime are shown'],
    ['hosting.sla', 'hosting.tickets.ndjson', 'objectives, uptime and credits are shown'],
  ] as const)('of %s names credits among what it shows only when the agreement sets them', (agreement, log, shown) => {
    const dir = site(freshFolder('report-sets-none-month-page'), example(agreement), example('logs', log));
    const month = /href="periods\/(\d{4}-\d{2})\.html"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1]!;
    const text = pageText(readFileSync(join(dir, 'periods', `${month}.html`), 'utf8'));
    expect(text).toContain(`Tickets are counted in the month they were created; ${shown} for the agreement's periods that include ${month}.`);
  });
});

describe('slac report: the credits section', () => {
  it.each([
    ['letsflo.sla', 'letsflo.tickets.csv', 'Service credits'],
    ['hosting.sla', 'hosting.tickets.ndjson', 'Credits owed'],
  ] as const)('of %s is headed "Credits owed" only when the agreement sets credits', (agreement, log, heading) => {
    const dir = site(freshFolder('report-sets-none-credits-heading'), example(agreement), example('logs', log));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(pageText(/<h2 id="credits">(.*?)<\/h2>/.exec(html)![1]!).trim()).toBe(heading);
  });
});

describe('slac report: a portfolio index', () => {
  it('says a client\'s agreement sets no credits or levels instead of counting 0 of them', () => {
    const folder = freshFolder('report-sets-none-portfolio');
    for (const name of ['letsflo.sla', 'hosting.sla', 'poologics.sla']) copyFileSync(example(name), join(folder, name));
    writeFileSync(
      join(folder, 'mixed.sla'),
      'portfolio Mixed {\n  client "Lets Flo client" uses "letsflo.sla"\n  client "Hosting client" uses "hosting.sla"\n  others use "poologics.sla"\n}\n',
    );
    const dir = site(folder, 'mixed.sla', example('logs', 'poologics.tickets.csv'));
    const [header, ...rows] = tableCells(readFileSync(join(dir, 'index.html'), 'utf8'), 'clients-table');
    expect(header!.slice(5)).toEqual(['Periods with credits owed', 'Escalations late or missed']);
    const byClient = new Map(rows.map((row) => [row[0]!, row.slice(5)]));
    expect(byClient.get('Lets Flo client')).toEqual(['sets no service credits', 'sets no escalation levels']);
    expect(byClient.get('Hosting client')).toEqual(['0', '0']);
    const others = byClient.get('others')!;
    expect(others[0]).toBe('sets no service credits');
    expect(others[1]).toMatch(/^\d+$/);
    expect(Number(others[1])).toBeGreaterThan(0);
  });
});
