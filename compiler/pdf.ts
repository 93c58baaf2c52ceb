/**
 * HTML to PDF with the system Chromium, driven by puppeteer-core. The only
 * module that touches puppeteer. The page runs with JavaScript off and no
 * network: every request but the document itself is aborted and recorded.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { findBrowser, withoutBrowserAdvice, type BrowserSearch } from './browser-path.js';
import { FINGERPRINT_DIGITS } from './document/fingerprint.js';
import { CompileError } from './errors.js';
import { makePdfDeterministic } from './pdf-determinism.js';
import { finishPdf, headingPages, type PdfMetadata } from './pdf-document.js';
import { embeddedFontFaces } from './render/fonts.js';
import { FONT_STACK, PAGE_MARGINS, type Paper } from './render/style.js';

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
  print(html: string | PagedHtml, options: PrintOptions): Promise<PrintResult>;
  close(): Promise<void>;
}

/**
 * The page as HTML, given the page each heading is on (by heading id), so
 * that the contents can show page numbers. Printed until the numbers it was
 * given are the pages the headings land on.
 */
export type PagedHtml = (contentsPages: ReadonlyMap<string, number>) => string;

export interface PrintOptions {
  paper: Paper;
  footer: { title: string; version?: string; sourceHash: string };
  /** The document information to write; without it Chromium's own is kept (dates made fixed). */
  metadata?: PdfMetadata;
}

/** A page whose contents numbers have not settled after this many prints is a defect, not a layout to ship. */
const MAX_CONTENTS_PASSES = 4;

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused; empty for a well-formed agreement. */
  blockedRequests: string[];
  /** `<script>` elements found in the page (the renderer never emits any). */
  scriptElements: number;
  /** The page's title after loading; a script that ran could have changed it. */
  pageTitle: string;
}

/** The longest path a Unix socket may have on Linux (`sun_path` is 108 bytes with its final NUL). */
const MAX_SOCKET_PATH = 107;
/** The folder Chromium (or Chrome) makes in TMPDIR at its start for the socket of its one-instance check. */
const SINGLETON_FOLDER = /^(?:org\.chromium\.Chromium|com\.google\.Chrome)\.[A-Za-z0-9]{6}$/;

/** The names of Chromium's socket folders in TMPDIR now. */
function singletonFolders(): Set<string> {
  try {
    return new Set(readdirSync(tmpdir()).filter((name) => SINGLETON_FOLDER.test(name)));
  } catch {
    return new Set();
  }
}

/**
 * After a failed start: the socket folders the browser made in TMPDIR (not
 * there before) whose socket path is too long. Under a long TMPDIR Chromium
 * dies at its start with nothing but "Target closed", and leaves the folder
 * behind; any browser started there would fail the same way, so those
 * folders are removed. (A folder whose path fits may be another browser's,
 * running: it is left alone.)
 */
function removeTooLongSingletons(before: ReadonlySet<string>): string[] {
  const tooLong = [...singletonFolders()].filter((name) => !before.has(name) && join(tmpdir(), name, 'SingletonSocket').length > MAX_SOCKET_PATH);
  for (const name of tooLong) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  return tooLong.map((name) => join(tmpdir(), name, 'SingletonSocket'));
}

/**
 * Removes the profile of a browser that did not start. Chromium's helper
 * processes can outlive a failed launch by a moment and make the folder
 * again (2 of 6 runs under load left it behind), so it is removed until it
 * stays gone, for at most a second.
 */
async function removeAfterFailedLaunch(userDataDir: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!existsSync(userDataDir)) return;
  }
}

/**
 * Launches the browser once, headless, with a fresh profile that is deleted
 * on close. Prints reuse the tab the browser opens with (a new tab costs a
 * renderer start) and run one at a time.
 */
