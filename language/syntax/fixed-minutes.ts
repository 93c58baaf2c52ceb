import type { DurationLiteral } from './ast.js';

/** Minutes of open time per unit of a fixed length (not business days or months). */
const minutesPerUnit: Readonly<Record<string, number>> = { minute: 1, hour: 60, day: 1440, week: 10080 };

/**
 * The duration in open minutes, when its unit has a fixed length. Here with
 * the syntax because the checker (escalation order) and the binder (which
 * "did you mean" keeps the levels in order) both compare due times.
 */
export function fixedMinutes(duration: DurationLiteral | undefined): number | undefined {
  const perUnit = duration?.unit === undefined ? undefined : minutesPerUnit[duration.unit];
  return perUnit === undefined || duration?.amount === undefined ? undefined : duration.amount * perUnit;
}
