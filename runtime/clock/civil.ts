/**
 * Civil (calendar) dates as day numbers: days since 1970-01-01, the same
 * numbering for every zone. A local wall-clock reading is kept as "local
 * milliseconds": day number * DAY_MS + milliseconds since local midnight,
 * i.e. the epoch milliseconds the reading would have in UTC. Only the UTC
 * methods of `Date` are used, so nothing depends on the machine's zone.
 */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

/** Day number of a civil date; months and days out of range roll over like `Date.UTC`. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY_MS);
}

/** The civil date of a day number. */
export function civilFromDay(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday (1 = Monday ... 7 = Sunday); day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOfDay(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The day number of a strict `YYYY-MM-DD`, or undefined when it is not a real date. */
export function parseCivilDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return undefined;
  return dayFromCivil(year, month, day);
}

/** Whether year-month-day names a date of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** 28 to 31. */
export function daysInMonth(year: number, month: number): number {
  return dayFromCivil(year, month + 1, 1) - dayFromCivil(year, month, 1);
}

export interface IsoWeek {
  /** The ISO week-numbering year (the year of the week's Thursday). */
  weekYear: number;
  week: number;
  /** Day number of the week's Monday. */
  monday: number;
}

/** The ISO 8601 week of a day: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOfDay(dayNumber: number): IsoWeek {
  const monday = dayNumber - (isoWeekdayOfDay(dayNumber) - 1);
  const thursday = monday + 3;
  const weekYear = civilFromDay(thursday).year;
  const week = Math.floor((thursday - dayFromCivil(weekYear, 1, 1)) / 7) + 1;
  return { weekYear, week, monday };
}

/**
 * Zero-padded decimal, `pad(3)` is `03`; a negative value keeps its sign in
 * front (`pad(-1, 4)` is `-0001`, the year before 0000, which an as-of
 * instant of 0000-01-01T00:00:00Z is in a zone west of UTC), not `00-1`.
 */
export function pad(value: number, width = 2): string {
  return value < 0 ? `-${String(-value).padStart(width, '0')}` : String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatCivilDate(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The civil year of a day number, by arithmetic alone (no `Date`: the clock's per-day lookups call it). */
export function yearOfDay(dayNumber: number): number {
  // Howard Hinnant's civil_from_days, years starting in March.
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (monthFromMarch >= 10 ? 1 : 0);
}
