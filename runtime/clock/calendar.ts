/**
 * A calendar compiled for fast queries: its days' hour ranges turned into
 * exact open intervals of real time (epoch ms), built lazily one block of
 * time at a time, with the cumulative open time before each interval.
 */
import type { CalendarModel, MinuteRange } from '../../language/model/model.js';
import { DAY_MS, MINUTE_MS, dayFromCivil, isoWeekdayOfDay, parseCivilDate, yearOfDay } from './civil.js';
import { closesAllDay, holidaySourceOf, type CalendarHolidaySource, type HolidayDay } from './holidays/index.js';
import { MAX_OFFSET_MS, isValidTimeZone, offsetSegments, type OffsetSegment } from './zone.js';

/** A calendar ready for the clock's queries (see `compileCalendar`). */
export interface CompiledCalendar {
  readonly name: string;
  readonly zone: string;
}

/** `[start, end)` in ms after the local midnight of the day the range belongs to. */
interface LocalRange {
  start: number;
  end: number;
}

/** Sorted, disjoint, non-adjacent open intervals of one block, with prefix sums. */
export interface Block {
  starts: Float64Array;
  ends: Float64Array;
  /** Open ms of the block before interval i. */
  openBefore: Float64Array;
  /** Open ms of the whole block. */
  total: number;
}

/** Open time is looked at within these bounds only (1800-01-01 to 2400-01-01); outside, every calendar is closed. */
export const EARLIEST_INSTANT = Date.UTC(1800, 0, 1);
export const LATEST_INSTANT = Date.UTC(2400, 0, 1);
/** 52 weeks: blocks are a fixed size in real time, so they partition time whatever the zone. */
export const BLOCK_MS = 364 * DAY_MS;

export class CalendarEngine implements CompiledCalendar {
  readonly name: string;
  readonly zone: string;
  /** Index 1..7 = ISO weekday. */
  private readonly weekly: LocalRange[][];
  /** Where holidays come from; asked a year at a time, through `yearTable`. */
  private readonly holidays: CalendarHolidaySource;
  /** Per year, computed once: the ranges of each holiday of that year. */
  private readonly yearTables = new Map<number, YearTable>();
  /** The table the last lookup used (lookups come in runs of days). */
  private lastTable: YearTable = NO_TABLE;
  /** The latest end of any range, in ms after its day's midnight. */
  readonly maxRangeEnd: number;
  /** Whether any weekday has hours (else only holidays with hours are ever open). */
  readonly hasWeeklyHours: boolean;
  /** Whether open time recurs for ever (weekly hours, or an annual short day): an unbounded span has unbounded open time. */
  readonly opensForever: boolean;
  /** Real time outside which the calendar is certainly closed; undefined when never open. */
  readonly openWindow: { from: number; to: number } | undefined;
  private readonly blocks = new Map<number, Block>();
  /** The block the last `block` call gave, and its index. */
  private lastBlockIndex = NaN;
  private lastBlock: Block = EMPTY_BLOCK;

  constructor(model: CalendarModel) {
    if (!isValidTimeZone(model.timezone)) {
      throw new RangeError(`Calendar ${model.name}: unknown time zone "${model.timezone}".`);
    }
    this.name = model.name;
    this.zone = model.timezone;
    this.weekly = [[]];
    for (let weekday = 1; weekday <= 7; weekday++) this.weekly.push(toLocalRanges(model.weekly[weekday] ?? []));
    this.holidays = holidaySourceOf(model);
    // Short days of dated and annual lines may end later than any weekday (country sets and files only close).
    const shortDays = [...model.holidays, ...(model.annualHolidays ?? [])].flatMap((line) => toLocalRanges(line.hours ?? []));
    const allRanges = [...this.weekly.flat(), ...shortDays];
    this.maxRangeEnd = allRanges.reduce((max, range) => Math.max(max, range.end), DAY_MS);
    this.hasWeeklyHours = this.weekly.some((ranges) => ranges.length > 0);
    this.opensForever = this.hasWeeklyHours || this.holidays.opensEveryYear;
    this.openWindow = this.computeOpenWindow(model);
  }

  /** The hour ranges of a local day: its holiday's, else its weekday's. Allocates nothing once the day's year is known. */
  rangesOfDay(day: number): LocalRange[] {
    let table = this.lastTable;
    const offset = day - table.firstDay;
    if (!(offset >= 0 && offset < table.ranges.length)) {
      table = this.yearTable(yearOfDay(day));
      this.lastTable = table;
      return table.ranges[day - table.firstDay] ?? this.weekly[isoWeekdayOfDay(day)]!;
    }
    return table.ranges[offset] ?? this.weekly[isoWeekdayOfDay(day)]!;
  }

  /** The holidays of a year as ranges by day of the year, computed once. */
  private yearTable(year: number): YearTable {
    let table = this.yearTables.get(year);
    if (!table) {
      const firstDay = dayFromCivil(year, 1, 1);
      const ranges: Array<LocalRange[] | undefined> = new Array(dayFromCivil(year + 1, 1, 1) - firstDay).fill(undefined);
      for (const holiday of this.holidays.holidaysOfYear(year)) ranges[holiday.day - firstDay] = this.holidayRanges(holiday);
      table = { firstDay, ranges };
      this.yearTables.set(year, table);
    }
    return table;
  }

  /** A holiday's own ranges: its hours, the weekday's cut at a partial close, or none. */
  private holidayRanges(holiday: HolidayDay): LocalRange[] {
    if (closesAllDay(holiday)) return CLOSED_ALL_DAY;
    if (holiday.hours) return toLocalRanges(holiday.hours);
    const closedFrom = holiday.closedFrom! * MINUTE_MS;
    return this.weekly[isoWeekdayOfDay(holiday.day)]!
      .filter((range) => range.start < closedFrom)
      .map((range) => ({ start: range.start, end: Math.min(range.end, closedFrom) }));
  }

