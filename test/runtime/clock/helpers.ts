/** Small readers for the clock tests: instants and minutes as the tables write them. */
import { parseInstant } from '../../../runtime/clock/index.js';

export const MINUTE = 60_000;

/** An ISO instant with offset, or a local time read in `zone`; throws on a typo so a table row cannot pass vacuously. */
export function at(text: string, zone?: string): number {
  const instant = parseInstant(text, zone);
  if (instant === undefined) throw new Error(`Not an instant: ${text} ${zone ?? ''}`);
  return instant;
}
