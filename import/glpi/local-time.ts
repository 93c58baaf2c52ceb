import { instantsAtLocal } from '../../runtime/clock/zone.js';
import { logYearProblem, readWarehouseTime, warehouseTimeAdvice } from '../warehouse-time.js';

/** A GLPI time read, or why it cannot be. */
export type GlpiTime = { time: number; hadOffset: boolean; ambiguous: boolean } | { problem: string };

/**
 * Reads a time as GLPI writes it: `2024-03-04 09:00:00`, in the server's
 * local time, without an offset. With `zone` (`--assume-timezone`) such a
 * time is read in that zone: a time the clocks skip is refused, a time they
 * pass twice is read as the first. Without `zone` it is read as UTC, as the
 * warehouse-time helper does, and the caller says so in the summary.
 */
export function readGlpiTime(text: string, zone: string | undefined): GlpiTime {
  const value = text.trim();
  const read = readWarehouseTime(value);
  if (read === undefined) return { problem: value === '' ? 'no time' : `'${value}' is not a time${warehouseTimeAdvice(value)}` };
  if (read.hadOffset || zone === undefined) return { ...read, ambiguous: false };
  const wallClock = read.time;
  const instants = instantsAtLocal(zone, wallClock);
  if (instants.length === 0) return { problem: `'${value}' does not exist in ${zone} (the clocks went forward)` };
  const yearProblem = logYearProblem(instants[0]!);
  if (yearProblem !== undefined) return { problem: `'${value}' is not a time: read in ${zone}, ${yearProblem}` };
  return { time: instants[0]!, hadOffset: false, ambiguous: instants.length > 1 };
}
