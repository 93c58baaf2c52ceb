import { createRequire } from 'node:module';
import type RealHolidays from 'date-holidays';

/**
 * `date-holidays` as the built CLI and the worker thread of `slac check
 * --jobs N` see it: scripts/build-steps/cli-bundle.mjs and check-worker.mjs
 * bundle this module in the package's place. The data set and the
 * libraries under it (moment-timezone, astronomia) are 2.5 MB of code,
 * which took about 0.2 s to compile and run at every start of the CLI,
 * `slac --help` and agreements without `holidays "CC"` included. It is
 * loaded from its own bundle beside the CLI's (dist/date-holidays.cjs,
 * scripts/build-steps/date-holidays.mjs) when a code is first looked up.
 * A worker is given the holidays its check needs (holiday-seed.ts) and so
 * never builds an instance unless it needs a year it was not given.
 */
type HolidaysClass = typeof RealHolidays;

let loaded: HolidaysClass | undefined;

/** `new Holidays(...)`: an instance of the real class, loaded on first use. */
export default function Holidays(...args: ConstructorParameters<HolidaysClass>): RealHolidays {
  loaded ??= createRequire(import.meta.url)('./date-holidays.cjs') as HolidaysClass;
  return new loaded(...args);
}
