// The codes alone (`index.js`), without the names in 80 languages that the package's Node entry loads.
import { alpha3ToAlpha2 } from 'i18n-iso-countries/index.js';
import { suggestName } from '../binder/suggest.js';
import { holidayCountries, holidayRegions, holidaySubdivisions, isKnownHolidayCode, splitHolidayCode as split } from './known-codes.js';

export { holidayCountries, holidayRegions, holidaySubdivisions, isKnownHolidayCode };

/**
 * The country and subdivision codes of `holidays "CC"` / `holidays "CC-SUB"`
 * (LANGUAGE.md 1.1), as the `date-holidays` data set knows them. The checker,
 * the clock and the language server (completion, hover) all ask here, so a
 * code is known, suggested and described the same way everywhere. The codes
 * and their English names are a table made from the data set
 * (known-codes.ts), so that checking an agreement never loads the data set
 * itself: only a holiday's dates need it (runtime/clock/holidays/country-set.ts).
 */

/** What a code stands for, in English where the data set has it. */
export interface HolidayCodeDescription {
  /** `Germany` */
  country: string;
  /** `Berlin`, for a code with a subdivision. */
  subdivision?: string;
  /** `Stadt Augsburg`, for a code with a region (`DE-BY-A`). */
  region?: string;
}

/** Every known code: each country, each country with each of its subdivisions, and those with each of their regions. */
export function allHolidayCodes(): string[] {
  return Object.keys(holidayCountries()).flatMap((country) => [
    country,
    ...Object.keys(holidaySubdivisions(country)).flatMap((subdivision) => [
      `${country}-${subdivision}`,
      ...Object.keys(holidayRegions(country, subdivision)).map((region) => `${country}-${subdivision}-${region}`),
    ]),
  ]);
}

/**
 * Country codes people write that ISO 3166 does not give the country: the
 * United Kingdom's code is GB (UK is only reserved for it).
 */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

/**
 * The known code the author most likely meant, or undefined: the same code
 * in capitals (`de-be`), a country by its name (`Germany`, `United
 * States`), by its three-letter code (`USA`, `DEU`) or as it is commonly
 * but wrongly written (`UK`), a subdivision by its name (`US-California`)
 * or close to a known one (`DE-BEE`), a region likewise (`DE-BY-AA`:
 * `DE-BY-A`; `NZ-CAN-TIMARU`: `NZ-CAN-Timaru`), or the nearest code overall.
 */
export function suggestHolidayCode(code: string): string | undefined {
  const named = countryNamed(code.trim());
  if (named !== undefined) return named;
  const upper = code.trim().toUpperCase().replace(/[_ ]/g, '-');
  if (upper !== code && isKnownHolidayCode(upper)) return upper;
  const { country: written, subdivision, region } = split(upper);
  const country = countryCodeOf(written);
  if (country === undefined) return suggestName(upper, allHolidayCodes());
  if (subdivision === undefined) return country;
  // A subdivision named with a dash (`US-New York`) before a region (`DE-BY-AA`).
  const whole = region === undefined ? undefined : exactSubdivisionOf(country, `${subdivision}-${region}`);
  if (whole !== undefined) return whole;
  const state = subdivisionOf(country, subdivision);
  if (state === undefined || region === undefined) return state ?? country;
  return regionOf(state, region) ?? state;
}

/** A known country code for `written`: itself, an alias (`UK`), or the two-letter code of a three-letter one (`USA`). */
function countryCodeOf(written: string): string | undefined {
  const known = (candidate: string | undefined): string | undefined => (candidate !== undefined && Object.hasOwn(holidayCountries(), candidate) ? candidate : undefined);
  return known(written) ?? known(COUNTRY_ALIASES[written]) ?? (written.length === 3 ? known(alpha3ToAlpha2(written)) : undefined);
}

/** The country whose English name is `text` (any case), or the one country whose name starts with it as whole words (`United States`). */
function countryNamed(text: string): string | undefined {
  const wanted = text.toLowerCase();
  if (wanted.length < 3) return undefined;
  const entries = Object.entries(holidayCountries());
  const exact = entries.find(([, name]) => name.toLowerCase() === wanted);
  if (exact) return exact[0];
  const starting = entries.filter(([, name]) => name.toLowerCase().startsWith(`${wanted} `));
  return starting.length === 1 ? starting[0]![0] : undefined;
}

/** `US-CA` for `CA` or `CALIFORNIA` (written in capitals, blanks as dashes). */
function exactSubdivisionOf(country: string, written: string): string | undefined {
  const subdivisions = Object.entries(holidaySubdivisions(country));
  const byCode = subdivisions.find(([code]) => code === written);
  const byName = subdivisions.find(([, name]) => name.toUpperCase().replace(/[_ ]/g, '-') === written);
  const exact = byCode?.[0] ?? byName?.[0];
  return exact === undefined ? undefined : `${country}-${exact}`;
}

/** `exactSubdivisionOf`, or a known subdivision close to it. */
function subdivisionOf(country: string, written: string): string | undefined {
  const near = suggestName(written, Object.keys(holidaySubdivisions(country)));
  return exactSubdivisionOf(country, written) ?? (near === undefined ? undefined : `${country}-${near}`);
}

/**
 * `DE-BY-A` for `DE-BY` and `A`, `AUGSBURG` or `STADT-AUGSBURG` (capitals,
 * blanks as dashes: region codes such as `Timaru` are not all capitals), or
 * a known region close to it.
 */
function regionOf(state: string, written: string): string | undefined {
  const { country, subdivision } = split(state);
  const regions = Object.entries(holidayRegions(country, subdivision!));
  const spelled = (text: string): string => text.toUpperCase().replace(/[_ ]/g, '-');
  const byCode = regions.find(([code]) => spelled(code) === written);
  const byName = regions.find(([, name]) => spelled(name) === written || spelled(name).split('-').includes(written));
  const near = byCode?.[0] ?? byName?.[0] ?? suggestName(written, regions.map(([code]) => code));
  return near === undefined ? undefined : `${state}-${near}`;
}

/** `{ country: 'Germany', subdivision: 'Berlin' }` for `DE-BE`, with `region` for `DE-BY-A`; undefined for an unknown code. */
export function describeHolidayCode(code: string): HolidayCodeDescription | undefined {
  if (!isKnownHolidayCode(code)) return undefined;
  const { country, subdivision, region } = split(code);
  const description: HolidayCodeDescription = { country: holidayCountries()[country]! };
  if (subdivision !== undefined) description.subdivision = holidaySubdivisions(country)[subdivision]!;
  if (subdivision !== undefined && region !== undefined) description.region = holidayRegions(country, subdivision)[region]!;
  return description;
}
