/**
 * `holidays "DE-BE"`: the public holidays of a country (and subdivision) from
 * the `date-holidays` data set. Only type `public` counts (not bank, school,
 * optional or observance). Substitute days count as the data set gives them.
 * The date is the data set's local date for the holiday, read as a date of
 * the calendar's zone. An entry of several days closes each of them; an entry
 * starting after midnight (AU-SA's Christmas Eve from 19:00) closes its first
 * day from that time only. An Islamic holiday that the data set starts on the
 * eve (`2026-03-20 00:00:00 -0600`) counts from its own date, not the eve.
 */
import Holidays from 'date-holidays';
import { isKnownHolidayCode as isTabledHolidayCode } from '../../../language/holidays/known-codes.js';
import { DAY_MS, dayFromCivil } from '../civil.js';
import type { HolidayDay, HolidaySource } from './source.js';

/** One public holiday as the data set gives it, on its first local date. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`, the data set's local date. */
  date: string;
  name: string;
  /** Whether the data set marks it as a substitute day (`Boxing Day (substitute day)`). */
  substitute: boolean;
  /** Whole local days it covers, from `date` (1 for most). */
  days: number;
  /** Minute of the first day it starts at (0 for most). */
  startMinute: number;
}

const instances = new Map<string, Holidays | null>();
const yearsByCode = new Map<string, Map<number, PublicHoliday[]>>();
/** Codes another thread found known and handed over (`seedPublicHolidays`). */
const seededCodes = new Set<string>();

/**
 * What one thread has of the data set, for another to take instead of
 * loading it: a `slac check --jobs N` worker is given the codes of its
 * agreement and their holidays over the years of the log, and so never
 * loads the data set, which with the libraries under it is most of the
 * worker's program (runtime/clock/holidays/date-holidays-on-demand.ts).
 */
export interface PublicHolidaysSeed {
  /** Codes the data set knows. */
  codes: string[];
  /** Their holidays, a year at a time. */
  years: { code: string; year: number; holidays: PublicHoliday[] }[];
}

/** The seed of `codes` (each known) over `years`, computed here (and kept, as any year asked for is). */
export function publicHolidaysSeed(codes: readonly string[], years: readonly number[]): PublicHolidaysSeed {
  const known = codes.filter(isKnownHolidayCode);
  return { codes: known, years: known.flatMap((code) => years.map((year) => ({ code, year, holidays: publicHolidaysOfCode(code, year) }))) };
}

/** Takes what another thread computed: those codes are known, and those years are not computed again. */
export function seedPublicHolidays(seed: PublicHolidaysSeed): void {
  for (const code of seed.codes) seededCodes.add(code);
  for (const { code, year, holidays } of seed.years) {
    let years = yearsByCode.get(code);
    if (!years) yearsByCode.set(code, (years = new Map()));
    years.set(year, holidays);
  }
}

/** Whether this thread has built any of the data set's instances (a seeded worker builds none). */
export function holidayDataSetUsed(): boolean {
  return instances.size > 0;
}

/** The data set's instance for a code, built once per thread (building one takes milliseconds); null when unknown. */
function instanceOf(code: string): Holidays | null {
  let instance = instances.get(code);
  if (instance === undefined) {
    const [country = '', state, region] = code.split('-');
    instance = null;
    if (/^[A-Z]{2}$/i.test(country)) {
      const candidate = new Holidays();
      // init() answers false-ish (no rules) for an unknown country, state or region.
      const known = candidate.init(country, state ?? '', region ?? '', { types: ['public'] }) as unknown;
      if (known !== false && candidate.getRules().length > 0 && subdivisionExists(candidate, country, state, region)) {
        candidate.setLanguages(namingLanguages(country, candidate.getLanguages()));
        instance = candidate;
      }
    }
    instances.set(code, instance);
  }
  return instance;
}

/**
 * The United States' territories keep the federal holidays, but the data set
 * gives them plain `en`, whose English is British ("Labour Day").
 */
