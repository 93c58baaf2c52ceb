import { instantsAtLocal } from '../../runtime/clock/zone.js';
import { parseWarehouseTime } from '../warehouse-time.js';

/** An offset or `Z` at the end of a time. */
const HAS_OFFSET = /(?:Z|UTC|[+-]\d{2}:?\d{2})$/i;

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
  const wallClock = parseWarehouseTime(value);
  if (wallClock === undefined) return { problem: value === '' ? 'no time' : `'${value}' is not a time` };
  if (HAS_OFFSET.test(value)) return { time: wallClock, hadOffset: true, ambiguous: false };
  if (zone === undefined) return { time: wallClock, hadOffset: false, ambiguous: false };
  const instants = instantsAtLocal(zone, wallClock);
  if (instants.length === 0) return { problem: `'${value}' does not exist in ${zone} (the clocks went forward)` };
  return { time: instants[0]!, hadOffset: false, ambiguous: instants.length > 1 };
}
