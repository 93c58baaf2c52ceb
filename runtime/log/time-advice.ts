import { daysInMonth } from '../clock/civil.js';

/** The shapes `parseInstant` reads (clock/format.ts), with each part captured: a value of this shape fails only on a part out of range, or for want of an offset. */
const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;
/** `05/01/2026`, `5.1.2026`, `2026/01/05`: a date in the order of some country's custom, with a time or not. */
const SEPARATED_DATE = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})(?:$|[ Tt,])/;
/** An ISO date and time, then blanks and an offset or a zone's abbreviation (`+0200`, `UTC`, `GMT+02:00`). */
const OFFSET_APART = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s+(?:(?:UTC|GMT)\s*)?([+-]\d{2}:?\d{2}|Z|UTC|GMT)$/i;
/** An ISO date, then an hour of one digit: `2026-05-04 9:00`. */
const ONE_DIGIT_HOUR = /^\d{4}-\d{2}-\d{2}[Tt ]\d:\d{2}/;
/** ISO 8601's basic format, without dashes and colons: `20260302T091500Z`, `20260302T0915+0100`. */
const BASIC_FORMAT = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(\d{2})?((?:[.,]\d+)?)(Z|z|[+-]\d{2}(?:\d{2})?)?$/;
/** A spreadsheet's day number (days since 1899-12-30, the fraction the time of day) from 1982 to 2064: `46146.375`. */
const SPREADSHEET_DAY = /^[3-5]\d{4}(?:[.,]\d+)?$/;
/** The day number of 1970-01-01 in a spreadsheet's count. */
const SPREADSHEET_EPOCH_DAY = 25_569;
/** An offset as written: `+01:00`, `+0100`, or hours alone (`-05`). */
const NUMERIC_OFFSET = /^[+-](\d{2})(?::?(\d{2}))?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EXAMPLE = '2026-03-02T09:15:00Z, or 2026-03-02T09:15:00+01:00 with an offset';

/**
 * What SLA4002 says after "'VALUE' is not an ISO 8601 instant with an
 * offset": advice that fits what was written. An ISO time without an
 * offset is told to add one or to pass --assume-timezone (and, given that
 * option, is read and never comes here); any other value is told what is
 * wrong with it (a month 13, a date alone, a date in a country's order,
 * seconds since 1970, a spreadsheet's day number, an offset set apart from
 * the time), not to add an offset it may already have.
 */
export function timeAdvice(value: string, assumeZone: string | undefined): string {
  const iso = ISO_SHAPE.exec(value);
  if (iso) return isoAdvice(iso, assumeZone);
  const separated = SEPARATED_DATE.exec(value);
  if (separated) return separatedDateAdvice(separated);
  const epoch = epochReading(value);
  if (epoch !== undefined) return `: ${epoch}; write that instead`;
  if (SPREADSHEET_DAY.test(value)) return spreadsheetDayAdvice(Number(value));
  const basic = BASIC_FORMAT.exec(value);
  if (basic) return basicFormatAdvice(basic);
  const apart = OFFSET_APART.exec(value);
  if (apart) return `: write the offset right after the time, as in ${apart[1]}${offsetText(apart[2]!)}`;
  if (ONE_DIGIT_HOUR.test(value)) return ': write the hour with two digits (09:00, not 9:00)';
  return `: write it as ${EXAMPLE}`;
}

/**
 * What SLA4018 says after "'VALUE' is not an instant with an offset": the
 * part out of range (`2026-02-29T00:00:00Z`: February 2026 has no day 29),
 * as SLA4002 says it of a log row; that an offset is missing, which
 * --assume-timezone does not supply; else an example.
 */
export function asOfAdvice(value: string): string {
  const iso = ISO_SHAPE.exec(value);
  const problem = iso === null ? undefined : isoRangeProblem(iso);
  if (problem !== undefined) return `: ${problem}`;
  if (iso !== null && iso[4] !== undefined && iso[7] === undefined) return ': add Z or an offset such as +01:00 (--assume-timezone is for log rows only)';
  return ', such as 2026-03-31T23:59:59Z';
}

/**
 * The part of a YYYY-MM-DD date out of range (`there is no month 13`,
 * `February 2026 has no day 29`), in the words the log reader uses; undefined
 * when the value is not of that shape or is a date.
 */
export function dateRangeProblem(value: string): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? ISO_SHAPE.exec(value) : null;
  return iso === null ? undefined : isoRangeProblem(iso);
}

/** The first part of an ISO-shaped value out of range (`there is no month 13`), or undefined. */
function isoRangeProblem(iso: RegExpExecArray): string | undefined {
  return timePartsProblem(iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5], iso[6], iso[7]);
}

/**
 * The first of a time's parts out of range, as written (`there is no month
 * 13`, `there is no second 60`), else its offset's problem; undefined when
 * none is. The words of SLA4002, which `slac import` gives for the times
 * it skips too.
 */
