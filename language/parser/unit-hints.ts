/**
 * What an author most likely meant by a duration unit slac does not know
 * (SLA1022): the abbreviations of timesheets and helpdesks (`hrs`, `mins`),
 * and the wording of SLAs that slac expresses through the metric's clock.
 */

/** Abbreviations and near-synonyms, by the unit they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  m: 'minutes', min: 'minutes', mins: 'minutes', mn: 'minutes',
  h: 'hours', hr: 'hours', hrs: 'hours',
  d: 'days', dy: 'days', dys: 'days',
  w: 'weeks', wk: 'weeks', wks: 'weeks',
  mo: 'months', mos: 'months', mth: 'months', mths: 'months', mon: 'months',
  workday: 'business days', workdays: 'business days', weekday: 'business days', weekdays: 'business days',
  'working day': 'business days', 'working days': 'business days', 'work day': 'business days', 'work days': 'business days',
};

/** Hours of business time, which slac counts on the metric's clock. */
const BUSINESS_HOURS: ReadonlySet<string> = new Set(['business hour', 'business hours', 'working hour', 'working hours', 'work hour', 'work hours']);

/** A hint (the message's `{hint}`) and, where the unit's text can simply be replaced, the unit to write (a quick fix). */
export interface UnitHint {
  hint: string;
  suggestion?: string;
}

/** The hint for the unit `text` (lower-cased as written: `hrs`, `business hours`) after `amount`. */
export function unitHint(text: string, amount: string | undefined): UnitHint {
  const written = text.toLowerCase();
  if (BUSINESS_HOURS.has(written)) {
    const shown = amount ?? '4';
    const hours = shown === '1' ? 'hour' : 'hours';
    return {
      hint: ` Hours count on the metric's clock: with a business-hours clock, '${shown} ${hours}' is ${shown} business ${hours}.`,
      suggestion: hours,
    };
  }
  const plural = ABBREVIATIONS[written];
  if (plural !== undefined) {
    // `1 hrs` becomes `1 hour`: every unit has a singular, the plural without its `s`.
    const meant = amount === '1' ? plural.slice(0, -1) : plural;
    return { hint: ` Did you mean '${meant}'?`, suggestion: meant };
  }
  // `working` alone: the unit that follows it is not known.
  if (written === 'working' || written === 'work') return { hint: " Did you mean 'business days'?" };
  return { hint: '' };
}
