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

/**
 * The most of `whole` units (a whole number) that may be missed while the
 * rest is not below `percent`: the largest `missed` for which
 * `ratioBelowPercent(whole - missed, whole, percent)` is false, computed
 * with the same scaled integers, so a figure stated from it (the Downtime
 * an objective allows) agrees with the check to the unit.
 */
export function mostMissedKeeping(percent: number, whole: number): number {
  const scaledPercent = BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  const spare = BigInt(Math.round(whole)) * (100n * PERCENT_SCALE - scaledPercent);
  return spare <= 0n ? 0 : Number(spare / (100n * PERCENT_SCALE));
}

/** The report's fractions have 6 decimals: they are whole numbers of millionths. */
export const FRACTION_SCALE = 1_000_000;

/**
 * An objective as a fraction for the report, with every decimal it was
 * written with: a percentage has at most 6 (SLA3079), so its fraction has
 * at most 8 (99.99995% is 0.9999995, where 6 decimals would say 1).
 */
export function objectiveFraction(percent: number): number {
  return Math.round(percent * 1_000_000) / 100_000_000;
}

/** A fraction for the report, without float noise (6 decimals). */
export function roundFraction(value: number): number {
  return Math.round(value * FRACTION_SCALE) / FRACTION_SCALE;
}

/**
 * A measured fraction for the report, rounded as `roundFraction` but never
 * onto or across its objective: a missed objective (`ok` false) whose figure
 * would round up to the objective is rounded down instead, so that the JSON
 * never says 0.99 beside an objective of 0.99 and `"ok": false`.
 */
export function roundFractionBelow(value: number, objective: number | null, ok: boolean | null): number {
  const rounded = roundFraction(value);
  if (ok !== false || objective === null || rounded < objective) return rounded;
  return Math.floor(value * 1_000_000) / 1_000_000;
}

/**
 * The downtime of an uptime period in minutes (4 decimals, as every report
 * figure), never rounded across what its objective allows: a period MISSED
 * by 1 ms (44m 38.401s where 99.9% of 744 h allows 44m 38.4s) showed 44.64,
 * the allowance itself, beside "MISSED". Rounded to nearest unless that
 * would cross, then towards the side the verdict is on. `allowedMillis` is
 * `mostMissedKeeping(percent, scheduledMillis)`; `ok` the period's verdict.
 */
export function downtimeMinutesNotAcross(downtimeMillis: number, allowedMillis: number | undefined, ok: boolean | null): number {
  const minutes = downtimeMillis / 60_000;
  const rounded = Math.round(minutes * 10_000) / 10_000;
  if (ok === null || allowedMillis === undefined) return rounded;
  const allowed = allowedMillis / 60_000;
  if (ok === false && rounded <= allowed) return Math.ceil(minutes * 10_000) / 10_000;
  if (ok === true && rounded > allowed) return Math.floor(minutes * 10_000) / 10_000;
  return rounded;
}