const AMERICAN_ENGLISH = new Set(['AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

/**
 * The languages a holiday's name is taken in, first found first: the
 * country's own English where the data set has one (`en-us`: "Labor Day"),
 * then its plain English ("Labour Day", right for the Commonwealth), then
 * the country's own languages for a holiday with no English name (Tunisia's
 * are in Arabic). `langs` is the instance's list: the country's languages
 * and `en`.
 */
function namingLanguages(country: string, langs: readonly string[]): string[] {
  const ownEnglish = langs.filter((lang) => /^en-/i.test(lang));
  if (ownEnglish.length === 0 && AMERICAN_ENGLISH.has(country.toUpperCase())) ownEnglish.push('en-us');
  return [...ownEnglish, 'en', ...langs];
}

function subdivisionExists(holidays: Holidays, country: string, state?: string, region?: string): boolean {
  if (state === undefined) return true;
  const states = holidays.getStates(country) ?? {};
  if (!Object.keys(states).some((key) => key.toUpperCase() === state.toUpperCase())) return false;
  if (region === undefined) return true;
  const regions = holidays.getRegions(country, state) ?? {};
  return Object.keys(regions).some((key) => key.toUpperCase() === region.toUpperCase());
}

/**
 * Whether the data set knows a country or subdivision code (`DE`, `DE-BE`,
 * `US-LA-NO`), asking the data set itself (and so loading it) only about a
 * code that neither a seed (another thread's) nor the table of codes (the
 * checker's, made from the data set) knows: a compiled model given `us`
 * by hand.
 */
export function isKnownHolidayCode(code: string): boolean {
  return seededCodes.has(code) || isTabledHolidayCode(code) || instanceOf(code) !== null;
}

/**
 * The public holidays of a code whose first date falls in `year`, in date
 * order, as the data set gives them (English names). Empty for an unknown
 * code. Computed once per code and year. No language is passed to
 * `getHolidays`: the instance's own list (`namingLanguages`) decides, and the
 * data set would prepend a passed one to that list on every call.
 */
export function publicHolidaysOfCode(code: string, year: number): PublicHoliday[] {
  let years = yearsByCode.get(code);
  if (!years) yearsByCode.set(code, (years = new Map()));
  let list = years.get(year);
  if (!list) {
    const instance = instanceOf(code);
    list = instance ? instance.getHolidays(year).filter((entry) => entry.type === 'public').map(toPublicHoliday) : [];
    years.set(year, list);
  }
  return list;
}

function toPublicHoliday(entry: { date: string; name: string; substitute?: boolean; start: Date; end: Date }): PublicHoliday {
  const [, date = '', hours = '00', minutes = '00'] = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(entry.date) ?? [];
  const length = entry.end.getTime() - entry.start.getTime();
  if (EVE_START.test(entry.date)) return { date, name: entry.name, substitute: entry.substitute === true, days: wholeDaysOfEveEntry(length), startMinute: 0 };
  const startMinute = Number(hours) * 60 + Number(minutes);
  // Whole days from the local date: a 72-hour Eid is three days; 23 or 25 hours (daylight saving) is one.
  const span = length / DAY_MS + startMinute / 1440;
  return { date, name: entry.name, substitute: entry.substitute === true, days: Math.max(1, Math.round(span)), startMinute };
}

/** `2026-03-20 00:00:00 -0600`: the data set starts the entry on the eve, at sunset (Islamic holidays). */
const EVE_START = / [-+]\d{4}$/;
/** A day saving change inside an entry, which makes a day 23 or 25 hours (30 minutes on Lord Howe). */
const DAY_SAVING_SLACK_MS = 2 * 3_600_000;

/**
 * The days of an entry that starts on the eve, counted from its own date
 * (the day after the eve): its whole days only. Most such entries are
 * whole days (24, 72, 96 hours), but TR's two feasts run 90 and 114 hours
 * from sunset on the eve, which reaches noon of the day after their last
 * official day: rounded, Monday 23 March 2026 would close though it is a
 * working day in Turkey. Whole days give Ramazan Bayramı 3 days and Kurban
 * Bayramı 4, the official counts.
 */
function wholeDaysOfEveEntry(length: number): number {
  return Math.max(1, Math.floor((length + DAY_SAVING_SLACK_MS) / DAY_MS));
}

/**
 * The holidays of one code, as a source. Throws a RangeError for a code the
 * data set does not know (the checker rejects it first). A code the checker
 * takes (`US`, `DE-BE`) is known from the table of codes, not the data set,
 * which is loaded once a year's holidays are asked for: a check that stops
 * before its evaluation (a bad `--as-of`, a log's errors) never loads it.
 * The data set is asked about any other code that a compiled model was
 * given by hand and whose load accepted it (`us`, `US-LA-NO`).
 */
export function countryHolidaySource(calendarName: string, code: string): HolidaySource {
  if (!isKnownHolidayCode(code)) throw new RangeError(`Calendar ${calendarName}: unknown holiday code "${code}".`);
  return {
    holidaysOfYear(year) {
      const days: HolidayDay[] = [];
      // An entry of several days that starts in late December reaches into the next year.
      for (const entry of [...publicHolidaysOfCode(code, year - 1), ...publicHolidaysOfCode(code, year)]) {
        const [y, m, d] = entry.date.split('-').map(Number);
        const first = dayFromCivil(y!, m!, d!);
        for (let offset = 0; offset < entry.days; offset++) {
          const day = first + offset;
          const partial = offset === 0 && entry.startMinute > 0;
          days.push({ day, name: entry.name, origin: 'country', from: code, ...(partial ? { closedFrom: entry.startMinute } : {}) });
        }
      }
      const firstDay = dayFromCivil(year, 1, 1);
      const lastDay = dayFromCivil(year + 1, 1, 1);
      return days.filter((holiday) => holiday.day >= firstDay && holiday.day < lastDay).sort((a, b) => a.day - b.day);
    },
  };
}
