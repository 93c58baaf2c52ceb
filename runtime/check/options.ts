import { isValidTimeZone } from '../clock/index.js';
import { parseLogInstant } from '../log/instant.js';
import { logError, type LogError } from '../log/log-error.js';
import { asOfAdvice } from '../log/time-advice.js';

/** Options shared by `slac check`, `checkLogFiles`, `checkEvents` and the evaluator module. */
export interface CheckOptions {
  /** The instant the report is made at (ISO with offset, or epoch ms); default the latest event time. */
  asOf?: string | number;
  /** IANA zone for log times written without an offset. */
  assumeTimezone?: string;
  /** Leave invalid rows out (counted and listed in the report) instead of failing. */
  skipInvalid?: boolean;
}

/** The options after checking: the as-of instant parsed, the zone known to exist. */
export interface ResolvedOptions {
  asOf?: number;
  assumeZone?: string;
  skipInvalid: boolean;
}

/** Checks the options; problems come back as errors not tied to a log line. */
export function resolveOptions(options: CheckOptions): { resolved: ResolvedOptions; errors: LogError[] } {
  const errors: LogError[] = [];
  const resolved: ResolvedOptions = { skipInvalid: options.skipInvalid === true };
  if (options.assumeTimezone !== undefined) {
    if (isValidTimeZone(options.assumeTimezone)) resolved.assumeZone = options.assumeTimezone;
    else errors.push(logError('SLA4017', '--assume-timezone', 0, undefined, { value: options.assumeTimezone }));
  }
  if (typeof options.asOf === 'number') {
    if (Number.isFinite(options.asOf)) resolved.asOf = options.asOf;
    else errors.push(logError('SLA4018', '--as-of', 0, undefined, { value: String(options.asOf), advice: asOfAdvice(String(options.asOf)) }));
  } else if (options.asOf !== undefined) {
    // The as-of instant must say its zone; --assume-timezone is for log rows only.
    const asOf = parseLogInstant(String(options.asOf).trim(), undefined);
    if (asOf === undefined) errors.push(logError('SLA4018', '--as-of', 0, undefined, { value: String(options.asOf), advice: asOfAdvice(String(options.asOf).trim()) }));
    else resolved.asOf = asOf;
  }
  return { resolved, errors };
}
