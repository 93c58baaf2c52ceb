/**
 * Percentages for the reports (text, site, review pack). A figure printed next to a verdict must
 * sit on the same side of the threshold as the measured value: 98.9996%
 * must not read "99%" next to "objective 99% … MISSED", nor 99.0004% read
 * "99%" next to a missed 99.0004% objective.
 */

/** The summary's measured fractions carry 6 decimals: 4 decimals of a percentage. */
const SUMMARY_DECIMALS = 4;
/** Its objectives carry the decimals they were written with, at most 6 of a percentage (SLA3079). */
const THRESHOLD_DECIMALS = 6;
/** Fewer digits are easier to read: 3 unless the threshold needs more. */
const DEFAULT_DECIMALS = 3;

/** A fraction as a percentage with up to 3 decimals, trailing zeros dropped: 0.9991 -> `99.91%`. */
export function percent(fraction: number): string {
  return `${percentFigure(fraction, DEFAULT_DECIMALS)}%`;
}

/** A threshold as a percentage with all its digits (up to 6 decimals): 0.9999995 -> `99.99995%`, not `100%`. */
export function thresholdPercent(fraction: number): string {
  return `${percentFigure(fraction, THRESHOLD_DECIMALS)}%`;
}

/**
 * A fraction as a percentage on the right side of a threshold: with 3
 * decimals when that keeps it there, else with more. `atOrAbove` is the
 * exact verdict (the value meets the threshold), not a float comparison.
 * When even the summary's 6 decimals were rounded onto the threshold
 * (98.99999% stored as 0.99), a missed value reads as the largest figure
 * below it (98.9999% below 99%; 99.99994% below 99.99995%).
 */
export function percentBeside(fraction: number, thresholdFraction: number, atOrAbove: boolean): string {
  const threshold = percentFigure(thresholdFraction, THRESHOLD_DECIMALS);
  for (let decimals = DEFAULT_DECIMALS; decimals <= SUMMARY_DECIMALS; decimals++) {
    const shown = percentFigure(fraction, decimals);
    if (shown >= threshold === atOrAbove) return `${shown}%`;
  }
  const decimals = Math.max(SUMMARY_DECIMALS, decimalsOf(threshold));
  return `${Number((atOrAbove ? threshold : threshold - 10 ** -decimals).toFixed(decimals))}%`;
}

/**
 * A measured figure (attainment, uptime) as the reports print it: on its
 * verdict's side of the objective when it has one, else `percent`. The
 * text report, the site and the review pack all print figures with this.
 */
export function measuredPercent(fraction: number, objective: number | null, ok: boolean | null): string {
  return objective === null || ok === null ? percent(fraction) : percentBeside(fraction, objective, ok);
}

function percentFigure(fraction: number, decimals: number): number {
  return Number((fraction * 100).toFixed(decimals));
}

/** Decimals of a figure as JavaScript writes it (`99.99995` has 5). */
function decimalsOf(figure: number): number {
  const text = String(figure);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}
