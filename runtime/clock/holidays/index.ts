/** Holidays for the clock: sources asked one year at a time, merged by precedence. */
export { holidaySourceOf, type CalendarHolidays, type CalendarHolidaySource } from './composite.js';
export { holidayDataSetUsed, isKnownHolidayCode, publicHolidaysOfCode, publicHolidaysSeed, seedPublicHolidays, type PublicHoliday, type PublicHolidaysSeed } from './country-set.js';
export { closesAllDay, type HolidayDay, type HolidayOrigin, type HolidaySource } from './source.js';
export { holidaysOfYear, holidaysOfYears, type ListedHoliday } from './listing.js';
