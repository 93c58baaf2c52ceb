import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowserTab, type BrowserTab } from '../browser-tab.js';
import { runBuiltCli } from '../cli/built-cli.js';
import { agreementText, freshFolder, LOG_HEADER, write } from '../cli/hardening-fixtures.js';

// Long names on the site, opened in Chromium at a desktop's width (from an
// adversarial pass): a row header never wrapped, so a client name of 150
// characters or a ticket id of 300 pushed every figure of its table out of
// the window, behind a horizontal scroll. A short row header (a date, an
// id) still keeps to one line.

const LONG_CLIENT = 'An extremely long client name that goes on and on well beyond any sensible width for a heading or a table cell, Incorporated, Holdings, Division of Everything';
const LONG_ID = 'ticket-'.repeat(45);
let tab: BrowserTab;
let site: string;

beforeAll(async () => {
  const folder = freshFolder('report-long-names');
  write(folder, 'a.sla', agreementText());
  write(folder, 'p.sla', `portfolio P {\n  client "${LONG_CLIENT}" uses "a.sla"\n  client "Short" uses "a.sla"\n}\n`);
  const rows = [
    [LONG_ID, LONG_CLIENT],
    ['S-1', 'Short'],
  ].flatMap(([id, client]) => [`${id},2026-03-02T09:00:00+01:00,created,High,Email,,,,"${client}"`, `${id},2026-03-02T15:00:00+01:00,reply,,,,agent,,`]);
  write(folder, 't.csv', [`${LOG_HEADER},client`, ...rows].join('\n'));
  const run = runBuiltCli(['report', 'p.sla', 't.csv', '-o', 'site', '--as-of', '2026-04-01T00:00:00Z'], folder);
  if (run.code !== 0) throw new Error(run.stderr);
  site = join(folder, 'site');
  tab = await openBrowserTab();
  await tab.page.setViewport(DESKTOP);
}, 120_000);

afterAll(async () => {
  await tab?.close();
});

/** Each table wrapper of the open page that scrolls sideways, with its caption. */
async function scrollingTables(): Promise<string[]> {
  return (await tab.page.evaluate(
    `[...document.querySelectorAll('.table-wrap')].filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1).map((wrap) => wrap.querySelector('caption')?.textContent ?? '?')`,
  )) as string[];
}

describe('a long row header on the site, at a desktop width', () => {
  it.each([
    ['the portfolio index (a long client name)', 'index.html'],
    ['the breached tickets (a ticket id of 315 characters)', 'clients/an-extremely-long-client-name-that-goes-on-and-on-well-beyond-any-sensible-width/breaches/page-1.html'],
  ])('wraps on %s, so no table scrolls sideways', async (_name, file) => {
    expect(await tab.open(join(site, file))).toEqual([]);
    expect(await scrollingTables()).toEqual([]);
  });

  it('leaves a short one (a month, a date and time) on one line', async () => {
    expect(await tab.open(join(site, 'clients/short/index.html'))).toEqual([]);
    const heights = (await tab.page.evaluate(`[...document.querySelectorAll('tbody th[scope="row"]')].map((cell) => [cell.textContent, cell.offsetHeight])`)) as [string, number][];
    const month = heights.find(([text]) => text === '2026-03');
    const figure = heights.find(([text]) => text === 'Tickets');
    expect(month?.[1]).toBe(figure?.[1]);
  });
});
