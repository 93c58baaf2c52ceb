import { clockGapMessage } from '../runtime/log/local-time.js';
import { instantsAtLocal } from '../runtime/clock/zone.js';
import type { ImportJob } from './import-source.js';
import { logYearProblem, readWarehouseTime, warehouseTimeAdvice } from './warehouse-time.js';

/** A time read from a helpdesk's API, and whether it said its offset. */
export interface ApiTime {
  time: number;
  /** False when the text had no offset and was read in `zone` (or UTC). */
  hadOffset: boolean;
}

/** An API time, or why its text is not one. */
export type ApiTimeReading = ApiTime | { problem: string };

/**
 * Reads an API time: `2026-03-02T09:15:00.000+0100` (Jira),
 * `2026-03-02T08:15:00Z` (Freshdesk), or without an offset, which APIs never
 * write but hand-made exports do: such a time is read in `zone`
 * (`--assume-timezone`; a wall time the clocks pass twice is the first, one
 * they skip is not a time, and the problem says so as `slac check` does), or
 * as UTC without it.
 */
export function readApiTimeText(value: unknown, zone?: string): ApiTimeReading {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const read = text === undefined ? undefined : readWarehouseTime(text);
  if (read === undefined) return { problem: `${JSON.stringify(value) ?? 'undefined'} is not a time${warehouseTimeAdvice(value)}` };
  if (read.hadOffset || zone === undefined) return read;
  const instants = instantsAtLocal(zone, read.time);
  if (instants.length === 0) return { problem: clockGapMessage(text!, zone, read.time) };
  const yearProblem = logYearProblem(instants[0]!);
  if (yearProblem !== undefined) return { problem: `${JSON.stringify(value)} is not a time: read in ${zone}, ${yearProblem}` };
  return { time: instants[0]!, hadOffset: false };
}

/** Epoch milliseconds of an API time and whether it said its offset; undefined when it is not a time (see `readApiTimeText`). */
export function parseApiTime(value: unknown, zone?: string): ApiTime | undefined {
  const read = readApiTimeText(value, zone);
  return 'problem' in read ? undefined : read;
}

/** Reads an API time for `job`, noting in its summary a time without an offset and how it was read. */
export function readApiTime(value: unknown, job: ImportJob): number | undefined {
  const parsed = parseApiTime(value, job.assumeTimezone);
  if (parsed !== undefined && !parsed.hadOffset) {
    job.summary.note(job.assumeTimezone === undefined ? 'times without an offset: read as UTC (--assume-timezone ZONE reads them in another zone)' : `times without an offset: read in ${job.assumeTimezone}`);
  }
  return parsed?.time;
}

/** Why a time `readApiTime` gave up on is not one: not a time at all, or a wall time the clocks skip. */
export function apiTimeProblem(value: unknown, job: ImportJob): string {
  const reading = readApiTimeText(value, job.assumeTimezone);
  return 'problem' in reading ? reading.problem : 'not a time';
}
