/** The conventional exit status after a signal: 128 + its number. */
const SIGNAL_EXIT: Record<'SIGTERM' | 'SIGINT' | 'SIGHUP', number> = { SIGTERM: 143, SIGINT: 130, SIGHUP: 129 };

let stopping = false;

/**
 * True once a signal is being handled: the command's own failure (the print
 * cut short) is then not a bug to report; the process is about to exit.
 */
export function stoppingBySignal(): boolean {
  return stopping;
}

/**
 * While a browser prints PDFs, SIGTERM (or Ctrl-C) first closes it and
 * deletes its profile, then exits with 128 + the signal's number: no
 * orphaned Chromium, no "internal error" from the print cut short, and no
 * output file written (outputs are renamed into place only when complete).
 * Returns the function that removes the handlers.
 */
export function closeOnSignal(close: () => Promise<void>): () => void {
  const handler = (signal: keyof typeof SIGNAL_EXIT): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`slac: stopped by ${signal}.\n`);
    const exit = (): never => process.exit(SIGNAL_EXIT[signal]);
    // A browser that does not close within seconds is left to the system: the user asked to stop.
    setTimeout(exit, 5000).unref();
    void close()
      .catch(() => undefined)
      .finally(exit);
  };
  const signals = Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[];
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
