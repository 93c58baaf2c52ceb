/**
 * HTML to PDF with the system Chromium, driven by puppeteer-core. The only
 * module that touches puppeteer. The page runs with JavaScript off and no
 * network: every request but the document itself is aborted and recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { findBrowser, type BrowserSearch } from './browser-path.js';
import { CompileError } from './errors.js';
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

/**
 * Launches the browser once, headless, with a fresh profile that is deleted
 * on close. Prints reuse the tab the browser opens with (a new tab costs a
 * renderer start) and run one at a time.
 */
export async function launchPdfPrinter(search: BrowserSearch = {}): Promise<PdfPrinter> {
  const executablePath = findBrowser(search);
  const userDataDir = mkdtempSync(join(tmpdir(), 'slac-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: LAUNCH_ARGS, userDataDir });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    const reason = (error as Error).message.split('\n')[0];
    throw new CompileError(`Could not start the browser at ${executablePath}: ${reason}. Set PUPPETEER_EXECUTABLE_PATH to a working Chromium or Chrome, or use --format html.`);
  }
  let queue: Promise<unknown> = Promise.resolve();
  let tab: Promise<LockedDownTab> | undefined;
  return {
    print(html, options) {
      tab ??= openLockedDownTab(browser);
      const printed = queue.then(async () => printWith(await tab!, html, options));
      queue = printed.catch(() => undefined);
      return printed;
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A tab with JavaScript off in which every request but the document's is refused and recorded. */
interface LockedDownTab {
  page: Page;
  /** Where the current print records the refused requests. */
  blocked: string[];
}

async function openLockedDownTab(browser: Browser): Promise<LockedDownTab> {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const tab: LockedDownTab = { page, blocked: [] };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    // setContent loads the document as about:blank; nothing else may be fetched.
    if (url === 'about:blank' || url.startsWith('data:')) void request.continue();
    else {
      tab.blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return tab;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Title and version, "Page N of M", and the source hash prefix that ties the PDF to its source. */
export function footerTemplate(footer: PrintOptions['footer']): string {
  const title = escapeHtml(footer.version ? `${footer.title}, version ${footer.version}` : footer.title);
  const hash = escapeHtml(footer.sourceHash.slice(0, 12));
  return `<div style="width:100%; margin:0 20mm; font-family:'Times New Roman','Liberation Serif',serif; font-size:8pt; color:#444; display:flex; justify-content:space-between; gap:6mm;"><span>${title}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>Source ${hash}</span></div>`;
}

async function printWith(tab: LockedDownTab, html: string, options: PrintOptions): Promise<PrintResult> {
  const { page } = tab;
  const blockedRequests: string[] = [];
  tab.blocked = blockedRequests;
  // setContent writes into the current document, which would keep the last
  // print's state (its content policy, for one): start from a new blank page.
  await page.goto('about:blank');
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
}
