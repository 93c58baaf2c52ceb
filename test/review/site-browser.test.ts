import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findBrowser } from '../../compiler/browser-path.js';
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
const AXE = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
/** The window of the screenshots, and a phone's (where wide tables scroll). */
const DESKTOP = { width: 1100, height: 800 };
const PHONE = { width: 390, height: 800 };
/** The flags compiler/pdf.ts launches Chromium with. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

let browser: Browser;
let tab: Page;
const problems: string[] = [];

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: LAUNCH_ARGS });
  tab = await browser.newPage();
  // axe-core goes into every page as it is created, before the page's own
  // content: adding it as a script tag after each load took about 0.3 s a
  // page, most of this file's four minutes.
  await tab.evaluateOnNewDocument(readFileSync(AXE, 'utf8'));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  tab.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
  tab.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a page from disk; returns the problems it caused. */
async function open(file: string): Promise<string[]> {
  problems.length = 0;
  await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return [...problems];
}

/** Serious and critical axe-core violations of the open page (axe-core is in every page: `beforeAll`). */
async function seriousViolations(): Promise<string[]> {
  const violations = (await tab.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} at ${JSON.stringify(violation.nodes[0]?.target)}`);
}

describe.each(SITE_EXAMPLES)('every page of the $name site in Chromium', (example) => {
  let dir: string;
  beforeAll(() => {
    dir = buildExampleSite(example);
  }, 120_000);

  test('opens from disk with no error or failed request, and no serious accessibility violation, on a desktop and on a phone', async () => {
    const pages = htmlFiles(dir);
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      await tab.setViewport(DESKTOP);
      expect(await open(join(dir, file)), file).toEqual([]);
      expect(await seriousViolations(), `${file} at ${DESKTOP.width} px`).toEqual([]);
      // A narrow window makes wide tables scroll, and a region that scrolls must take the keyboard's focus.
      await tab.setViewport(PHONE);
      expect(await seriousViolations(), `${file} at ${PHONE.width} px`).toEqual([]);
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
    await tab.setViewport(DESKTOP);
    expect(await open(join(dir, file))).toEqual([]);
    const png = Buffer.from(await tab.screenshot({ fullPage: true, type: 'png' }));
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
