import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, openBrowserTab, PHONE, type BrowserTab } from '../browser-tab.js';
import { repoRoot } from '../cli/built-cli.js';
import { decodePng, differingPixels } from '../compiler/png.js';
import { buildExampleSite, htmlFiles, SITE_EXAMPLES } from './site-examples.js';

// Every page of every example site, opened from disk in headless Chromium:
// no console error, no failed request, no serious or critical axe-core
// violation at a desktop's width or at a phone's; the letsflo overview and one ticket page against reviewed
// golden screenshots. Regenerate with
// `SLAC_UPDATE_GOLDEN=1 npx vitest run test/review/site-browser.test.ts`,
// and LOOK at both pictures before checking them in. The tolerance is that
// of test/compiler/pdf-png.test.ts: anti-aliasing, not layout.
const UPDATE = process.env['SLAC_UPDATE_GOLDEN'] === '1';
const GOLDEN = join(repoRoot, 'test', 'review', 'golden');
const TOLERANCE = 0.005;
let tab: BrowserTab;

beforeAll(async () => {
  tab = await openBrowserTab();
}, 60_000);

afterAll(async () => {
  await tab?.close();
});

describe.each(SITE_EXAMPLES)('every page of the $name site in Chromium', (example) => {
  let dir: string;
  beforeAll(() => {
    dir = buildExampleSite(example);
  }, 120_000);

  test('opens from disk with no error or failed request, and no serious accessibility violation, on a desktop and on a phone', async () => {
    const pages = htmlFiles(dir);
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      await tab.page.setViewport(DESKTOP);
      expect(await tab.open(join(dir, file)), file).toEqual([]);
      expect(await tab.seriousViolations(), `${file} at ${DESKTOP.width} px`).toEqual([]);
      // A narrow window makes wide tables scroll, and a region that scrolls must take the keyboard's focus.
      await tab.page.setViewport(PHONE);
      expect(await tab.seriousViolations(), `${file} at ${PHONE.width} px`).toEqual([]);
    }
  }, 600_000);
});

describe('screenshots of the letsflo site', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildExampleSite(SITE_EXAMPLES[0]);
  }, 120_000);

  test.each([
    ['overview', 'index.html'],
    ['ticket page', 'tickets/LF-1189.html'],
  ])('the %s looks as reviewed', async (name, file) => {
    await tab.page.setViewport(DESKTOP);
    expect(await tab.open(join(dir, file))).toEqual([]);
    const png = Buffer.from(await tab.page.screenshot({ fullPage: true, type: 'png' }));
    const golden = join(GOLDEN, `letsflo-${name.replace(' ', '-')}.png`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, png);
    }
    expect(existsSync(golden), `${golden} is missing; run with SLAC_UPDATE_GOLDEN=1 and look at it`).toBe(true);
    const expected = decodePng(readFileSync(golden));
    const actual = decodePng(png);
    const differing = differingPixels(actual, expected);
    if (differing > TOLERANCE * expected.width * expected.height) copyFileSync(golden, join(dir, 'golden.png'));
    expect(differing, `${file} differs from ${golden} in ${differing} pixels (the new picture is in ${dir})`).toBeLessThanOrEqual(TOLERANCE * expected.width * expected.height);
  }, 60_000);
});
