import { CompileError } from '../compiler/errors.js';
import type { PdfPrinter } from '../compiler/pdf.js';
import { closeOnSignal } from './signals.js';
import { UserError } from './user-error.js';

/** A browser being started, or the error that stopped it. */
export type LaunchingPrinter = Promise<PdfPrinter | Error>;

/**
 * Starts the browser while the document is built; a failure is kept, to be
 * reported only if a PDF is actually printed. puppeteer is loaded only here.
 * `withoutBrowser`: what the command makes without one, for the advice of a
 * failure (`slac compile`'s `--format html` by default).
 */
export function startPrinter(withoutBrowser?: string): LaunchingPrinter {
  return import('../compiler/pdf.js')
    .then((pdf) => pdf.launchPdfPrinter(withoutBrowser === undefined ? {} : { withoutBrowser }))
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/** Closes the browser, if it started. */
export async function closePrinter(launching: LaunchingPrinter): Promise<void> {
  const printer = await launching;
  if (!(printer instanceof Error)) await printer.close();
}

/**
 * Runs a compile's work with the browser starting beside it when `print`
 * (Chromium takes about a second to start: it starts while the sources are
 * read and checked), and closes it however the work ends, on a signal too.
 * A `CompileError` is the user's input at fault: it becomes a `UserError`.
 */
export async function withPrinterStarting(print: boolean, work: (launching: LaunchingPrinter | undefined) => Promise<void>): Promise<void> {
  const launching = print ? startPrinter() : undefined;
  const release = launching ? closeOnSignal(() => closePrinter(launching)) : () => undefined;
  try {
    await work(launching);
  } catch (error) {
    if (error instanceof CompileError) throw new UserError(error.message);
    throw error;
  } finally {
    release();
    if (launching) await closePrinter(launching);
  }
}
