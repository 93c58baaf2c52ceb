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

/** The region codes of a country's subdivision with their names (`DE`, `BY`: `A` -> `Stadt Augsburg`); empty for most. */
export function holidayRegions(country: string, subdivision: string): Readonly<Record<string, string>> {
  const regions = Object.hasOwn(HOLIDAY_CODE_TABLE, country) ? HOLIDAY_CODE_TABLE[country]![2] : undefined;
  return regions !== undefined && Object.hasOwn(regions, subdivision) ? regions[subdivision]! : {};
}

/** `DE-BY-A` -> `{ country: 'DE', subdivision: 'BY', region: 'A' }`; the data set's codes have no dash of their own. */
export function splitHolidayCode(code: string): { country: string; subdivision?: string; region?: string } {
  const [country = '', subdivision, ...region] = code.split('-');
  if (subdivision === undefined) return { country };
  return region.length === 0 ? { country, subdivision } : { country, subdivision, region: region.join('-') };
}

/** Whether `code` is a country (`US`), a country and subdivision (`DE-BE`) or those and a region (`DE-BY-A`) of the data set, exactly as written. */
export function isKnownHolidayCode(code: string): boolean {
  const { country, subdivision, region } = splitHolidayCode(code);
  if (!Object.hasOwn(holidayCountries(), country)) return false;
  if (subdivision === undefined) return true;
  if (!Object.hasOwn(holidaySubdivisions(country), subdivision)) return false;
  return region === undefined || Object.hasOwn(holidayRegions(country, subdivision), region);
}
