import type { CalendarDeclaration, DurationLiteral } from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import { checkDurationLimit, checkReviewCadenceLimit } from './duration-limits.js';
import { isAroundTheClock } from './hours.js';

/** Where a duration is written; each place allows different units. */
export type DurationPlace =
  | { kind: 'target' | 'after'; calendar: CalendarDeclaration | undefined }
  | { kind: 'every' }
  /** Real elapsed time (`maintenance { notice ... at most ... }`): `days` is plain 24 hours there. */
  | { kind: 'elapsed'; context: string };

/**
 * Units a place does not allow: months outside the review cadence
 * (SLA3016), minutes, hours and business days in it (SLA3028) and a cadence
 * of zero or beyond ten years (SLA3083) or of a fraction (SLA3084), business
 * days and months in real elapsed time (SLA3028), `days` on a calendar
 * that is not open around the clock (SLA3013), and a fraction of a business
 * day (SLA3060), which has no close to fall due at.
 */
export function checkDuration(context: CheckContext, duration: DurationLiteral | undefined, place: DurationPlace): void {
  if (!duration?.unit || duration.amount === undefined) return;
  if (place.kind === 'every') {
    if (['minute', 'hour', 'business day'].includes(duration.unit)) {
      context.report('SLA3028', duration.range, { unit: `${duration.unit}s`, context: 'review { every ... }' });
      return;
    }
    checkReviewCadenceLimit(context, duration);
    return;
  }
  if (place.kind === 'elapsed') {
    if (duration.unit === 'business day' || duration.unit === 'month') {
      context.report('SLA3028', duration.range, { unit: `${duration.unit}s`, context: place.context });
    }
    return;
  }
  if (duration.unit === 'month') {
    context.report('SLA3016', duration.range);
    return;
  }
  if (duration.amount === 0 && place.kind === 'target') context.report('SLA3026', duration.range);
  checkDurationLimit(context, duration);
  if (duration.unit === 'business day' && !Number.isInteger(duration.amount)) {
    context.report('SLA3060', duration.range, { text: duration.text });
  }
  if (duration.unit === 'day' && place.calendar && !isAroundTheClock(place.calendar)) {
    reportAmbiguousDays(context, duration, place.calendar);
  }
}

function reportAmbiguousDays(context: CheckContext, duration: DurationLiteral, calendar: CalendarDeclaration): void {
  const amount = duration.amount ?? 0;
  const businessDays = `${amount} business ${amount === 1 ? 'day' : 'days'}`;
  const hours = `${amount * 24} hours`;
  context.report(
    'SLA3013',
    duration.range,
    { text: duration.text, calendar: calendar.name?.text ?? '?', businessDays, hours },
    { data: { businessDays, hours } },
  );
}

/**
 * Whether `checkDuration` lets `duration` stand at `place`: the same rule,
 * asked without reporting, so that completion offers only the units the
 * checker then accepts there.
 */
export function durationAccepted(duration: DurationLiteral, place: DurationPlace): boolean {
  let accepted = true;
  const silent: CheckContext = { file: '', resolve: () => undefined, report: () => void (accepted = false) };
  checkDuration(silent, duration, place);
  return accepted;
}
