/**
 * HTML to PDF with the system Chromium, driven by puppeteer-core. The only
 * module that touches puppeteer. The page runs with JavaScript off and no
 * network: every request but the document itself is aborted and recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser, type BrowserSearch } from './browser-path.js';
import { makePdfDeterministic } from './pdf-determinism.js';
import { PAGE_MARGINS, type Paper } from './render/style.js';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A launched browser that prints PDFs; reuse it for several documents, then close it. */
export interface PdfPrinter {
  print(html: string, options: PrintOptions): Promise<PrintResult>;
  close(): Promise<void>;
}

export interface PrintOptions {
  paper: Paper;
  footer: { title: string; version?: string; sourceHash: string };
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused; empty for a well-formed agreement. */
  blockedRequests: string[];
  /** `<script>` elements found in the page (the renderer never emits any). */
  scriptElements: number;
  /** The page's title after loading; a script that ran could have changed it. */
  pageTitle: string;
}

/** Launches the browser once, headless, with a fresh profile that is deleted on close. */
export async function launchPdfPrinter(search: BrowserSearch = {}): Promise<PdfPrinter> {
  const executablePath = findBrowser(search);
  const userDataDir = mkdtempSync(join(tmpdir(), 'slac-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: LAUNCH_ARGS, userDataDir });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    print: (html, options) => printWith(browser, html, options),
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Title and version, "Page N of M", and the source hash prefix that ties the PDF to its source. */
export function footerTemplate(footer: PrintOptions['footer']): string {
  const title = escapeHtml(footer.version ? `${footer.title}, version ${footer.version}` : footer.title);
  const hash = escapeHtml(footer.sourceHash.slice(0, 12));
  return `<div style="width:100%; margin:0 20mm; font-family:'Times New Roman','Liberation Serif',serif; font-size:8pt; color:#444; display:flex; justify-content:space-between; gap:6mm;"><span>${title}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>Source ${hash}</span></div>`;
}

async function printWith(browser: Browser, html: string, options: PrintOptions): Promise<PrintResult> {
  const page = await browser.newPage();
  const blockedRequests: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      // setContent loads the document as about:blank; nothing else may be fetched.
      if (url === 'about:blank' || url.startsWith('data:')) void request.continue();
      else {
        blockedRequests.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.setContent(html, { waitUntil: 'load' });
    const scriptElements = await page.$$eval('script', (elements) => elements.length);
    const pageTitle = await page.title();
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.footer),
      margin: PAGE_MARGINS,
      tagged: false,
      outline: false,
    });
    return { pdf: makePdfDeterministic(pdf, options.footer.sourceHash), blockedRequests, scriptElements, pageTitle };
  } finally {
    await page.close();
  }
}
