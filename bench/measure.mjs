// What the benchmarks share to sum up their runs: the median of a list, and
// CPU time of named phases of this process.

/** The median of `values` (the upper middle of an even count), without reordering them. */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** This process's CPU time (user and system) so far, in milliseconds. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A timer of named phases by CPU time: `timed(name, run)` runs `run`, adds
 * its CPU milliseconds to `phases[name]` and returns its result.
 */
export function phaseTimer() {
  const phases = {};
  const timed = (name, run) => {
    const started = cpuMs();
    const result = run();
    (phases[name] ??= []).push(cpuMs() - started);
    return result;
  };
  return { phases, timed };
}
