import { describe, expect, it } from 'vitest';
import { describeHolidayCode, isKnownHolidayCode, suggestHolidayCode } from '../../../language/holidays/holiday-codes.js';

// Country and subdivision codes as the date-holidays data set names them.
describe('holiday codes', () => {
  it.each([
    ['DE', true], ['DE-BE', true], ['GB-ENG', true], ['US', true], ['ES-MD', true],
    ['de-be', false], ['DE-XX', false], ['XX', false], ['', false], ['DE-', false],
    ['DE-BY-A', true], ['NZ-CAN-Timaru', true], ['GT-1-101', true], ['DE-BY-X', false], ['DE-BE-A', false], ['DE-BY-A-B', false], ['DE-BY-', false],
  ])('%s is known: %s', (code, known) => {
    expect(isKnownHolidayCode(code)).toBe(known);
  });

  it.each([
    ['de-be', 'DE-BE'],
    ['DE_BE', 'DE-BE'],
    ['DE-BEE', 'DE-BE'],
    ['GB-EGN', 'GB-ENG'],
    ['DE-QQQQQ', 'DE'],
    ['ES-MDD', 'ES-MD'],
    // Three-letter codes, the United Kingdom as UK, and countries and subdivisions by name.
    ['USA', 'US'],
    ['GBR', 'GB'],
    ['deu', 'DE'],
    ['UK', 'GB'],
    ['UK-ENG', 'GB-ENG'],
    ['USA-CA', 'US-CA'],
    ['Germany', 'DE'],
    ['united kingdom', 'GB'],
    ['United States', 'US'],
    ['US-California', 'US-CA'],
    ['US-New York', 'US-NY'],
    ['XYZ', undefined],
    ['de-by-a', 'DE-BY-A'],
    ['DE-BY-KATHH', 'DE-BY-KATH'],
    ['NZ-CAN-TIMARU', 'NZ-CAN-Timaru'],
    ['DE-BY-Augsburg', 'DE-BY-A'],
    ['DE-BAYERN-A', 'DE-BY-A'],
  ])('suggests %s -> %s', (code, suggestion) => {
    expect(suggestHolidayCode(code)).toBe(suggestion);
  });

  it('describes a code in words', () => {
    expect(describeHolidayCode('DE-BE')).toEqual({ country: 'Germany', subdivision: 'Berlin' });
    expect(describeHolidayCode('US')).toEqual({ country: 'United States of America' });
    expect(describeHolidayCode('GB-ENG')).toEqual({ country: 'United Kingdom', subdivision: 'England' });
    expect(describeHolidayCode('DE-BY-A')).toEqual({ country: 'Germany', subdivision: 'Bayern', region: 'Stadt Augsburg' });
    expect(describeHolidayCode('XX')).toBeUndefined();
  });
});
