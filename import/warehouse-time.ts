/**
 * Times as warehouses write them: `2020-02-19 01:54:52`, with an optional
 * fraction, a `T` instead of the space, and an optional offset or `Z`.
 * Fivetran stores every timestamp in UTC, so a time without an offset is UTC.
 */
const WAREHOUSE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?: ?(Z|UTC|[+-]\d{2}:?\d{2}))?$/;

/** Epoch milliseconds of a warehouse time, or undefined when it is not one. */
export function parseWarehouseTime(text: string): number | undefined {
  const match = WAREHOUSE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return undefined;
  const local = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  // Date.UTC rolls 2021-02-30 over into March; such a date is not a date.
  if (new Date(local).getUTCDate() !== fields[2]) return undefined;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  return local + millis - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'UTC') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** The log's form of an instant: ISO 8601 in UTC, without milliseconds when there are none. */
export function formatLogTime(time: number): string {
  const iso = new Date(time).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
