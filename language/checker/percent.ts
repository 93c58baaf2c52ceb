import type { PercentLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/**
 * Decimals of a percentage `slac check` compares exactly: its ratios are
 * weighed against the percentage in millionths of a percent (see
 * runtime/evaluate/fractions.ts), and the document states the figure as
 * written, so a seventh decimal would be printed but not checked.
 */
export const MAX_PERCENT_DECIMALS = 6;

/** A share of tickets, time or fee: between 0% and 100% (SLA3005), with at most 6 decimals (SLA3079). */
export function checkPercent(context: CheckContext, percent: PercentLiteral | undefined): void {
  if (!percent) return;
  if (percent.value < 0 || percent.value > 100 || Number.isNaN(percent.value)) {
    context.report('SLA3005', percent.range, { text: percent.text });
    return;
  }
  if (decimalsOf(percent.text) > MAX_PERCENT_DECIMALS) context.report('SLA3079', percent.range, { text: percent.text, decimals: MAX_PERCENT_DECIMALS });
}

/** Digits after the decimal point of a percentage as written (`99.9995%` has 4). */
function decimalsOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.replace(/%\s*$/, '').length - point - 1;
}