export function timePartsProblem(year: string, month: string, day: string, hour?: string, minute?: string, second?: string, offset?: string): string | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12) return `there is no month ${month}`;
  if (d < 1 || d > daysInMonth(y, m)) return `${MONTHS[m - 1]} ${y} has no day ${day}`;
  if (Number(hour ?? 0) > 23) return `there is no hour ${hour} (hours run from 00 to 23)`;
  if (Number(minute ?? 0) > 59) return `there is no minute ${minute}`;
  if (Number(second ?? 0) > 59) return `there is no second ${second}`;
  return offset === undefined ? undefined : offsetRangeProblem(offset);
}

/** A value of the ISO shape: the first part out of range, else the missing offset. */
function isoAdvice(iso: RegExpExecArray, assumeZone: string | undefined): string {
  const problem = isoRangeProblem(iso);
  if (problem !== undefined) return `: ${problem}`;
  if (iso[4] === undefined) return `: it is a date without a time of day; write the time and its offset too, such as ${iso[0]}T09:00:00Z`;
  if (iso[7] === undefined && assumeZone === undefined) return ' (add Z or +01:00, or pass --assume-timezone)';
  return `: write it as ${EXAMPLE}`;
}

/**
 * `+25:00 is no offset (at most +23:59)`: what is wrong with an offset, as
 * written, whose hours are above 23 or minutes above 59 (`+25:00`, `-24`,
 * `+0960`); undefined for any other text. SLA4002 says it, and so does
 * `slac import` of a time it skips for that offset, in the same words.
 */
export function offsetRangeProblem(offset: string): string | undefined {
  const parts = NUMERIC_OFFSET.exec(offset);
  if (parts === null || (Number(parts[1]) <= 23 && Number(parts[2] ?? 0) <= 59)) return undefined;
  return `${offset} is no offset (at most +23:59)`;
}

/** `20260302T091500Z` is ISO 8601 too, in the basic format slac does not read: the same instant in the extended format. */
function basicFormatAdvice(basic: RegExpExecArray): string {
  const [, year, month, day, hour, minute, second, fraction, offset] = basic;
  const extended = `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${fraction!.replace(',', '.')}${offset === undefined ? '' : offsetText(offset)}`;
  return `: it is in ISO 8601's basic format, without dashes and colons; write the extended format, ${extended}`;
}

/** `05/01/2026`: which number is the day depends on where it was written, so the advice does not guess. */
function separatedDateAdvice(date: RegExpExecArray): string {
  const [first, second, third] = [date[1]!, date[2]!, date[3]!];
  if (first.length === 4) return `: write the date with dashes, ${first}-${second.padStart(2, '0')}-${third.padStart(2, '0')}, then the time and an offset (${EXAMPLE})`;
  const separator = date[0]!.charAt(first.length);
  return `: ${first}${separator}${second}${separator}${third} is day then month in some countries and month then day in others; write the date as year-month-day (${EXAMPLE})`;
}

/**
 * `46146.375`: a date cell saved as its number (Excel, LibreOffice), in no
 * zone. The wall time it stands for, and how to export it as text.
 */
function spreadsheetDayAdvice(day: number): string {
  const wallTime = new Date(Math.round((day - SPREADSHEET_EPOCH_DAY) * 86_400_000)).toISOString().slice(0, 19);
  return `: it looks like a spreadsheet's day number, ${wallTime.replace('T', ' ')} on the spreadsheet's clock; format the column as text, as ${wallTime} with its offset (such as ${wallTime}+01:00)`;
}

/**
 * `if it counts seconds since 1970, it is 2026-05-04T09:00:00Z`, for ten
 * digits (thirteen: milliseconds), the instant they would be for the writer
 * to check; undefined for any other text. Also said
 * of a log time given as a JSON number (SLA4014).
 */
export function epochReading(digits: string): string | undefined {
  if (!/^\d{10}$|^\d{13}$/.test(digits)) return undefined;
  const milliseconds = digits.length === 13 ? Number(digits) : Number(digits) * 1000;
  const unit = digits.length === 13 ? 'milliseconds' : 'seconds';
  return `if it counts ${unit} since 1970, it is ${new Date(milliseconds).toISOString().replace('.000Z', 'Z')}`;
}

/** `+0200` as `+02:00`; `Z`, `UTC` and `GMT` as `Z`. */
function offsetText(offset: string): string {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return 'Z';
  // `+0200`, `+02:00`, or hours alone (`-05`).
  const digits = offset.slice(1).replace(':', '').padEnd(4, '0');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

/** For a log time given as a JSON number (`"time": 1777885200`, SLA4014): the instant it would be as seconds or milliseconds since 1970. */
export function epochHint(key: string, value: unknown): string {
  if (key !== 'time' && key !== 'start' && key !== 'end' && key !== 'announced') return '';
  const reading = typeof value === 'number' ? epochReading(String(value)) : undefined;
  return reading === undefined ? '' : ` (${reading}: write that, as text)`;
}
