import { HOLIDAY_CODE_TABLE } from './holiday-code-table.js';

/**
 * The codes of `holidays "CC"` / `holidays "CC-SUB"` that the date-holidays
 * data set knows, and their English names, from a table made from it
 * (holiday-code-table.ts, scripts/holiday-code-table.mjs): knowing a code
 * never loads the data set itself (2.5 MB of code, about 0.2 s at every
 * start), which only a holiday's dates need. The checker, the language
 * server and the clock's guard (runtime/clock/holidays/country-set.ts) ask
 * here.
 */

let countries: Record<string, string> | undefined;

/** Every country code with its English name (`DE` -> `Germany`). */
export function holidayCountries(): Readonly<Record<string, string>> {
  countries ??= Object.fromEntries(Object.entries(HOLIDAY_CODE_TABLE).map(([code, [name]]) => [code, name]));
  return countries;
}

/** The subdivision codes of a country with their names (`BE` -> `Berlin`); empty for an unknown country. */
export function holidaySubdivisions(country: string): Readonly<Record<string, string>> {
  return Object.hasOwn(HOLIDAY_CODE_TABLE, country) ? HOLIDAY_CODE_TABLE[country]![1] : {};
}

/** `DE-BE` -> `{ country: 'DE', subdivision: 'BE' }`. */
export function splitHolidayCode(code: string): { country: string; subdivision?: string } {
  const dash = code.indexOf('-');
  return dash < 0 ? { country: code } : { country: code.slice(0, dash), subdivision: code.slice(dash + 1) };
}

/** Whether `code` is a country (`US`) or a country and subdivision (`DE-BE`) of the data set, exactly as written. */
export function isKnownHolidayCode(code: string): boolean {
  const { country, subdivision } = splitHolidayCode(code);
  if (!Object.hasOwn(holidayCountries(), country)) return false;
  return subdivision === undefined || Object.hasOwn(holidaySubdivisions(country), subdivision);
}

