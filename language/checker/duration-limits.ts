import type { DurationLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/**
 * The longest target or escalation delay: a year (366 days of open time,
 * or 366 business days). `slac check` walks the calendar's open time up to
 * a due instant, so a target of 999999999 hours on a calendar of many short
 * ranges would take gigabytes and minutes; no agreement means a longer one
 * (docs/language.md "Limits").
 */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;
export const MAX_TARGET_BUSINESS_DAYS = 366;

/**
 * The longest review cadence (`review { every ... }`), per unit: ten years.
 * The next review date counts steps from the effective date; beyond this it
 * is a date no report can show (year +10359) and no agreement means
 * (docs/language.md "Review").
 */
export const MAX_REVIEW_EVERY: Readonly<Record<'months' | 'weeks' | 'days', number>> = { months: 120, weeks: 520, days: 3650 };

const MINUTES_PER_UNIT: Record<string, number> = { minute: 1, hour: 60, day: 24 * 60, week: 7 * 24 * 60 };

/**
 * SLA3070 when a target or `after` duration is longer than a year; SLA3077
 * when it is more than zero but less than a second, which the document and
 * the report (both to the second) would state as zero, so that a target
 * written as `0.0001 minutes` is not printed as "0 minutes" and met by
 * nothing. Zero itself is SLA3026.
 */
export function checkDurationLimit(context: CheckContext, duration: DurationLiteral): void {
  const amount = duration.amount ?? 0;
  if (duration.unit === 'business day') {
    if (amount > MAX_TARGET_BUSINESS_DAYS) context.report('SLA3070', duration.range, { text: duration.text });
    return;
  }
  const minutes = amount * (MINUTES_PER_UNIT[duration.unit ?? ''] ?? 0);
  if (minutes > MAX_TARGET_MINUTES) context.report('SLA3070', duration.range, { text: duration.text });
  if (minutes > 0 && minutes * 60 < 1) context.report('SLA3077', duration.range, { text: duration.text });
}

/**
 * SLA3083 when a review cadence is less than one step (zero would never
 * move on to a next date) or longer than `MAX_REVIEW_EVERY`; SLA3084 when
 * it is a fraction of its unit: review dates are the effective date plus
 * whole steps, and half a month has no calendar length (Luxon would read
 * 1.5 months as 1 month and 15 days) while half a week ends at noon. Units
 * the cadence does not allow are SLA3028's.
 */
export function checkReviewCadenceLimit(context: CheckContext, duration: DurationLiteral): void {
  const unit = `${duration.unit ?? ''}s`;
  const max = unit in MAX_REVIEW_EVERY ? MAX_REVIEW_EVERY[unit as keyof typeof MAX_REVIEW_EVERY] : undefined;
  const amount = duration.amount ?? 0;
  if (max === undefined) return;
  if (amount < 1 || amount > max) context.report('SLA3083', duration.range, { text: duration.text, max: `${max} ${unit}` });
  else if (!Number.isInteger(amount)) context.report('SLA3084', duration.range, { text: duration.text, unit });
}
