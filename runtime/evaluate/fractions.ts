/**
 * Exact comparisons of a ratio against a percentage as written (99.9),
 * so that 999/1000 against 99.9% is "not below", whatever floats would say.
 */
const PERCENT_SCALE = 1_000_000n;

/** Whether numerator / denominator < percent / 100, exactly (denominator > 0). */
export function ratioBelowPercent(numerator: number, denominator: number, percent: number): boolean {
  const scaledPercent = BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  return BigInt(Math.round(numerator)) * 100n * PERCENT_SCALE < scaledPercent * BigInt(Math.round(denominator));
}

/** A fraction for the report, without float noise (6 decimals). */
export function roundFraction(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
