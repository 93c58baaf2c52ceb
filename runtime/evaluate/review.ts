import { DateTime } from 'luxon';
import type { DurationModel } from '../../language/model/model.js';
import type { EvaluationContext } from './context.js';

/**
 * The next review date: `effective` plus a whole number (at least one) of
 * `every` steps, the first on or after the as-of instant's local date in the
 * report zone (a review falling on the as-of date is due that day). Null
 * without `every`, without `effective`, or for an `every` not in whole days
 * or of zero.
 */
export function nextReviewDate(context: EvaluationContext, asOf: number): string | null {
  const every = context.model.review?.every;
  const effective = context.model.agreement?.effective;
  if (!every || !effective) return null;
  const start = DateTime.fromISO(effective, { zone: 'UTC' });
  const asOfDate = DateTime.fromMillis(asOf, { zone: context.reportZone }).toISODate()!;
  const asOfDay = DateTime.fromISO(asOfDate, { zone: 'UTC' });
  const step = stepOf(every);
  if (!step || !start.isValid) return null;
  // Count from effective each time (not step by step) so month ends do not drift: Jan 31 + 1 month = Feb 28, + 2 = Mar 31.
  const [unit, size] = step;
  const elapsedSteps = Math.max(1, Math.floor(asOfDay.diff(start, unit).get(unit) / size));
  for (let k = Math.max(1, elapsedSteps - 1); ; k++) {
    const candidate = start.plus({ [unit]: k * size });
    if (candidate >= asOfDay) return candidate.toISODate();
  }
}

function stepOf(every: DurationModel): ['months' | 'weeks' | 'days', number] | undefined {
  // A step of zero never reaches a next date (the checker and the model schema refuse it: SLA3083).
  if (!(every.amount > 0)) return undefined;
  switch (every.unit) {
    case 'months':
      return ['months', every.amount];
    case 'weeks':
      return ['weeks', every.amount];
    case 'days':
    case 'businessDays':
      return ['days', every.amount];
    default:
      return undefined;
  }
}
