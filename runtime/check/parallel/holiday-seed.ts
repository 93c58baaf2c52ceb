import type { AgreementModel } from '../../../language/model/model.js';
import { publicHolidaysSeed, type PublicHolidaysSeed } from '../../clock/holidays/index.js';

/**
 * What a worker is given of the public holidays (`holidays "US"`), so that
 * it never loads the data set (runtime/clock/holidays/date-holidays-on-demand.ts):
 * at its setup, the agreement's codes; once the log is read, their holidays
 * in every year from two before the earliest ticket's to the one after the
 * latest event's or the as-of instant's, whichever is later (a deadline
 * may fall in the next year; a year's holidays take in the data set's
 * entries of the year before, which may run on into it). A year beyond
 * those (a deadline years ahead) is computed by the worker, which then
 * loads the data set. A log over more than MAX_YEARS years gets no years:
 * its workers load the data set, as they did before.
 *
 * SLAC_CHECK_SEED_HOLIDAYS=0, an internal switch for tests, gives the
 * workers nothing, so that they load the data set themselves.
 */
const MAX_YEARS = 40;

/** The agreement's codes, known, and no years yet: for a worker's setup. */
export function holidayCodesSeed(model: AgreementModel): PublicHolidaysSeed {
  return seeding() ? publicHolidaysSeed(holidayCodesOf(model), []) : { codes: [], years: [] };
}

/** The holidays of the agreement's codes over the years of the log (see above). */
export function holidayYearsSeed(model: AgreementModel, earliest: number, latest: number): PublicHolidaysSeed {
  const codes = holidayCodesOf(model);
  if (!seeding() || codes.length === 0 || !Number.isFinite(earliest) || !Number.isFinite(latest)) return { codes: [], years: [] };
  const first = new Date(earliest).getUTCFullYear() - 2;
  const last = new Date(latest).getUTCFullYear() + 1;
  if (last < first || last - first + 1 > MAX_YEARS) return { codes: [], years: [] };
  return publicHolidaysSeed(codes, Array.from({ length: last - first + 1 }, (_, offset) => first + offset));
}

function holidayCodesOf(model: AgreementModel): string[] {
  return [...new Set(model.calendars.flatMap((calendar) => calendar.holidaySets ?? []))];
}

function seeding(): boolean {
  return process.env.SLAC_CHECK_SEED_HOLIDAYS !== '0';
}
