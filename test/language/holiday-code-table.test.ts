import Holidays from 'date-holidays';
import { describe, expect, test } from 'vitest';
import { HOLIDAY_CODE_TABLE } from '../../language/holidays/holiday-code-table.js';

// The table the checker, compiler and language server know codes by is the
// data set's own: every country with its English name, and every
// subdivision with its. After an upgrade of date-holidays this fails until
// `node scripts/holiday-code-table.mjs` writes the table again.
describe('the holiday code table is the date-holidays data set', () => {
  const data = new Holidays();
  const countries = data.getCountries('en');

  test('the same countries, with the same English names', () => {
    expect(Object.fromEntries(Object.entries(HOLIDAY_CODE_TABLE).map(([code, [name]]) => [code, name]))).toEqual(countries);
  });

  test('every code of the table has public holidays in the data set (the clock takes a tabled code as known)', () => {
    const codes = Object.entries(HOLIDAY_CODE_TABLE).flatMap(([country, [, subdivisions, regions]]) => [
      country,
      ...Object.keys(subdivisions).map((subdivision) => `${country}-${subdivision}`),
      ...Object.entries(regions ?? {}).flatMap(([subdivision, named]) => Object.keys(named).map((region) => `${country}-${subdivision}-${region}`)),
    ]);
    const without = codes.filter((code) => {
      const [country = '', state = '', region = ''] = code.split('-');
      const instance = new Holidays();
      return (instance.init(country, state, region, { types: ['public'] }) as unknown) === false || instance.getRules().length === 0;
    });
    expect(codes.length).toBeGreaterThan(500);
    expect(without).toEqual([]);
  });

  test('the same subdivisions of every country, with the same names', () => {
    const differing = Object.keys(countries).filter((country) => JSON.stringify(HOLIDAY_CODE_TABLE[country]?.[1]) !== JSON.stringify(data.getStates(country, 'en') ?? {}));
    expect(differing).toEqual([]);
  });

  test('the same regions of every subdivision, with the same names (DE-BY-A, Augsburg)', () => {
    const regionsOf = (country: string): Record<string, Record<string, string>> =>
      Object.fromEntries(Object.keys(data.getStates(country, 'en') ?? {}).flatMap((state) => {
        const named = data.getRegions(country, state, 'en') ?? {};
        return Object.keys(named).length > 0 ? [[state, named]] : [];
      }));
    const differing = Object.keys(countries).filter((country) => JSON.stringify(HOLIDAY_CODE_TABLE[country]?.[2] ?? {}) !== JSON.stringify(regionsOf(country)));
    expect(differing).toEqual([]);
    expect(HOLIDAY_CODE_TABLE['DE']?.[2]?.['BY']?.['A']).toBe('Stadt Augsburg');
  });
});
