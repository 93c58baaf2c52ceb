import { createRequire } from 'node:module';
import type RealHolidays from 'date-holidays';

/**
 * `date-holidays` as the worker thread of `slac check --jobs N` sees it:
 * scripts/build-steps/check-worker.mjs bundles this module in the package's
 * place. The data set and the libraries under it (moment-timezone,
 * astronomia) are 2.1 MB of the 2.9 MB a worker would otherwise compile
 * and run before it reads a byte. A worker is given the holidays its check
 * needs (holiday-seed.ts) and so never builds an instance; one that needs
 * a year it was not given loads the data set then, from its own bundle
 * beside the worker's (dist/check-worker-holidays.cjs).
 */
type HolidaysClass = typeof RealHolidays;

let loaded: HolidaysClass | undefined;

/** `new Holidays(...)`: an instance of the real class, loaded on first use. */
export default function Holidays(...args: ConstructorParameters<HolidaysClass>): RealHolidays {
  loaded ??= createRequire(import.meta.url)('./check-worker-holidays.cjs') as HolidaysClass;
  return new loaded(...args);
}
