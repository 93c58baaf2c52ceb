import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from '../compiler/browser-path.js';
import { repoRoot } from './cli/built-cli.js';

/**
 * A headless Chromium tab for tests that open what slac writes (a site's
 * pages, an agreement's HTML) from disk, as a reader's browser would: it
 * collects console errors, page errors and failed requests, and runs
 * axe-core on the open page.
 */

const AXE = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
/** The window of the screenshots, and a phone's (where wide tables scroll). */
export const DESKTOP = { width: 1100, height: 800 };
export const PHONE = { width: 390, height: 800 };
/** The flags compiler/pdf.ts launches Chromium with. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

export interface BrowserTab {
  page: Page;
  /** Opens a file; returns the problems its load caused (console errors, page errors, failed requests). */
  open(file: string): Promise<string[]>;
  /** Serious and critical axe-core violations of the open page, each with its first element. */
  seriousViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openBrowserTab(): Promise<BrowserTab> {
  const browser: Browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: LAUNCH_ARGS });
  const page = await browser.newPage();
  // axe-core goes into every page as it is created, before the page's own
  // content: adding it as a script tag after each load took about 0.3 s a page.
  await page.evaluateOnNewDocument(readFileSync(AXE, 'utf8'));
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    page,
    async open(file) {
      problems.length = 0;
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return [...problems];
    },
    async seriousViolations() {
      const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`)) as AxeViolation[];
      return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} at ${JSON.stringify(violation.nodes[0]?.target)}`);
    },
    close: () => browser.close(),
  };
}
