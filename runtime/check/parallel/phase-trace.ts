/**
 * `SLAC_CHECK_TRACE=1`, an internal switch: one line on standard error as
 * each phase of a `--jobs` check ends on the main thread, with the time
 * since the trace began, the process's resident memory and its peak so
 * far. The tests read it for the order of the phases (the merge begins
 * once every worker has exited); by hand it shows which phase sets a
 * check's peak memory, which a single figure for the whole run cannot.
 */
export type PhaseTrace = (phase: string) => void;

/** The trace the environment asks for, or none. */
export function phaseTraceOf(env: NodeJS.ProcessEnv = process.env): PhaseTrace | undefined {
  if (env.SLAC_CHECK_TRACE !== '1') return undefined;
  const start = performance.now();
  const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
  return (phase) => {
    const elapsed = Math.round(performance.now() - start);
    // maxRSS is in kilobytes.
    process.stderr.write(`slac: trace: ${elapsed} ms, rss ${megabytes(process.memoryUsage.rss())} MB, peak ${megabytes(process.resourceUsage().maxRSS * 1024)} MB: ${phase}\n`);
  };
}
