import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { CompileError } from './errors.js';

/** Where a Chromium or Chrome is usually installed, searched in this order after the environment variable. */
export const USUAL_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Where to look for the browser; tests replace both to simulate a machine without one. */
export interface BrowserSearch {
  /** Usually `process.env.PUPPETEER_EXECUTABLE_PATH`. */
  explicitPath?: string | undefined;
  candidates?: readonly string[];
  exists?: (path: string) => boolean;
  /**
   * What the command makes without a browser, for the advice when none
   * starts: `slac compile`'s `--format html` (the default) or `slac
   * report`'s `--format site`.
   */
  withoutBrowser?: string;
}

/** `slac compile`'s formats that need no browser, named when none is found or starts. */
const COMPILE_WITHOUT_BROWSER = '--format html';

const NO_BROWSER_FOUND =
  'PDF output needs Chromium or Google Chrome, and none was found. Install one (for example `sudo apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to the browser executable.';

export const NO_BROWSER_MESSAGE = `${NO_BROWSER_FOUND} \`--format html\` and \`--format md\` work without a browser.`;

/** NO_BROWSER_MESSAGE with the command's own way without a browser. */
function noBrowserMessage(withoutBrowser: string | undefined): string {
  if (withoutBrowser === undefined || withoutBrowser === COMPILE_WITHOUT_BROWSER) return NO_BROWSER_MESSAGE;
  return `${NO_BROWSER_FOUND} \`${withoutBrowser}\` works without a browser.`;
}

/** The end of a failed start's advice: `or use --format html.` */
export function withoutBrowserAdvice(search: BrowserSearch): string {
  return `or use ${search.withoutBrowser ?? COMPILE_WITHOUT_BROWSER}.`;
}

/**
 * The browser executable to print with: PUPPETEER_EXECUTABLE_PATH when it
 * names a file that can be run, else the first usual path that can. A
 * missing browser is a user error with instructions, not a crash.
 */
export function findBrowser(search: BrowserSearch = {}): string {
  const exists = search.exists ?? isRunnableFile;
  const explicit = 'explicitPath' in search ? search.explicitPath : process.env['PUPPETEER_EXECUTABLE_PATH'];
  if (explicit && exists(explicit)) return explicit;
  const found = (search.candidates ?? USUAL_BROWSER_PATHS).find((path) => exists(path));
  if (found) return found;
  const named = explicit ? ` PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which ${runnableProblem(explicit)}.` : '';
  throw new CompileError(`${noBrowserMessage(search.withoutBrowser)}${named}`);
}

/**
 * Whether `path` is a file this process may run. A folder, or a file
 * without execute permission, makes the browser's spawn fail with EACCES as
 * an 'error' event that puppeteer-core does not handle: Node's stack trace
 * and exit 1, not the message above.
 */
export function isRunnableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a browser path that `isRunnableFile` refuses: "does not exist", or why it cannot be run. */
export function runnableProblem(path: string): string {
  if (!existsSync(path)) return 'does not exist';
  return statSync(path).isFile() ? 'is not executable' : 'is not a file';
}
