import { getHeapSpaceStatistics } from 'node:v8';

/**
 * `SLAC_CHECK_TRACE=1`, an internal switch: one line on standard error as
 * each phase of a `--jobs` check ends on the main thread, with the time
 * since the process started, the process's resident memory, its peak so
 * far, and this thread's V8 heap (with the size of each of its spaces: the
 * young generation is reserved whole, used or not) and array buffers (the
 * ticket store is most of those). The tests read it for the order of the phases (the
 * worker threads start before the agreement is read; the merge begins once
 * every worker has exited); by hand it shows which phase sets a check's
 * peak memory, which a single figure for the whole run cannot.
 */
export type PhaseTrace = (phase: string) => void;

/** The trace the environment asks for, or none. */
export function phaseTraceOf(env: NodeJS.ProcessEnv = process.env): PhaseTrace | undefined {
  if (env.SLAC_CHECK_TRACE !== '1') return undefined;
  const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));
  return (phase) => {
    const { rss, heapTotal, arrayBuffers } = process.memoryUsage();
    // maxRSS is in kilobytes.
    const peak = process.resourceUsage().maxRSS * 1024;
    const spaces = getHeapSpaceStatistics()
      .filter((space) => space.space_size > 0)
      .map((space) => `${space.space_name.replace(/_space$/, '')} ${megabytes(space.space_size)}`)
      .join(', ');
    process.stderr.write(`slac: trace: ${Math.round(performance.now())} ms, rss ${megabytes(rss)} MB, peak ${megabytes(peak)} MB, heap ${megabytes(heapTotal)} MB (${spaces}), buffers ${megabytes(arrayBuffers)} MB: ${phase}\n`);
  };
}
