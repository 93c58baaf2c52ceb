// One seeded random generator for the example-log generator, the benchmarks
// and the fuzz tests: the same seed gives the same numbers on every machine,
// so generated data and failures replay exactly.

/**
 * mulberry32: a small, fast 32-bit generator.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