export async function launchPdfPrinter(search: BrowserSearch = {}): Promise<PdfPrinter> {
  const executablePath = findBrowser(search);
  // Loaded here, not at the top: the CLI is one bundle, and a static import would load puppeteer (a quarter of a second) for every command.
  const { default: puppeteer } = await import('puppeteer-core');
  let userDataDir: string;
  try {
    userDataDir = mkdtempSync(join(tmpdir(), 'slac-chromium-'));
  } catch (error) {
    const reason = (error as Error).message.replace(/^E[A-Z]+: /, '');
    throw new CompileError(`Could not make a temporary folder for the browser in ${tmpdir()} (${reason}). Set TMPDIR to a folder you can write to, ${withoutBrowserAdvice(search)}`);
  }
  let browser: Browser;
  const singletonsBefore = singletonFolders();
  try {
    // The command line closes the browser on SIGTERM and SIGINT itself (cli/signals.ts), then exits.
    const signals = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false };
    browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: LAUNCH_ARGS, userDataDir, ...signals });
  } catch (error) {
    await removeAfterFailedLaunch(userDataDir);
    const tooLong = removeTooLongSingletons(singletonsBefore)[0];
    if (tooLong !== undefined) {
      throw new CompileError(
        `Chromium could not start: the temporary folder TMPDIR=${tmpdir()} is ${tmpdir().length} characters long, so the path of its socket there (${tooLong.length} characters) passes the ${MAX_SOCKET_PATH} a socket's path may have. Set TMPDIR to a shorter folder (such as /tmp), ${withoutBrowserAdvice(search)}`,
      );
    }
    const reason = (error as Error).message.split('\n')[0];
    throw new CompileError(`Could not start the browser at ${executablePath}: ${reason}. Set PUPPETEER_EXECUTABLE_PATH to a working Chromium or Chrome, ${withoutBrowserAdvice(search)}`);
  }
  let queue: Promise<unknown> = Promise.resolve();
  let tab: Promise<LockedDownTab> | undefined;
  // Closed once, however many callers ask (a signal handler and the compile's own cleanup may both).
  let closing: Promise<void> | undefined;
  return {
    print(html: string | PagedHtml, options: PrintOptions) {
      tab ??= openLockedDownTab(browser);
      const printed = queue.then(async () => printWith(await tab!, html, options));
      queue = printed.catch(() => undefined);
      return printed;
    },
    close() {
      closing ??= (async () => {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      })();
      return closing;
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

/** Title and version, "Page N of M", and the fingerprint prefix that ties the PDF to its sources and params. */
export function footerTemplate(footer: PrintOptions['footer']): string {
  const title = escapeHtml(footer.version ? `${footer.title}, version ${footer.version}` : footer.title);
  const hash = escapeHtml(footer.sourceHash.slice(0, FINGERPRINT_DIGITS));
  const fonts = escapeHtml(FONT_STACK);
  // The footer is its own page, without the document's stylesheet: it embeds the body font itself.
  return `<style>${embeddedFontFaces(true)}</style><div style="width:100%; margin:0 20mm; font-family:${fonts}; font-size:8pt; color:#444; display:flex; justify-content:space-between; gap:6mm;"><span>${title}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>Fingerprint ${hash}</span></div>`;
}

/**
 * Prints the page. A page that shows page numbers in its contents is
 * printed until they hold: once with no numbers known, then with the pages
 * the headings landed on, until a print puts every heading on the page it
 * was given (usually the second). Then the document information is set and
 * the bytes made deterministic.
 */
async function printWith(tab: LockedDownTab, html: string | PagedHtml, options: PrintOptions): Promise<PrintResult> {
  let printed: Printed;
  if (typeof html === 'string') printed = await printOnce(tab, html, options);
  else {
    let pages: ReadonlyMap<string, number> = new Map();
    for (let pass = 1; ; pass += 1) {
      printed = await printOnce(tab, html(pages), options);
      const landed = await headingPages(printed.pdf, printed.headings);
      if (samePages(pages, landed)) break;
      if (pass === MAX_CONTENTS_PASSES) {
        throw new CompileError(`The page numbers of the contents did not settle after ${pass} prints; please report this agreement.`);
      }
      pages = landed;
    }
  }
  const { headings, ...result } = printed;
  const pdf = options.metadata ? await finishPdf(printed.pdf, options.metadata, headings) : printed.pdf;
  return { ...result, pdf: makePdfDeterministic(pdf, options.footer.sourceHash, options.metadata?.date) };
}

function samePages(given: ReadonlyMap<string, number>, landed: ReadonlyMap<string, number>): boolean {
  return given.size === landed.size && [...landed].every(([id, page]) => given.get(id) === page);
}

/** One print, with the text of the page's headings, which the bookmarks are made from. */
interface Printed extends PrintResult {
  headings: string[];
}

async function printOnce(tab: LockedDownTab, html: string, options: PrintOptions): Promise<Printed> {
  const { page } = tab;
  const blockedRequests: string[] = [];
  tab.blocked = blockedRequests;
  // setContent writes into the current document, which would keep the last
  // print's state (its content policy, for one): start from a new blank page.
  await page.goto('about:blank');
  await page.setContent(html, { waitUntil: 'load' });
  await narrowTablesTooWide(page);
  const scriptElements = await page.$$eval('script', (elements) => elements.length);
  const pageTitle = await page.title();
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (elements) => elements.map((element) => element.textContent ?? ''));
  // A tagged PDF (headings, paragraphs, tables as structure, for screen
  // readers) and an outline of bookmarks made from the headings.
  const pdf = await page
    .pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.footer),
      margin: PAGE_MARGINS,
      tagged: true,
      outline: true,
    })
    .catch((error: unknown) => {
      throw tempFolderFull(error) ?? error;
    });
  return { pdf, blockedRequests, scriptElements, pageTitle, headings };
}

