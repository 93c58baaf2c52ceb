import type { PdfPrinter } from '../compiler/pdf.js';

/** A browser being started, or the error that stopped it. */
export type LaunchingPrinter = Promise<PdfPrinter | Error>;

/**
 * Starts the browser while the document is built; a failure is kept, to be
 * reported only if a PDF is actually printed. puppeteer is loaded only here.
 */
export function startPrinter(): LaunchingPrinter {
  return import('../compiler/pdf.js')
    .then((pdf) => pdf.launchPdfPrinter())
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/** Closes the browser, if it started. */
export async function closePrinter(launching: LaunchingPrinter): Promise<void> {
  const printer = await launching;
  if (!(printer instanceof Error)) await printer.close();
}
