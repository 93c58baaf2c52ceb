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
    const codes = Object.entries(HOLIDAY_CODE_TABLE).flatMap(([country, [, subdivisions]]) => [country, ...Object.keys(subdivisions).map((subdivision) => `${country}-${subdivision}`)]);
    const without = codes.filter((code) => {
      const [country = '', state = ''] = code.split('-');
      const instance = new Holidays();
      return (instance.init(country, state, '', { types: ['public'] }) as unknown) === false || instance.getRules().length === 0;
    });
    expect(codes.length).toBeGreaterThan(500);
    expect(without).toEqual([]);
  });

  test('the same subdivisions of every country, with the same names', () => {
    const differing = Object.keys(countries).filter((country) => JSON.stringify(HOLIDAY_CODE_TABLE[country]?.[1]) !== JSON.stringify(data.getStates(country, 'en') ?? {}));
    expect(differing).toEqual([]);
  });
});