/**
 * Narrows the agreement's tables that are wider than the text. A table is
 * at least as wide as its longest words: six severity columns beside the
 * hours, objective and clock-stops columns passed the margin, and the page
 * cut off its last column (the one saying which service level's clock does
 * not stop) without a word. Such a table is set smaller (class `too-wide`);
 * one still too wide gets columns of equal width that break a word where
 * they must (`too-wide fixed`). Measured in print layout, so only a table
 * that would be cut off changes.
 */
async function narrowTablesTooWide(page: Page): Promise<void> {
  await page.emulateMediaType('print');
  for (const step of ['too-wide', 'fixed']) {
    await page.$$eval(
      'main.agreement table',
      (tables, name) => {
        for (const table of tables) {
          const room = table.parentElement?.getBoundingClientRect().width ?? Infinity;
          if (table.getBoundingClientRect().width > room + 0.5) table.classList.add(name);
        }
      },
      step,
    );
  }
}

/**
 * Chromium prints the PDF into a file of the temporary folder (TMPDIR) and
 * hands it on as a stream; on a full file system the file comes out short
 * and reading the stream fails ("Protocol error (IO.read): Read failed"),
 * which is the user's disk, not a bug. The profile folder was made there
 * already (launchPdfPrinter), so the folder itself is usable.
 */
function tempFolderFull(error: unknown): CompileError | undefined {
  if (!(error instanceof Error) || !/^Protocol error \(IO\.read\)/.test(error.message)) return undefined;
  const folder = tmpdir();
  return new CompileError(`Chromium could not write the PDF into the temporary folder TMPDIR=${folder}${freeSpaceNote(folder)}: it is too full for the PDF. Free space there, or set TMPDIR to another folder.`);
}

/** " (N KiB free)", or nothing when the file system does not say. */
function freeSpaceNote(folder: string): string {
  try {
    const stats = statfsSync(folder);
    return ` (${Math.floor((stats.bavail * stats.bsize) / 1024)} KiB free)`;
  } catch {
    return '';
  }
}
