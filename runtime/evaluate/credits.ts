import type { CreditsModel } from '../../language/model/model.js';
import { FRACTION_SCALE, ratioBelowPercent, roundFraction } from './fractions.js';
import type { CreditRow } from './summary.js';

/** A metric's measured ratio in one period (attainment or uptime). */
export interface MeasuredRatio {
  metric: string;
  period: string;
  /** Sort key of the period. */
  start: number;
  numerator: number;
  denominator: number;
  /** The ratio as its objective or uptime row writes it (`roundFractionBelow`). */
  figure: number;
}

/**
 * Credits per period label: for each metric, the largest credit whose `below`
 * threshold its ratio is strictly under; summed over metrics; capped.
 * Metrics reported by different periods (monthly, quarterly) give separate
 * labels; only labels that owe a credit are listed.
 */
export function creditsOwed(credits: CreditsModel | undefined, ratios: readonly MeasuredRatio[]): CreditRow[] {
  if (!credits) return [];
  const byPeriod = new Map<string, { start: number; row: CreditRow }>();
  for (const ratio of ratios) {
    if (ratio.denominator <= 0) continue;
    const matching = credits.tiers.filter(
      (tier) => tier.metric === ratio.metric && ratioBelowPercent(ratio.numerator, ratio.denominator, tier.belowPercent),
    );
    const best = matching.reduce<(typeof matching)[number] | undefined>(
      (top, tier) => (top === undefined || tier.creditPercent > top.creditPercent ? tier : top),
      undefined,
    );
    if (!best) continue;
    let entry = byPeriod.get(ratio.period);
    if (!entry) byPeriod.set(ratio.period, (entry = { start: ratio.start, row: { period: ratio.period, percent: 0, uncappedPercent: 0, tiers: [] } }));
    entry.row.tiers.push({
      metric: ratio.metric,
      value: tierValue(ratio, best.belowPercent),
      belowPercent: best.belowPercent,
      creditPercent: best.creditPercent,
    });
    entry.row.uncappedPercent += best.creditPercent;
  }
  const rows = [...byPeriod.values()].sort((a, b) => a.start - b.start || a.row.period.localeCompare(b.row.period));
  return rows.map(({ row }) => {
    const uncapped = roundFraction(row.uncappedPercent);
    return { ...row, uncappedPercent: uncapped, percent: credits.capPercent === undefined ? uncapped : Math.min(uncapped, credits.capPercent) };
  });
}

/**
 * The figure a tier states: the row's own figure, so that the JSON says one
 * number for one ratio; only when a tier's threshold differs from the
 * objective and the row's figure sits on or over it (99.95% written for
 * 99.9499%, below 99.95%) is it cut to the 6-decimal figure under the ratio.
 */
function tierValue(ratio: MeasuredRatio, belowPercent: number): number {
  if (ratioBelowPercent(Math.round(ratio.figure * FRACTION_SCALE), FRACTION_SCALE, belowPercent)) return ratio.figure;
  return Math.floor((ratio.numerator / ratio.denominator) * FRACTION_SCALE) / FRACTION_SCALE;
}
