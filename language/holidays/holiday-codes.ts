import Holidays from 'date-holidays';
import { suggestName } from '../binder/suggest.js';

/**
 * The country and subdivision codes of `holidays "CC"` / `holidays "CC-SUB"`
 * (LANGUAGE.md 1.1), as the `date-holidays` data set knows them. The checker,
 * the clock and the language server (completion, hover) all ask here, so a
 * code is known, suggested and described the same way everywhere.
 */

/** What a code stands for, in English where the data set has it. */
export interface HolidayCodeDescription {
  /** `Germany` */
  country: string;
  /** `Berlin`, for a code with a subdivision. */
  subdivision?: string;
}

let data: Holidays | undefined;
let countries: Record<string, string> | undefined;
const states = new Map<string, Record<string, string>>();

/**
 * The data set, built on first use. (Imported statically, not through a lazy
 * `require`: the CLI and the VS Code extension ship self-contained bundles.)
 */
function holidays(): Holidays {
  data ??= new Holidays();
  return data;
}

/** Every country code with its English name (`DE` -> `Germany`). */
export function holidayCountries(): Readonly<Record<string, string>> {
  countries ??= holidays().getCountries('en') ?? {};
  return countries;
}

/** The subdivision codes of a country with their names (`BE` -> `Berlin`); empty for an unknown country. */
export function holidaySubdivisions(country: string): Readonly<Record<string, string>> {
  if (!(country in holidayCountries())) return {};
  let known = states.get(country);
  if (!known) {
    known = holidays().getStates(country, 'en') ?? {};
    states.set(country, known);
  }
  return known;
}

function split(code: string): { country: string; subdivision?: string } {
  const dash = code.indexOf('-');
  return dash < 0 ? { country: code } : { country: code.slice(0, dash), subdivision: code.slice(dash + 1) };
}

/** Whether `code` is a country (`US`) or a country and subdivision (`DE-BE`) of the data set, exactly as written. */
export function isKnownHolidayCode(code: string): boolean {
  const { country, subdivision } = split(code);
  if (!Object.hasOwn(holidayCountries(), country)) return false;
  return subdivision === undefined || Object.hasOwn(holidaySubdivisions(country), subdivision);
}

/** Every known code: each country, and each country with each of its subdivisions. */
export function allHolidayCodes(): string[] {
  return Object.keys(holidayCountries()).flatMap((country) => [
    country,
    ...Object.keys(holidaySubdivisions(country)).map((subdivision) => `${country}-${subdivision}`),
  ]);
}

/**
 * The known code the author most likely meant, or undefined: the same code
 * in capitals (`de-be`), a known subdivision close to the one written, or the
 * nearest code overall.
 */
export function suggestHolidayCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase().replace(/[_ ]/g, '-');
  if (upper !== code && isKnownHolidayCode(upper)) return upper;
  const { country, subdivision } = split(upper);
  if (Object.hasOwn(holidayCountries(), country) && subdivision !== undefined) {
    const near = suggestName(subdivision, Object.keys(holidaySubdivisions(country)));
    if (near !== undefined) return `${country}-${near}`;
    return country;
  }
  return suggestName(upper, allHolidayCodes());
}

/** `{ country: 'Germany', subdivision: 'Berlin' }` for `DE-BE`; undefined for an unknown code. */
export function describeHolidayCode(code: string): HolidayCodeDescription | undefined {
  if (!isKnownHolidayCode(code)) return undefined;
  const { country, subdivision } = split(code);
  const description: HolidayCodeDescription = { country: holidayCountries()[country]! };
  if (subdivision !== undefined) description.subdivision = holidaySubdivisions(country)[subdivision]!;
  return description;
}
