/**
 * What the threads of `--jobs N` are given of the public holidays, as
 * worker 1 computes them (runtime/check/parallel/holiday-seed.ts), and how
 * a thread takes them (runtime/clock/holidays/country-set.ts): the years
 * asked for are the log's, with the year before each (a year's holidays take in entries of
 * the year before); a seeded code is known and its seeded years are used
 * as given, not computed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isKnownHolidayCode, publicHolidaysOfCode, publicHolidaysSeed, seedPublicHolidays } from '../../../runtime/clock/holidays/country-set.js';
import { holidayCodesSeed, holidayYearsWanted } from '../../../runtime/check/parallel/holiday-seed.js';
import type { AgreementModel } from '../../../language/model/model.js';
import { supportModel } from './fixture-model.js';

const at = (instant: string): number => Date.parse(instant);

function modelWithCodes(...codes: string[][]): AgreementModel {
  return { ...supportModel, calendars: codes.map((sets, index) => ({ ...supportModel.calendars[0]!, name: `C${index}`, holidaySets: sets })) };
}

const yearsOf = (seed: { years: { code: string; year: number }[] }): string[] => seed.years.map(({ code, year }) => `${code} ${year}`);

describe('holidayYearsWanted: the years of the log, for every code of the agreement', () => {
  afterEach(() => {
    delete process.env.SLAC_CHECK_SEED_HOLIDAYS;
  });

  it.each([
    { what: 'one year', earliest: '2026-01-05T09:00:00Z', latest: '2026-12-30T09:00:00Z', years: [2024, 2025, 2026, 2027] },
    { what: 'over new year', earliest: '2025-12-31T23:30:00Z', latest: '2026-01-01T00:30:00Z', years: [2023, 2024, 2025, 2026, 2027] },
    { what: 'three years', earliest: '2024-06-01T00:00:00Z', latest: '2026-06-01T00:00:00Z', years: [2022, 2023, 2024, 2025, 2026, 2027] },
  ])('$what', ({ earliest, latest, years }) => {
    const wanted = holidayYearsWanted(modelWithCodes(['US'], ['DE-BE', 'US']), at(earliest), at(latest));
    expect(wanted).toEqual({ codes: ['US', 'DE-BE'], years });
    // What worker 1 computes for every thread.
    const seed = publicHolidaysSeed(wanted!.codes, wanted!.years);
    expect(seed.codes).toEqual(['US', 'DE-BE']);
    expect(yearsOf(seed)).toEqual([...years.map((year) => `US ${year}`), ...years.map((year) => `DE-BE ${year}`)]);
    expect(seed.years[0]!.holidays).toEqual(publicHolidaysOfCode('US', years[0]!));
  });

  it.each([
    { what: 'no code', model: modelWithCodes([]), earliest: at('2026-01-01T00:00:00Z'), latest: at('2026-02-01T00:00:00Z') },
    { what: 'no ticket', model: modelWithCodes(['US']), earliest: Infinity, latest: -Infinity },
    { what: 'more than 40 years', model: modelWithCodes(['US']), earliest: at('1985-01-01T00:00:00Z'), latest: at('2026-01-01T00:00:00Z') },
  ])('none for $what', ({ model, earliest, latest }) => {
    expect(holidayYearsWanted(model, earliest, latest)).toBeUndefined();
  });

  it('none with SLAC_CHECK_SEED_HOLIDAYS=0, codes included', () => {
    process.env.SLAC_CHECK_SEED_HOLIDAYS = '0';
    const model = modelWithCodes(['US']);
    expect(holidayYearsWanted(model, at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toBeUndefined();
    expect(holidayCodesSeed(model)).toEqual({ codes: [], years: [] });
  });

  it('the setup gives the codes alone', () => {
    expect(holidayCodesSeed(modelWithCodes(['DE-BE'], ['DE-BE']))).toEqual({ codes: ['DE-BE'], years: [] });
  });
});

describe('seedPublicHolidays: a thread takes what another computed', () => {
  it('a seeded code is known, and its seeded years are the ones used', () => {
    // A code the data set does not know: only the seed can make it known, and give it holidays.
    expect(isKnownHolidayCode('QQ-SEEDED')).toBe(false);
    const holidays = [{ date: '2026-07-01', name: 'Seed Day', substitute: false, days: 1, startMinute: 0 }];
    seedPublicHolidays({ codes: ['QQ-SEEDED'], years: [{ code: 'QQ-SEEDED', year: 2026, holidays }] });
    expect(isKnownHolidayCode('QQ-SEEDED')).toBe(true);
    expect(publicHolidaysOfCode('QQ-SEEDED', 2026)).toBe(holidays);
  });

  it('a seed of unknown codes leaves them out', () => {
    expect(publicHolidaysSeed(['US', 'XX-NOWHERE'], [2026]).codes).toEqual(['US']);
  });
});
