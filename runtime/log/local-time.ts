import { formatInstant, parseInstant } from '../clock/index.js';
import { firstInstantAtOrAfterLocal, instantsAtLocal, offsetAt } from '../clock/zone.js';
import { parseCommonInstant } from './instant.js';
import { logError, type LogError } from './log-error.js';
import { timeAdvice } from './time-advice.js';

/** A date and maybe a time, with no offset: the shapes `--assume-timezone` reads. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?$/;

/**
 * Reads the time of a log row (`time`, `start`, `end`, `announced`). A time
 * with an offset is read as written. A time without one is read in
 * `assumeZone`, and said out loud where the zone makes it doubtful: a date
 * with no time of day is refused (midnight is a guess), a time the clocks
 * skip when they go forward is refused with the two readings it could have,
 * and a time they pass twice when they go back is read as the first and
 * warned about. Errors go to `errors` and the result is undefined; warnings
 * go to `warnings`.
 */
export function readLogTime(
  text: string,
  assumeZone: string | undefined,
  where: { file: string; line: number; key: string },
  errors: LogError[],
  warnings: LogError[] | undefined,
): number | undefined {
  const common = parseCommonInstant(text);
  if (common !== undefined) return common;
  const value = text.trim();
  const local = assumeZone === undefined ? null : LOCAL_TIME.exec(value);
  // Read as if in UTC: the wall-clock reading in ms, or undefined when it is no real date or time.
  const wallClock = local ? parseInstant(value, 'UTC') : undefined;
  if (assumeZone === undefined || !local || wallClock === undefined) {
    const instant = parseInstant(value, assumeZone);
    if (instant === undefined) errors.push(logError('SLA4002', where.file, where.line, where.key, { value, advice: timeAdvice(value, assumeZone) }));
    return instant;
  }
  if (local[1] === undefined) {
    errors.push(logError('SLA4043', where.file, where.line, where.key, { value, example: `${value}T09:00` }));
    return undefined;
  }
  const instants = instantsAtLocal(assumeZone, wallClock);
  if (instants.length === 0) {
    errors.push(logError('SLA4044', where.file, where.line, where.key, clockGapArgs(value, assumeZone, wallClock)));
    return undefined;
  }
  if (instants.length > 1 && warnings) {
    warnings.push(
      logError('SLA4045', where.file, where.line, where.key, {
        value,
        zone: assumeZone,
        chosen: formatInstant(instants[0]!, assumeZone),
        other: formatInstant(instants[1]!, assumeZone),
      }),
    );
  }
  return instants[0];
}

/** What SLA4044 says of `value`, a wall time (`wallClock`, its reading as if in UTC) that `zone` skips. */
function clockGapArgs(value: string, zone: string, wallClock: number): { value: string; zone: string; change: string; before: string; after: string } {
  const change = firstInstantAtOrAfterLocal(zone, wallClock);
  return {
    value,
    zone,
    change: formatInstant(change, zone),
    before: value + offsetText(offsetAt(zone, change - 1)),
    after: value + offsetText(offsetAt(zone, change)),
  };
}

/**
 * Why a wall time cannot be read in `zone`, in the words of SLA4044 (the
 * clocks went forward, and the two offsets it could have had), for readers
 * that skip the record instead of stopping the check: the importers.
 */
export function clockGapMessage(value: string, zone: string, wallClock: number): string {
  return logError('SLA4044', '', 0, undefined, clockGapArgs(value, zone, wallClock)).message;
}

/** An offset in ms as `+01:00` / `-05:00`. */
function offsetText(offset: number): string {
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
