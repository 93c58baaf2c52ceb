import { instantsAtLocal } from '../runtime/clock/zone.js';
import type { ImportJob } from './import-source.js';
import { parseWarehouseTime } from './warehouse-time.js';

/** An offset or `Z` at the end of an ISO 8601 time (`+0100` as Jira writes it, `+01:00`, `Z`). */
const HAS_OFFSET = /(?:Z|UTC|[+-]\d{2}:?\d{2})$/i;

/** A time read from a helpdesk's API, and whether it said its offset. */
export interface ApiTime {
  time: number;
  /** False when the text had no offset and was read in `zone` (or UTC). */
  hadOffset: boolean;
}

/**
 * Epoch milliseconds of an API time: `2026-03-02T09:15:00.000+0100` (Jira),
 * `2026-03-02T08:15:00Z` (Freshdesk), or without an offset, which APIs never
 * write but hand-made exports do: such a time is read in `zone`
 * (`--assume-timezone`; a wall time the clocks pass twice is the first, one
 * they skip is not a time), or as UTC without it.
 */
export function parseApiTime(value: unknown, zone?: string): ApiTime | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const wallClock = parseWarehouseTime(text);
  if (wallClock === undefined) return undefined;
  if (HAS_OFFSET.test(text)) return { time: wallClock, hadOffset: true };
  if (zone === undefined) return { time: wallClock, hadOffset: false };
  const instants = instantsAtLocal(zone, wallClock);
  return instants.length === 0 ? undefined : { time: instants[0]!, hadOffset: false };
}

/** Reads an API time for `job`, noting in its summary a time without an offset and how it was read. */
export function readApiTime(value: unknown, job: ImportJob): number | undefined {
  const parsed = parseApiTime(value, job.assumeTimezone);
  if (parsed !== undefined && !parsed.hadOffset) {
    job.summary.note(job.assumeTimezone === undefined ? 'times without an offset: read as UTC (--assume-timezone ZONE reads them in another zone)' : `times without an offset: read in ${job.assumeTimezone}`);
  }
  return parsed?.time;
}
