/**
 * `holidays from "company.ics"`: every all-day event of an iCalendar file
 * (DTSTART;VALUE=DATE) is a holiday on each of its days (DTEND exclusive, one
 * day when absent). Recurring events recur (RRULE, RDATE, EXDATE, and moved
 * occurrences by RECURRENCE-ID). Timed events are ignored: a file of meetings
 * must not close the calendar. Cancelled events (STATUS:CANCELLED) are ignored.
 *
 * The file is read by the language's reader (the checker reported its
 * problems, SLA3071-SLA3074). Each recurring event is expanded once, in date
 * order, as far as the years asked for need: the clock asks year after year
 * when it looks for open time, and expanding from DTSTART for every year made
 * a calendar the file keeps closed take hours.
 */
import type ICAL from 'ical.js';
import { catalogueEntry } from '../../../language/diagnostics/catalogue.js';
import { formatMessage } from '../../../language/diagnostics/diagnostic.js';
import { fittingOccurrences, LAST_HOLIDAY_YEAR } from '../../../language/holidays/ical-occurrences.js';
import { icalProblemDiagnostic, isCancelled, readIcalFile, type IcalHolidayEvent } from '../../../language/holidays/ical-reading.js';
import type { HolidayFileModel } from '../../../language/model/model.js';
import { dayFromCivil } from '../civil.js';
import type { HolidayDay, HolidaySource } from './source.js';

type IcalTime = InstanceType<typeof ICAL.Time>;

/** Holidays are kept from this year on: the clock looks at 1800 and later (a day of 1799 can touch 1800 across zones). */
const FIRST_KEPT_DAY = dayFromCivil(1799, 1, 1);
const AFTER_KEPT_DAY = dayFromCivil(LAST_HOLIDAY_YEAR + 1, 1, 1);
/** A later occurrence may have been moved (RECURRENCE-ID) up to a year back into the year asked for. */
const MOVED_OCCURRENCE_REACH = 366;

function dayOf(time: IcalTime): number {
  return dayFromCivil(time.year, time.month, time.day);
}

/** Holidays by year, as one event's occurrences are added. */
class HolidaysByYear {
  private readonly years = new Map<number, HolidayDay[]>();

  /** The days of one occurrence: DTEND is exclusive; at least its start day. */
  add(name: string, from: string, start: IcalTime, end: IcalTime | null | undefined): void {
    if (!start.isDate) return; // an occurrence moved to a time of day is no longer all-day
    const first = dayOf(start);
    const after = end ? Math.max(first + 1, dayOf(end)) : first + 1;
    let year = start.year;
    let nextYearDay = dayFromCivil(year + 1, 1, 1);
    for (let day = Math.max(first, FIRST_KEPT_DAY); day < Math.min(after, AFTER_KEPT_DAY); day++) {
      while (day >= nextYearDay) nextYearDay = dayFromCivil(++year + 1, 1, 1);
      const list = this.years.get(year) ?? [];
      list.push({ day, name, origin: 'file', from });
      this.years.set(year, list);
    }
  }

  of(year: number): readonly HolidayDay[] {
    return this.years.get(year) ?? [];
  }
}

/** One recurring event, expanded lazily and once: `reachedDay` is the recurrence day expanded up to. */
class RecurringExpansion {
  private readonly occurrences: Generator<IcalTime>;
  private readonly holidays = new HolidaysByYear();
  private reachedDay = -Infinity;
  private done = false;

  constructor(
    private readonly held: IcalHolidayEvent,
    private readonly path: string,
  ) {
    this.occurrences = fittingOccurrences(held.event, held.rules);
  }

  holidaysOfYear(year: number): readonly HolidayDay[] {
    const needed = dayFromCivil(year + 1, 1, 1) + MOVED_OCCURRENCE_REACH;
    const event = this.held.event;
    const name = event.summary || 'Holiday';
    const hasExceptions = Object.keys(event.exceptions).length > 0;
    while (!this.done && this.reachedDay < needed) {
      const next = this.occurrences.next();
      if (next.done) {
        this.done = true;
        break;
      }
      this.reachedDay = dayOf(next.value);
      if (!hasExceptions) {
        // Without moved occurrences, each lasts as long as the event: ical.js's details cost more than the expansion.
        this.holidays.add(name, this.path, next.value, event.endDate ? shifted(event, next.value) : undefined);
        continue;
      }
      const details = event.getOccurrenceDetails(next.value);
      // An override with STATUS:CANCELLED cancels its occurrence (RFC 5545), as a cancelled event gives nothing.
      if (details.item !== event && isCancelled(details.item.component)) continue;
      this.holidays.add(details.item.summary || name, this.path, details.startDate, details.endDate);
    }
    return this.holidays.of(year);
  }
}

/** The end of an occurrence starting at `start`: the event's end moved by as many days as its start. */
function shifted(event: IcalHolidayEvent['event'], start: IcalTime): IcalTime {
  const end = event.endDate.clone();
  end.adjust(dayOf(start) - dayOf(event.startDate), 0, 0, 0);
  return end;
}

/** The all-day events of one file, as a source; recurring events are expanded once, as far as asked. */
export function icalHolidaySource(calendarName: string, zone: string, file: HolidayFileModel): HolidaySource {
  const reading = readIcalFile(file.ics, zone);
  const problem = reading.problems[0];
  if (problem) {
    const { code, args } = icalProblemDiagnostic(file.path, problem);
    throw new RangeError(`Calendar ${calendarName}: "${file.path}" is not an iCalendar file slac can follow (${code} ${formatMessage(catalogueEntry(code).message, args)})`);
  }
  const single = new HolidaysByYear();
  const recurring: RecurringExpansion[] = [];
  for (const held of reading.events) {
    if (held.event.isRecurring()) recurring.push(new RecurringExpansion(held, file.path));
    else single.add(held.event.summary || 'Holiday', file.path, held.event.startDate, held.event.endDate);
  }
  return {
    holidaysOfYear(year) {
      const days = [...single.of(year), ...recurring.flatMap((expansion) => expansion.holidaysOfYear(year))];
      return days.sort((a, b) => a.day - b.day);
    },
  };
}
