/**
 * Instants and durations as people read and write them: ISO 8601 with an
 * offset, and business durations in hours and minutes.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, civilFromDay, dayFromCivil, isRealDate, pad } from './civil.js';
import { instantsAtLocal, offsetAt } from './zone.js';

/**
 * Business time for people: 95 -> `1h 35m`, 45 -> `45m`, 0.5 -> `30s`,
 * 1500 -> `25h` (never days: business hours are not days), 0 -> `0m`;
 * negative values are prefixed with `-`. Rounded to the second.
 */
export function formatDuration(minutes: number): string {
  if (Number.isNaN(minutes)) return 'NaN';
  if (!Number.isFinite(minutes)) return minutes > 0 ? '∞' : '-∞';
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const hours = Math.floor(totalSeconds / 3600);
  const mins = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}h`);
  if (mins > 0) parts.push(`${mins}m`);
  if (seconds > 0) parts.push(`${seconds}s`);
  if (parts.length === 0) return '0m';
  return (minutes < 0 ? '-' : '') + parts.join(' ');
}

/**
 * A duration that is over (`over` true) or under a threshold, as
 * `formatDuration` writes it but never rounded onto or across it: a breach
 * 0.4 s over its 1h target read `1h` beside "breached" and `0m late`; it
 * reads `1h 1s`, as notice 0.4 s short of the 48h required reads `47h 59m
 * 59s`, not `48h`. The figure moves to the nearest whole second on the
 * verdict's side, as a percentage does beside its objective (percent-text.ts).
 */
export function formatDurationBeside(minutes: number, thresholdMinutes: number, over: boolean): string {
  const threshold = thresholdMinutes * 60;
  const seconds = Math.round(minutes * 60);
  if (over && seconds <= threshold) return formatDuration((Math.floor(threshold) + 1) / 60);
  if (!over && seconds >= threshold && threshold >= 1) return formatDuration((Math.ceil(threshold) - 1) / 60);
  return formatDuration(minutes);
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO 8601 instant (`2026-11-23T08:45:00-05:00`, `...Z`, fractions of a
 * second allowed, a space for the `T` too) as epoch ms. A time without an
 * offset (or a bare date, read as local midnight) is read in `assumeZone`
 * and is undefined without one; a local time that does not exist there is
 * undefined, a repeated one is the earlier instant. Undefined when invalid.
 */
export function parseInstant(text: string, assumeZone?: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = dayFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS + millis;
  const offset = match[8];
  if (offset !== undefined) {
    const offsetMs = parseOffset(offset);
    return offsetMs === undefined ? undefined : local - offsetMs;
  }
  if (assumeZone === undefined) return undefined;
  return instantsAtLocal(assumeZone, local)[0];
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  const magnitude = hours * HOUR_MS + minutes * MINUTE_MS;
  return text.startsWith('-') ? -magnitude : magnitude;
}

/** `00` to `59`. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => pad(value));
let lastDay = NaN;
let lastDate = '';
let lastOffset = NaN;
let lastOffsetText = '';

/**
 * An instant as ISO 8601 with the zone's offset at that instant, to the
 * second (`2026-11-23T08:45:00-05:00`), and to the millisecond when it has
 * any (`2026-06-01T14:00:00.500+02:00`); in UTC with `Z` when no zone is
 * given. Log times and `--as-of` may be given to the millisecond and the
 * verdicts honour them so: cut to the second, a reply 500 ms after its due
 * instant read `"stoppedAt"` equal to `"due"` beside `"breached"`, and an
 * as-of instant read as an earlier one, before which the events it left
 * out seemed to fall.
 */
export function formatInstant(instant: number, zone?: string): string {
  const text = formatWholeSeconds(instant, zone);
  const milliseconds = instant - Math.floor(instant / SECOND_MS) * SECOND_MS;
  if (milliseconds === 0) return text;
  // After the seconds (`…T14:00:00`), before the offset or `Z`.
  const at = text.indexOf(':', text.indexOf('T')) + 6;
  return `${text.slice(0, at)}.${String(Math.floor(milliseconds)).padStart(3, '0')}${text.slice(at)}`;
}

/** `formatInstant` truncated to the second. */
function formatWholeSeconds(instant: number, zone?: string): string {
  if (!Number.isFinite(instant)) throw new RangeError(`Cannot format the instant ${instant}.`);
  const seconds = Math.floor(instant / SECOND_MS) * SECOND_MS;
  const offset = zone === undefined ? 0 : offsetAt(zone, seconds);
  const local = seconds + offset;
  const day = Math.floor(local / DAY_MS);
  // Reports format millions of instants, mostly of a few days and offsets: reuse the last ones' text.
  if (day !== lastDay) {
    const { year, month, day: dayOfMonth } = civilFromDay(day);
    lastDay = day;
    lastDate = `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}T`;
  }
  const time = local - day * DAY_MS;
  const clock = `${TWO_DIGITS[Math.floor(time / HOUR_MS)]}:${TWO_DIGITS[Math.floor((time % HOUR_MS) / MINUTE_MS)]}:${TWO_DIGITS[Math.floor((time % MINUTE_MS) / SECOND_MS)]}`;
  if (zone === undefined) return `${lastDate}${clock}Z`;
  if (offset !== lastOffset) {
    lastOffset = offset;
    lastOffsetText = formatOffset(offset);
  }
  return lastDate + clock + lastOffsetText;
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const magnitude = Math.abs(offset);
  const text = `${sign}${pad(Math.floor(magnitude / HOUR_MS))}:${pad(Math.floor((magnitude % HOUR_MS) / MINUTE_MS))}`;
  const seconds = Math.floor((magnitude % MINUTE_MS) / SECOND_MS);
  return seconds === 0 ? text : `${text}:${pad(seconds)}`;
}

/**
 * Where a date or an instant's text (`formatInstant`) falls against the
 * years a report can cover, 0000 to 9999: `before` for a year before 0000
 * (written `-0001-...`), `past` for one after 9999 (`+010000-...`), else
 * undefined.
 */
export function outsideReportYears(text: string): 'before' | 'past' | undefined {
  if (text.startsWith('-')) return 'before';
  return /^\d{4}-/.test(text) ? undefined : 'past';
}
