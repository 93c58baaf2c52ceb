/**
 * The UNTIL, EXDATE, RDATE and RECURRENCE-ID of an all-day (DATE) series
 * written as DATE-TIMEs, read as the days they name. RFC 5545 (3.3.10) wants UNTIL of a DATE series
 * to be a DATE, but exporters (Outlook) write the local midnight of the day
 * meant in UTC: `UNTIL=20260125T110000Z` is Monday 26 January 00:00 in
 * Auckland. ical.js compares an all-day occurrence, as UTC midnight, with
 * that instant, so in a zone far from UTC it lost the last day, and kept a
 * day an EXDATE excludes. RFC 5545 bounds the series by UNTIL inclusively:
 * an all-day occurrence begins at the local midnight of its day in the
 * calendar's zone, so it is in the series when that midnight is not after
 * UNTIL, that is when its day is not after UNTIL's day in that zone. A
 * UTC time (`Z`) therefore names the day of the calendar's zone it falls on,
 * and a local time (with TZID, or floating) the day written. ical.js is then
 * given DATEs, which it compares as days, as it is meant to.
 */
import { IANAZone } from 'luxon';

/** `YYYY-MM-DDTHH:MM:SS[Z]`, as ical.js's parser writes a DATE-TIME. */
const JCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;
/** `YYYYMMDDTHHMMSS[Z]`, as a file writes one. */
const ICAL_DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i;

/** The day (year, month, day) a DATE-TIME's parts name for an all-day series of a calendar in `zone`. */
function dayNamed(parts: readonly string[], zone: string): [number, number, number] {
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (parts[7] === '') return [year, month, day];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day); // keeps years 0-99, which Date.UTC maps to 1900-1999
  instant.setUTCHours(hour, minute, second);
  const offsetMinutes = IANAZone.isValidZone(zone) ? IANAZone.create(zone).offset(instant.getTime()) : 0;
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** A DATE-TIME as ical.js's parser writes it, as the DATE (`YYYY-MM-DD`) it names; other values unchanged. */
export function jcalDayOf(value: string, zone: string): string {
  const match = JCAL_DATE_TIME.exec(value);
  if (!match) return value;
  const [year, month, day] = dayNamed(match, zone);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A DATE-TIME as a file writes it (an RRULE's UNTIL), as the DATE (`YYYYMMDD`) it names; other values unchanged. */
export function icalDayOf(value: string, zone: string): string {
  const match = ICAL_DATE_TIME.exec(value);
  if (!match) return value;
  const [year, month, day] = dayNamed(match, zone);
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}`;
}

type JcalProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** A DATE-TIME as the day it names; a PERIOD (`[start, end or duration]` in ical.js's tree) as the day its start names. */
function dayOfValue(value: unknown, zone: string): unknown {
  const start = Array.isArray(value) ? value[0] : value;
  return typeof start === 'string' ? jcalDayOf(start, zone) : value;
}

/**
 * In ical.js's parse tree, the UNTIL of each RRULE and the EXDATEs and
 * RDATEs of every event whose DTSTART is a DATE become the DATEs they name
 * in `zone`. An RDATE DATE-TIME gave no holiday at all (the occurrence was
 * not a date, and only all-day occurrences are holidays); an RDATE PERIOD
 * names the day of its start, and lasts as long as the event, as every
 * other occurrence of an all-day series does. So does the RECURRENCE-ID of
 * a moved occurrence of an all-day series (by UID), whatever its own
 * DTSTART: ical.js finds the occurrence an override replaces by its
 * RECURRENCE-ID's text, so a DATE-TIME one (`RECURRENCE-ID:20260111T110000Z`
 * for Monday 12 January in Auckland) matched no day, and the override was
 * dropped without a word: the day it moved from stayed a holiday and the
 * day it moved to was not one.
 */
export function readAllDayTimesAsDays(jcal: unknown[], zone: string, allDaySeries: ReadonlySet<string> = allDaySeriesOf(jcal)): unknown[] {
  const [name, properties, components] = jcal as [string, JcalProperty[], unknown[][]];
  if (name === 'vevent' && properties.some(isDateStart)) {
    for (const property of properties) {
      if ((property[0] === 'exdate' || property[0] === 'rdate') && (property[2] === 'date-time' || property[2] === 'period')) readAsDays(property, zone);
      for (const rule of property[0] === 'rrule' ? (property.slice(3) as { until?: unknown }[]) : []) {
        if (typeof rule.until === 'string') rule.until = jcalDayOf(rule.until, zone);
      }
    }
  }
  if (name === 'vevent') {
    const recurrenceId = properties.find(([property]) => property === 'recurrence-id');
    const uid = uidOf(properties);
    if (recurrenceId?.[2] === 'date-time' && uid !== '' && allDaySeries.has(uid)) readAsDays(recurrenceId, zone);
  }
  for (const component of components) readAllDayTimesAsDays(component, zone, allDaySeries);
  return jcal;
}

/** A DATE-TIME (or PERIOD) property made the DATEs its values name in `zone`. */
function readAsDays(property: JcalProperty, zone: string): void {
  property.splice(2, property.length - 2, 'date', ...property.slice(3).map((value) => dayOfValue(value, zone)));
  delete property[1]['tzid'];
}

function isDateStart([property, , type]: JcalProperty): boolean {
  return property === 'dtstart' && type === 'date';
}

function uidOf(properties: readonly JcalProperty[]): string {
  return String(properties.find(([property]) => property === 'uid')?.[3] ?? '');
}

/** The UIDs of the all-day series of a parse tree: events without RECURRENCE-ID whose DTSTART is a DATE. */
function allDaySeriesOf(jcal: unknown[], into = new Set<string>()): Set<string> {
  const [name, properties, components] = jcal as [string, JcalProperty[], unknown[][]];
  if (name === 'vevent' && properties.some(isDateStart) && !properties.some(([property]) => property === 'recurrence-id')) into.add(uidOf(properties));
  for (const component of components) allDaySeriesOf(component, into);
  return into;
}
