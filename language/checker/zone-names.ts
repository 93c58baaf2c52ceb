/**
 * Zone names that are valid and yet rarely mean what their author meant.
 * The time-zone database keeps abbreviations as the zone of one place:
 * `EST` is America/Panama (no summer time, where New York has one), `MST`
 * is America/Phoenix, `BST` Asia/Dhaka (not British Summer Time), `IST`
 * India's. And `Etc/GMT+5` is five hours *behind* UTC. An agreement's hours
 * read in the wrong zone are a contract's hours an hour off half the year,
 * so the checker says what the name is read as (SLA3081, SLA3082).
 */

/** Capitals, maybe with the POSIX form's digits: `EST`, `BST`, `CST6CDT`. */
const ABBREVIATION = /^[A-Z]{2,5}(?:\d[A-Z]{3})?$/;
/** Names of UTC itself, which need no note. */
const UTC_NAMES = new Set(['UTC', 'GMT', 'UCT', 'GMT0']);
const ETC_OFFSET = /^Etc\/GMT([+-])(\d{1,2})$/;
/**
 * The offsets of these zones have not changed in decades; a fixed year keeps
 * the message the same from one run to the next.
 */
const REFERENCE_YEAR = 2026;

/** What the common abbreviations are usually meant for, and the zone to write when one place is clear. */
const MEANINGS: Readonly<Record<string, { advice: string; suggestion?: string }>> = {
  EST: { advice: 'Eastern Time, with its summer time, is "America/New_York".', suggestion: 'America/New_York' },
  CST: { advice: 'Central Time is "America/Chicago"; China\'s time is "Asia/Shanghai".' },
  MST: { advice: 'Mountain Time, with its summer time, is "America/Denver"; Arizona keeps UTC-07:00 all year as "America/Phoenix".' },
  PST: { advice: 'Pacific Time is "America/Los_Angeles".', suggestion: 'America/Los_Angeles' },
  HST: { advice: 'Hawaii\'s time is "Pacific/Honolulu".', suggestion: 'Pacific/Honolulu' },
  BST: { advice: 'British time, with its summer time, is "Europe/London".', suggestion: 'Europe/London' },
  IST: { advice: 'India\'s time is "Asia/Kolkata", Ireland\'s "Europe/Dublin", Israel\'s "Asia/Jerusalem".' },
  CET: { advice: 'Name the place whose hours these are, such as "Europe/Berlin" or "Europe/Paris".' },
};

/** An abbreviation's reading (SLA3081): the zone it is read as, its offsets, and advice. */
interface AbbreviatedZone {
  resolved: string;
  offsets: string;
  advice: string;
  /** The zone the author most likely meant, when one place is clear (a quick fix). */
  suggestion?: string;
}

/** The reading of a valid zone name written as an abbreviation (`EST`), or undefined for any other name (an unknown one too). */
function abbreviatedZone(name: string): AbbreviatedZone | undefined {
  if (!ABBREVIATION.test(name) || UTC_NAMES.has(name)) return undefined;
  const resolved = resolvedZone(name);
  if (resolved === undefined) return undefined;
  const meaning = MEANINGS[name] ?? { advice: `If these are the hours of ${resolved}, write "${resolved}"; otherwise name the place whose hours they are.`, suggestion: resolved };
  const reading: AbbreviatedZone = { resolved, offsets: offsetsOf(name), advice: meaning.advice };
  if (meaning.suggestion !== undefined) reading.suggestion = meaning.suggestion;
  return reading;
}

/** `Etc/GMT+5`: its offset as written in ISO 8601 (`-05:00`), and the name of the offset its sign suggests (`Etc/GMT-5`, UTC+05:00). */
export function etcOffsetZone(name: string): { offset: string; written: string; flipped: string } | undefined {
  const match = ETC_OFFSET.exec(name);
  if (!match || Number(match[2]) === 0) return undefined;
  const hours = match[2]!.padStart(2, '0');
  const west = match[1] === '+';
  return { offset: `${west ? '-' : '+'}${hours}:00`, written: `${west ? '+' : '-'}${hours}:00`, flipped: `Etc/GMT${west ? '-' : '+'}${Number(match[2])}` };
}

/** The zone the database reads `name` as (`EST`: America/Panama), or undefined when it knows no such zone (`AEST`). */
function resolvedZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** What the checker (and `--assume-timezone`) says of a zone name: its code, the message's words, and a quick fix when one place is clear. */
export interface ZoneNameNote {
  code: 'SLA3081' | 'SLA3082';
  args: Record<string, string>;
  suggestion?: string;
}

/** The note on a valid zone read otherwise than it seems (an abbreviation, an Etc/GMT offset), or undefined. */
export function zoneNameNote(name: string): ZoneNameNote | undefined {
  const abbreviated = abbreviatedZone(name);
  if (abbreviated) {
    const { suggestion, ...args } = abbreviated;
    return { code: 'SLA3081', args: { zone: name, ...args }, ...(suggestion === undefined ? {} : { suggestion }) };
  }
  const etc = etcOffsetZone(name);
  return etc ? { code: 'SLA3082', args: { zone: name, ...etc } } : undefined;
}

/** `UTC-05:00 all year`, or `UTC-06:00 in January and UTC-05:00 in July`. */
function offsetsOf(zone: string): string {
  const january = offsetText(zone, Date.UTC(REFERENCE_YEAR, 0, 15, 12));
  const july = offsetText(zone, Date.UTC(REFERENCE_YEAR, 6, 15, 12));
  return january === july ? `${january} all year` : `${january} in January and ${july} in July`;
}

/** `UTC-05:00` at an instant: Intl's `longOffset` (`GMT-05:00`, or `GMT` at zero) as UTC. */
function offsetText(zone: string, instant: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const offset = part?.value.replace(/^GMT/, '') ?? '';
  return `UTC${offset === '' ? '+00:00' : offset}`;
}
