import type { PercentLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/** A share of tickets, time or fee: between 0% and 100% (SLA3005). */
export function checkPercent(context: CheckContext, percent: PercentLiteral | undefined): void {
  if (percent && (percent.value < 0 || percent.value > 100 || Number.isNaN(percent.value))) {
    context.report('SLA3005', percent.range, { text: percent.text });
  }
}