  /** The local days whose ranges may cover instants in `[from, to)`. */
  daysTouching(from: number, to: number): { first: number; last: number } {
    return {
      first: Math.floor((from - MAX_OFFSET_MS - this.maxRangeEnd) / DAY_MS),
      last: Math.floor((to + MAX_OFFSET_MS) / DAY_MS),
    };
  }

  /** Segments covering every instant the ranges of days first..last can reach. */
  segmentsForDays(first: number, last: number): OffsetSegment[] {
    return offsetSegments(this.zone, first * DAY_MS - MAX_OFFSET_MS, last * DAY_MS + this.maxRangeEnd + MAX_OFFSET_MS);
  }

  /**
   * The open intervals of one local day's own ranges, appended to `into` as
   * flat start, end pairs. Where wall times repeat, two ranges of the day can
   * give overlapping pieces: callers unite them or take the latest end.
   */
  dayPieces(day: number, segments: OffsetSegment[], into: number[] = []): number[] {
    const midnight = day * DAY_MS;
    for (const range of this.rangesOfDay(day)) {
      const localStart = midnight + range.start;
      const localEnd = midnight + range.end;
      for (const segment of segments) {
        // Within a segment, local(t) = t + offset: the range is t in [localStart - offset, localEnd - offset).
        const start = Math.max(segment.start, localStart - segment.offset);
        const end = Math.min(segment.end, localEnd - segment.offset);
        if (start >= end) continue;
        if (into.length > 0 && into[into.length - 1] === start) into[into.length - 1] = end;
        else into.push(start, end);
      }
    }
    return into;
  }

  /** The block of real time `[index * BLOCK_MS, (index + 1) * BLOCK_MS)`, computed once. */
  block(index: number): Block {
    // Queries come in runs within one block (a log's tickets lie in a year or two): skip the map for a repeat.
    if (index === this.lastBlockIndex) return this.lastBlock;
    let block = this.blocks.get(index);
    if (!block) {
      block = this.computeBlock(index);
      this.blocks.set(index, block);
    }
    this.lastBlockIndex = index;
    this.lastBlock = block;
    return block;
  }

  private computeBlock(index: number): Block {
    const blockStart = index * BLOCK_MS;
    const blockEnd = blockStart + BLOCK_MS;
    const window = this.openWindow;
    if (!window || blockEnd <= window.from || blockStart >= window.to) return EMPTY_BLOCK;
    const { first, last } = this.daysTouching(blockStart, blockEnd);
    const segments = this.segmentsForDays(first, last);
    const pieces: Array<[number, number]> = [];
    const dayBuffer: number[] = [];
    for (let day = first; day <= last; day++) {
      dayBuffer.length = 0;
      this.dayPieces(day, segments, dayBuffer);
      for (let i = 0; i < dayBuffer.length; i += 2) {
        const start = Math.max(blockStart, dayBuffer[i]!);
        const end = Math.min(blockEnd, dayBuffer[i + 1]!);
        if (start < end) pieces.push([start, end]);
      }
    }
    return blockFromPieces(pieces);
  }

  private computeOpenWindow(model: CalendarModel): { from: number; to: number } | undefined {
    const margin = MAX_OFFSET_MS + this.maxRangeEnd + DAY_MS;
    if (this.opensForever) {
      return { from: EARLIEST_INSTANT, to: LATEST_INSTANT };
    }
    // With no weekly hours, only dated lines with hours open (a partial close cuts weekly hours, of which there are none).
    const openHolidays = model.holidays.filter((line) => toLocalRanges(line.hours ?? []).length > 0).map((line) => parseCivilDate(line.date)!);
    if (openHolidays.length === 0) return undefined;
    return {
      from: Math.max(EARLIEST_INSTANT, openHolidays.reduce((a, b) => Math.min(a, b)) * DAY_MS - margin),
      to: Math.min(LATEST_INSTANT, openHolidays.reduce((a, b) => Math.max(a, b)) * DAY_MS + margin),
    };
  }
}

/** One year's holidays: `ranges[day - firstDay]`, undefined on a day that is no holiday. */
interface YearTable {
  firstDay: number;
  ranges: Array<LocalRange[] | undefined>;
}

const NO_TABLE: YearTable = { firstDay: 0, ranges: [] };
const CLOSED_ALL_DAY: LocalRange[] = [];

const EMPTY_BLOCK: Block = { starts: new Float64Array(0), ends: new Float64Array(0), openBefore: new Float64Array(0), total: 0 };

function toLocalRanges(ranges: MinuteRange[]): LocalRange[] {
  return ranges
    .filter((range) => range.end > range.start)
    .map((range) => ({ start: range.start * MINUTE_MS, end: range.end * MINUTE_MS }))
    .sort((a, b) => a.start - b.start);
}

/** Sorts and unites pieces (ranges of neighbouring days may overlap), then sums. */
function blockFromPieces(pieces: Array<[number, number]>): Block {
  pieces.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of pieces) {
    const last = ends.length - 1;
    if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  const openBefore = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    openBefore[i] = total;
    total += ends[i]! - starts[i]!;
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), openBefore, total };
}

/** The engine behind a compiled calendar (its internals stay private to the clock). */
export function engineOf(calendar: CompiledCalendar): CalendarEngine {
  if (!(calendar instanceof CalendarEngine)) {
    throw new TypeError('Expected a calendar made by compileCalendar().');
  }
  return calendar;
}
