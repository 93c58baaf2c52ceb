/**
 * Small pieces of correct English for the generated agreement: plurals,
 * lists joined with "and", dates spelled out, time zones named. Nothing here
 * depends on the machine's locale, so the same model gives the same words.
 */

import { etcOffsetZone } from '../language/checker/zone-names.js';
import type { MinuteRange } from '../language/model/model.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** ISO weekday names; index 0 unused so that 1 = Monday. */
export const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `1 hour`, `2 hours`; `noun` is the singular. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * A number as the source writes it: every number the document prints is a
 * figure of the agreement (a target, an objective, a credit), and rounding
 * one would misstate a commitment (`99.9995%` is not `100%`). JavaScript's
 * shortest round-trip form is the decimal that was parsed; only its
 * exponent notation (`1e-7`, `1e+21`) is written out in plain digits.
 */
export function formatNumber(value: number): string {
  const shortest = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  const [, sign, whole, fraction = '', power] = exponent as unknown as [string, string, string, string | undefined, string];
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `99.9%`, `99.9995%`: the percentage as written, never rounded. */
export function percent(value: number): string {
  return `${formatNumber(value)}%`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWithAnd(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `2026-01-01` -> `1 January 2026`. */
export function spellDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** `2026-11-20` -> `Friday 20 November 2026`. */
export function spellDateWithWeekday(isoDate: string): string {
  return `${WEEKDAYS[isoWeekday(isoDate)]} ${spellDate(isoDate)}`;
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date, computed in UTC. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes after midnight -> `08:00`; 1440 prints as `24:00`, later minutes wrap. */
export function clockTime(minutes: number): string {
  const wrapped = minutes > 1440 ? minutes - 1440 : minutes;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

// ICU's generic names vary between versions ("Central European Standard
// Time"); the zones a reader is most likely to meet get a fixed, plain name.
const ZONE_NAMES: Record<string, string> = {
  'America/New_York': 'Eastern Time',
  'America/Toronto': 'Eastern Time',
  'America/Chicago': 'Central Time',
  'America/Denver': 'Mountain Time',
  'America/Phoenix': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Time',
  'Europe/London': 'UK Time',
  'Europe/Dublin': 'Irish Time',
  'Europe/Lisbon': 'Western European Time',
  'Europe/Berlin': 'Central European Time',
  'Europe/Paris': 'Central European Time',
  'Europe/Madrid': 'Central European Time',
  'Europe/Rome': 'Central European Time',
  'Europe/Amsterdam': 'Central European Time',
  'Europe/Brussels': 'Central European Time',
  'Europe/Vienna': 'Central European Time',
  'Europe/Zurich': 'Central European Time',
  'Europe/Stockholm': 'Central European Time',
  'Europe/Warsaw': 'Central European Time',
  'Europe/Athens': 'Eastern European Time',
  'Europe/Helsinki': 'Eastern European Time',
  'Asia/Kolkata': 'India Standard Time',
  'Asia/Tokyo': 'Japan Standard Time',
  'Australia/Sydney': 'Australian Eastern Time',
  UTC: 'Coordinated Universal Time',
  'Etc/UTC': 'Coordinated Universal Time',
};

/**
 * `America/New_York` -> `Eastern Time (America/New_York)`; `Etc/GMT+5` ->
 * `UTC-05:00 (Etc/GMT+5)`, since a reader takes the name's sign the wrong
 * way round (SLA3082).
 */
export function spellTimeZone(zone: string, namedOn: string = NAMED_ON): string {
  const etc = etcOffsetZone(zone);
  const name = ZONE_NAMES[zone] ?? (etc ? `UTC${etc.offset}` : genericZoneName(zone, namedOn));
  return name ? `${name} (${zone})` : zone;
}

/**
 * The day a zone is named as of when the agreement gives none (its effective
 * date, else this): zones change hands, and a name taken at the epoch is
 * 1970's (Europe/Vilnius and Europe/Kyiv were then Moscow Standard Time,
 * Europe/Istanbul Eastern European Time). A fixed day keeps the output the
 * same from one year to the next.
 */
const NAMED_ON = '2026-01-01';

function genericZoneName(zone: string, namedOn: string): string | undefined {
  try {
    // `namedOn` is a checked date (the effective date); noon keeps it that day in every zone.
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(Date.parse(`${namedOn}T12:00:00Z`));
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    return name && !name.startsWith('GMT') ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `a Critical ticket`, `an Urgent ticket`: the article by the first letter,
 * which suits severity names; a letter and a number (`S1`, `P2`), read
 * letter by letter, by the sound of the letter's name: `an S1`, `a P2`.
 */
export function withArticle(noun: string): string {
  const spelt = /^[A-Z](?:\d|$)/.test(noun);
  const vowelSound = spelt ? /^[AEFHILMNORSX]/.test(noun) : /^[AEIOU]/i.test(noun);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/** `ordinal(2)` -> `2nd`. */
export function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

/** `08:00–18:00`, or `22:00–06:00 (next day)` for a range that crosses midnight. */
export function spellRange(range: MinuteRange): string {
  const crosses = range.end > 1440;
  return `${clockTime(range.start)}–${clockTime(range.end)}${crosses ? ' (next day)' : ''}`;
}

/** `08:00–12:00 and 13:00–17:00`. */
export function spellRanges(ranges: readonly MinuteRange[]): string {
  return joinWithAnd(ranges.map(spellRange));
}

