import type { AgreementModel } from '../../../language/model/model.js';
import { publicHolidaysSeed, type PublicHolidaysSeed } from '../../clock/holidays/index.js';
import type { HolidayYears } from './protocol.js';

/**
 * The public holidays (`holidays "US"`) a check on threads needs, computed
 * on one worker and handed to every other thread, this one included, so
 * that neither this thread nor any other worker loads the data set
 * (runtime/clock/holidays/date-holidays-on-demand.ts): at its setup, a
 * worker is given the agreement's codes (known from the table of codes);
 * once the log is read, worker 1 is asked for their holidays in every year
 * from two before the earliest ticket's to the one after the latest
 * event's or the as-of instant's, whichever is later (a deadline may fall
 * in the next year; a year's holidays take in the data set's entries of
 * the year before, which may run on into it). A year beyond those (a
 * deadline years ahead) is computed by the thread that needs it, which
 * then loads the data set. A log over more than MAX_YEARS years gets no
 * years: every thread loads the data set, as each did before.
 *
 * Why worker 1 and not this thread: the data set is about 10 MB of this
 * thread's heap that outlives V8's young-generation collections, and
 * loaded here during a check it made V8 double this thread's young
 * generation (16 MB semi-spaces instead of 8) in most runs: a JSON report
 * of 1,000,000 tickets on two threads peaked 20-40 MiB higher
 * (docs/performance.md, "The holiday data set off the main thread").
 *
 * SLAC_CHECK_SEED_HOLIDAYS=0, an internal switch for tests, gives no
 * thread anything, so that each loads the data set itself.
 */
const MAX_YEARS = 40;

const NO_SEED: PublicHolidaysSeed = { codes: [], years: [] };

/** The agreement's codes, known, and no years yet: for a worker's setup. */
export function holidayCodesSeed(model: AgreementModel): PublicHolidaysSeed {
  return seeding() ? publicHolidaysSeed(holidayCodesOf(model), []) : NO_SEED;
}

/** The codes and years whose holidays a check's threads are to be given (see above); undefined when none. */
export function holidayYearsWanted(model: AgreementModel, earliest: number, latest: number): HolidayYears | undefined {
  const codes = holidayCodesOf(model);
  if (!seeding() || codes.length === 0 || !Number.isFinite(earliest) || !Number.isFinite(latest)) return undefined;
  // Not before year 0, the earliest a check on one thread computes (a log of year 1 asks for year 0): for year -1
  // the data set's moment printed a deprecation warning and a stack on stderr, which --jobs 1 does not.
  const first = Math.max(0, new Date(earliest).getUTCFullYear() - 2);
  const last = new Date(latest).getUTCFullYear() + 1;
  if (last < first || last - first + 1 > MAX_YEARS) return undefined;
  return { codes, years: Array.from({ length: last - first + 1 }, (_, offset) => first + offset) };
}

function holidayCodesOf(model: AgreementModel): string[] {
  return [...new Set(model.calendars.flatMap((calendar) => calendar.holidaySets ?? []))];
}

function seeding(): boolean {
  return process.env.SLAC_CHECK_SEED_HOLIDAYS !== '0';
}
