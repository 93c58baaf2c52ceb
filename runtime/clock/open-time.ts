/**
 * Open-time queries over a compiled calendar's blocks: each is a binary
 * search within a block plus, for long spans, a walk over whole blocks.
 */
import { BLOCK_MS, EARLIEST_INSTANT, LATEST_INSTANT, engineOf, type Block, type CompiledCalendar } from './calendar.js';
import { DAY_MS } from './civil.js';
import { localMillisOf } from './zone.js';

/** Index of the last interval starting at or before `instant` (-1 when none). */
function lastStartingAtOrBefore(block: Block, instant: number): number {
  let lo = 0;
  let hi = block.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (block.starts[mid]! <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The last two answers of `openBeforeInBlock`, by block and instant: a
 * ticket's clocks ask again and again from the same instants (its creation,
 * its stop), each metric and escalation level in turn. Blocks are never
 * changed once made, so an answer stays true.
 */
const recentBlocks: (Block | undefined)[] = [undefined, undefined];
const recentInstants = [NaN, NaN];
const recentOpenBefore = [0, 0];
let nextRecent = 0;

/** Open ms of the block before `instant` (an instant within or at the end of the block). */
function openBeforeInBlock(block: Block, instant: number): number {
  if (recentInstants[0] === instant && recentBlocks[0] === block) return recentOpenBefore[0]!;
  if (recentInstants[1] === instant && recentBlocks[1] === block) return recentOpenBefore[1]!;
  const i = lastStartingAtOrBefore(block, instant);
  const open = i < 0 ? 0 : block.openBefore[i]! + Math.min(instant, block.ends[i]!) - block.starts[i]!;
  recentBlocks[nextRecent] = block;
  recentInstants[nextRecent] = instant;
  recentOpenBefore[nextRecent] = open;
  nextRecent ^= 1;
  return open;
}

function blockIndexOf(instant: number): number {
  return Math.floor(instant / BLOCK_MS);
}

/**
 * Open time in ms of `[from, to)`; 0 when `to <= from`. Instants are epoch ms;
 * Infinity for an unbounded span of a calendar with weekly hours.
 */
export function openMillisBetween(calendar: CompiledCalendar, from: number, to: number): number {
  const engine = engineOf(calendar);
  const bounds = engine.openWindow;
  if (!bounds || !(to > from)) return 0;
  // Weekly hours and annual short days recur for ever: an unbounded span has unbounded open time.
  if ((to === Infinity || from === -Infinity) && engine.opensForever) return Infinity;
  const start = Math.max(from, bounds.from);
  const end = Math.min(to, bounds.to);
  if (!(end > start)) return 0;
  const first = blockIndexOf(start);
  const last = blockIndexOf(end);
  const firstBlock = engine.block(first);
  if (first === last) return openBeforeInBlock(firstBlock, end) - openBeforeInBlock(firstBlock, start);
  let sum = firstBlock.total - openBeforeInBlock(firstBlock, start);
  for (let index = first + 1; index < last; index++) sum += engine.block(index).total;
  return sum + openBeforeInBlock(engine.block(last), end);
}

/**
 * The earliest instant t >= `from` with `openMillisBetween(from, t) >= amount`:
 * `from` itself for an amount of 0, the instant the last open ms is used up
 * otherwise (so a target ending at a close is due at the close). Infinity when
 * the calendar never has that much open time after `from`.
 */
export function instantAfterOpenMillis(calendar: CompiledCalendar, from: number, amount: number): number {
  if (!(amount > 0)) return from;
  const engine = engineOf(calendar);
  const bounds = engine.openWindow;
  if (!bounds || from >= bounds.to || !Number.isFinite(amount)) return Infinity;
  const start = Math.max(from, bounds.from);
  const lastIndex = blockIndexOf(bounds.to - 1);
  let index = blockIndexOf(start);
  let block = engine.block(index);
  // Measure everything from the block's start: the target is an open-time offset within it.
  let target = openBeforeInBlock(block, start) + amount;
  while (target > block.total) {
    target -= block.total;
    index++;
    if (index > lastIndex) return Infinity;
    block = engine.block(index);
  }
  const i = firstIntervalReaching(block, target);
  return block.starts[i]! + (target - block.openBefore[i]!);
}

/** The first interval whose end is reached with `target` ms of the block's open time (0 < target <= total). */
function firstIntervalReaching(block: Block, target: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const openAtEnd = block.openBefore[mid]! + block.ends[mid]! - block.starts[mid]!;
    if (openAtEnd >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether the calendar is open at an instant (ranges are half-open: open at 08:00, closed at 18:00). */
export function isOpenAt(calendar: CompiledCalendar, instant: number): boolean {
  const engine = engineOf(calendar);
  if (!(instant >= EARLIEST_INSTANT && instant < LATEST_INSTANT)) return false;
  const block = engine.block(blockIndexOf(instant));
  const i = lastStartingAtOrBefore(block, instant);
  return i >= 0 && instant < block.ends[i]!;
}

/** The first open instant at or after `instant` (`instant` itself when open); Infinity if never. */
export function nextOpening(calendar: CompiledCalendar, instant: number): number {
  const engine = engineOf(calendar);
  const bounds = engine.openWindow;
  if (!bounds || instant >= bounds.to) return Infinity;
  const start = Math.max(instant, bounds.from);
  const lastIndex = blockIndexOf(bounds.to - 1);
  for (let index = blockIndexOf(start); index <= lastIndex; index++) {
    const block = engine.block(index);
    const i = lastStartingAtOrBefore(block, start);
    if (i >= 0 && start < block.ends[i]!) return start;
    if (i + 1 < block.starts.length) return block.starts[i + 1]!;
  }
  return Infinity;
}

/** The open intervals `[start, end)` overlapping `[from, to)`, clipped to it, in order. */
export function openIntervals(calendar: CompiledCalendar, from: number, to: number): Array<[number, number]> {
  const engine = engineOf(calendar);
  const bounds = engine.openWindow;
  const result: Array<[number, number]> = [];
  if (!bounds) return result;
  const start = Math.max(from, bounds.from);
  const end = Math.min(to, bounds.to);
  if (!(end > start)) return result;
  for (let index = blockIndexOf(start); index <= blockIndexOf(end); index++) {
    const block = engine.block(index);
    for (let i = Math.max(0, lastStartingAtOrBefore(block, start)); i < block.starts.length; i++) {
      const pieceStart = Math.max(start, block.starts[i]!);
      const pieceEnd = Math.min(end, block.ends[i]!);
      if (block.starts[i]! >= end) break;
      if (pieceStart >= pieceEnd) continue;
      const previous = result[result.length - 1];
      // An interval split at a block boundary is one interval.
      if (previous && previous[1] === pieceStart) previous[1] = pieceEnd;
      else result.push([pieceStart, pieceEnd]);
    }
  }
  return result;
}

/**
 * `N business days`: the close of the n-th open day after the local date of
 * `instant` (in the calendar's zone). An open day is a local date with open
 * time from its own ranges (after holidays and daylight saving); its close is
 * the end of its last open interval, the next morning for an overnight shift.
 * n below 1 gives `instant`; Infinity when there are not n open days.
 */
export function closeOfNthOpenDay(calendar: CompiledCalendar, instant: number, n: number): number {
  if (!(n >= 1)) return instant;
  const engine = engineOf(calendar);
  const bounds = engine.openWindow;
  if (!bounds || !Number.isFinite(n)) return Infinity;
  const wanted = Math.ceil(n);
  let day = Math.floor(localMillisOf(engine.zone, Math.max(instant, bounds.from)) / DAY_MS);
  const lastDay = Math.ceil(bounds.to / DAY_MS);
  let found = 0;
  const pieces: number[] = [];
  while (++day <= lastDay) {
    pieces.length = 0;
    engine.dayPieces(day, engine.segmentsForDays(day, day), pieces);
    if (pieces.length === 0) continue;
    if (++found === wanted) {
      let close = -Infinity;
      for (let i = 1; i < pieces.length; i += 2) close = Math.max(close, pieces[i]!);
      return close;
    }
  }
  return Infinity;
}
