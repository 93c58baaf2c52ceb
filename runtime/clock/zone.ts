/**
 * A zone's UTC offset as exact constant-offset segments of real time.
 *
 * Luxon resolves skipped and repeated wall times by heuristics; business time
 * must not. So we only ask luxon the offset at an instant, find where it
 * changes (sampling, then a binary search to the second), and answer every
 * local-time question from the segments: within a segment local(t) = t + offset.
 */
import { IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS, SECOND_MS } from './civil.js';

/** `[start, end)` of real time in which the zone's offset is `offset` ms. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

/** Offsets are sampled per chunk; the chunks of a zone are cached for the process. */
const CHUNK_MS = 32 * DAY_MS;
/**
 * The offset is sampled once a day and searched between samples that differ:
 * no zone changes its offset and back within a day (real changes are weeks
 * apart at the least), and each sample costs luxon an Intl call (~25 us).
 */
const SAMPLE_MS = DAY_MS;
/** Larger than any UTC offset a zone has had, with room to spare. */
export const MAX_OFFSET_MS = 26 * HOUR_MS;

interface Chunk {
  /** Segments covering exactly `[chunk start, chunk end)`. */
  segments: OffsetSegment[];
}

const zones = new Map<string, IANAZone>();
const chunkCache = new Map<string, Map<number, Chunk>>();

/**
 * Names found to be zones: luxon asks `Intl` anew on each call (an
 * `Intl.DateTimeFormat` made and used), which was a tenth of building the
 * document of an agreement of 300 calendars and metrics. A zone stays one.
 * Only zones are kept (a few hundred names at most): a name that is not
 * one is asked about again, so the names a user typed are not collected.
 */
const validZones = new Set<string>();

export function isValidTimeZone(name: string): boolean {
  if (validZones.has(name)) return true;
  const valid = typeof name === 'string' && name.length > 0 && IANAZone.isValidZone(name);
  if (valid) validZones.add(name);
  return valid;
}

function zoneNamed(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!isValidTimeZone(name)) throw new RangeError(`Unknown time zone "${name}".`);
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** Offset in ms at a whole second, straight from the zone database (through luxon). */
function rawOffset(zone: IANAZone, instant: number): number {
  return Math.round(zone.offset(instant) * 60_000);
}

/** The first whole second in (low, high] whose offset differs from `offset`; `high` has a different one. */
function findChange(zone: IANAZone, low: number, high: number, offset: number): number {
  let lo = low / SECOND_MS;
  let hi = high / SECOND_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (rawOffset(zone, mid * SECOND_MS) === offset) lo = mid;
    else hi = mid;
  }
  return hi * SECOND_MS;
}

function computeChunk(zone: IANAZone, index: number): Chunk {
  const chunkStart = index * CHUNK_MS;
  const chunkEnd = chunkStart + CHUNK_MS;
  const segments: OffsetSegment[] = [];
  let segmentStart = chunkStart;
  let offset = rawOffset(zone, chunkStart);
  for (let sample = chunkStart + SAMPLE_MS; sample <= chunkEnd; sample += SAMPLE_MS) {
    const sampled = rawOffset(zone, sample);
    let low = sample - SAMPLE_MS;
    while (sampled !== offset) {
      const change = findChange(zone, low, sample, offset);
      segments.push({ start: segmentStart, end: change, offset });
      segmentStart = change;
      offset = rawOffset(zone, change);
      low = change;
    }
  }
  segments.push({ start: segmentStart, end: chunkEnd, offset });
  return { segments };
}

function chunkOf(zoneName: string, index: number): Chunk {
  let chunks = chunkCache.get(zoneName);
  if (!chunks) {
    chunks = new Map();
    chunkCache.set(zoneName, chunks);
  }
  let chunk = chunks.get(index);
  if (!chunk) {
    chunk = computeChunk(zoneNamed(zoneName), index);
    chunks.set(index, chunk);
  }
  return chunk;
}

/**
 * Constant-offset segments, in time order, covering at least `[from, to]`
 * (whole chunks, so the first starts at or before `from`).
 */
export function offsetSegments(zoneName: string, from: number, to: number): OffsetSegment[] {
  const result: OffsetSegment[] = [];
  const last = Math.floor(to / CHUNK_MS);
  for (let index = Math.floor(from / CHUNK_MS); index <= last; index++) {
    for (const segment of chunkOf(zoneName, index).segments) {
      const previous = result[result.length - 1];
      if (previous && previous.offset === segment.offset && previous.end === segment.start) {
        result[result.length - 1] = { ...previous, end: segment.end };
      } else {
        result.push(segment);
      }
    }
  }
  return result;
}

/** The zone's offset in ms at an instant. */
export function offsetAt(zoneName: string, instant: number): number {
  // Reports ask for offsets of instants close together: the segment of the last answer usually holds the next.
  if (zoneName === lastZoneName && instant >= lastSegment.start && instant < lastSegment.end) return lastSegment.offset;
  const chunk = chunkOf(zoneName, Math.floor(instant / CHUNK_MS));
  for (const segment of chunk.segments) {
    if (instant < segment.end) {
      lastZoneName = zoneName;
      lastSegment = segment;
      return segment.offset;
    }
  }
  return chunk.segments[chunk.segments.length - 1]!.offset;
}

/** The zone and segment (within one chunk, so its bounds are exact) of the last `offsetAt` answer. */
let lastZoneName: string | undefined;
let lastSegment: OffsetSegment = { start: NaN, end: NaN, offset: 0 };

/** The wall-clock reading of an instant as local milliseconds (see civil.ts). */
export function localMillisOf(zoneName: string, instant: number): number {
  return instant + offsetAt(zoneName, instant);
}

function segmentsAroundLocal(zoneName: string, local: number): OffsetSegment[] {
  return offsetSegments(zoneName, local - MAX_OFFSET_MS, local + MAX_OFFSET_MS);
}

/** Every instant whose wall-clock reading is `local`, earliest first: none in a gap, two when repeated. */
export function instantsAtLocal(zoneName: string, local: number): number[] {
  const instants: number[] = [];
  for (const segment of segmentsAroundLocal(zoneName, local)) {
    const instant = local - segment.offset;
    if (instant >= segment.start && instant < segment.end) instants.push(instant);
  }
  return instants;
}

/** The earliest instant whose wall-clock reading is `local` or later (the transition when `local` is skipped). */
export function firstInstantAtOrAfterLocal(zoneName: string, local: number): number {
  for (const segment of segmentsAroundLocal(zoneName, local)) {
    const instant = Math.max(segment.start, local - segment.offset);
    if (instant < segment.end) return instant;
  }
  throw new Error(`No instant found for local time ${local} in ${zoneName}.`);
}
