import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, openBrowserTab, PHONE, type BrowserTab } from '../browser-tab.js';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';
import { freshFolder } from '../cli/hardening-fixtures.js';

// The agreement as `slac compile --format html` writes it, for every example
// agreement, opened from disk in headless Chromium: no console error, no
// failed request, and no serious or critical axe-core violation at a
// desktop's width or at a phone's (where a wide table scrolls). The PDF is
// printed from the same HTML, but a reader may be given the HTML itself.
const AGREEMENTS = ['examples/letsflo.sla', 'examples/poologics.sla', 'examples/hosting.sla', 'examples/multilevel/finance.sla', 'examples/multilevel/hr.sla'];

let tab: BrowserTab;
let dir: string;

beforeAll(async () => {
  tab = await openBrowserTab();
  dir = freshFolder('html-browser');
}, 60_000);

afterAll(async () => {
  await tab?.close();
});

describe.each(AGREEMENTS)('%s compiled to HTML, in Chromium', (agreement) => {
  test('opens from disk with no error or failed request, and no serious accessibility violation, on a desktop and on a phone', async () => {
    const html = join(dir, `${agreement.replace(/[/.]/g, '-')}.html`);
    const run = runBuiltCli(['compile', agreement, '--format', 'html', '-o', html], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    await tab.page.setViewport(DESKTOP);
    expect(await tab.open(html)).toEqual([]);
    expect(await tab.seriousViolations(), `at ${DESKTOP.width} px`).toEqual([]);
    await tab.page.setViewport(PHONE);
    expect(await tab.seriousViolations(), `at ${PHONE.width} px`).toEqual([]);
  }, 60_000);
});
